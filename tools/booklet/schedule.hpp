#pragma once
// What the booklet's calendar and app writers add to core's program model.
#include <string>

#include "proceedings/program.hpp"

namespace proceedings::booklet {

// frab's event type for an entry (lecture, podium, other): apps filter on these.
std::string frab_type(const Entry& e);

// A name-based UUID (version 5 layout) from an entry's stable uid: frab's guid.
std::string entry_guid(const std::string& uid);

// The room apps show: the entry's room, or "Room TBA" when the program names none.
std::string room_name(const Entry& e);

}  // namespace proceedings::booklet

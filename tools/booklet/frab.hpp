#pragma once
// The frab schedule XML that pretalx and conference apps exchange:
// schedule/conference/day/room/event, written with libxml2.
#include <string>

#include "proceedings/model.hpp"
#include "booklet/schedule.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings::booklet {

// An event of a session in `flags` has the mark after its title and the note as its description.
std::string frab_xml(const Workshop& w, const TimeZone& zone, const Flags& flags = {});

}  // namespace proceedings::booklet

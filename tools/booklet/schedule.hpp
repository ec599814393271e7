#pragma once
// What the booklet's calendar and app writers add to core's program model.
#include <map>
#include <string>
#include <vector>

#include "proceedings/program.hpp"
#include "proceedings/program_checks.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings::booklet {

// frab's event type for an entry (lecture, podium, other): apps filter on these.
std::string frab_type(const Entry& e);

// A name-based UUID (version 5 layout) from an entry's stable uid: frab's guid.
std::string entry_guid(const std::string& uid);

// The room apps show: the entry's room, or "Room TBA" when the program names none.
std::string room_name(const Entry& e);

// "2025-11-16T09:00:00-06:00": a wall-clock time on `date` with the zone's UTC offset then.
std::string iso_instant(const std::string& date, const TimeZone& zone, int minutes);

// The program check's errors published anyway (--force), by the session they
// are about: each writer marks that session's times with a dagger (as the PDF
// booklet does) and says why, so that no reader takes a slip for the time.
class Flags {
 public:
  Flags() = default;
  explicit Flags(const std::vector<ProgramFinding>& unresolved);
  bool marked(const Entry& e) const { return notes_.count(e.session) > 0; }
  // " †" for a marked entry, "" otherwise: what follows its time.
  std::string mark(const Entry& e) const { return marked(e) ? " †" : ""; }
  // "Published as the organizers gave it; the program check reports: ..." or "".
  std::string note(const Entry& e) const;

 private:
  std::map<const Session*, std::vector<std::string>> notes_;
};

}  // namespace proceedings::booklet

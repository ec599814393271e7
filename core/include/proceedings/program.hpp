#pragma once
// The program as one model that every writer renders the same way: the
// book's program page, the booklet (PDF, web page, calendar, frab) and the
// report. One time format ("9:10", as the publisher prints it), one name
// list ("A, B, and C"), one date ("November 16, 2025").
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "proceedings/model.hpp"
#include "proceedings/text.hpp"

namespace proceedings {

// "2025-11-16" -> "November 16, 2025"; other text is returned as it is.
std::string long_date(const std::string& iso);

// "2025-11-16" -> "Sunday, November 16, 2025": a day's heading in a program of several.
std::string day_heading(const std::string& iso);

// Minutes after midnight as printed in a program: "9:05", "13:30".
std::string clock_text(int minutes);

// "9:00<dash>9:10", or the start alone, or "" when there is no start.
std::string time_span(const std::optional<int>& start, const std::optional<int>& end, const std::string& dash);

// The people's names as text.hpp's name_list prints them: "A, B, and C".
std::string name_list(const std::vector<Person>& people);

// "Name (Affiliation), Name, and Name (Affiliation)" as a program prints speakers.
std::string with_affiliations(const std::vector<Person>& people);

// One entry of the program: every session, and every talk with the time it
// has or inherits from a session that holds only it.
struct Entry {
  std::string uid;        // stable: workshop id, session id, talk number
  const Session* session = nullptr;
  const Talk* talk = nullptr;  // null for the session itself
  std::string title;
  std::vector<std::string> people;  // speakers (talks) or chairs (sessions)
  std::optional<int> start;         // minutes after local midnight
  std::optional<int> end;           // as published, or assumed (see end_assumed)
  bool end_assumed = false;         // the program gives no end: calendars get the venue's default length
  std::string room;                 // the session's room, or the program's; empty when not announced
  std::string date;                 // YYYY-MM-DD: the session's day, or the venue's
  std::string label() const;        // "session 'X'" or "talk 'Y' in session 'X'"
  std::optional<int> published_end() const { return end_assumed ? std::nullopt : end; }
};

std::vector<Entry> schedule(const Workshop& w);

// A session's date and room: its own, else the venue's (program.room).
const std::string& date_of(const Workshop& w, const Session& s);
const std::string& room_of(const Workshop& w, const Session& s);

// The dates of the entries, in calendar order; their rooms in order of first use.
std::vector<std::string> program_dates(const std::vector<Entry>& entries);
std::vector<std::string> program_rooms(const std::vector<Entry>& entries);

// More than one date or room: the writers lay the program out by day and room.
bool by_days_and_rooms(const std::vector<Entry>& entries);

// "November 16, 2025", or "November 16, 2025 to November 18, 2025" for several days.
std::string dates_text(const std::vector<Entry>& entries, const std::string& venue_date);

// The program of a volume: its workshops' programs as one that every writer
// takes. Each session keeps its date and room, made explicit (a one-day
// workshop's: its `date` and program.room); its id becomes "<workshop
// id>-<session id>", `venue` names its workshop (frab's track, the web page's
// cells), and its findings point to its own workshop.yaml. The papers are the
// workshops' (a paper id used twice is a usage Error naming both files).
// `head` gives the volume's id, acronym, name, kind, host, place, date, time
// zone, website and organizers (volume.hpp's volume_venue). A workshop in
// another time zone is a usage Error naming its file and the volume's folder.
Workshop merged_program(const Workshop& head, const std::vector<Workshop>& parts);

// What calendars and apps list, once each: the talks of a session whose talks
// all have times, and the session itself otherwise (breaks, openings, a
// session of untimed talks).
std::vector<const Entry*> events(const std::vector<Entry>& entries);

// The accepted paper a talk presents, or null.
const Paper* paper_of(const Workshop& w, const Talk& talk);

// Speakers of a talk as persons: its speakers, or the authors of the paper it presents.
std::vector<Person> people_of(const Workshop& w, const Talk& talk);

// Their names.
std::vector<std::string> speakers_of(const Workshop& w, const Talk& talk);

// Each talk's slug, its page on the event's site (/talks/<slug>) and its
// summary in the report (report/talks/<slug>.md): its own `slug`, else its
// title's; a second talk of the same title gets "-2".
std::map<const Talk*, std::string> talk_slugs(const Workshop& w);

}  // namespace proceedings

#pragma once
// The program as timed entries: every session, and every talk with the time
// it has or inherits from a session that holds only it.
#include <optional>
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings::booklet {

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
  std::string label() const;        // "session 'X'" or "talk 'Y' in session 'X'"
  std::optional<int> published_end() const { return end_assumed ? std::nullopt : end; }
};

std::vector<Entry> schedule(const Workshop& w);

// What calendars and apps list, once each: the talks of a session whose talks
// all have times, and the session itself otherwise (breaks, openings, a
// session of untimed talks).
std::vector<const Entry*> events(const std::vector<Entry>& entries);

// frab's event type for an entry (lecture, podium, other): apps filter on these.
std::string frab_type(const Entry& e);

// A name-based UUID (version 5 layout) from an entry's stable uid: frab's guid.
std::string entry_guid(const std::string& uid);

// The room apps show: the entry's room, or "Room TBA" when the program names none.
std::string room_name(const Entry& e);

// Speakers of a talk: its speakers, or the authors of the paper it presents.
std::vector<std::string> speakers_of(const Workshop& w, const Talk& talk);

// The accepted paper a talk presents, or null.
const Paper* paper_of(const Workshop& w, const Talk& talk);

// Speakers of a talk as persons: its speakers, or the authors of its paper.
std::vector<Person> people_of(const Workshop& w, const Talk& talk);

// "Name (Affiliation), Name and Name" as a program prints speakers.
std::string with_affiliations(const std::vector<Person>& people);

std::string clock_text(int minutes);  // "09:05"

// "09:00<dash>09:10", or the start alone, or "" when there is no start.
std::string time_span(const std::optional<int>& start, const std::optional<int>& end, const std::string& dash);

// "A, B and C" as names are read out in a program.
std::string spoken_list(const std::vector<std::string>& names);

}  // namespace proceedings::booklet

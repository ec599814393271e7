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
  std::optional<int> end;
  std::string label() const;        // "session 'X'" or "talk 'Y' in session 'X'"
};

std::vector<Entry> schedule(const Workshop& w);

// Speakers of a talk: its speakers, or the authors of the paper it presents.
std::vector<std::string> speakers_of(const Workshop& w, const Talk& talk);

std::string clock_text(int minutes);  // "09:05"

// "09:00<dash>09:10", or the start alone, or "" when there is no start.
std::string time_span(const std::optional<int>& start, const std::optional<int>& end, const std::string& dash);

// "A, B and C" as names are read out in a program.
std::string spoken_list(const std::vector<std::string>& names);

}  // namespace proceedings::booklet

#include "proceedings/program.hpp"

#include <algorithm>

namespace proceedings {

std::string long_date(const std::string& iso) {
  static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  int month = 0, day = 0;
  try {
    month = std::stoi(iso.substr(5, 2));
    day = std::stoi(iso.substr(8, 2));
  } catch (const std::exception&) {
    return iso;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return std::string(months[month - 1]) + " " + std::to_string(day) + ", " + iso.substr(0, 4);
}

std::string clock_text(int minutes) {
  const int m = minutes % 60;
  return std::to_string(minutes / 60) + (m < 10 ? ":0" : ":") + std::to_string(m);
}

std::string time_span(const std::optional<int>& start, const std::optional<int>& end, const std::string& dash) {
  if (!start) return "";
  return clock_text(*start) + (end ? dash + clock_text(*end) : "");
}

std::string name_list(const std::vector<Person>& people) {
  std::vector<std::string> names;
  for (const auto& p : people) names.push_back(p.name);
  return name_list(names);
}

std::string with_affiliations(const std::vector<Person>& people) {
  std::vector<std::string> parts;
  for (const auto& p : people) parts.push_back(p.affiliation().empty() ? p.name : p.name + " (" + p.affiliation() + ")");
  return name_list(parts);
}

std::string Entry::label() const {
  if (!talk) return "session '" + session->title + "'";
  return "talk '" + title + "' in session '" + session->title + "'";
}

const Paper* paper_of(const Workshop& w, const Talk& talk) {
  if (talk.paper_id.empty()) return nullptr;
  for (const auto& p : w.papers)
    if (p.id == talk.paper_id) return &p;
  return nullptr;
}

std::vector<Person> people_of(const Workshop& w, const Talk& talk) {
  if (!talk.speakers.empty()) return talk.speakers;
  const Paper* paper = paper_of(w, talk);
  return paper ? paper->authors : std::vector<Person>{};
}

std::vector<std::string> speakers_of(const Workshop& w, const Talk& talk) {
  std::vector<std::string> out;
  for (const auto& p : people_of(w, talk)) out.push_back(p.name);
  return out;
}

namespace {

// An end for what the program leaves open: the venue's default length, but
// never past the next thing that starts.
int assumed_end(int start, int default_length, std::optional<int> next_start) {
  const int end = start + default_length;
  return next_start && *next_start > start ? std::min(end, *next_start) : end;
}

}  // namespace

std::vector<Entry> schedule(const Workshop& w) {
  std::vector<Entry> out;
  for (std::size_t k = 0; k < w.sessions.size(); ++k) {
    const Session& s = w.sessions[k];
    const std::string room = s.room.empty() ? w.room : s.room;
    Entry session{w.id + "-" + s.id, &s, nullptr, s.title, s.chairs, s.start.minutes, {}, false, room};
    if (s.end) {
      session.end = s.end->minutes;
    } else {
      const auto next = k + 1 < w.sessions.size() ? std::optional<int>(w.sessions[k + 1].start.minutes) : std::nullopt;
      session.end = assumed_end(s.start.minutes, w.default_length, next);
      session.end_assumed = true;
    }
    out.push_back(session);
    for (std::size_t i = 0; i < s.talks.size(); ++i) {
      const Talk& t = s.talks[i];
      Entry talk{w.id + "-" + s.id + "-" + std::to_string(i + 1), &s, &t, t.title, speakers_of(w, t), {}, {}, false, room};
      if (t.start) talk.start = t.start->minutes;
      if (t.end) talk.end = t.end->minutes;
      if (!t.start && s.talks.size() == 1) {  // the session is this talk
        talk.start = session.start;
        talk.end = session.end;
        talk.end_assumed = session.end_assumed;
      } else if (t.start && !t.end) {  // until the next talk, or the session's end
        const bool last = i + 1 == s.talks.size();
        const auto next = !last && s.talks[i + 1].start ? std::optional<int>(s.talks[i + 1].start->minutes) : session.end;
        talk.end = next && *next > *talk.start ? *next : *talk.start + w.default_length;
        talk.end_assumed = true;
      }
      out.push_back(talk);
    }
  }
  return out;
}

std::vector<const Entry*> events(const std::vector<Entry>& entries) {
  std::vector<const Entry*> out;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].talk) continue;
    std::size_t end = i + 1;
    bool all_timed = true;
    for (; end < entries.size() && entries[end].talk; ++end) all_timed = all_timed && entries[end].start.has_value();
    if (end == i + 1 || !all_timed) {
      out.push_back(&entries[i]);
      continue;
    }
    for (std::size_t j = i + 1; j < end; ++j) out.push_back(&entries[j]);
  }
  return out;
}

}  // namespace proceedings

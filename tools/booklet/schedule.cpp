#include "booklet/schedule.hpp"

#include <cstdio>

namespace proceedings::booklet {

std::string clock_text(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::string time_span(const std::optional<int>& start, const std::optional<int>& end, const std::string& dash) {
  if (!start) return "";
  return clock_text(*start) + (end ? dash + clock_text(*end) : "");
}

std::string spoken_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : (i + 1 == names.size() ? " and " : ", ")) + names[i];
  return out;
}

std::string Entry::label() const {
  if (!talk) return "session '" + session->title + "'";
  return "talk '" + title + "' in session '" + session->title + "'";
}

std::vector<std::string> speakers_of(const Workshop& w, const Talk& talk) {
  std::vector<std::string> out;
  for (const auto& s : talk.speakers) out.push_back(s.name);
  if (out.empty() && !talk.paper_id.empty())
    for (const auto& p : w.papers)
      if (p.id == talk.paper_id)
        for (const auto& a : p.authors) out.push_back(a.name);
  return out;
}

std::vector<Entry> schedule(const Workshop& w) {
  std::vector<Entry> out;
  for (const auto& s : w.sessions) {
    Entry session{w.id + "-" + s.id, &s, nullptr, s.title, s.chairs, s.start.minutes, {}};
    if (s.end) session.end = s.end->minutes;
    out.push_back(session);
    for (std::size_t i = 0; i < s.talks.size(); ++i) {
      const Talk& t = s.talks[i];
      Entry talk{w.id + "-" + s.id + "-" + std::to_string(i + 1), &s, &t, t.title, speakers_of(w, t), {}, {}};
      if (t.start) talk.start = t.start->minutes;
      if (t.end) talk.end = t.end->minutes;
      if (!t.start && s.talks.size() == 1) {  // the session is this talk
        talk.start = session.start;
        talk.end = session.end;
      }
      out.push_back(talk);
    }
  }
  return out;
}

}  // namespace proceedings::booklet

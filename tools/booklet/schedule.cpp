#include "booklet/schedule.hpp"

#include <algorithm>
#include <cstdio>

#include "proceedings/digest.hpp"

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

std::string with_affiliations(const std::vector<Person>& people) {
  std::vector<std::string> parts;
  for (const auto& p : people) parts.push_back(p.affiliation().empty() ? p.name : p.name + " (" + p.affiliation() + ")");
  return spoken_list(parts);
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
    while (end < entries.size() && entries[end].talk) all_timed = all_timed && entries[end++].start.has_value();
    if (end == i + 1 || !all_timed) {
      out.push_back(&entries[i]);
      continue;
    }
    for (std::size_t j = i + 1; j < end; ++j) out.push_back(&entries[j]);
  }
  return out;
}

std::string frab_type(const Entry& e) {
  const std::string& kind = e.talk ? e.talk->kind : e.session->kind;
  if (kind == "discussion" || kind == "panel") return "podium";
  if (kind == "opening" || kind == "closing" || kind == "break" || kind == "remarks") return "other";
  return "lecture";  // keynote, invited, paper, talk, and sessions of talks or papers
}

std::string entry_guid(const std::string& uid) {
  std::string h = sha256_hex("proceedings:" + uid).substr(0, 32);
  h[12] = '5';
  h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

std::string room_name(const Entry& e) { return e.room.empty() ? "Room TBA" : e.room; }

}  // namespace proceedings::booklet

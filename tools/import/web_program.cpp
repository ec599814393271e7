#include "import/web_program.hpp"

#include <algorithm>

#include "import/formats.hpp"
#include "import/web_people.hpp"
#include "import/web_sessions.hpp"
#include "import/web_text.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::import::web {

void ProgramReader::line(const PageLine& line) {
  if (const auto t = time_line(line.text)) return timed_line(*t, line);
  const std::string text = normalized(line.text);
  if (day_heading(text) || session_heading(line, text)) return;
  if (entries_.empty() || !entries_open_now()) {
    clues_.look_for_event_date(text);
    clues_.look_for_zone(text);
    return;
  }
  if (chair_line(text)) return;
  if (line.item && listed_talk(line)) return;
  add_body_line(entries_.back(), line, notes_);
}

void ProgramReader::timed_line(const TimeLine& t, const PageLine& line) {
  if (t.rest.empty() && !t.end && !entries_.empty() && entries_.back().title.empty() && !entries_.back().end) {
    entries_.back().end = t.start;  // a table's start and end columns
    return;
  }
  if (pending_header_) flush_header();
  entries_open_ = true;
  entries_.push_back(timed_entry(t, line));
}

Entry ProgramReader::timed_entry(const TimeLine& t, const PageLine& line) {
  Entry e;
  e.start = t.start;
  e.end = t.end;
  e.zone = t.zone;
  e.day = day_;
  if (!t.zone.empty() && clues_.page_zone.empty()) clues_.page_zone = t.zone;
  if (!t.rest.empty()) {
    set_title(e, normalized(t.rest));
    split_trailing_speakers(e);
    take_talk_link(e, line.links, notes_);
  }
  e.header = is_session_heading(e.title) && e.label.empty();
  if (e.header) split_heading_chair(e);
  if (kind_of(e) == "break" || e.header) carried_chairs_.clear();
  else if (e.chairs.empty() && !carried_chairs_.empty()) e.chairs = carried_chairs_, e.chairs_carried = true;
  return e;
}

// "Monday, November 17": the day of the entries below it.
bool ProgramReader::day_heading(const std::string& text) {
  const auto date = find_date(text);
  if (!date || text.size() >= 80 || matches(text, R"(\b(deadline|due|submission|notification)\b)")) return false;
  const std::string iso = date->iso(clues_.year());
  if (std::find(days_.begin(), days_.end(), iso) == days_.end()) days_.push_back(iso);
  day_ = iso;
  if (!clues_.event_date) clues_.event_date = date;
  entries_open_ = false;
  clues_.look_for_zone(text);
  return true;
}

bool ProgramReader::session_heading(const PageLine& line, const std::string& text) {
  if (!is_session_heading(text) || !(line.heading || entries_.empty() || !entries_open_ || text.size() < 120)) return false;
  Entry h;
  h.title = text;
  h.header = true;
  h.day = day_;
  split_heading_chair(h);
  pending_header_ = h;
  return true;
}

// "Session chair: Jane Doe" under a break: the chair of the talks after it.
bool ProgramReader::chair_line(const std::string& text) {
  static const Regex chair_line(R"(^(session\s+chairs?|chairs?|chaired\s+by)\s*:)", Regex::icase);
  if (!regex_search(text, chair_line) || kind_of(entries_.back()) != "break") return false;
  carried_chairs_ = names_in(text.substr(text.find(':') + 1));
  return true;
}

bool ProgramReader::entries_open_now() {
  if (pending_header_) flush_header();
  return !entries_.empty() && entries_open_;
}

void ProgramReader::flush_header() {
  // A heading without times: it takes the times of the talks under it, set in close().
  untimed_headers_.push_back({entries_.size(), *pending_header_});
  pending_header_.reset();
}

// "- Title - Jane Doe (Univ)" under a session's time: a talk of that
// session, without a time of its own. The session's entry becomes its heading.
bool ProgramReader::listed_talk(const PageLine& line) {
  Entry& above = entries_.back();
  const bool session = above.header || above.untimed ||
                       (kind_of(above).empty() && above.label.empty() && above.speakers.empty() && above.slug.empty() &&
                        above.abstract.empty() && !above.title.empty());
  if (!session) return false;
  Entry talk;
  set_title(talk, normalized(line.text));
  split_trailing_speakers(talk);
  if (talk.speakers.empty()) split_comma_speakers(talk);
  if (talk.speakers.empty() || talk.title.empty()) return false;
  take_talk_link(talk, line.links, notes_);
  if (!above.untimed) above.header = true;
  talk.start = above.start;
  talk.day = above.day;
  talk.untimed = true;
  entries_.push_back(std::move(talk));
  return true;
}

void ProgramReader::close() {
  if (pending_header_) flush_header();
  for (auto it = untimed_headers_.rbegin(); it != untimed_headers_.rend(); ++it) {
    Entry h = it->second;
    if (it->first >= entries_.size()) continue;
    h.start = entries_[it->first].start;
    entries_.insert(entries_.begin() + static_cast<long>(it->first), h);
  }
}

}  // namespace proceedings::import::web

#include "import/web_dates.hpp"

#include <cstdio>

#include "import/web_text.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"
#include "proceedings/timezone.hpp"  // zone_for_place

namespace proceedings::import::web {

namespace {

int month_number(const std::string& word) {
  static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string w = ascii_lower(word).substr(0, 3);
  for (int i = 0; i < 12; ++i)
    if (w == names[i]) return i + 1;
  return 0;
}

const char* month_pattern =
    R"((January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)";

bool has_meridiem(const std::string& t) { return matches(t, "[ap]m$"); }

// "9:00" before "10:30 AM" takes the end's a.m./p.m. unless that puts it after the end.
std::string with_meridiem(const std::string& start, const std::string& end) {
  if (has_meridiem(start) || !has_meridiem(end)) return start;
  const std::string mark = end.substr(end.size() - 2);
  const bool spaced = end.size() > 3 && end[end.size() - 3] == ' ';
  const std::string same = start + (spaced ? " " : "") + mark;
  const std::string other_mark = std::string(1, mark[0] == 'a' ? 'p' : mark[0] == 'A' ? 'P' : mark[0] == 'p' ? 'a' : 'A') + mark[1];
  const auto s = parse_clock_time(same), e = parse_clock_time(end);
  if (s && e && s->minutes > e->minutes) return start + (spaced ? " " : "") + other_mark;
  return same;
}

// "11:30 AM - Noon", "noon - 1:30 pm": noon as the clock time it is.
std::string noon_as_time(const std::string& text) {
  static const Regex ending(R"(^(\s*\d{1,2}(?::\d\d)?\s*(?:[AaPp][Mm])?\s*(?:-|to)\s*)noon\b)", Regex::icase);
  static const Regex starting(R"(^(\s*)noon(\s*(?:-|to)\s*\d))", Regex::icase);
  return regex_replace(regex_replace(text, ending, "$0112:00 PM"), starting, "$0112:00 PM$02");
}

bool is_deadline(const std::string& text) {
  return matches(text, R"(\b(deadlines?|due|submissions?|submit|notifications?|camera|registration|early|abstracts?|extended)\b)");
}

std::string sentence_case(std::string s) {
  for (std::size_t i = 1; i < s.size(); ++i)
    if (std::isupper(static_cast<unsigned char>(s[i])) && (i + 1 >= s.size() || !std::isupper(static_cast<unsigned char>(s[i + 1]))) &&
        s[i - 1] == ' ')
      s[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  return s;
}

// "Workshop", "Workshop date", "Event day": the label of the event's own day among the important dates.
bool is_event_day(const std::string& label) {
  static const Regex day(R"(^\W*(the\s+)?(workshop|symposium|event|conference)(\s+(date|day))?\W*$)", Regex::icase);
  return day.matches(label);
}

// "(11:59pm, AOE)" -> "11:59pm AoE"
std::string note_of(const std::string& text) {
  static const Regex parenthesized(R"(\(([^)]*)\))");
  static const Regex comma(R"(\s*,\s*)");
  static const Regex aoe(R"(\bAOE\b)", Regex::icase);
  Match m;
  if (!parenthesized.search(text, m)) return "";
  return aoe.replace(comma.replace(m[1].text, " "), "AoE");
}

}  // namespace

std::string FoundDate::iso(int fallback_year) const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year ? year : fallback_year, month, day);
  return buf;
}

std::optional<FoundDate> find_date(const std::string& text) {
  static const Regex parenthesized(R"(\([^)]*\))");
  const std::string plain = parenthesized.replace(text, "");
  Match m;
  static const Regex iso(R"(\b(20\d\d)-(\d\d)-(\d\d)\b)");
  if (regex_search(plain, m, iso)) return FoundDate{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
  static const Regex month_day(std::string(month_pattern) + R"(\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:\s*,?\s*(20\d\d))?)",
                                    Regex::icase);
  if (regex_search(plain, m, month_day)) {
    FoundDate d{m[3].matched ? std::stoi(m[3]) : 0, month_number(m[1]), std::stoi(m[2])};
    return d.day >= 1 && d.day <= 31 ? std::optional(d) : std::nullopt;
  }
  static const Regex day_month(R"(\b(\d{1,2})(?:st|nd|rd|th)?\s+)" + std::string(month_pattern) + R"((?:,?\s*(20\d\d))?)",
                                    Regex::icase);
  if (regex_search(plain, m, day_month)) {
    FoundDate d{m[3].matched ? std::stoi(m[3]) : 0, month_number(m[2]), std::stoi(m[1])};
    return d.day >= 1 && d.day <= 31 ? std::optional(d) : std::nullopt;
  }
  return std::nullopt;
}

std::optional<TimeLine> time_line(const std::string& raw) {
  const std::string text = noon_as_time(normalized(raw));
  static const std::string t = R"((\d{1,2}(?::\d\d)?(?:\s?[AaPp][Mm])?))";
  static const Regex form("^\\s*" + t + "(?:\\s*(?:-|to)\\s*" + t + ")?\\s*(?:\\(?(" + zone_pattern +
                               ")\\)?(?![A-Za-z]))?\\s*(?:[-:|,]\\s*)?");
  Match m;
  if (!regex_search(text, m, form)) return std::nullopt;
  std::string start = trim(m[1]);
  const std::string end = m[2].matched ? trim(m[2]) : "";
  if (start.find(':') == std::string::npos && !has_meridiem(start) && !has_meridiem(end)) return std::nullopt;
  if (!end.empty()) start = with_meridiem(start, end);
  TimeLine line;
  const auto s = parse_clock_time(start);
  if (!s) return std::nullopt;
  line.start = ClockTime{s->minutes, start};
  if (!end.empty()) {
    const auto e = parse_clock_time(end);
    if (!e) return std::nullopt;
    line.end = ClockTime{e->minutes, end};
  }
  line.zone = m[3];
  line.rest = trim(std::string(m.suffix()));
  line.rest_at = static_cast<std::size_t>(m.position(0) + m.length(0));
  return line;
}

int EventClues::year() const {
  if (event_date && event_date->year) return event_date->year;
  if (year_text.size() == 4) return std::stoi(year_text);
  if (year_text.size() == 2) return 2000 + std::stoi(year_text);
  int best = 0, count = 0;
  for (const auto& [y, n] : years)
    if (n > count) best = y, count = n;
  return best;
}

// A full date (with its year) on a line that names no deadline: the
// event's date when no line says so in words ("held on", "Date:"). A CfP
// often prints it alone ("November 16, 2026") or after the host
// ("In conjunction with SC26, St. Louis, November 16, 2026").
void EventClues::look_for_loose_date(const std::string& text) {
  if (loose_date || is_deadline(text)) return;
  if (const auto d = find_date(text); d && d->year) loose_date = d;
}

void EventClues::look_for_event_date(const std::string& text) {
  if (!event_date && matches(text, R"(\b(dates?|when|day)\s*:|\b(held on|takes place on|will be held|will take place|meets on)\b)"))
    event_date = find_date(text);
  if (!place_zone.size() && matches(text, R"(\b(held|located|co-located|takes place|will take place)\b)"))
    place_zone = zone_for_place(text);
  static const Regex year(R"(\b(20\d\d)\b)");
  if (Match m; year.search(text, m)) years[std::stoi(m[1])]++;
}

void EventClues::look_for_zone(const std::string& text) {
  Match m;
  static const Regex stated(std::string(R"(\b(?:times?|schedule)\b[^.]*\b(?:in|are)\s+\(?()") + zone_pattern + R"()\b)",
                                 Regex::icase);
  if (page_zone.empty() && regex_search(text, m, stated)) page_zone = m[1];
}

void DatesReader::line(const PageLine& line, EventClues& clues) {
  const std::string text = normalized(line.text);
  const auto colon = text.find(':');
  const auto date = find_date(text);
  if (!date) {
    label_ = trim(text);
    count_ = 0;
    return;
  }
  if (colon != std::string::npos && colon > 0 && !find_date(text.substr(0, colon))) {  // "What: date"
    if (!clues.event_date && is_event_day(text.substr(0, colon))) clues.event_date = date;
    dates_.push_back({sentence_case(trim(text.substr(0, colon))), *date, note_of(text)});
    return;
  }
  if (label_.empty()) return;
  // Dates under one label: the later ones moved it ("Submission deadline (extended)").
  dates_.push_back({sentence_case(label_) + (count_++ ? " (extended)" : ""), *date, note_of(text)});
}

}  // namespace proceedings::import::web

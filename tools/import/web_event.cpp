#include "import/web_event.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "import/formats.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::import {

namespace {

// Case-insensitive search; each pattern (a literal) is compiled once.
bool matches(const std::string& text, const char* pattern) {
  static thread_local std::map<const char*, Regex> compiled;
  auto it = compiled.find(pattern);
  if (it == compiled.end()) it = compiled.emplace(pattern, Regex(pattern, Regex::icase)).first;
  return it->second.contains(text);
}

// Dashes as '-', "a.m." as "am", non-breaking spaces as spaces: one spelling for the patterns below.
std::string normalized(std::string s) {
  for (const char* dash : {"\u2013", "\u2014", "\u2012", "\u2212"})
    for (std::size_t at; (at = s.find(dash)) != std::string::npos;) s.replace(at, std::strlen(dash), "-");
  for (std::size_t at; (at = s.find("\u00a0")) != std::string::npos;) s.replace(at, 2, " ");
  static const Regex dotted(R"(\b([AaPp])\.\s?([Mm])\.)");
  return regex_replace(s, dotted, "$1$2");
}

// ---- sections -------------------------------------------------------------

enum class Section { none, program, dates, organizers, committee, other };

// What a heading (or a line that is only a section's name) opens.
std::optional<Section> section_of(const PageLine& line) {
  static const Regex trailing(R"(\s*(\([^)]*\))?[:#\s]*$)");  // "Program (CST):"
  const std::string t = ascii_lower(trim(regex_replace(line.text, trailing, "")));
  if (t.size() > 60) return std::nullopt;
  const bool heading = line.heading > 0;
  static const Regex committee(R"(^((technical |scientific )?program(me)? committee|(tpc|pc)( members)?|reviewers|review committee|steering committee|committee members)$)");
  static const Regex organizers(R"(^((workshop |symposium |general |program |organizing )*(co-?)?(organizers|organisers|chairs|co-chairs)|organi[sz]ing committee|organi[sz]ation|committees?)$)");
  static const Regex program(R"(^((workshop |symposium |tentative |final |detailed )?(program|programme|schedule|agenda)( schedule| at a glance)?)$)");
  static const Regex dates(R"(^((important|key) dates|dates|deadlines|important deadlines)$)");
  static const Regex other(R"(^(call for (papers|participation|contributions)|submission( guidelines| instructions)?|submissions|topics( of interest)?|(workshop )?overview|description|goals|scope|venue|home|about|registration|contact|keynotes?|invited speakers|speakers|sponsors|previous editions|accepted papers)$)");
  if (regex_match(t, committee)) return Section::committee;
  if (regex_match(t, organizers)) return Section::organizers;
  if (regex_match(t, program)) return Section::program;
  if (regex_match(t, dates)) return Section::dates;
  if (regex_match(t, other)) return Section::other;
  if (heading && line.heading <= 2) return Section::other;  // a new top section we do not read
  return std::nullopt;
}

// ---- dates ----------------------------------------------------------------

int month_number(const std::string& word) {
  static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string w = ascii_lower(word).substr(0, 3);
  for (int i = 0; i < 12; ++i)
    if (w == names[i]) return i + 1;
  return 0;
}

struct FoundDate {
  int year = 0, month = 0, day = 0;
  std::string iso(int fallback_year) const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year ? year : fallback_year, month, day);
    return buf;
  }
};

const char* month_pattern =
    R"((January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)";

// "November 16, 2025", "Nov 16", "16 November 2025", "2025-11-16"; parentheses in between are skipped.
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

// ---- times ----------------------------------------------------------------

const char* zone_pattern =
    R"((?:AoE|AOE|UTC|GMT|[ECMP][SD]?T|AK[SD]T|H[SD]?T|CES?T|BST|WES?T|EES?T|JST|KST|IST|AE[SD]T|SGT|HKT)(?:[+-]\d{1,2}(?::?\d\d)?)?)";

struct TimeLine {
  ClockTime start;
  std::optional<ClockTime> end;
  std::string zone;
  std::string rest;   // what follows the times
  std::size_t rest_at = 0;
};

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

// ---- people ---------------------------------------------------------------

bool institution_words(const std::string& text) {
  static const Regex acronym(R"(\b[A-Z]{3,}\b)");  // NVIDIA, CERFACS, META
  return regex_search(text, acronym) ||
         matches(text,
                 R"(\b(universit|institut|laborator|labs?\b|cent(er|re)\b|college|school|inc\b|corp|ltd|gmbh|company|research|national|academy|foundation|agency|department|faculty|hospital|polytechn|technolog|supercomput|computing|sciences?\b|ministry|council))");
}

// "Rio Yokota", "Rafael Ferreira da Silva", "Loïc Pottier": 2-6 words, capitalized or particles, no digits.
bool looks_like_name(const std::string& name) {
  static const std::set<std::string> particles{"de", "da", "do", "dos", "das", "van", "von", "der", "den", "la", "le",
                                               "di", "del", "du", "bin", "al", "el", "y", "ten", "ter", "zu"};
  const std::string n = trim(name);
  if (n.empty() || n.size() > 60 || matches(n, R"([0-9:@/|!?]|\.$)") || institution_words(n)) return false;
  int words = 0;
  std::size_t start = 0;
  while (start < n.size()) {
    const auto end = std::min(n.find(' ', start), n.size());
    const std::string w = n.substr(start, end - start);
    start = end + 1;
    if (w.empty()) continue;
    ++words;
    static const std::set<std::string> title_words{"A", "An", "The", "Of", "For", "And", "On", "In", "To", "With",
                                                   "Via", "From", "Towards", "Toward", "At", "Is", "Are", "Using", "Vs"};
    if (title_words.count(w)) return false;  // "A Survey", "Tools for The Web": a title's words
    const unsigned char first = static_cast<unsigned char>(w[0]);
    if (!(std::isupper(first) || first >= 0x80 || particles.count(w))) return false;
  }
  return words >= 2 && words <= 6;
}

bool looks_like_people(const std::string& line, const std::vector<Person>& people) {
  if (people.empty() || line.size() > 600) return false;
  return std::all_of(people.begin(), people.end(), [](const Person& p) { return looks_like_name(p.name); });
}

std::string email_in(std::string& text) {
  static const Regex spelled(R"(\b([A-Za-z0-9._%+-]+)\s*(?:@|\[at\]|\(at\)|\bat\b)\s*([A-Za-z0-9-]+(?:\s*(?:\.|\[dot\]|\(dot\)|\bdot\b)\s*[A-Za-z0-9-]+)+)\b)");
  Match m;
  if (!regex_search(text, m, spelled)) return "";
  static const Regex dot(R"(\s*(\[dot\]|\(dot\)|\bdot\b)\s*)");
  static const Regex space(R"(\s+)");
  const std::string domain = space.replace(dot.replace(m[2].text, "."), "");
  const std::string email = m[1].str() + "@" + domain;
  text = trim(std::string(m.prefix()) + " " + std::string(m.suffix()));
  return email;
}

Affiliation institution(const std::string& text) {
  Affiliation a;
  a.institution = trim(text);
  return a;
}

// One member line: "Name, Affiliation", "Name (Affiliation) x at y.gov", "Name - Affiliation", "Name".
std::optional<Person> member(std::string text) {
  Person p;
  if (std::string e = email_in(text); !e.empty()) p.emails.push_back(e);
  static const Regex trailing(R"([\s,;:<>-]+$)");
  text = trim(trailing.replace(text, ""));
  Match m;
  static const Regex paren(R"(^([^(]+?)\s*\((.+)\)\s*[.,;]?$)");
  static const Regex dash(R"(^(.+?)\s+[-|]\s+(.+)$)");
  if (regex_match(text, m, paren) || regex_match(text, m, dash)) {
    p.name = trim(m[1]);
    p.affiliations.push_back(institution(m[2]));
  } else if (const auto comma = text.find(','); comma != std::string::npos) {
    p.name = trim(text.substr(0, comma));
    if (const std::string aff = trim(text.substr(comma + 1)); !aff.empty()) p.affiliations.push_back(institution(aff));
  } else {
    p.name = text;
  }
  if (!looks_like_name(p.name)) return std::nullopt;
  return p;
}

// ---- program entries ------------------------------------------------------

struct Entry {
  ClockTime start;
  std::optional<ClockTime> end;
  std::string zone;
  std::string day;     // YYYY-MM-DD of the day heading above it; empty: the event's date
  std::string label;   // "Invited Talk 1", "Featured Speaker", "Keynote"
  std::string title;
  std::string slug;    // from a /talks/<slug> link
  std::vector<Person> speakers;
  std::vector<std::string> chairs;
  std::string abstract;
  bool header = false;  // a session heading whose timed talks follow
  bool chairs_carried = false;  // chairs from a "Session chair:" line above, until the entry names its own
  bool untimed = false;  // a talk listed under its session's time, as a list item
  bool abstract_full = false;  // the text under it reached abstract_limit; the rest was not read
};

std::string last_segment(std::string href) {
  while (!href.empty() && href.back() == '/') href.pop_back();
  href = href.substr(href.rfind('/') + 1);
  for (const char* ext : {".html", ".htm", ".md"})
    if (href.size() > std::strlen(ext) && href.compare(href.size() - std::strlen(ext), std::string::npos, ext) == 0)
      href.resize(href.size() - std::strlen(ext));
  return href.substr(0, href.find_first_of("?#"));
}

bool links_to(const Link& l, const char* folder) { return l.href.find(std::string("/") + folder + "/") != std::string::npos; }

const Regex& label_form() {
  static const Regex form(
      R"(^((?:featured|keynote|invited|plenary|contributed|opening|closing|distinguished|industry)(?:\s+(?:talk|speaker|address|lecture|presentation|keynote))?|keynote|panel(?:\s+discussion)?|tutorial|lightning\s+talks?|talk|paper|presentation)(?:\s+#?\d+)?$)",
      Regex::icase);
  return form;
}

void set_title(Entry& e, const std::string& text) {
  const auto colon = text.find(':');
  if (colon != std::string::npos && regex_match(trim(text.substr(0, colon)), label_form())) {
    e.label = trim(text.substr(0, colon));
    e.title = trim(text.substr(colon + 1));
  } else if (regex_match(trim(text), label_form()) && !matches(trim(text), R"(^(opening|closing)$)")) {
    e.label = trim(text);
    e.title = trim(text);
  } else {
    e.title = trim(text);
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// A link's last segment as the loader takes a slug (it names a file): runs of
// anything but letters, digits, '-' and '_' as one '-', no '-' or '_' first,
// at most 100 characters. "Keynote.2025" -> "Keynote-2025", "%2e%2e%2fx" -> "x".
std::string file_name_slug(const std::string& segment) {
  std::string out;
  for (char c : percent_decoded(segment)) {
    const bool kept = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    if (kept) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  const auto first = out.find_first_not_of("-_");
  out = first == std::string::npos ? "" : out.substr(first, 100);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// The talk's page on the event's site, /talks/<slug>; a segment the loader would
// refuse is normalised and said (`notes`), or dropped when nothing of it is left.
void take_talk_link(Entry& e, const std::vector<Link>& links, std::vector<std::string>& notes) {
  for (const auto& l : links) {
    if (!e.slug.empty() || !links_to(l, "talks")) continue;
    const std::string segment = last_segment(l.href);
    e.slug = file_name_slug(segment);
    if (e.slug != segment)
      notes.push_back("the talk link '" + l.href + "' names the page '" + segment + "', not 1 to 100 letters, digits, '-' and '_': " +
                      (e.slug.empty() ? "no slug kept" : "slug '" + e.slug + "' kept"));
  }
}

std::vector<std::string> names_in(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& p : split_author_cell(text))
    if (!p.name.empty()) out.push_back(p.name);
  return out;
}

// As long an abstract as the submission imports take (formats.cpp): a page's
// prose under a talk, however long, makes a bounded field; the cut is said.
constexpr std::size_t abstract_limit = 10000;

void add_abstract(Entry& e, const std::string& text, std::vector<std::string>& notes) {
  if (e.abstract_full) return;
  const std::string more = (e.abstract.empty() ? "" : " ") + text;
  if (e.abstract.size() + more.size() > abstract_limit) {
    e.abstract_full = true;
    notes.push_back("the text under '" + e.title + "' is longer than " + std::to_string(abstract_limit) +
                    " bytes; its abstract keeps what came before, the rest is not read");
    return;
  }
  e.abstract += more;
}

// A line under an entry's time: a labelled line, its title, its speakers, or their affiliation.
void add_body_line(Entry& e, const PageLine& line, std::vector<std::string>& notes) {
  const std::string text = normalized(line.text);
  Match m;
  static const Regex labelled(
      R"(^(session\s+chairs?|chairs?|chaired\s+by|moderators?|moderated\s+by|panell?ists?|speakers?|presenters?|presented\s+by|by|authors?|abstract)\s*:?\s+(.*)$)",
      Regex::icase);
  // "By combining X and Y, we ...": a sentence, not a speaker line.
  const bool by_people = regex_match(text, m, labelled) && ascii_lower(m[1]) == "by" &&
                         looks_like_people(m[2], split_author_cell(m[2]));
  if (regex_match(text, m, labelled) && (by_people || (ascii_lower(m[1]) != "by" && (text.find(':') != std::string::npos ||
                                                                                     matches(m[1], "by$"))))) {
    const std::string what = ascii_lower(m[1]);
    const std::string value = trim(m[2]);
    if (matches(what, "chair|moderat")) {
      if (e.chairs_carried) e.chairs.clear(), e.chairs_carried = false;
      for (const auto& n : names_in(value))
        if (std::find(e.chairs.begin(), e.chairs.end(), n) == e.chairs.end()) e.chairs.push_back(n);
    } else if (what == "abstract") {
      e.abstract = value;
    } else {
      for (auto& p : split_author_cell(value)) e.speakers.push_back(std::move(p));
    }
    return;
  }
  if (e.title.empty()) {
    set_title(e, text);
    take_talk_link(e, line.links, notes);
    return;
  }
  std::vector<std::string> linked;
  for (const auto& l : line.links)
    if (links_to(l, "speakers") || links_to(l, "people") || links_to(l, "authors")) linked.push_back(l.text);
  const auto people = split_author_cell(text);
  if (!linked.empty() && e.speakers.empty()) {
    e.speakers = looks_like_people(text, people) ? people : std::vector<Person>{};
    if (e.speakers.empty())
      for (const auto& n : linked) e.speakers.push_back(Person{n, {}, {}, {}, {}});
    return;
  }
  if (e.speakers.empty() && looks_like_people(text, people)) {
    e.speakers = people;
    return;
  }
  if (e.speakers.empty()) {  // "Name, Affiliation" or "Name - Affiliation": one speaker
    const auto one = member(text);
    if (one && !one->affiliations.empty() && institution_words(one->affiliation())) {
      e.speakers.push_back(*one);
      return;
    }
  }
  if (e.speakers.size() == 1 && e.speakers[0].affiliations.empty() && text.size() < 150 && !matches(text, R"(\.$)")) {
    e.speakers[0].affiliations.push_back(institution(text));
    return;
  }
  add_abstract(e, text, notes);
}

// ---- sessions from entries ------------------------------------------------

bool title_is(const Entry& e, const char* pattern) { return matches(e.title, pattern) || matches(e.label, pattern); }

// The session kind of an entry that stands alone.
std::string kind_of(const Entry& e) {
  if (!e.label.empty()) return matches(e.label, "panel") ? "discussion" : "talks";
  if (std::count(e.title.begin(), e.title.end(), ' ') >= 6) return "";  // a talk's title, not "Coffee Break"
  if (title_is(e, R"(\b(break|coffee|lunch|tea|reception|dinner|breakfast|registration|poster\s+session)\b)") && e.speakers.empty())
    return "break";
  if (title_is(e, R"(^(welcome|opening|introduction|intro\b))")) return "opening";
  if (title_is(e, R"(^(closing|concluding|wrap[- ]?up|farewell|adjourn|final remarks))")) return "closing";
  if (title_is(e, R"(\b(discussion|panel|q\s*&\s*a|town hall|birds of a feather|breakout|open mic)\b)")) return "discussion";
  return "";  // a talk
}

std::string talk_kind(const Entry& e, bool in_paper_session) {
  if (matches(e.label, "keynote|featured|plenary|distinguished")) return "keynote";
  if (matches(e.label, "invited")) return "invited";
  if (matches(e.label, "panel")) return "discussion";
  if (matches(e.label, "paper")) return "paper";
  const std::string k = kind_of(e);
  if (k == "opening" || k == "closing") return "remarks";
  if (k == "discussion") return "discussion";
  if (in_paper_session || e.speakers.size() >= 2 || !e.chairs.empty()) return "paper";
  return "talk";
}

bool is_paper_entry(const Entry& e) { return kind_of(e).empty() && talk_kind(e, false) == "paper"; }

Talk talk_of(const Entry& e, const std::string& kind, bool timed) {
  Talk t;
  t.title = e.title;
  t.kind = kind;
  t.speakers = e.speakers;
  t.slug = e.slug;
  t.abstract = e.abstract;
  if (timed && !e.untimed) t.start = e.start, t.end = e.end;
  return t;
}

class SessionBuilder {
 public:
  explicit SessionBuilder(std::vector<std::string>& notes) : notes_(notes) {}

  std::vector<Session> build(const std::vector<Entry>& entries) {
    for (std::size_t i = 0; i < entries.size();) i = add(entries, i);
    return std::move(sessions_);
  }

 private:
  std::size_t add(const std::vector<Entry>& entries, std::size_t i) {
    const Entry& e = entries[i];
    if (e.header) return add_header(entries, i);
    if (is_paper_entry(e)) return add_papers(entries, i);
    Session s = base(e);
    s.kind = kind_of(e).empty() ? "talks" : kind_of(e);
    s.title = !e.label.empty() ? e.label : e.title;
    s.chairs = e.chairs;
    if (s.kind == "talks" || !e.speakers.empty() || !e.slug.empty())
      s.talks.push_back(talk_of(e, talk_kind(e, false), false));
    if (s.kind == "discussion" && s.talks.empty() && !e.speakers.empty()) s.talks.push_back(talk_of(e, "discussion", false));
    push(std::move(s), e);
    return i + 1;
  }

  // Consecutive paper talks with the same chairs: one paper session.
  std::size_t add_papers(const std::vector<Entry>& entries, std::size_t i) {
    Session s = base(entries[i]);
    s.kind = "papers";
    s.title = "Paper Session " + std::to_string(++paper_sessions_);
    s.chairs = entries[i].chairs;
    std::size_t j = i;
    for (; j < entries.size() && is_paper_entry(entries[j]) && entries[j].chairs == s.chairs && entries[j].day == entries[i].day;
         ++j) {
      s.talks.push_back(talk_of(entries[j], "paper", true));
      s.end = entries[j].end;
    }
    push(std::move(s), entries[i]);
    return j;
  }

  // A session heading ("Session 2: Systems"), and the timed talks inside its span.
  std::size_t add_header(const std::vector<Entry>& entries, std::size_t i) {
    const Entry& h = entries[i];
    note_unread(h);
    Session s = base(h);
    s.title = h.title;
    s.chairs = h.chairs;
    std::size_t j = i + 1;
    bool papers = true;
    for (; j < entries.size() && !entries[j].header && entries[j].day == h.day; ++j) {
      const Entry& t = entries[j];
      if (h.end && t.start.minutes >= h.end->minutes) break;
      if (!kind_of(t).empty() && kind_of(t) != "discussion") break;
      const std::string kind = talk_kind(t, matches(h.title, "paper"));
      papers = papers && kind == "paper";
      s.talks.push_back(talk_of(t, kind, true));
      if (!h.end) s.end = t.end;
      if (s.chairs.empty()) s.chairs = t.chairs;
    }
    s.kind = papers && !s.talks.empty() ? "papers" : "talks";
    if (s.kind == "papers") ++paper_sessions_;
    push(std::move(s), h);
    return j;
  }

  static Session base(const Entry& e) {
    Session s;
    s.start = e.start;
    s.end = e.end;
    return s;
  }

  void push(Session s, const Entry& first) {
    s.id = unique(id_base(s, first));
    sessions_.push_back(std::move(s));
  }

  std::string id_base(const Session& s, const Entry& e) {
    if (s.kind == "break") {
      if (matches(s.title, "lunch")) return "lunch";
      if (matches(s.title, "morning")) return "break-am";
      if (matches(s.title, "afternoon")) return "break-pm";
      return "break";
    }
    if (s.kind == "papers") return "papers-" + std::to_string(paper_sessions_);
    if (s.kind == "closing") return "closing";
    if (s.kind == "discussion") return matches(s.title, "panel") ? "panel" : "discussion";
    if (s.kind == "opening") return first_word(s.title);
    Match m;
    static const Regex numbered(R"(^session\s+(\w+))", Regex::icase);
    if (regex_search(s.title, m, numbered)) return "session-" + url_slug(m[1]);
    const std::string k = s.talks.empty() ? "" : s.talks.front().kind;
    if (k == "invited") return "invited-" + std::to_string(++invited_);
    if (k == "keynote") return matches(e.label, "featured") ? "featured" : "keynote";
    return url_slug(s.title).substr(0, 40);
  }

  static std::string first_word(const std::string& title) {
    const std::string slug = url_slug(title);
    return slug.substr(0, slug.find('-'));
  }

  std::string unique(std::string id) {
    if (id.empty()) id = "session";
    std::string candidate = id;
    for (int n = 2; std::any_of(sessions_.begin(), sessions_.end(), [&](const Session& s) { return s.id == candidate; }); ++n)
      candidate = id + "-" + std::to_string(n);
    return candidate;
  }

  // A session heading holds no talk of its own: what the page wrote under it
  // that was read as one (speakers, text) is said, not dropped quietly.
  void note_unread(const Entry& h) {
    std::vector<std::string> parts;
    for (const auto& p : h.speakers) parts.push_back(p.name);
    if (!h.abstract.empty()) {
      std::size_t cut = std::min<std::size_t>(h.abstract.size(), 77);
      while (cut < h.abstract.size() && cut > 0 && (static_cast<unsigned char>(h.abstract[cut]) & 0xC0) == 0x80) --cut;
      parts.push_back(h.abstract.substr(0, cut) + (cut < h.abstract.size() ? "..." : ""));
    }
    std::string text;
    for (const auto& p : parts) text += (text.empty() ? "" : "; ") + p;
    if (!text.empty()) notes_.push_back("not read, under session '" + h.title + "': '" + text + "'");
  }

  std::vector<std::string>& notes_;
  std::vector<Session> sessions_;
  int paper_sessions_ = 0;
  int invited_ = 0;
};

// ---- the whole page -------------------------------------------------------

class EventReader {
 public:
  EventReader(const Page& page, std::string timezone) : page_(page), zone_override_(std::move(timezone)) {}

  WebEvent read() {
    event_fields();
    for (const auto& line : page_.lines) {
      if (const auto s = section_of(line); s && !time_line(line.text)) {
        if (line.heading) look_for_loose_date(normalized(line.text));
        open_section(*s, line);
        continue;
      }
      switch (section_) {
        case Section::program: program_line(line); break;
        case Section::dates: date_line(line); break;
        case Section::organizers: person_line(line, out_.workshop.organizers); break;
        case Section::committee: person_line(line, out_.workshop.committees.back().members); break;
        default:
          if (time_line(line.text)) {  // a program under no heading of its own
            section_ = Section::program;
            program_line(line);
          } else {
            other_line(line);
          }
          break;
      }
    }
    finish();
    return std::move(out_);
  }

 private:
  void open_section(Section s, const PageLine& line) {
    section_ = s;
    date_label_.clear();
    if (s == Section::committee) {
      static const Regex trailing(R"([:#\s]+$)");
      std::string name = trim(trailing.replace(line.text, ""));
      out_.workshop.committees.push_back(Committee{name, {}});
    }
  }

  // ---- name, acronym, date, zone --------------------------------------------------
  void event_fields() {
    Workshop& w = out_.workshop;
    // The name: a top heading that names the event, else the page's title, else one of its first lines.
    std::vector<std::string> candidates;
    for (const auto& l : page_.lines)
      if (l.heading >= 1 && l.heading <= 2) candidates.push_back(l.text);
    if (!page_.title.empty()) candidates.push_back(page_.title);
    int plain = 0;
    for (const auto& l : page_.lines)
      if (l.heading == 0 && plain++ < 6) candidates.push_back(l.text);
    static const Regex named(R"(\b(workshop|symposium|conference|meeting|summit|forum)\b)", Regex::icase);
    for (const auto& c : candidates) {
      if (w.name.empty() && regex_search(c, named) && c.size() < 200 && c.find(". ") == std::string::npos)
        w.name = trim(c);
    }
    static const Regex acronym_year(R"(^\s*([A-Za-z][A-Za-z0-9-]*[A-Za-z0-9])\s*(?:'|’|-)?\s*((?:19|20)?\d\d)\s*$)");
    std::vector<PageLine> titled = page_.lines;
    titled.push_back(PageLine{page_.title, 1, false, {}});
    for (const auto& l : titled) {
      Match m;
      if (l.heading && regex_match(l.text, m, acronym_year)) {
        acronym_ = m[1];
        year_text_ = m[2];
        for (const auto& k : l.links)
          if (k.href.rfind("http", 0) == 0) w.website = k.href;
        break;
      }
    }
    static const Regex lead_acronym(R"(^([A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*)\s*(?:'(\d\d)|\s(20\d\d))?\s*:\s)");
    Match m;
    if (acronym_.empty() && regex_search(w.name, m, lead_acronym)) {
      acronym_ = m[1];
      if (m[2].matched) year_text_ = m[2];
      if (m[3].matched) year_text_ = m[3];
    }
    w.kind = matches(w.name, "symposium") ? "symposium" : "workshop";
  }

  void other_line(const PageLine& line) {
    look_for_event_date(line.text);
    look_for_loose_date(normalized(line.text));
    look_for_zone(line.text);
  }

  // A full date (with its year) on a line that names no deadline: the
  // event's date when no line says so in words ("held on", "Date:"). A CfP
  // often prints it alone ("November 16, 2026") or after the host
  // ("In conjunction with SC26, St. Louis, November 16, 2026").
  void look_for_loose_date(const std::string& text) {
    if (loose_date_ || is_deadline(text)) return;
    if (const auto d = find_date(text); d && d->year) loose_date_ = d;
  }

  static bool is_deadline(const std::string& text) {
    return matches(text, R"(\b(deadlines?|due|submissions?|submit|notifications?|camera|registration|early|abstracts?|extended)\b)");
  }

  void look_for_event_date(const std::string& text) {
    if (!event_date_ && matches(text, R"(\b(dates?|when|day)\s*:|\b(held on|takes place on|will be held|will take place|meets on)\b)"))
      event_date_ = find_date(text);
    if (!place_zone_.size() && matches(text, R"(\b(held|located|co-located|takes place|will take place)\b)"))
      place_zone_ = zone_for_place(text);
    static const Regex year(R"(\b(20\d\d)\b)");
    if (Match m; year.search(text, m)) years_[std::stoi(m[1])]++;
  }

  void look_for_zone(const std::string& text) {
    Match m;
    static const Regex stated(std::string(R"(\b(?:times?|schedule)\b[^.]*\b(?:in|are)\s+\(?()") + zone_pattern + R"()\b)",
                                   Regex::icase);
    if (page_zone_.empty() && regex_search(text, m, stated)) page_zone_ = m[1];
  }

  // ---- program ------------------------------------------------------------------
  void program_line(const PageLine& line) {
    if (const auto t = time_line(line.text)) {
      if (t->rest.empty() && !t->end && !entries_.empty() && entries_.back().title.empty() && !entries_.back().end) {
        entries_.back().end = t->start;  // a table's start and end columns
        return;
      }
      if (pending_header_) flush_header();
      entries_open_ = true;
      Entry e;
      e.start = t->start;
      e.end = t->end;
      e.zone = t->zone;
      e.day = day_;
      if (!t->zone.empty() && page_zone_.empty()) page_zone_ = t->zone;
      if (!t->rest.empty()) {
        set_title(e, normalized(t->rest));
        split_trailing_speakers(e);
        take_talk_link(e, line.links, out_.notes);
      }
      e.header = is_session_heading(e.title) && e.label.empty();
      if (e.header) split_heading_chair(e);
      if (kind_of(e) == "break" || e.header) carried_chairs_.clear();
      else if (e.chairs.empty() && !carried_chairs_.empty()) e.chairs = carried_chairs_, e.chairs_carried = true;
      entries_.push_back(std::move(e));
      return;
    }
    const std::string text = normalized(line.text);
    const auto date = find_date(text);
    if (date && text.size() < 80 && !matches(text, R"(\b(deadline|due|submission|notification)\b)")) {
      const std::string iso = date->iso(year());
      if (std::find(days_.begin(), days_.end(), iso) == days_.end()) days_.push_back(iso);
      day_ = iso;
      if (!event_date_) event_date_ = date;
      entries_open_ = false;
      look_for_zone(text);
      return;
    }
    if (is_session_heading(text) && (line.heading || entries_.empty() || !entries_open_ || text.size() < 120)) {
      Entry h;
      h.title = text;
      h.header = true;
      h.day = day_;
      split_heading_chair(h);
      pending_header_ = h;
      return;
    }
    if (entries_.empty() || !entries_open_now()) {
      look_for_event_date(text);
      look_for_zone(text);
      return;
    }
    static const Regex chair_line(R"(^(session\s+chairs?|chairs?|chaired\s+by)\s*:)", Regex::icase);
    if (regex_search(text, chair_line) && kind_of(entries_.back()) == "break") {
      carried_chairs_ = names_in(text.substr(text.find(':') + 1));  // the chair of the talks after the break
      return;
    }
    if (line.item && listed_talk(line)) return;
    add_body_line(entries_.back(), line, out_.notes);
  }

  bool entries_open_now() {
    if (pending_header_) flush_header();
    return !entries_.empty() && entries_open_;
  }

  void flush_header() {
    // A heading without times: it takes the times of the talks under it, set in finish().
    untimed_headers_.push_back({entries_.size(), *pending_header_});
    pending_header_.reset();
  }

  // "- Title - Jane Doe (Univ)" under a session's time: a talk of that
  // session, without a time of its own. The session's entry becomes its heading.
  bool listed_talk(const PageLine& line) {
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
    take_talk_link(talk, line.links, out_.notes);
    if (!above.untimed) above.header = true;
    talk.start = above.start;
    talk.day = above.day;
    talk.untimed = true;
    entries_.push_back(std::move(talk));
    return true;
  }

  // "Title, Jane Doe (Univ)": the first comma after which only people follow.
  static void split_comma_speakers(Entry& e) {
    for (auto at = e.title.find(','); at != std::string::npos; at = e.title.find(',', at + 1)) {
      const std::string head = trim(e.title.substr(0, at)), tail = trim(e.title.substr(at + 1));
      const auto people = split_author_cell(tail);
      if (head.empty() || looks_like_name(head) || !looks_like_people(tail, people)) continue;
      e.speakers = people;
      e.title = head;
      return;
    }
  }

  // "Keynote: Title - Jane Doe (Univ)", "Title by Jane Doe": the speakers on the time's own line.
  static void split_trailing_speakers(Entry& e) {
    for (const char* separator : {" - ", " by "}) {
      const auto at = e.title.rfind(separator);
      if (at == std::string::npos || at == 0) continue;
      const std::string tail = e.title.substr(at + std::strlen(separator));
      const auto people = split_author_cell(tail);
      if (!looks_like_people(tail, people)) continue;
      e.speakers = people;
      e.title = trim(e.title.substr(0, at));
      return;
    }
  }

  static bool is_session_heading(const std::string& text) {
    static const Regex numbered(R"(^Session\s+([0-9]+|[IVX]+|[A-Z])\b)");
    if (matches(text, R"(^session\s+(chair|moderat))")) return false;
    return regex_search(text, numbered) ||
           matches(text, R"(^((paper|technical|research|poster|contributed|invited|lightning|regular|short paper|full paper)\s+)(talks?\s+)?session\b)");
  }

  static void split_heading_chair(Entry& e) {
    Match m;
    static const Regex chair(R"(\s*[\(\[,;-]?\s*(?:session\s+)?(?:chairs?|chaired by|moderators?)\s*:?\s*([^)\]]+)[\)\]]?\s*$)",
                                  Regex::icase);
    if (regex_search(e.title, m, chair)) {
      e.chairs = names_in(m[1]);
      e.title = trim(std::string(m.prefix()));
    }
  }

  // ---- dates, people --------------------------------------------------------------
  void date_line(const PageLine& line) {
    const std::string text = normalized(line.text);
    const auto colon = text.find(':');
    const auto date = find_date(text);
    if (!date) {
      date_label_ = trim(text);
      date_count_ = 0;
      return;
    }
    if (colon != std::string::npos && colon > 0 && !find_date(text.substr(0, colon))) {  // "What: date"
      if (!event_date_ && is_event_day(text.substr(0, colon))) event_date_ = date;
      dates_.push_back({sentence_case(trim(text.substr(0, colon))), *date, note_of(text)});
      return;
    }
    if (date_label_.empty()) return;
    // Dates under one label: the later ones moved it ("Submission deadline (extended)").
    dates_.push_back({sentence_case(date_label_) + (date_count_++ ? " (extended)" : ""), *date, note_of(text)});
  }

  static std::string sentence_case(std::string s) {
    for (std::size_t i = 1; i < s.size(); ++i)
      if (std::isupper(static_cast<unsigned char>(s[i])) && (i + 1 >= s.size() || !std::isupper(static_cast<unsigned char>(s[i + 1]))) &&
          s[i - 1] == ' ')
        s[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    return s;
  }

  // "Workshop", "Workshop date", "Event day": the label of the event's own day among the important dates.
  static bool is_event_day(const std::string& label) {
    static const Regex day(R"(^\W*(the\s+)?(workshop|symposium|event|conference)(\s+(date|day))?\W*$)", Regex::icase);
    return day.matches(label);
  }

  // "(11:59pm, AOE)" -> "11:59pm AoE"
  static std::string note_of(const std::string& text) {
    static const Regex parenthesized(R"(\(([^)]*)\))");
    static const Regex comma(R"(\s*,\s*)");
    static const Regex aoe(R"(\bAOE\b)", Regex::icase);
    Match m;
    if (!parenthesized.search(text, m)) return "";
    return aoe.replace(comma.replace(m[1].text, " "), "AoE");
  }

  void person_line(const PageLine& line, std::vector<Person>& into) {
    const std::string text = normalized(line.text);
    if (const auto p = member(text)) {
      into.push_back(*p);
      return;
    }
    if (line.item) out_.notes.push_back("not read as a person: '" + text + "'");
    look_for_event_date(text);
  }

  // ---- finishing -------------------------------------------------------------------
  int year() const {
    if (event_date_ && event_date_->year) return event_date_->year;
    if (year_text_.size() == 4) return std::stoi(year_text_);
    if (year_text_.size() == 2) return 2000 + std::stoi(year_text_);
    int best = 0, count = 0;
    for (const auto& [y, n] : years_)
      if (n > count) best = y, count = n;
    return best;
  }

  void finish() {
    Workshop& w = out_.workshop;
    if (pending_header_) flush_header();
    for (auto it = untimed_headers_.rbegin(); it != untimed_headers_.rend(); ++it) {
      Entry h = it->second;
      if (it->first >= entries_.size()) continue;
      h.start = entries_[it->first].start;
      entries_.insert(entries_.begin() + static_cast<long>(it->first), h);
    }
    if (!event_date_ && days_.empty()) event_date_ = loose_date_;
    if (event_date_) w.date = event_date_->iso(year());
    if (!days_.empty() && w.date.empty()) w.date = days_.front();
    if (days_.size() > 1)
      out_.notes.push_back("the page's program spans " + std::to_string(days_.size()) + " days (" + days_.front() + " to " +
                           days_.back() + "); the model holds one day's program, so times of later days are read as of " +
                           w.date);
    const int y = year();
    if (!acronym_.empty() && y) w.acronym = acronym_ + "'" + std::to_string(y % 100 + 100).substr(1);
    else if (!acronym_.empty()) w.acronym = acronym_;
    if (!acronym_.empty()) w.id = url_slug(acronym_) + (y ? "-" + std::to_string(y) : "");
    w.timezone = zone_override_;
    if (w.timezone.empty() && !page_zone_.empty()) {
      w.timezone = zone_for_abbreviation(page_zone_);
      if (w.timezone.empty()) out_.notes.push_back("the page's time zone '" + page_zone_ + "' is not one this reader knows; use --timezone");
    }
    if (w.timezone.empty()) w.timezone = place_zone_;
    for (const auto& d : dates_) w.dates.push_back({d.what, d.date.iso(y), d.note});
    w.sessions = SessionBuilder(out_.notes).build(entries_);
    std::set<std::string> zones;
    for (const auto& e : entries_)
      if (!e.zone.empty()) zones.insert(e.zone);
    if (zones.size() > 1) {
      std::string list;
      for (const auto& z : zones) list += (list.empty() ? "" : ", ") + z;
      out_.notes.push_back("the program's times name several zones (" + list + "); they are kept as printed, in " +
                           (w.timezone.empty() ? "the venue's zone" : w.timezone));
    }
  }

  struct DateEntry {
    std::string what;
    FoundDate date;
    std::string note;
  };

  const Page& page_;
  std::string zone_override_;
  WebEvent out_;
  Section section_ = Section::none;
  std::vector<Entry> entries_;
  bool entries_open_ = true;
  std::optional<Entry> pending_header_;
  std::vector<std::string> carried_chairs_;
  std::vector<std::pair<std::size_t, Entry>> untimed_headers_;
  std::string day_;
  std::vector<std::string> days_;
  std::optional<FoundDate> event_date_;
  std::optional<FoundDate> loose_date_;  // a full date on a line that names no deadline
  std::map<int, int> years_;
  std::string acronym_, year_text_;
  std::string page_zone_, place_zone_;
  std::string date_label_;
  int date_count_ = 0;
  std::vector<DateEntry> dates_;
};

}  // namespace

WebEvent read_event(const Page& page, const std::string& timezone) { return EventReader(page, timezone).read(); }

}  // namespace proceedings::import

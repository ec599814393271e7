#include "proceedings/workshop_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <tuple>

#include "proceedings/papers_yaml.hpp"
#include "proceedings/program.hpp"
#include "proceedings/text.hpp"
#include "model/yaml_text.hpp"

namespace proceedings {

namespace {

using yaml_text::block_span;
using yaml_text::lines_of;
using yaml_text::replace_block;

std::string scalar(const std::string& text) {
  YAML::Emitter e;
  e << text;
  return e.c_str();
}

// Inside [ ] and { }, a comma or bracket would end the value: quote it.
std::string flow_scalar(const std::string& text) {
  if (text.find_first_of(",[]{}:#'\"") == std::string::npos) return scalar(text);
  YAML::Emitter e;
  e << YAML::DoubleQuoted << text;
  return e.c_str();
}

std::string people_block(const std::string& indent, const std::vector<Person>& people) {
  std::string out;
  for (const auto& p : people) out += indent + "- " + person_yaml(p) + "\n";
  return out;
}

// `pad`: the indent a session's day adds (program.days[].sessions sits four spaces deeper).
std::string talk_yaml(const Talk& t, const std::string& pad) {
  std::string out = pad + "        - title: " + scalar(t.title) + "\n";
  const std::string in = pad + "          ";
  out += in + "kind: " + scalar(t.kind) + "\n";
  if (!t.speakers.empty()) out += in + "speakers: " + people_yaml(t.speakers) + "\n";
  if (!t.paper_id.empty()) out += in + "paper: " + scalar(t.paper_id) + "\n";
  if (!t.slug.empty()) out += in + "slug: " + scalar(t.slug) + "\n";
  if (t.start) out += in + "start: " + scalar(t.start->text) + "\n";
  if (t.end) out += in + "end: " + scalar(t.end->text) + "\n";
  if (!t.abstract.empty()) out += in + "abstract: " + scalar(t.abstract) + "\n";
  return out;
}

std::string session_yaml(const Session& s, const std::string& pad = "") {
  std::string out = pad + "    - id: " + scalar(s.id) + "\n";
  const std::string in = pad + "      ";
  out += in + "title: " + scalar(s.title) + "\n";
  if (s.kind != "talks") out += in + "kind: " + scalar(s.kind) + "\n";
  out += in + "start: " + scalar(s.start.text) + "\n";
  if (s.end) out += in + "end: " + scalar(s.end->text) + "\n";
  if (!s.room.empty()) out += in + "room: " + scalar(s.room) + "\n";
  if (!s.chairs.empty()) {
    std::string list;
    for (const auto& c : s.chairs) list += (list.empty() ? "" : ", ") + flow_scalar(c);
    out += in + "chairs: [" + list + "]\n";
  }
  if (!s.confirmed.empty()) {
    std::string list;
    for (const auto& c : s.confirmed) list += (list.empty() ? "" : ", ") + c;
    out += in + "confirmed: [" + list + "]\n";
  }
  if (!s.talks.empty()) {
    out += in + "talks:\n";
    for (const auto& t : s.talks) out += talk_yaml(t, pad);
  }
  return out;
}

// A program with a session on another date than the venue's is written by day (program.days).
bool on_days(const Workshop& w) {
  return std::any_of(w.sessions.begin(), w.sessions.end(), [&](const Session& s) { return date_of(w, s) != w.date; });
}

std::string program_yaml(const Workshop& w) {
  std::string out = "program:\n";
  if (!w.room.empty()) out += "  room: " + scalar(w.room) + "\n";
  if (w.default_length != 10) out += "  default_length: " + std::to_string(w.default_length) + "\n";
  if (!w.ics_domain.empty()) out += "  ics_domain: " + scalar(w.ics_domain) + "\n";
  if (!on_days(w)) {
    out += "  sessions:\n";
    for (const auto& s : w.sessions) out += session_yaml(s);
    return out;
  }
  out += "  days:\n";
  std::vector<std::string> dates;
  for (const auto& s : w.sessions)
    if (std::find(dates.begin(), dates.end(), date_of(w, s)) == dates.end()) dates.push_back(date_of(w, s));
  std::sort(dates.begin(), dates.end());
  for (const auto& date : dates) {
    out += "    - date: " + scalar(date) + "\n      sessions:\n";
    for (const auto& s : w.sessions)
      if (date_of(w, s) == date) out += session_yaml(s, "    ");
  }
  return out;
}

std::string organizers_yaml(const Workshop& w) { return "organizers:\n" + people_block("  ", w.organizers); }

std::string committees_yaml(const Workshop& w) {
  if (w.committees.empty()) return "";
  std::string out = "committees:\n";
  for (const auto& c : w.committees) out += "  - name: " + scalar(c.name) + "\n    members:\n" + people_block("      ", c.members);
  return out;
}

std::string dates_yaml(const Workshop& w) {
  if (w.dates.empty()) return "";
  std::string out = "dates:\n";
  for (const auto& d : w.dates)
    out += "  - {what: " + flow_scalar(d.what) + ", date: " + flow_scalar(d.date) +
           (d.note.empty() ? "" : ", note: " + flow_scalar(d.note)) + "}\n";
  return out;
}

// The program block rewritten: a session that did not change keeps its text
// (flow style, quotes, comments), a changed one is written anew after the
// comments above it, a new one is added; anything else in the block stays.
// A block not laid out as `  sessions:` with items at four spaces is written whole.
std::string program_block(const std::vector<std::string>& block, const Workshop& before, const Workshop& w) {
  std::size_t list = 0;
  while (list < block.size() && block[list] != "  sessions:") ++list;
  std::size_t list_end = list + 1;  // the first program-level key after the list, if any
  while (list_end < block.size() && !(block[list_end].size() > 2 && block[list_end].rfind("  ", 0) == 0 &&
                                      block[list_end][2] != ' ' && block[list_end][2] != '#' && block[list_end][2] != '-'))
    ++list_end;
  std::vector<std::pair<std::size_t, std::size_t>> items;  // [first, last) lines, the comments above it included
  for (std::size_t k = list + 1; k < list_end; ++k) {
    if (block[k].rfind("    - ", 0) != 0) continue;
    std::size_t first = k;
    while (first > list + 1 && (trim(block[first - 1]).empty() || trim(block[first - 1])[0] == '#')) --first;
    if (!items.empty()) items.back().second = first;
    items.push_back({first, list_end});
  }
  if (list >= block.size() || items.size() != before.sessions.size() || on_days(before) || on_days(w)) return program_yaml(w);
  std::string out;
  for (std::size_t i = 0; i <= list; ++i) out += block[i] + "\n";
  for (const auto& s : w.sessions) {
    const auto old = std::find_if(before.sessions.begin(), before.sessions.end(), [&](const Session& b) { return b.id == s.id; });
    if (old == before.sessions.end()) {
      out += session_yaml(s);
      continue;
    }
    const auto [first, last] = items[static_cast<std::size_t>(old - before.sessions.begin())];
    if (session_yaml(*old) == session_yaml(s)) {
      for (std::size_t i = first; i < last; ++i) out += block[i] + "\n";
      continue;
    }
    for (std::size_t i = first; i < last && block[i].rfind("    - ", 0) != 0; ++i) out += block[i] + "\n";  // its comments
    out += session_yaml(s);
  }
  for (std::size_t i = list_end; i < block.size(); ++i) out += block[i] + "\n";
  return out;
}

}  // namespace

std::string workshop_yaml(const Workshop& w, const std::string& source) {
  std::string out = "# Imported from " + source + " by `proceedings import web`; edit freely: a re-import\n"
                    "# keeps what you change (import-web-state.json records what the page said).\n";
  out += "id: " + scalar(w.id) + "\n";
  out += "acronym: " + scalar(w.acronym) + "\n";
  out += "name: " + scalar(w.name) + "\n";
  out += "kind: " + scalar(w.kind) + "\n";
  if (!w.location.empty()) out += "location: " + scalar(w.location) + "\n";
  out += "date: " + scalar(w.date) + "\n";
  out += "timezone: " + scalar(w.timezone) + "\n";
  if (!w.website.empty()) out += "website: " + scalar(w.website) + "\n";
  if (w.contact)
    out += "contact: {name: " + flow_scalar(w.contact->name) + ", email: " + flow_scalar(w.contact->email()) + "}\n";
  out += "\n" + organizers_yaml(w);
  if (!w.committees.empty()) out += "\n" + committees_yaml(w);
  if (!w.dates.empty()) out += "\n" + dates_yaml(w);
  out += "\n" + program_yaml(w);
  return out;
}

namespace {

std::string updated_lf(const std::string& original, const Workshop& before, const Workshop& w) {
  std::vector<std::string> lines = lines_of(original);
  for (auto [key, a, b] : {std::tuple{"acronym", &before.acronym, &w.acronym}, std::tuple{"name", &before.name, &w.name},
                           std::tuple{"date", &before.date, &w.date}, std::tuple{"timezone", &before.timezone, &w.timezone},
                           std::tuple{"website", &before.website, &w.website}})
    if (*a != *b) yaml_text::replace_line(lines, key, std::string(key) + ": " + scalar(*b));
  // Every field of a person, not only what the page compares: a filled-in ORCID is written too.
  if (people_yaml(before.organizers) != people_yaml(w.organizers)) replace_block(lines, "organizers", organizers_yaml(w));
  std::string before_committees, after_committees;
  for (const auto& c : before.committees) before_committees += c.name + ":" + people_yaml(c.members) + "\n";
  for (const auto& c : w.committees) after_committees += c.name + ":" + people_yaml(c.members) + "\n";
  if (before_committees != after_committees) replace_block(lines, "committees", committees_yaml(w));
  if (dates_yaml(before) != dates_yaml(w)) replace_block(lines, "dates", dates_yaml(w));
  if (program_yaml(before) != program_yaml(w)) {
    const auto span = block_span(lines, "program");
    std::vector<std::string> block;
    if (span) block.assign(lines.begin() + static_cast<long>(span->first), lines.begin() + static_cast<long>(span->second));
    replace_block(lines, "program", block.empty() ? program_yaml(w) : program_block(block, before, w));
  }
  return yaml_text::joined(lines);
}

}  // namespace

std::string updated_workshop_yaml(const std::string& original, const Workshop& before, const Workshop& w) {
  return yaml_text::keeping_line_ends(original, [&](const std::string& text) { return updated_lf(text, before, w); });
}

}  // namespace proceedings

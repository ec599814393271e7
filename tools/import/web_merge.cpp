#include "import/web_merge.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "proceedings/error.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/papers_yaml.hpp"
#include "proceedings/text.hpp"

namespace proceedings::import {

namespace {

std::string folded(const std::string& text) { return url_slug(text); }

std::string time_text(const std::optional<ClockTime>& t) { return t ? t->text : ""; }

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : "; ") + s;
  return out;
}

std::string dates_text(const std::vector<ImportantDate>& dates) {
  std::string out;
  for (const auto& d : dates) out += (out.empty() ? "" : "; ") + d.what + " " + d.date + (d.note.empty() ? "" : " (" + d.note + ")");
  return out;
}

std::string people_text(const std::vector<Person>& people) {
  std::string out = authors_text(people);
  for (const auto& p : people)
    if (!p.emails.empty()) out += " <" + p.email() + ">";
  return out;
}

void talk_fields(WebState& f, const std::string& at, const Talk& t) {
  f[at + ".title"] = t.title;
  f[at + ".kind"] = t.kind;
  f[at + ".speakers"] = authors_text(t.speakers);
  f[at + ".paper"] = t.paper_id;
  f[at + ".slug"] = t.slug;
  f[at + ".start"] = time_text(t.start);
  f[at + ".end"] = time_text(t.end);
}

Session* find_session(std::vector<Session>& sessions, const Session& s) {
  for (auto& mine : sessions)
    if (mine.id == s.id) return &mine;
  for (auto& mine : sessions)
    if (mine.start.text == s.start.text && folded(mine.title) == folded(s.title)) return &mine;
  return nullptr;
}

const Paper* paper_titled(const std::vector<Paper>& papers, const std::string& title) {
  for (const auto& p : papers)
    if (folded(p.title) == folded(title)) return &p;
  return nullptr;
}

class WebMerger {
 public:
  WebMerger(const WebState& base, const Resolutions& resolve, WebMerge& out) : base_(base), resolve_(resolve), out_(out) {}

  // Three-way on one text field; `set` applies theirs.
  template <typename Set>
  void field(const std::string& path, const std::string& mine, const std::string& theirs, Set set) {
    const auto b = base_.find(path);
    switch (merge_field(mine, theirs, b == base_.end() ? nullptr : &b->second)) {
      case FieldMerge::keep: return;
      case FieldMerge::take:
        out_.changes.push_back(path + ": '" + mine + "' -> '" + theirs + "'");
        set();
        out_.workshop_changed = true;
        return;
      case FieldMerge::conflict:
        if (selected(resolve_.take_export, path)) {
          out_.changes.push_back(path + ": '" + mine + "' -> '" + theirs + "' (--take-export)");
          set();
          out_.workshop_changed = true;
          return;
        }
        if (selected(resolve_.keep_mine, path)) return;  // the page's value becomes the base: mine is an edit
        // The older base stays recorded, so that the next run still sees the conflict.
        if (b == base_.end()) out_.state.erase(path);
        else out_.state[path] = b->second;
        out_.conflicts.push_back(path + " differs: workshop.yaml has '" + mine + "', the page '" + theirs +
                                 "' (workshop.yaml kept; resolve with --take-export " + path + " or --keep-mine " + path +
                                 ", or edit workshop.yaml to match)");
    }
  }

  static bool selected(const std::vector<std::string>& selectors, const std::string& path) {
    return std::any_of(selectors.begin(), selectors.end(),
                       [&](const std::string& s) { return path == s || path.rfind(s + ".", 0) == 0; });
  }

  void text(const std::string& path, std::string& mine, const std::string& theirs) {
    field(path, mine, theirs, [&] { mine = theirs; });
  }

  void time(const std::string& path, std::optional<ClockTime>& mine, const std::optional<ClockTime>& theirs) {
    field(path, time_text(mine), time_text(theirs), [&] { mine = theirs; });
  }

  // A list of people: filled in where the names are the same, else three-way as a whole.
  void people(const std::string& path, std::vector<Person>& mine, const std::vector<Person>& theirs) {
    std::vector<std::string> a, b;
    for (const auto& p : mine) a.push_back(p.name);
    for (const auto& p : theirs) b.push_back(p.name);
    if (!mine.empty() && a == b) {
      int filled = 0;
      for (std::size_t i = 0; i < mine.size(); ++i) filled += !fill_in(mine[i], theirs[i]).empty();
      if (filled) {
        out_.changes.push_back(path + ": affiliations or e-mails filled in for " + std::to_string(filled) + " person(s)");
        out_.workshop_changed = true;
      }
      return;
    }
    field(path, people_text(mine), people_text(theirs), [&] { mine = theirs; });
  }

  void talks(const std::string& at, Session& mine, const Session& theirs) {
    if (mine.talks.size() != theirs.talks.size()) {
      std::string mine_titles, their_titles;
      for (const auto& t : mine.talks) mine_titles += (mine_titles.empty() ? "" : " | ") + t.title;
      for (const auto& t : theirs.talks) their_titles += (their_titles.empty() ? "" : " | ") + t.title;
      field(at + ".talks", mine_titles, their_titles, [&] { mine.talks = theirs.talks; });
      return;
    }
    for (std::size_t i = 0; i < mine.talks.size(); ++i) {
      Talk& m = mine.talks[i];
      const Talk& t = theirs.talks[i];
      const std::string p = at + ".talk" + std::to_string(i + 1);
      text(p + ".title", m.title, t.title);
      text(p + ".kind", m.kind, t.kind);
      if (m.paper_id.empty() || t.paper_id.empty()) people(p + ".speakers", m.speakers, t.speakers);
      text(p + ".paper", m.paper_id, t.paper_id);
      text(p + ".slug", m.slug, t.slug);
      time(p + ".start", m.start, t.start);
      time(p + ".end", m.end, t.end);
      if (m.abstract.empty() && !t.abstract.empty()) text(p + ".abstract", m.abstract, t.abstract);
    }
  }

  void session(Session& mine, const Session& theirs) {
    const std::string at = "program." + mine.id;
    text(at + ".title", mine.title, theirs.title);
    text(at + ".kind", mine.kind, theirs.kind);
    field(at + ".start", mine.start.text, theirs.start.text, [&] { mine.start = theirs.start; });
    time(at + ".end", mine.end, theirs.end);
    field(at + ".chairs", joined(mine.chairs), joined(theirs.chairs), [&] { mine.chairs = theirs.chairs; });
    talks(at, mine, theirs);
  }

  void program(Workshop& mine, const Workshop& theirs) {
    for (std::size_t i = 0; i < theirs.sessions.size(); ++i) {
      const Session& s = theirs.sessions[i];
      if (Session* m = find_session(mine.sessions, s)) {
        session(*m, s);
        continue;
      }
      if (base_.count("program." + s.id + ".title")) continue;  // imported before, then removed by a person
      std::size_t at = mine.sessions.size();
      for (std::size_t j = 0; j < mine.sessions.size(); ++j)
        if (mine.sessions[j].start.minutes > s.start.minutes) {
          at = j;
          break;
        }
      Session added = s;
      for (int n = 2; std::any_of(mine.sessions.begin(), mine.sessions.end(), [&](const Session& o) { return o.id == added.id; }); ++n)
        added.id = s.id + "-" + std::to_string(n);
      out_.changes.push_back("program: add session " + added.id + " '" + s.title + "' at " + s.start.text);
      mine.sessions.insert(mine.sessions.begin() + static_cast<long>(at), added);
      out_.workshop_changed = true;
    }
    for (const auto& m : mine.sessions) {
      const bool on_page = std::any_of(theirs.sessions.begin(), theirs.sessions.end(), [&](const Session& s) {
        return s.id == m.id || (s.start.text == m.start.text && folded(s.title) == folded(m.title));
      });
      if (!on_page && base_.count("program." + m.id + ".title"))
        out_.conflicts.push_back("program." + m.id + " '" + m.title + "' is no longer on the page: kept; remove it by hand if it is out");
    }
  }

  void committees(Workshop& mine, const Workshop& theirs) {
    for (const auto& c : theirs.committees) {
      auto it = std::find_if(mine.committees.begin(), mine.committees.end(),
                             [&](const Committee& m) { return folded(m.name) == folded(c.name); });
      if (it == mine.committees.end()) {
        mine.committees.push_back(c);
        out_.changes.push_back("committees: add '" + c.name + "', " + std::to_string(c.members.size()) + " member(s)");
        out_.workshop_changed = true;
        continue;
      }
      people("committees." + url_slug(c.name), it->members, c.members);
    }
  }

 private:
  const WebState& base_;
  const Resolutions& resolve_;
  WebMerge& out_;
};

// Paper talks name the venue's accepted paper of the same title; a paper the
// venue does not list yet is added to papers.yaml with the page's authors.
void link_papers(WebEvent& event, const Workshop& venue, const ImportState& paper_state, const Resolutions& resolve,
                 WebMerge& out) {
  std::vector<Submission> found;
  for (auto& s : event.workshop.sessions)
    for (auto& t : s.talks) {
      if (t.kind != "paper" || t.speakers.empty()) continue;
      if (const Paper* p = paper_titled(venue.papers, t.title)) {
        t.paper_id = p->id;
        t.speakers.clear();
        continue;
      }
      found.push_back(Submission{"web", url_slug(t.title).substr(0, 60), t.title, "", "accept", false, t.speakers});
    }
  out.papers = merge_submissions(venue.papers, paper_state, found, {"accept"}, resolve);
  for (auto& s : event.workshop.sessions)
    for (auto& t : s.talks) {
      if (t.kind != "paper" || !t.paper_id.empty()) continue;
      const std::string key = "web:" + url_slug(t.title).substr(0, 60);
      for (const auto& p : out.papers.papers)
        if (p.submission == key) {
          t.paper_id = p.id;
          t.speakers.clear();
        }
    }
}

// ---- YAML text --------------------------------------------------------------

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

std::string talk_yaml(const Talk& t) {
  std::string out = "        - title: " + scalar(t.title) + "\n";
  const std::string in = "          ";
  out += in + "kind: " + scalar(t.kind) + "\n";
  if (!t.speakers.empty()) out += in + "speakers: " + people_yaml(t.speakers) + "\n";
  if (!t.paper_id.empty()) out += in + "paper: " + scalar(t.paper_id) + "\n";
  if (!t.slug.empty()) out += in + "slug: " + scalar(t.slug) + "\n";
  if (t.start) out += in + "start: " + scalar(t.start->text) + "\n";
  if (t.end) out += in + "end: " + scalar(t.end->text) + "\n";
  if (!t.abstract.empty()) out += in + "abstract: " + scalar(t.abstract) + "\n";
  return out;
}

std::string session_yaml(const Session& s) {
  std::string out = "    - id: " + scalar(s.id) + "\n";
  const std::string in = "      ";
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
    for (const auto& t : s.talks) out += talk_yaml(t);
  }
  return out;
}

std::string program_yaml(const Workshop& w) {
  std::string out = "program:\n";
  if (!w.room.empty()) out += "  room: " + scalar(w.room) + "\n";
  if (w.default_length != 10) out += "  default_length: " + std::to_string(w.default_length) + "\n";
  if (!w.ics_domain.empty()) out += "  ics_domain: " + scalar(w.ics_domain) + "\n";
  out += "  sessions:\n";
  for (const auto& s : w.sessions) out += session_yaml(s);
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

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

bool top_level_key(const std::string& line, const std::string& key) { return line.rfind(key + ":", 0) == 0; }

bool top_level(const std::string& line) { return !line.empty() && line[0] != ' ' && line[0] != '#' && line[0] != '-'; }

// [first, last) lines of the top-level block `key`, or nullopt.
std::optional<std::pair<std::size_t, std::size_t>> block_span(const std::vector<std::string>& lines, const std::string& key) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!top_level_key(lines[i], key)) continue;
    std::size_t end = i + 1;
    while (end < lines.size() && !top_level(lines[end])) ++end;
    while (end > i + 1 && (trim(lines[end - 1]).empty() || trim(lines[end - 1])[0] == '#')) --end;  // comments above the next key stay with it
    return std::make_pair(i, end);
  }
  return std::nullopt;
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
  if (list >= block.size() || items.size() != before.sessions.size()) return program_yaml(w);
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

void replace_block(std::vector<std::string>& lines, const std::string& key, const std::string& block) {
  std::vector<std::string> fresh = lines_of(block);
  if (const auto span = block_span(lines, key)) {
    lines.erase(lines.begin() + static_cast<long>(span->first), lines.begin() + static_cast<long>(span->second));
    lines.insert(lines.begin() + static_cast<long>(span->first), fresh.begin(), fresh.end());
    return;
  }
  lines.push_back("");
  lines.insert(lines.end(), fresh.begin(), fresh.end());
}

void replace_scalar(std::vector<std::string>& lines, const std::string& key, const std::string& value) {
  for (auto& l : lines)
    if (top_level_key(l, key)) {
      l = key + ": " + scalar(value);
      return;
    }
  std::size_t at = 0;
  while (at < lines.size() && (lines[at].empty() || lines[at][0] == '#')) ++at;
  lines.insert(lines.begin() + static_cast<long>(at), key + ": " + scalar(value));
}

}  // namespace

WebState web_fields(const Workshop& w) {
  WebState f;
  f["id"] = w.id;
  f["acronym"] = w.acronym;
  f["name"] = w.name;
  f["kind"] = w.kind;
  f["date"] = w.date;
  f["timezone"] = w.timezone;
  f["website"] = w.website;
  f["organizers"] = people_text(w.organizers);
  for (const auto& c : w.committees) f["committees." + url_slug(c.name)] = people_text(c.members);
  f["dates"] = dates_text(w.dates);
  for (const auto& s : w.sessions) {
    const std::string at = "program." + s.id;
    f[at + ".title"] = s.title;
    f[at + ".kind"] = s.kind;
    f[at + ".start"] = s.start.text;
    f[at + ".end"] = time_text(s.end);
    f[at + ".chairs"] = joined(s.chairs);
    std::string titles;
    for (const auto& t : s.talks) titles += (titles.empty() ? "" : " | ") + t.title;
    f[at + ".talks"] = titles;
    for (std::size_t i = 0; i < s.talks.size(); ++i) talk_fields(f, at + ".talk" + std::to_string(i + 1), s.talks[i]);
  }
  return f;
}

WebMerge merge_web(const Workshop& venue, bool new_venue, const ImportState& paper_state, const WebState& state,
                   WebEvent event, const Resolutions& resolve) {
  WebMerge out;
  out.new_venue = new_venue;
  link_papers(event, venue, paper_state, resolve, out);
  const Workshop& theirs = event.workshop;
  out.state = web_fields(theirs);
  if (new_venue) {
    out.workshop = theirs;
    out.workshop.papers = out.papers.papers;
    out.workshop_changed = true;
    out.changes.push_back("new workshop.yaml: " + theirs.acronym + ", " + std::to_string(theirs.sessions.size()) +
                          " session(s), " + std::to_string(theirs.organizers.size()) + " organizer(s), " +
                          std::to_string(theirs.committees.size()) + " committee(s), " + std::to_string(theirs.dates.size()) +
                          " date(s)");
    return out;
  }
  out.workshop = venue;
  WebMerger m(state, resolve, out);
  Workshop& mine = out.workshop;
  for (auto [key, mine_field, their_field] :
       {std::tuple{"acronym", &mine.acronym, &theirs.acronym}, std::tuple{"name", &mine.name, &theirs.name},
        std::tuple{"date", &mine.date, &theirs.date}, std::tuple{"timezone", &mine.timezone, &theirs.timezone},
        std::tuple{"website", &mine.website, &theirs.website}})
    m.text(key, *mine_field, *their_field);
  m.people("organizers", mine.organizers, theirs.organizers);
  m.committees(mine, theirs);
  m.field("dates", dates_text(mine.dates), dates_text(theirs.dates), [&] { mine.dates = theirs.dates; });
  m.program(mine, theirs);
  mine.papers = out.papers.papers;
  return out;
}

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
  out += "\n" + organizers_yaml(w);
  if (!w.committees.empty()) out += "\n" + committees_yaml(w);
  if (!w.dates.empty()) out += "\n" + dates_yaml(w);
  out += "\n" + program_yaml(w);
  return out;
}

std::string updated_workshop_yaml(const std::string& original, const Workshop& before, const Workshop& w) {
  std::vector<std::string> lines = lines_of(original);
  for (auto [key, a, b] : {std::tuple{"acronym", &before.acronym, &w.acronym}, std::tuple{"name", &before.name, &w.name},
                           std::tuple{"date", &before.date, &w.date}, std::tuple{"timezone", &before.timezone, &w.timezone},
                           std::tuple{"website", &before.website, &w.website}})
    if (*a != *b) replace_scalar(lines, key, *b);
  // Every field of a person, not only what the page compares: a filled-in ORCID is written too.
  if (people_yaml(before.organizers) != people_yaml(w.organizers)) replace_block(lines, "organizers", organizers_yaml(w));
  std::string before_committees, after_committees;
  for (const auto& c : before.committees) before_committees += c.name + ":" + people_yaml(c.members) + "\n";
  for (const auto& c : w.committees) after_committees += c.name + ":" + people_yaml(c.members) + "\n";
  if (before_committees != after_committees) replace_block(lines, "committees", committees_yaml(w));
  if (dates_text(before.dates) != dates_text(w.dates)) replace_block(lines, "dates", dates_yaml(w));
  if (program_yaml(before) != program_yaml(w)) {
    const auto span = block_span(lines, "program");
    std::vector<std::string> block;
    if (span) block.assign(lines.begin() + static_cast<long>(span->first), lines.begin() + static_cast<long>(span->second));
    replace_block(lines, "program", block.empty() ? program_yaml(w) : program_block(block, before, w));
  }
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

WebState parse_web_state(const std::string& json, const std::string& file) {
  WebState state;
  try {
    const auto doc = nlohmann::json::parse(json);
    for (const auto& [key, v] : doc.at("fields").items()) state[key] = v.get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    throw usage_error(file, std::string("is not the web import state this tool writes: ") + e.what());
  }
  return state;
}

std::string web_state_json(const WebState& state, const std::string& source) {
  nlohmann::json doc;
  doc["about"] = "What `proceedings import web` last took from the event's page, per field; kept so that a re-import "
                 "can tell the page's changes from edits to workshop.yaml.";
  doc["source"] = source;
  doc["fields"] = nlohmann::json::object();
  for (const auto& [key, value] : state) doc["fields"][key] = value;
  return doc.dump(2) + "\n";
}

}  // namespace proceedings::import

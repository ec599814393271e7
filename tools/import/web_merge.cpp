#include "import/web_merge.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "proceedings/error.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/text.hpp"

namespace proceedings::import {

namespace {

std::string folded(const std::string& text) { return url_slug(text); }

std::string time_text(const std::optional<ClockTime>& t) { return t ? t->text : ""; }

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
    field(at + ".chairs", joined(mine.chairs, "; "), joined(theirs.chairs, "; "), [&] { mine.chairs = theirs.chairs; });
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
      found.push_back(Submission{"web", url_slug(t.title).substr(0, 60), t.title, "", "accept", false, t.speakers, ""});
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
    f[at + ".chairs"] = joined(s.chairs, "; ");
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

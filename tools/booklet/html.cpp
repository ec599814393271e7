#include "booklet/html.hpp"

#include "booklet/grid.hpp"
#include "booklet/schedule.hpp"
#include "proceedings/files.hpp"
#include "proceedings/template.hpp"
#include "proceedings/text.hpp"

namespace proceedings::booklet {

namespace fs = std::filesystem;

namespace {

std::string link(const std::string& href, const std::string& text) {
  return "<a href=\"" + html_escape(href) + "\">" + html_escape(text) + "</a>";
}

}  // namespace

std::string when(const std::string& date, const TimeZone& zone, const std::optional<int>& start, const std::optional<int>& end,
                 const std::string& mark) {
  if (!start) return "";
  auto time = [&](int minutes) { return "<time datetime=\"" + iso_instant(date, zone, minutes) + "\">" + clock_text(minutes) + "</time>"; };
  return "<span class=\"when\">" + time(*start) + (end ? "–" + time(*end) : "") + html_escape(mark) + "</span>";
}

std::string talk_links(const Paper* paper, const std::filesystem::path& papers_folder) {
  if (!paper) return "";
  std::string links;
  if (!papers_folder.empty() && fs::exists(papers_folder / (paper->id + ".pdf")))
    links += link("../bundle/papers/" + paper->id + ".pdf", "Paper (PDF)");
  if (!paper->doi.empty()) links += link("https://doi.org/" + paper->doi, "doi:" + paper->doi);
  if (!paper->arxiv.empty()) links += link("https://arxiv.org/abs/" + paper->arxiv, "arXiv:" + paper->arxiv);
  return links.empty() ? "" : "<p class=\"links\">" + links + "</p>";
}

std::string chair_line(const Entry& session) {
  if (session.people.empty()) return "";
  return "<p class=\"chair\">Session chair" + std::string(session.people.size() > 1 ? "s" : "") + ": " +
         html_escape(name_list(session.people)) + "</p>";
}

namespace {

std::string talk_abstract(const Talk& talk, const Paper* paper) {
  const std::string& text = !talk.abstract.empty() ? talk.abstract : (paper ? paper->abstract : talk.abstract);
  return text.empty() ? "" : "<p class=\"abstract\">" + html_escape(text) + "</p>";
}

struct Listing {
  std::string sessions, nav;
};

// One day in one room: the sessions one below the other, each with its talks in full.
Listing session_list(const Workshop& w, const TimeZone& zone, const std::vector<Entry>& entries, const fs::path& templates,
                     const PageLinks& links) {
  const std::string session_html = read_file(templates / "session.html");
  const std::string talk_html = read_file(templates / "talk.html");
  Listing out;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& s = entries[i];
    if (s.talk) continue;
    std::string talks;
    for (std::size_t j = i + 1; j < entries.size() && entries[j].talk; ++j) {
      const Entry& t = entries[j];
      const Paper* paper = paper_of(w, *t.talk);
      const auto people = people_of(w, *t.talk);
      const bool same_as_session = s.session->talks.size() == 1 && t.title == s.title;
      if (same_as_session && people.empty() && t.talk->abstract.empty()) continue;  // "Closing Remarks" in "Closing Remarks"
      const bool own_time = t.start && !(t.start == s.start && t.end == s.end);
      talks += fill_template(talk_html,
                             {{"ID", html_escape(t.uid)},
                              {"HEADING", same_as_session ? ""
                                                          : "<h3>" + (own_time ? when(t.date, zone, t.start, t.published_end(), links.flags.mark(t)) : "") +
                                                                "<span class=\"title\">" + html_escape(t.title) + "</span></h3>"},
                              {"PEOPLE", people.empty() ? "" : "<p class=\"people\">" + html_escape(with_affiliations(people)) + "</p>"},
                              {"ABSTRACT", talk_abstract(*t.talk, paper)},
                              {"LINKS", talk_links(paper, links.papers_folder)}},
                             "talk.html");
    }
    const std::string flag = links.flags.marked(s) ? "<p class=\"flag\">" + html_escape(links.flags.note(s)) + "</p>" : "";
    out.sessions += fill_template(session_html,
                                  {{"KIND", html_escape(s.session->kind)},
                                   {"ID", html_escape(s.session->id)},
                                   {"TIME", when(s.date, zone, s.start, s.published_end(), links.flags.mark(s))},
                                   {"TITLE", html_escape(s.title)},
                                   {"CHAIR", flag + chair_line(s)},
                                   {"TALKS", talks}},
                                  "session.html");
    out.nav += "<li><a href=\"#" + html_escape(s.session->id) + "\">" + html_escape(clock_text(*s.start) + " " + s.title) + "</a></li>\n";
  }
  return out;
}

}  // namespace

std::string program_html(const Workshop& w, const TimeZone& zone, const fs::path& templates, const PageLinks& links) {
  const auto entries = schedule(w);
  const bool grid = by_days_and_rooms(entries);
  const Listing listing = grid ? [&] {
    const GridPage page = program_grid(w, zone, entries, links);
    return Listing{page.days, page.nav};
  }() : session_list(w, zone, entries, templates, links);
  const auto dates = program_dates(entries);
  std::string place = w.host.empty() ? "" : ", " + w.host;
  if (!w.location.empty()) place += ", " + w.location;
  std::string downloads;
  for (const auto& [href, text] : links.downloads) downloads += link(href, text) + "\n";
  std::string style = read_file(templates / "style.css");
  if (grid) style += read_file(templates / "grid.css");
  const std::string room = grid || w.room.empty() ? "" : ", " + html_escape(w.room);
  return fill_template(read_file(templates / "program.html"),
                       {{"ACRONYM", html_escape(w.acronym)},
                        {"NAME", html_escape(name_after_acronym(w))},  // printed under the acronym
                        {"DATE_ISO", dates.empty() ? w.date : dates.front()},
                        {"DATE", html_escape(dates_text(entries, w.date))},
                        {"PLACE", html_escape(place)},
                        {"ROOM", room},
                        {"ZONE", html_escape("local time (" + w.timezone + ")")},
                        {"DOWNLOADS", downloads.empty() ? "" : "<p class=\"downloads\">" + downloads + "</p>"},
                        {"NAV", listing.nav},
                        {"SESSIONS", listing.sessions},
                        {"STYLE", style},
                        {"VERSION", PROCEEDINGS_VERSION}},
                       "program.html");
}

}  // namespace proceedings::booklet

#include "booklet/html.hpp"

#include <cstdio>
#include <cstdlib>

#include "booklet/schedule.hpp"
#include "proceedings/files.hpp"
#include "proceedings/template.hpp"
#include "proceedings/text.hpp"

namespace proceedings::booklet {

namespace fs = std::filesystem;

namespace {

// "2025-11-16T09:00:00-06:00": the instant, with the zone's offset on that day.
std::string iso_instant(const Workshop& w, const TimeZone& zone, int minutes) {
  const int year = std::stoi(w.date.substr(0, 4)), month = std::stoi(w.date.substr(5, 2)), day = std::stoi(w.date.substr(8, 2));
  const int offset = zone.offset_at(zone.to_utc(year, month, day, minutes)).seconds;
  char buf[48];
  const int m = std::abs(offset) / 60;
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00%c%02d:%02d", w.date.c_str(), minutes / 60, minutes % 60, offset < 0 ? '-' : '+',
                m / 60, m % 60);
  return buf;
}

// <span class="when"><time>09:00</time>–<time>09:10</time></span>, or "" without a start.
// A marked time ends with its dagger, which the flag note explains.
std::string when(const Workshop& w, const TimeZone& zone, const std::optional<int>& start, const std::optional<int>& end,
                 const std::string& mark = "") {
  if (!start) return "";
  auto time = [&](int minutes) { return "<time datetime=\"" + iso_instant(w, zone, minutes) + "\">" + clock_text(minutes) + "</time>"; };
  return "<span class=\"when\">" + time(*start) + (end ? "–" + time(*end) : "") + html_escape(mark) + "</span>";
}

std::string link(const std::string& href, const std::string& text) {
  return "<a href=\"" + html_escape(href) + "\">" + html_escape(text) + "</a>";
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

std::string talk_abstract(const Talk& talk, const Paper* paper) {
  const std::string& text = !talk.abstract.empty() ? talk.abstract : (paper ? paper->abstract : talk.abstract);
  return text.empty() ? "" : "<p class=\"abstract\">" + html_escape(text) + "</p>";
}

}  // namespace

std::string program_html(const Workshop& w, const TimeZone& zone, const fs::path& templates, const PageLinks& links) {
  const std::string page = read_file(templates / "program.html");
  const std::string session_html = read_file(templates / "session.html");
  const std::string talk_html = read_file(templates / "talk.html");
  std::string sessions, nav;
  const auto entries = schedule(w);
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
                                                          : "<h3>" + (own_time ? when(w, zone, t.start, t.published_end(), links.flags.mark(t)) : "") +
                                                                "<span class=\"title\">" + html_escape(t.title) + "</span></h3>"},
                              {"PEOPLE", people.empty() ? "" : "<p class=\"people\">" + html_escape(with_affiliations(people)) + "</p>"},
                              {"ABSTRACT", talk_abstract(*t.talk, paper)},
                              {"LINKS", talk_links(paper, links.papers_folder)}},
                             "talk.html");
    }
    const std::string flag = links.flags.marked(s) ? "<p class=\"flag\">" + html_escape(links.flags.note(s)) + "</p>" : "";
    const std::string chair = s.people.empty() ? ""
                                               : "<p class=\"chair\">Session chair" + std::string(s.people.size() > 1 ? "s" : "") +
                                                     ": " + html_escape(name_list(s.people)) + "</p>";
    sessions += fill_template(session_html,
                              {{"KIND", html_escape(s.session->kind)},
                               {"ID", html_escape(s.session->id)},
                               {"TIME", when(w, zone, s.start, s.published_end(), links.flags.mark(s))},
                               {"TITLE", html_escape(s.title)},
                               {"CHAIR", flag + chair},
                               {"TALKS", talks}},
                              "session.html");
    nav += "<li><a href=\"#" + html_escape(s.session->id) + "\">" + html_escape(clock_text(*s.start) + " " + s.title) + "</a></li>\n";
  }
  std::string place = w.host.empty() ? "" : ", " + w.host;
  if (!w.location.empty()) place += ", " + w.location;
  std::string downloads;
  for (const auto& [href, text] : links.downloads) downloads += link(href, text) + "\n";
  return fill_template(page,
                       {{"ACRONYM", html_escape(w.acronym)},
                        {"NAME", html_escape(name_after_acronym(w))},  // printed under the acronym
                        {"DATE_ISO", w.date},
                        {"DATE", html_escape(long_date(w.date))},
                        {"PLACE", html_escape(place)},
                        {"ROOM", w.room.empty() ? "" : ", " + html_escape(w.room)},
                        {"ZONE", html_escape("local time (" + w.timezone + ")")},
                        {"DOWNLOADS", downloads.empty() ? "" : "<p class=\"downloads\">" + downloads + "</p>"},
                        {"NAV", nav},
                        {"SESSIONS", sessions},
                        {"STYLE", read_file(templates / "style.css")},
                        {"VERSION", PROCEEDINGS_VERSION}},
                       "program.html");
}

}  // namespace proceedings::booklet

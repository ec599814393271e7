#include "booklet/html.hpp"

#include "booklet/schedule.hpp"
#include "build/plan.hpp"
#include "proceedings/files.hpp"
#include "proceedings/template.hpp"

namespace proceedings::booklet {

namespace fs = std::filesystem;

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

std::string span(const std::optional<int>& start, const std::optional<int>& end) { return time_span(start, end, "–"); }

std::string iso(const Workshop& w, const std::optional<int>& start) {
  return start ? w.date + "T" + clock_text(*start) : w.date;
}

}  // namespace

std::string program_html(const Workshop& w, const fs::path& templates) {
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
      if (s.session->talks.size() == 1 && t.title == s.title && t.people.empty()) continue;  // "Welcome" in "Welcome"
      talks += fill_template(talk_html,
                             {{"ID", html_escape(t.uid)},
                              {"START_ISO", iso(w, t.start)},
                              {"TIME", html_escape(t.start == s.start && t.end == s.end ? "" : span(t.start, t.end))},
                              {"TITLE", html_escape(t.title)},
                              {"PEOPLE", html_escape(spoken_list(t.people))},
                              {"ABSTRACT", t.talk->abstract.empty() ? "" : "<p class=\"abstract\">" + html_escape(t.talk->abstract) + "</p>"}},
                             "talk.html");
    }
    const std::string chair = s.people.empty() ? ""
                                               : "<p class=\"chair\">Session chair" + std::string(s.people.size() > 1 ? "s" : "") +
                                                     ": " + html_escape(spoken_list(s.people)) + "</p>";
    sessions += fill_template(session_html,
                              {{"KIND", s.session->kind},
                               {"ID", html_escape(s.session->id)},
                               {"START_ISO", iso(w, s.start)},
                               {"TIME", html_escape(span(s.start, s.end))},
                               {"TITLE", html_escape(s.title)},
                               {"CHAIR", chair},
                               {"TALKS", talks}},
                              "session.html");
    nav += "<li><a href=\"#" + html_escape(s.session->id) + "\">" + html_escape(clock_text(*s.start) + " " + s.title) + "</a></li>\n";
  }
  std::string place = w.host.empty() ? "" : ", " + w.host;
  if (!w.location.empty()) place += ", " + w.location;
  return fill_template(page,
                       {{"ACRONYM", html_escape(w.acronym)},
                        {"NAME", html_escape(w.name)},
                        {"DATE_ISO", w.date},
                        {"DATE", html_escape(build::long_date(w.date))},
                        {"PLACE", html_escape(place)},
                        {"ZONE", html_escape("local time (" + w.timezone + ")")},
                        {"NAV", nav},
                        {"SESSIONS", sessions},
                        {"STYLE", read_file(templates / "style.css")},
                        {"VERSION", PROCEEDINGS_VERSION}},
                       "program.html");
}

}  // namespace proceedings::booklet

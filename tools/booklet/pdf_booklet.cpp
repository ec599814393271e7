#include "booklet/pdf_booklet.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "booklet/schedule.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/process.hpp"
#include "proceedings/template.hpp"
#include "proceedings/tex_fonts.hpp"

namespace proceedings::booklet {

namespace fs = std::filesystem;

namespace {

std::string esc(const std::string& s) { return latex_escape(s); }

std::string span(const std::optional<int>& start, const std::optional<int>& end) { return time_span(start, end, "--"); }

// The time of a session as printed: "11:10--11:50" kept on one line, with a
// dagger when the program check found an error there that was published anyway.
std::string printed_time(const std::optional<int>& start, const std::optional<int>& end, bool flagged) {
  const std::string text = span(start, end);
  if (text.empty()) return "";
  return "\\mbox{" + esc(text) + "}" + (flagged ? "\\flagged" : "");
}

std::string talk_abstract(const Workshop& w, const Talk& t) {
  if (!t.abstract.empty()) return t.abstract;
  const Paper* paper = paper_of(w, t);
  return paper ? paper->abstract : "";
}

}  // namespace

std::map<std::string, std::string> booklet_values(const Workshop& w, bool half_letter, const std::vector<ProgramFinding>& unresolved) {
  std::ostringstream glance, sessions;
  std::map<std::string, std::pair<std::string, std::vector<std::string>>> people;  // key -> name, where
  auto note_person = [&](const std::string& name, const std::string& where) {
    auto& entry = people[index_sort_key(name)];
    entry.first = name;
    entry.second.push_back(where);
  };
  auto flagged = [&](const Session* s) {
    return std::any_of(unresolved.begin(), unresolved.end(), [&](const ProgramFinding& f) { return f.session == s; });
  };
  const auto entries = schedule(w);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& s = entries[i];
    if (s.talk) continue;
    const bool mark = flagged(s.session);
    std::vector<std::string> titles;
    for (const auto& t : s.session->talks)
      if (t.title != s.title) titles.push_back(t.title);
    glance << "\\schedulerow{" << printed_time(s.start, s.published_end(), mark) << "}{" << esc(s.title) << "}{"
           << esc(titles.size() == 1 ? titles.front() : (titles.empty() ? "" : std::to_string(titles.size()) + " talks")) << "}\n";
    sessions << "\\booksession{" << printed_time(s.start, s.published_end(), mark) << "}{" << esc(s.title) << "}{"
             << esc(name_list(s.people)) << "}{}\n";
    for (const auto& chair : s.people) note_person(chair, clock_text(*s.start) + " chair");
    for (std::size_t j = i + 1; j < entries.size() && entries[j].talk; ++j) {
      const Entry& t = entries[j];
      const bool own_time = t.start && !(t.start == s.start && t.end == s.end);
      // A session holding one talk of its own name prints it once ("Welcome", not "Welcome / Welcome").
      const bool same_as_session = s.session->talks.size() == 1 && t.title == s.title;
      sessions << "\\booktalk{" << (own_time ? printed_time(t.start, t.published_end(), false) : "") << "}{"
               << esc(same_as_session ? "" : t.title) << "}{" << esc(with_affiliations(people_of(w, *t.talk))) << "}{"
               << esc(talk_abstract(w, *t.talk)) << "}\n";
      for (const auto& speaker : t.people) note_person(speaker, clock_text(t.start.value_or(*s.start)));
    }
  }
  std::ostringstream index;
  for (const auto& [key, entry] : people) {
    std::string where;
    for (const auto& w2 : entry.second) where += (where.empty() ? "" : ", ") + w2;
    index << "\\personentry{" << esc(entry.first) << "}{" << esc(where) << "}\n";
  }
  std::string notes;
  for (const auto& f : unresolved)
    notes += "\\flagnote{" + esc(typographic_quotes(f.message)) + "}\n";
  std::string place = w.host.empty() ? "" : w.host;
  if (!w.location.empty()) place += (place.empty() ? "" : ", ") + w.location;
  std::vector<std::string> organizers;
  for (const auto& o : w.organizers) organizers.push_back(o.name);
  const bool a4 = w.submission && w.submission->paper == "a4";
  return {{"GEOMETRY", half_letter ? "paperwidth=5.5in,paperheight=8.5in,margin=0.5in"
                                   : (a4 ? "a4paper,margin=0.8in" : "letterpaper,margin=0.8in")},
          {"ACRONYM", esc(w.acronym)},
          {"NAME", esc(name_after_acronym(w))},  // the cover prints the acronym above it
          {"DATE", esc(long_date(w.date))},
          {"PLACE", esc(place)},
          {"ZONE", esc("local time (" + w.timezone + ")")},
          {"PDF_TITLE", esc(w.acronym + " program: " + w.name)},
          {"PDF_AUTHOR", esc(name_list(organizers))},
          {"FLAGS", notes.empty() ? "" : "\\begin{flagnotes}\n" + notes + "\\end{flagnotes}\n"},
          {"SCHEDULE", glance.str()},
          {"SESSIONS", sessions.str()},
          {"PEOPLE", index.str()}};
}

void typeset_booklet(const Workshop& w, bool half_letter, const std::vector<ProgramFinding>& unresolved, const fs::path& templates,
                     const fs::path& out) {
  ScratchDir scratch("proceedings-booklet");
  const std::string source =
      fill_template(read_file(templates / "booklet.tex"), booklet_values(w, half_letter, unresolved), "booklet.tex");
  write_file_atomic(scratch.path() / "booklet.tex", source);
  // pdfLaTeX unless a name or title needs LuaLaTeX's Unicode fonts.
  const std::string engine = tex_engine_for(source, w.folder);
  require_lualatex_branch(engine, source, templates / "booklet.tex");
  // longtable settles its column widths over two runs.
  for (int run = 0; run < 2; ++run)
    run_tex(engine, {"booklet.tex"}, scratch.path(), std::chrono::seconds(180), scratch.path() / "booklet.log",
            source_date_epoch(w));
  require_no_missing_characters(engine, scratch.path() / "booklet.log", w.folder);
  write_file_atomic(out, read_file(scratch.path() / "booklet.pdf"));
}

}  // namespace proceedings::booklet

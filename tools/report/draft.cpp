#include "proceedings/text.hpp"
#include "report/draft.hpp"

#include <sstream>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/pdf.hpp"
#include "proceedings/process.hpp"
#include "proceedings/program.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/template.hpp"

namespace proceedings::report {

namespace fs = std::filesystem;

namespace {

std::string esc(const std::string& s) { return latex_escape(s); }

class Notes {
 public:
  Notes(const fs::path& folder, const fs::path& work, bool raw_tex) : folder_(folder), work_(work), raw_tex_(raw_tex) {}

  // Whether the chairs wrote the note (a file with more than blanks).
  bool has(const std::string& name) const {
    const fs::path file = folder_ / name;
    return fs::exists(file) && read_file(file).find_first_not_of(" \n\t") != std::string::npos;
  }

  // The note as LaTeX, or a visible marker when there is none.
  std::string latex(const std::string& name, const std::string& what, std::vector<std::string>& missing) const {
    const fs::path file = folder_ / name;
    if (!fs::exists(file) || read_file(file).find_first_not_of(" \n\t") == std::string::npos) {
      missing.push_back(what);
      return "\\missing{" + esc(what) + ": write it in " + esc("report/" + name) + ".}";
    }
    return markdown_to_latex(file, work_, raw_tex_, {"--natbib", "--wrap=preserve"});
  }

  std::string text(const std::string& name) const {
    const fs::path file = folder_ / name;
    if (!fs::exists(file)) return "";
    const std::string text = read_file(file);
    require_utf8(text, file.string());
    return text;
  }

 private:
  fs::path folder_;
  fs::path work_;
  bool raw_tex_;
};

// The chairs' .bib with each title's words braced where plainnat's sentence
// case would lower them ("International Symposium on ..." is a name).
std::string protect_titles(const std::string& bib) {
  static const Regex field(R"((^|[\s,{])title\s*=\s*([{"]))", Regex::icase);
  std::string out;
  std::size_t copied = 0;
  for (const Match& m : field.all(bib)) {
    const std::size_t open = m.position(2);
    if (open < copied) continue;
    const char close = bib[open] == '{' ? '}' : '"';
    std::size_t end = open + 1;
    for (int depth = 0; end < bib.size(); ++end) {
      if (bib[end] == '\\') ++end;
      else if (bib[end] == '{') ++depth;
      else if (bib[end] == '}' && depth > 0) --depth;
      else if (bib[end] == close && depth == 0) break;
    }
    if (end >= bib.size()) break;  // unbalanced: BibTeX will say so
    out += bib.substr(copied, open + 1 - copied) + protect_bibtex_title(bib.substr(open + 1, end - open - 1));
    copied = end;
  }
  return out + bib.substr(copied);
}

// A talk's summary: its own file, else its session's older one the first
// time, else nothing more once the session's summary is told, else the
// marker that names the talk's own file.
std::string talk_summary(const Notes& notes, const std::string& own, const std::string& session_file, bool& session_told,
                         const std::string& what, std::vector<std::string>& missing) {
  if (notes.has(own) || !notes.has(session_file)) return notes.latex(own, what, missing);
  if (session_told) return "";
  session_told = true;
  return notes.latex(session_file, what, missing);
}

}  // namespace

std::string report_title(const Workshop& w) {
  const std::string title = venue_title(w);
  const std::string name = name_after_acronym(w);
  if (w.acronym.empty() || name == w.acronym || name.starts_with("The ") || name.starts_with("the "))
    return "Report of " + title;
  return "Report of " + w.acronym + ": the " + name;
}

Draft make_draft(const Workshop& w, const fs::path& templates, const fs::path& folder) {
  // latexmk works in a fresh folder of its own (it would otherwise replay an
  // earlier failure); the draft in `folder` is replaced only once complete.
  const fs::path work = folder / ".work";
  fs::remove_all(work);
  fs::create_directories(work);
  const Notes notes(w.folder / "report", work, w.markdown_raw_tex);
  Draft d;
  d.folder = work;
  d.title = report_title(w);
  std::string authors;
  for (const auto& o : w.organizers) {
    d.authors.push_back(o.affiliation().empty() ? o.name : o.name + " (" + o.affiliation() + ")");
    authors += (authors.empty() ? "" : " \\and ") + esc(o.name) + (o.affiliation().empty() ? "" : "\\\\ " + esc(o.affiliation()));
  }
  d.abstract = collapse_whitespace(notes.text("abstract.md"));
  std::ostringstream program, talks;
  // A program over several days says when each session was ("Mon 9:00--10:00").
  const auto dates = program_dates(schedule(w));
  const bool days = dates.size() > 1;
  const std::string when = days ? " took place from " + long_date(dates.front()) + " to " + long_date(dates.back())
                                : " took place on " + long_date(w.date);
  program << "The " << esc(w.kind) << esc(when) << (w.location.empty() ? "" : " in " + esc(w.location))
          << (w.host.empty() ? "" : ", with " + esc(w.host)) << ". Times are local (" << esc(w.timezone) << ").\n\n"
          << "\\begin{itemize}\\tightlist\n";
  const std::map<const Talk*, std::string> slugs = talk_slugs(w);
  for (const auto& s : w.sessions) {
    // The older layout wrote one summary per session (report/talks/<session id>.md):
    // it is told once, under the first of the session's talks without a file of its own.
    bool session_told = false;
    const std::optional<int> end = s.end ? std::optional<int>(s.end->minutes) : std::nullopt;
    const std::string day = days ? day_heading(date_of(w, s)).substr(0, 3) + " " : "";
    program << "\\item " << esc(day + time_span(s.start.minutes, end, "--")) << ": " << esc(s.title) << "\n";
    for (const auto& t : s.talks) {
      if (t.kind != "keynote" && t.kind != "invited" && t.kind != "paper") continue;
      const std::vector<Person> people = people_of(w, t);
      std::string affiliations;
      for (const auto& p : people)
        if (!p.affiliation().empty()) affiliations += (affiliations.empty() ? "" : "; ") + p.affiliation();
      const int start = t.start ? t.start->minutes : s.start.minutes;
      talks << "\\section{" << esc(t.title) << "}\n\\talkhead{" << esc(name_list(people)) << "}{" << esc(affiliations)
            << "}{" << esc(s.title) << ", " << esc(clock_text(start)) << "}\n"
            << talk_summary(notes, "talks/" + slugs.at(&t) + ".md", "talks/" + s.id + ".md", session_told,
                            "the summary of “" + t.title + "”", d.missing)
            << "\n";
    }
  }
  program << "\\end{itemize}\n";
  const std::map<std::string, std::string> values{
      {"TITLE", esc(d.title)},
      {"AUTHORS", authors},
      {"PDF_AUTHOR", esc(name_list(w.organizers))},
      {"DATE", esc(long_date(w.date))},
      {"ABSTRACT", notes.latex("abstract.md", "the abstract", d.missing)},
      {"INTRODUCTION", notes.latex("introduction.md", "the introduction", d.missing)},
      {"PROGRAM", program.str()},
      {"TALKS", talks.str()},
      {"DISCUSSION", notes.latex("discussion.md", "the moderated discussion", d.missing)},
      {"FINDINGS", notes.latex("findings.md", "the findings", d.missing)},
      {"FUTURE", notes.latex("future.md", "the future directions", d.missing)}};
  write_file_atomic(work / "report.tex", fill_template(read_file(templates / "report.tex"), values, "report.tex"));
  const fs::path bib = w.folder / "report" / "references.bib";
  write_file_atomic(work / "references.bib", fs::exists(bib) ? protect_titles(read_file(bib)) : "");
  run_tex("latexmk", {"report.tex"}, work, std::chrono::seconds(300), work / "report.log", source_date_epoch(w));
  PdfReader reader;
  d.pages = static_cast<int>(reader.read(work / "report.pdf", {false}).pages.size());
  copy_file_atomic(work / "report.tex", folder / "report.tex");
  copy_file_atomic(work / "report.pdf", folder / "report.pdf");
  return d;
}

}  // namespace proceedings::report

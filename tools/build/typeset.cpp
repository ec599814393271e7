#include "build/typeset.hpp"

#include "build/build_cache.hpp"
#include "build/folio.hpp"
#include "build/pdf_book.hpp"

#include <algorithm>
#include <sstream>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/process.hpp"
#include "proceedings/program.hpp"
#include "proceedings/template.hpp"
#include "proceedings/tex_fonts.hpp"

namespace proceedings::build {

namespace fs = std::filesystem;

namespace {

std::string esc(const std::string& s) { return latex_escape(s); }

std::string names_of(const std::vector<Person>& people) { return name_list(people); }

// Core's program rendering, the same as the booklet's and the report's.
std::string span(const std::optional<ClockTime>& start, const std::optional<ClockTime>& end) {
  if (!start) return "";
  return time_span(start->minutes, end ? std::optional<int>(end->minutes) : std::nullopt, "--");
}

const BookPaper* paper_with_id(const BookPlan& plan, const std::string& id) {
  for (const auto& p : plan.papers)
    if (p.record.id == id) return &p;
  return nullptr;
}

// The program's sessions and talks; a program over several days heads each day (\\programday).
std::string program_slot(const BookPlan& plan, const Workshop& w) {
  std::ostringstream out;
  const bool days = program_dates(schedule(w)).size() > 1;
  std::string day;
  for (const auto& s : w.sessions) {
    if (days && date_of(w, s) != day) {
      day = date_of(w, s);
      out << "\\programday{" << esc(day_heading(day)) << "}\n";
    }
    const std::string chairs = name_list(s.chairs);
    out << "\\session{" << esc(span(s.start, s.end)) << "}{" << esc(s.title) << "}{" << esc(chairs) << "}\n";
    for (const auto& t : s.talks) {
      std::string who = names_of(t.speakers);
      if (const BookPaper* p = paper_with_id(plan, t.paper_id))
        who = names_of(p->record.authors) + " (page " + std::to_string(p->first_page) + ")";
      out << "\\talk{" << esc(span(t.start, t.end)) << "}{" << esc(t.title) << "}{" << esc(who) << "}\n";
    }
  }
  return out.str();
}

std::string people_slot(const std::vector<Person>& people) {
  std::ostringstream out;
  for (const auto& p : people) out << "\\person{" << esc(p.name) << "}{" << esc(p.affiliation()) << "}\n";
  return out.str();
}

std::string committees_slot(const Workshop& w) {
  std::ostringstream out;
  for (const auto& c : w.committees) out << "\\committee{" << esc(c.name) << "}\n" << people_slot(c.members);
  return out.str();
}

// A DOI goes into \\href and \\nolinkurl as it is, so only the characters
// DOIs are made of in practice pass; anything else is left out of the link.
std::string doi_slot(const std::string& doi) {
  if (doi.empty() || doi.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./-_;:()") !=
                         std::string::npos)
    return "";
  return doi;
}

// The notice each rights type puts on a paper's first page (acmart's
// \\setcopyright wording), for the copyright page's list.
std::string rights_notice(const std::string& rights, int year) {
  const std::string y = std::to_string(year);
  if (rights == "acmcopyright") return "\\textcopyright{} " + y + " Association for Computing Machinery.";
  if (rights == "acmlicensed")
    return "\\textcopyright{} " + y + " Copyright held by the owner/author(s). Publication rights licensed to ACM.";
  if (rights == "rightsretained") return "\\textcopyright{} " + y + " Copyright held by the owner/author(s).";
  if (rights == "cc") return "This work is licensed under a Creative Commons Attribution 4.0 International License.";
  if (rights == "usgov")
    return "This paper is authored by an employee(s) of the United States Government and is in the public domain.";
  return "\\textcopyright{} " + y + " " + esc(rights) + ".";
}

// ACM's copyright notice and permission paragraph, as the front matter of its
// proceedings prints them (ACM's copyright statement, acm.org/publications/policies/copyright-statement).
std::string acm_notice(int year) {
  return "Copyright \\textcopyright{} " + std::to_string(year) +
         " by the Association for Computing Machinery, Inc.\\ (ACM). Permission to make digital or hard copies of "
         "portions of this work for personal or classroom use is granted without fee provided that copies are not "
         "made or distributed for profit or commercial advantage and that copies bear this notice and the full "
         "citation on the first page. Copyrights for components of this work owned by others than ACM must be "
         "honored. Abstracting with credit is permitted. To copy otherwise, to republish, to post on servers or to "
         "redistribute to lists, requires prior specific permission and/or a fee. Request permission to republish "
         "from: Publications Dept., ACM, Inc. Fax +1 (212) 869-0481 or E-mail permissions@acm.org.\\par\\medskip\n"
         "For other copying of articles that carry a code at the bottom of the first or last page, copying is "
         "permitted provided that the per-copy fee indicated in the code is paid through the Copyright Clearance "
         "Center, 222 Rosewood Drive, Danvers, MA 01923.\\par\\medskip\n";
}

// Where ACM's proceedings say further copies are ordered.
const char* acm_ordering =
    "Additional copies may be ordered prepaid from:\\par\\smallskip\n"
    "\\textbf{ACM Order Department}\\par\nPO Box 30777\\par\nNew York, NY 10087-0777, USA\\par\\smallskip\n"
    "Phone: 1-800-342-6626 (USA and Canada)\\par\n+1-212-626-0500 (Global)\\par\nFax: +1-212-944-1318\\par\n"
    "E-mail: acmhelp@acm.org\\par\n";

// The notices the papers carry, by rights type; papers whose type is not
// recorded yet are left out (publication_gaps warns about them).
std::string rights_list(const BookPlan& plan, int year) {
  std::map<std::string, std::size_t> by_rights;
  for (const auto& p : plan.papers)
    if (!p.record.rights.empty()) ++by_rights[p.record.rights];
  if (by_rights.empty()) return "";
  std::ostringstream out;
  out << "The notice on the first page of each paper is one of the following:\\par\n\\begin{itemize}\n";
  for (const auto& [rights, count] : by_rights)
    out << "\\item " << rights_notice(rights, year) << " (" << count << (count == 1 ? " paper" : " papers") << ")\n";
  out << "\\end{itemize}\n";
  return out.str();
}

// The copyright page: ACM's, as its proceedings print it, where the venue
// publishes with ACM; else the venue's own line.
std::string copyright_slot(const BookPlan& plan) {
  const Workshop& w = plan.workshop;
  std::ostringstream out;
  out << "\\vspace*{\\fill}\n{\\small\n";
  if (!w.acm) {
    out << "\\textbf{Proceedings of " << esc(venue_title(w)) << "}\\par\n";
    if (!w.publication.empty()) out << esc(w.publication) << "\\par\n";
    out << "Each paper is copyright its authors or the holder named on its first page.\\par\n}\n";
    return out.str();
  }
  const AcmRecord& acm = *w.acm;
  const int year = acm.year > 0 ? acm.year : std::stoi(w.date.substr(0, 4));
  out << "\\textbf{The " << esc(acm.publisher) << "}\\par\n1601 Broadway, 10th Floor\\par\nNew York, NY 10019-7434\\par"
      << "\\medskip\n"
      << acm_notice(year) << "The papers of " << esc(w.acronym) << " appear in \\emph{" << esc(acm.proceedings_title)
      << "}" << (acm.short_name.empty() ? "" : " (" + esc(acm.short_name) + ")")
      << (acm.dates.empty() && acm.location.empty() ? "" : ", " + esc(acm.dates) +
                                                              (acm.dates.empty() || acm.location.empty() ? "" : ", ") +
                                                              esc(acm.location))
      << ".\\par\\medskip\n"
      << rights_list(plan, year);
  if (!acm.isbn.empty()) out << "\\textbf{ISBN: " << esc(acm.isbn) << "}\\par\n";
  if (const std::string doi = doi_slot(acm.doi); !doi.empty())
    out << "\\href{https://doi.org/" << doi << "}{\\nolinkurl{https://doi.org/" << doi << "}}\\par\n";
  out << "\\medskip\n" << acm_ordering << "}\n";
  return out.str();
}

// "a, b and 3 more" for a warning.
std::string some_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < 5; ++i) out += (i ? ", " : "") + ids[i];
  return ids.size() > 5 ? out + " and " + std::to_string(ids.size() - 5) + " more" : out;
}

std::string toc_entry(const BookPaper& p) {
  return "\\tocentry{" + esc(p.record.title) + "}{" + esc(names_of(p.record.authors)) + "}{" + std::to_string(p.first_page) +
         "}{" + doi_slot(p.record.doi) + "}\n";
}

std::string contents_slot(const BookPlan& plan) {
  std::ostringstream out;
  std::string session = "\x01";
  for (const auto& p : plan.papers) {
    if (p.session != session) {
      session = p.session;
      out << "\\tocsession{" << esc(session.empty() ? "Papers" : session) << "}\n";
    }
    out << toc_entry(p);
  }
  out << "\\tocline{Author Index}{" << plan.paper_pages + 1 << "}\n";
  return out.str();
}

// A volume's contents: each workshop (linked to its first paper), then its
// sessions and papers.
std::string volume_contents_slot(const BookPlan& plan) {
  std::ostringstream out;
  for (const auto& part : plan.parts) {
    const std::string first = part.papers ? std::to_string(plan.papers[part.first_paper].first_page) : "";
    out << "\\tocpart{" << esc(venue_title(part.workshop)) << "}{" << first << "}\n";
    std::string session = "\x01";
    for (std::size_t i = part.first_paper; i < part.first_paper + part.papers; ++i) {
      const BookPaper& p = plan.papers[i];
      if (p.session != session && !p.session.empty()) out << "\\tocsession{" << esc(p.session) << "}\n";
      session = p.session;
      out << toc_entry(p);
    }
  }
  out << "\\tocline{Author Index}{" << plan.paper_pages + 1 << "}\n";
  return out.str();
}

std::string message_latex(const Workshop& w, const fs::path& work) {
  const fs::path message = w.folder / "message.md";
  if (!fs::exists(message))
    return "\\emph{The message from the chairs is missing: write it in " + esc(message.string()) + ".}";
  return markdown_to_latex(message, work, w.markdown_raw_tex);
}

// A volume's messages (its own, then each workshop's) in one pandoc run: a
// run takes a tenth of a second to start and a volume has dozens. They are
// joined by a paragraph pandoc passes through as it is and split there
// again; should a message swallow that paragraph (an unclosed code block),
// each is converted alone.
std::vector<std::string> messages_latex(const std::vector<const Workshop*>& venues, const fs::path& work) {
  static const std::string separator = "PROCEEDINGSMESSAGEBREAK";
  std::string joined;
  bool raw_tex = false, same_flag = true;
  for (const Workshop* w : venues) {
    same_flag &= w->markdown_raw_tex == venues.front()->markdown_raw_tex;
    raw_tex = w->markdown_raw_tex;
    const fs::path message = w->folder / "message.md";
    joined += (fs::exists(message) ? read_file(message) : std::string()) + "\n\n" + separator + "\n\n";
  }
  std::vector<std::string> out;
  if (same_flag) {
    write_file_atomic(work / "messages.md", joined);
    const std::string latex = markdown_to_latex(work / "messages.md", work, raw_tex);
    std::size_t from = 0;
    for (std::size_t at; (at = latex.find(separator, from)) != std::string::npos; from = at + separator.size())
      out.push_back(latex.substr(from, at - from));
  }
  if (out.size() != venues.size()) {
    out.clear();
    for (const Workshop* w : venues) out.push_back(message_latex(*w, work));
    return out;
  }
  for (std::size_t i = 0; i < venues.size(); ++i)
    if (!fs::exists(venues[i]->folder / "message.md")) out[i] = message_latex(*venues[i], work);  // the placeholder
  return out;
}

// Each workshop's own pages in a volume: its title page, its chairs'
// message, its organization and its program.
// Each part's text before and after its message (the PARTS slot).
std::vector<std::pair<std::string, std::string>> part_texts(const BookPlan& plan) {
  std::vector<std::pair<std::string, std::string>> texts;
  for (std::size_t k = 0; k < plan.parts.size(); ++k) {
    const Workshop& w = plan.parts[k].workshop;
    const std::string when = long_date(w.date) + (w.room.empty() ? "" : ", " + w.room);
    std::ostringstream head, tail;
    head << "\\volumepart{" << k + 1 << "}{" << esc(w.acronym) << "}{" << esc(name_after_acronym(w)) << "}{" << esc(when)
         << "}{" << esc(w.location) << "}\n"
         << "\\partsection{Message from the Chairs}\n";
    tail << "\n"
         << "\\partsection{Organization}\n\\committee{Organizers}\n"
         << people_slot(w.organizers) << committees_slot(w) << "\\partsection{Program}\n"
         << esc(dates_text(schedule(w), w.date) + ". Times are local (" + w.timezone + ").") << "\\par\n"
         << program_slot(plan, w);
    texts.emplace_back(head.str(), tail.str());
  }
  return texts;
}

// What the template's \\write\\sectionlist recorded: section starts
// ("Title|page"), link targets ("@target|id|page") and the places that print a
// target's page ("@ref|id|page|x|y", x and y in TeX's sp from the page's lower left).
struct PageRef {
  std::string target;
  int page = 0;
  double x_sp = 0, y_sp = 0;
};
struct SectionList {
  std::vector<std::pair<std::string, int>> sections;
  std::map<std::string, int> targets;
  std::vector<PageRef> refs;
  int front_pages = -1;  // "@back|N": the pages before the author index
  std::vector<int> part_starts;  // "@part|k|N": a volume's workshop k starts after page N
};

std::vector<std::string> split_bars(const std::string& line) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (std::size_t bar; (bar = line.find('|', from)) != std::string::npos; from = bar + 1) parts.push_back(line.substr(from, bar - from));
  parts.push_back(line.substr(from));
  return parts;
}

SectionList read_section_list(const fs::path& file) {
  SectionList list;
  std::istringstream in(read_file(file));
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    try {
      const auto parts = split_bars(line);
      if (parts[0] == "@target" && parts.size() == 3) list.targets[parts[1]] = std::stoi(parts[2]);
      else if (parts[0] == "@back" && parts.size() == 2) list.front_pages = std::stoi(parts[1]);
      else if (parts[0] == "@part" && parts.size() == 3) list.part_starts.push_back(std::stoi(parts[2]));
      else if (parts[0] == "@ref" && parts.size() == 5)
        list.refs.push_back({parts[1], std::stoi(parts[2]), std::stod(parts[3]), std::stod(parts[4])});
      else if (const auto bar = line.rfind('|'); bar != std::string::npos)
        list.sections.emplace_back(line.substr(0, bar), std::stoi(line.substr(bar + 1)));
    } catch (const std::exception&) {
      throw Error(Exit::input, file.string() + ":" + std::to_string(number), "not a section line the template writes: " + line);
    }
  }
  return list;
}

std::string lower_roman(int n) {
  static const std::pair<int, const char*> digits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                       {90, "xc"},  {50, "l"},   {40, "xl"},  {10, "x"},   {9, "ix"},
                                                       {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& [value, text] : digits)
    for (; n >= value; n -= value) out += text;
  return out;
}

// A contents line names a page that comes later in the same run: LaTeX left
// its place blank, and the page number (roman, as the front matter counts)
// is printed there afterwards (split_typeset), in the text font.
std::vector<PlacedText> forward_page_numbers(const fs::path& pdf, const SectionList& list) {
  constexpr double bp_per_sp = 72.0 / 72.27 / 65536.0;
  std::vector<PlacedText> texts;
  for (const auto& ref : list.refs) {
    const auto target = list.targets.find(ref.target);
    if (target == list.targets.end()) throw input_error(pdf.string(), "a contents line names '" + ref.target + "', which no section marks");
    texts.push_back({ref.page, ref.x_sp * bp_per_sp, ref.y_sp * bp_per_sp, lower_roman(target->second)});
  }
  return texts;
}

// Reading TeX's whole font map (pdftex.map, 4 MB) is a fifth of the run. The
// templates' fonts are in three small maps (Libertine and Biolinum,
// Inconsolata, Computer Modern for math), so the first run reads only those
// and may not make bitmap fonts; a run that needed any other font fails or
// names a bitmap font in its log, and runs again with the whole map.
const char* const template_font_maps = "\\pdfmapfile{libertine.map}\\pdfmapfile{+zi4.map}\\pdfmapfile{+cm.map}";

void run_engine(const std::string& engine, const std::string& name, const std::string& source, const fs::path& work,
                const std::string& epoch, std::vector<std::string> options) {
  write_file_atomic(work / (name + ".tex"), source);
  // Two runs when the document refers to its own pages (\pageref in the
  // message); the first only gathers the page numbers, so it writes no PDF
  // (-draftmode: no fonts embedded).
  options.push_back(name + ".tex");
  if (source.find("\\pageref") != std::string::npos) {
    auto draft = options;
    draft.insert(draft.begin(), "-draftmode");
    run_tex(engine, draft, work, std::chrono::seconds(180), work / (name + ".log"), epoch);
  }
  run_tex(engine, options, work, std::chrono::seconds(180), work / (name + ".log"), epoch);
}

bool drew_bitmap_font(const fs::path& log) { return fs::exists(log) && read_file(log).find("pk>") != std::string::npos; }

// pdfLaTeX with the templates' font maps first, and with the whole map when that was not enough.
void run_pdflatex(const std::string& name, const std::string& source, const fs::path& work, const std::string& epoch) {
  try {
    // On the source's first line, so that TeX's line numbers stay the template's.
    run_engine("pdflatex", name, template_font_maps + source, work, epoch, {"-no-mktex=pk"});
    if (!drew_bitmap_font(work / (name + ".log"))) return;
  } catch (const TimedOut&) {
    throw;  // the run with the whole map would take as long again
  } catch (const Error&) {
    // Whatever failed, the run with the whole map says it again if it was not a font.
  }
  run_engine("pdflatex", name, source, work, epoch, {});
}

Typeset run_latex(const std::string& engine, const std::string& name, const std::string& source, const fs::path& templates,
                  const fs::path& work, const std::string& epoch) {
  fs::create_directories(work);
  fs::copy_file(templates / "preamble.tex", work / "preamble.tex", fs::copy_options::overwrite_existing);
  if (engine == "pdflatex") run_pdflatex(name, source, work, epoch);
  else run_engine(engine, name, source, work, epoch, {});
  Typeset out{work / (name + ".pdf"), {}, -1, {}, {}};
  const fs::path sections = work / (name + ".sections");
  if (fs::exists(sections)) {
    const SectionList list = read_section_list(sections);
    out.sections = list.sections;
    out.front_pages = list.front_pages;
    out.part_starts = list.part_starts;
    out.forward_pages = forward_page_numbers(out.pdf, list);
  }
  return out;
}

std::string read_template(const fs::path& templates, const std::string& name) {
  const fs::path file = templates / (name + ".tex");
  if (!fs::exists(file)) throw usage_error(file.string(), "template missing");
  return read_file(file);
}

// The author index's template is the part of the front matter's document
// that its {{AUTHOR_INDEX}} slot holds, not a document of its own.
std::string author_index_part(const TypesetInputs& inputs, const fs::path& templates) {
  const std::string& text = inputs.sources.template_named(templates, "authorindex");
  if (text.find("\\documentclass") != std::string::npos)
    throw usage_error((templates / "authorindex.tex").string(),
                      "is a whole LaTeX document; the author index is typeset in the front matter's run, so this "
                      "template holds only what goes in frontmatter.tex's {{AUTHOR_INDEX}} slot (no \\documentclass, "
                      "no \\begin{document})");
  return fill_template(text, inputs.index, "authorindex.tex");
}


}  // namespace

std::vector<std::string> publication_gaps(const BookPlan& plan) {
  const Workshop& w = plan.workshop;
  if (!w.acm) return {};
  // By papers.yaml: a volume's papers are listed in each workshop's.
  std::vector<std::string> rights_gaps, doi_gaps, out;
  for (std::size_t k = 0; k < std::max<std::size_t>(1, plan.parts.size()); ++k) {
    const bool volume = !plan.parts.empty();
    const std::size_t first = volume ? plan.parts[k].first_paper : 0;
    const std::size_t count = volume ? plan.parts[k].papers : plan.papers.size();
    std::vector<std::string> rights, dois;
    for (std::size_t i = first; i < first + count; ++i) {
      const auto& p = plan.papers[i];
      if (p.record.rights.empty()) rights.push_back(p.record.id);
      if (p.record.doi.empty()) dois.push_back(p.record.id);
    }
    const std::string papers = ((volume ? plan.parts[k].workshop.folder : w.folder) / "papers.yaml").string();
    if (!rights.empty())
      rights_gaps.push_back(papers + ": the rights of " + std::to_string(rights.size()) + " paper(s) are not recorded yet (" +
                            some_ids(rights) + "): the copyright page lists only the recorded notices");
    if (!dois.empty())
      doi_gaps.push_back(papers + ": the DOIs of " + std::to_string(dois.size()) + " paper(s) are not recorded yet (" +
                         some_ids(dois) + "): their contents entries link no DOI");
  }
  const std::string record = (w.folder / (plan.parts.empty() ? "workshop.yaml" : "volume.yaml")).string();
  out = rights_gaps;
  if (w.acm->isbn.empty())
    out.push_back(record + ": acm.isbn is not recorded yet: the copyright page prints no ISBN");
  if (w.acm->doi.empty())
    out.push_back(record + ": acm.doi is not recorded yet: the copyright page prints no DOI of the volume");
  out.insert(out.end(), doi_gaps.begin(), doi_gaps.end());
  return out;
}

namespace {

// A venue's slots but its message's.
std::map<std::string, std::string> venue_slots(const BookPlan& plan) {
  const Workshop& w = plan.workshop;
  return {{"PAPER", plan.workshop.submission && plan.workshop.submission->paper == "a4" ? "a4paper" : "letterpaper"},
          {"ACRONYM", esc(w.acronym)},
          {"COPYRIGHT", copyright_slot(plan)},
          {"NAME", esc(name_after_acronym(w))},  // the cover prints the acronym above it
          {"HOST", esc(w.host.empty() ? "" : "held with " + w.host)},
          {"DATE", esc(long_date(w.date))},
          {"LOCATION", esc(w.location)},
          {"PUBLICATION", esc(w.publication)},
          {"ORGANIZERS", people_slot(w.organizers)},
          {"COMMITTEES", committees_slot(w)},
          {"PROGRAM_INTRO", esc(dates_text(schedule(w), w.date) + ". Times are local (" + w.timezone + ").")},
          {"PROGRAM", program_slot(plan, w)},
          {"CONTENTS", contents_slot(plan)},
          {"INDEX_FIRST_PAGE", std::to_string(plan.paper_pages + 1)}};
}

std::string values_text(const std::map<std::string, std::string>& values) {
  std::string all;
  for (const auto& [k, v] : values) all += k + "\x01" + v + "\x02";
  return all;
}

std::string file_or_empty(const fs::path& file) { return fs::exists(file) ? read_file(file) : ""; }

}  // namespace

FrontMatterSlots front_matter_slots(const BookPlan& plan) {
  if (plan.parts.empty()) return {venue_slots(plan), {}, false};
  FrontMatterSlots slots{venue_slots(BookPlan{plan.workshop, plan.papers, plan.footer, plan.paper_pages}), part_texts(plan), true};
  slots.values["CONTENTS"] = volume_contents_slot(plan);
  return slots;
}

std::map<std::string, std::string> FrontMatterSlots::with(const std::string& message,
                                                          const std::vector<std::string>& part_messages) const {
  auto all = values;
  all["MESSAGE"] = message;
  if (!volume) return all;
  std::string text;
  for (std::size_t k = 0; k < parts.size(); ++k)
    text += parts[k].first + (k < part_messages.size() ? part_messages[k] : "") + parts[k].second;
  all["PARTS"] = text;
  return all;
}

std::map<std::string, std::string> front_matter_values(const BookPlan& plan, const std::string& message,
                                                       const std::vector<std::string>& part_messages) {
  return front_matter_slots(plan).with(message, part_messages);
}

TypesetSources read_typeset_sources(const BookPlan& plan, const fs::path& templates) {
  TypesetSources sources{file_or_empty(plan.workshop.folder / "message.md"), {}, {}};
  for (const auto& part : plan.parts) sources.part_messages.push_back(file_or_empty(part.workshop.folder / "message.md"));
  for (const char* name : {"preamble", "frontmatter", "authorindex", "volume"}) {
    const fs::path file = templates / (std::string(name) + ".tex");
    sources.templates.emplace_back(name, fs::exists(file) ? std::optional<std::string>(read_file(file)) : std::nullopt);
  }
  return sources;
}

std::string TypesetSources::template_text() const {
  std::string all;
  for (const auto& [name, text] : templates) all += text.value_or("");
  return all;
}

const std::string& TypesetSources::template_named(const fs::path& folder, const std::string& name) const {
  for (const auto& [own, text] : templates)
    if (own == name && text) return *text;
  throw usage_error((folder / (name + ".tex")).string(), "template missing");
}

TypesetInputs typeset_inputs(const BookPlan& plan, TypesetSources sources) {
  return {std::move(sources), front_matter_slots(plan), author_index_values(plan)};
}

std::string TypesetInputs::key_text() const {
  return values_text(front.with(sources.message, sources.part_messages)) + values_text(index) + sources.template_text();
}

std::vector<std::pair<std::string, std::vector<int>>> author_index(const BookPlan& plan) {
  std::map<std::string, std::pair<std::string, std::vector<int>>> by_key;
  for (const auto& p : plan.papers)
    for (const auto& a : p.record.authors) {
      auto& entry = by_key[index_sort_key(a) + "\x01" + a.name];
      entry.first = a.name;
      entry.second.push_back(p.first_page);
    }
  std::vector<std::pair<std::string, std::vector<int>>> out;
  for (auto& [key, entry] : by_key) out.push_back(entry);
  return out;
}

std::map<std::string, std::string> author_index_values(const BookPlan& plan) {
  std::map<std::string, const Person*> person;  // an author's record, for an explicit family name
  for (const auto& p : plan.papers)
    for (const auto& a : p.record.authors) person.emplace(a.name, &a);
  std::ostringstream entries;
  for (const auto& [name, pages] : author_index(plan)) {
    std::string list;
    for (int page : pages)
      list += (list.empty() ? "" : ", ") + std::string("\\bookpage{") + std::to_string(page) + "}{" + std::to_string(page) + "}";
    entries << "\\indexentry{" << esc(index_name(*person.at(name))) << "}{" << list << "}\n";
  }
  return {{"ENTRIES", entries.str()}};
}

std::vector<std::pair<std::string, int>> read_sections(const fs::path& file) { return read_section_list(file).sections; }

namespace {

// A LaTeX error inside the chairs' message (the only LaTeX a venue writes,
// with markdown_raw_tex) is the message's: named as message.md, with the
// text TeX stopped at, instead of a line of a file the build wrote.
[[noreturn]] void rethrow_for_message(const Error& e, const fs::path& log, const std::string& source,
                                      const std::string& message, const fs::path& message_file) {
  const auto why = fs::exists(log) ? tex_error(read_file(log)) : std::nullopt;
  const auto at = message.empty() ? std::string::npos : source.find(message);
  if (!why || why->file != log.stem().string() + ".tex" || at == std::string::npos || !fs::exists(message_file)) throw e;
  const int first = 1 + static_cast<int>(std::count(source.begin(), source.begin() + static_cast<long>(at), '\n'));
  const int last = first + static_cast<int>(std::count(message.begin(), message.end(), '\n'));
  if (why->line < first || why->line > last) throw e;
  std::string what = why->message;
  if (!what.empty() && what.back() == '.') what.pop_back();
  throw usage_error(message_file.string(), "LaTeX stops in the message from the chairs: " + what +
                                               (why->context.empty() ? "" : ", at '" + why->context + "'"));
}

}  // namespace

Typeset typeset_front_matter_and_index(const BookPlan& plan, const TypesetInputs& inputs, const fs::path& templates,
                                       const fs::path& work) {
  fs::create_directories(work);
  std::string message;
  std::vector<std::string> part_messages;
  if (plan.parts.empty()) {
    message = message_latex(plan.workshop, work);
  } else {
    std::vector<const Workshop*> venues{&plan.workshop};
    for (const auto& part : plan.parts) venues.push_back(&part.workshop);
    part_messages = messages_latex(venues, work);
    message = part_messages.front();
    part_messages.erase(part_messages.begin());
  }
  auto values = inputs.front.with(message, part_messages);
  values["AUTHOR_INDEX"] = author_index_part(inputs, templates);
  const std::string template_name = plan.parts.empty() ? "frontmatter" : "volume";
  const std::string source =
      fill_template(inputs.sources.template_named(templates, template_name), values, template_name + ".tex");
  // pdfLaTeX unless a name or title needs LuaLaTeX's Unicode fonts.
  const std::string engine = tex_engine_for(source, plan.workshop.folder);
  require_lualatex_branch(engine, inputs.sources.template_named(templates, "preamble"), templates / "preamble.tex");
  Typeset made;
  try {
    made = run_latex(engine, "frontmatter", source, templates, work, source_date_epoch(plan.workshop));
  } catch (const Error& e) {
    rethrow_for_message(e, work / "frontmatter.log", source, message, plan.workshop.folder / "message.md");
  }
  require_no_missing_characters(engine, work / "frontmatter.log", plan.workshop.folder);
  if (made.front_pages < 1)
    throw usage_error((templates / "frontmatter.tex").string(),
                      "recorded no start of the author index: the template calls \\backmatter{{{INDEX_FIRST_PAGE}}} "
                      "before {{AUTHOR_INDEX}}");
  return made;
}

std::filesystem::path typeset_placeholder(const BookPlan& plan, const BookPaper& paper, const fs::path& templates,
                                          const fs::path& work) {
  const std::map<std::string, std::string> values{
      {"PAPER", plan.workshop.submission && plan.workshop.submission->paper == "a4" ? "a4paper" : "letterpaper"},
      {"TITLE", esc(paper.record.title)},
      {"AUTHORS", esc(name_list(paper.record.authors))},
      {"REASON", esc("Paper '" + paper.record.id + "': " + paper.placeholder + ".")}};
  const std::string source = fill_template(read_template(templates, "placeholder"), values, "placeholder.tex");
  const std::string name = BuildCache::placeholder_name(source);
  const fs::path pdf = work / (name + ".pdf");
  if (fs::exists(pdf)) return pdf;
  const std::string engine = tex_engine_for(source, plan.workshop.folder);
  require_lualatex_branch(engine, read_template(templates, "preamble"), templates / "preamble.tex");
  return run_latex(engine, name, source, templates, work, source_date_epoch(plan.workshop)).pdf;
}

}  // namespace proceedings::build

#pragma once
// The report draft: program + chairs' notes -> LaTeX -> PDF.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings::report {

struct Draft {
  std::filesystem::path folder;  // the work folder: report.tex, references.bib, report.bbl, report.pdf
  std::string title;
  std::vector<std::string> authors;  // "Name (Affiliation)"
  std::string abstract;              // plain text, as written in abstract.md
  std::vector<std::string> missing;  // parts without notes
  int pages = 0;
};

// "Report of ACR: the Workshop on ...": the acronym once, even when the
// venue's name starts with it, and no "the The".
std::string report_title(const Workshop& w);

// Writes and compiles the draft in `folder`/.work (created afresh): pandoc
// for the notes, latexmk (pdflatex + BibTeX) for the PDF; then replaces
// `folder`/report.pdf and report.tex, each atomically.
Draft make_draft(const Workshop& w, const std::filesystem::path& templates, const std::filesystem::path& folder);

}  // namespace proceedings::report

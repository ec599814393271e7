#pragma once
// The arXiv package: sources that compile alone, and the submission form.
#include <filesystem>
#include <string>

#include "proceedings/model.hpp"
#include "report/draft.hpp"

namespace proceedings::report {

struct Package {
  std::filesystem::path archive;   // OUT/arxiv/<id>-report.tar.gz
  std::filesystem::path metadata;  // OUT/arxiv/metadata.json (the submission form's fields)
  std::filesystem::path folder;    // OUT/arxiv/source: what the archive holds
};

// Comments removed, "\%" and verbatim environments left alone; a line that
// held only a comment goes entirely.
std::string strip_tex_comments(const std::string& tex);

// Accented Latin letters as TeX accents ("Loïc" -> "Lo\\"{\\i}c"), as arXiv's
// form fields take them; other non-ASCII text is folded to ASCII.
std::string tex_accents(const std::string& text);

Package make_package(const Draft& draft, const Workshop& w, const std::filesystem::path& out);

}  // namespace proceedings::report

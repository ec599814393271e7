#pragma once
// arXiv's rules for a source package, checked on a folder or an archive.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/diagnostic.hpp"

namespace proceedings::report {

// Each finding names the package's file it is about and says how to fix it.
using LintFinding = Diagnostic;

// `metadata` (the submission form's fields) is checked when it exists.
// With `compile`, the package is compiled in a clean folder with pdflatex
// and only what it contains (the shipped .bbl, no BibTeX).
std::vector<LintFinding> lint_folder(const std::filesystem::path& folder, const std::filesystem::path& metadata,
                                     bool compile);

// A folder, or a .tar.gz/.zip unpacked safely first; metadata.json is
// looked for in the folder or beside the archive.
std::vector<LintFinding> lint(const std::filesystem::path& input, bool compile);

}  // namespace proceedings::report

#pragma once
// arXiv's rules for a source package, checked on a folder or an archive.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/diagnostic.hpp"
#include "proceedings/model.hpp"

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

// The program the report retells, as core's program check sees it: each slip
// it calls an error (a closing at 12:20 AM after an 11:30 AM session) is a
// lint error until it is fixed in workshop.yaml or the chair confirms it
// there (the session's `confirmed:`).
std::vector<LintFinding> program_slips(const Workshop& w);

}  // namespace proceedings::report

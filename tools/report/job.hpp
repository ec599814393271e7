#pragma once
// `proceedings report` and `report lint`: the jobs the command maps its options onto.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/error.hpp"
#include "report/lint.hpp"

namespace proceedings {

// `proceedings report` and `report lint`.
struct ReportJob {
  std::string venue;
  std::string out = "out";
  std::string templates;
};
// What lint found in a package (and in the program it retells).
struct LintResult {
  Exit status = Exit::ok;  // the worst finding's
  std::string input;       // the package linted
  std::vector<report::LintFinding> findings;
};
// The draft, its arXiv package, and the package's lint.
struct ReportResult {
  std::filesystem::path draft_pdf;
  int pages = 0;
  std::vector<std::string> missing;  // parts whose notes are still missing
  std::filesystem::path archive, metadata;
  LintResult lint;
};
ReportResult run_report(const ReportJob& job);
struct LintJob {
  std::string input;  // folder, .tar.gz or .zip
  bool compile = true;
  std::string venue;  // the workshop the report retells, its program checked too; empty: not checked
};
LintResult run_lint(const LintJob& job);

}  // namespace proceedings

#pragma once
// `proceedings report` and `report lint`: the jobs the command maps its options onto.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/error.hpp"

namespace proceedings {

// `proceedings report` and `report lint`.
struct ReportJob {
  std::string venue;
  std::string out = "out";
  std::string templates;
};
Exit run_report(const ReportJob& job);
struct LintJob {
  std::string input;  // folder, .tar.gz or .zip
  bool compile = true;
  std::string venue;  // the workshop the report retells, its program checked too; empty: not checked
};
Exit run_lint(const LintJob& job);

}  // namespace proceedings

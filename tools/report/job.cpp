// `proceedings report` and `report lint` as jobs (job.hpp); command.cpp maps the options onto them.
#include <iostream>

#include "proceedings/diagnostic.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/install.hpp"
#include "report/job.hpp"
#include "proceedings/model.hpp"
#include "report/draft.hpp"
#include "report/lint.hpp"
#include "report/package.hpp"

namespace proceedings::report {

namespace fs = std::filesystem;

namespace {

int print(const std::vector<LintFinding>& findings, const std::string& what) {
  for (const auto& f : findings)
    std::cout << f.file << ": " << severity_name(f.severity) << ": " << f.code << ": " << f.message << "\n";
  const std::size_t errors = count_errors(findings);
  std::cout << "lint: " << what << ": " << errors << " error(s), " << findings.size() - errors << " warning(s)\n";
  return static_cast<int>(worst_exit(findings));
}

int run(const ReportJob& o) {
  const Workshop w = load_workshop(venue_folder(o.venue));
  refuse_output_folder_over_file(o.out, "--out");
  const fs::path draft_folder = fs::path(o.out) / "report";
  const Draft draft = make_draft(w, templates_folder(o.templates) / "report", draft_folder);
  for (const auto& m : draft.missing) std::cerr << "report: missing notes: " << m << "\n";
  std::cout << "report: draft " << (draft_folder / "report.pdf").string() << " (" << draft.pages << " pages, "
            << draft.missing.size() << " part(s) still missing)\n";
  const Package package = make_package(draft, w, o.out);
  std::cout << "report: arXiv package " << package.archive.string() << ", form fields " << package.metadata.string()
            << "\n";
  auto findings = lint(package.archive, true);
  for (auto& slip : program_slips(w)) findings.push_back(std::move(slip));
  return print(findings, package.archive.string());
}

}  // namespace

}  // namespace proceedings::report

namespace proceedings {

Exit run_report(const ReportJob& job) { return static_cast<Exit>(report::run(job)); }

Exit run_lint(const LintJob& job) {
  auto findings = report::lint(job.input, job.compile);
  if (!job.venue.empty())
    for (auto& slip : report::program_slips(load_workshop(venue_folder(job.venue)))) findings.push_back(std::move(slip));
  return static_cast<Exit>(report::print(findings, job.input));
}

}  // namespace proceedings

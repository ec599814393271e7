// `proceedings report` and `report lint` as jobs (job.hpp); command.cpp maps the options onto them.
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

ReportResult run(const ReportJob& o) {
  const Workshop w = load_workshop(venue_folder(o.venue));
  refuse_output_folder_over_file(o.out, "--out");
  const fs::path draft_folder = fs::path(o.out) / "report";
  const Draft draft = make_draft(w, templates_folder(o.templates) / "report", draft_folder);
  const Package package = make_package(draft, w, o.out);
  auto findings = lint(package.archive, true);
  for (auto& slip : program_slips(w)) findings.push_back(std::move(slip));
  const Exit status = worst_exit(findings);
  return {draft_folder / "report.pdf", draft.pages, draft.missing, package.archive, package.metadata,
          {status, package.archive.string(), std::move(findings)}};
}

}  // namespace

}  // namespace proceedings::report

namespace proceedings {

ReportResult run_report(const ReportJob& job) { return report::run(job); }

LintResult run_lint(const LintJob& job) {
  auto findings = report::lint(job.input, job.compile);
  if (!job.venue.empty())
    for (auto& slip : report::program_slips(load_workshop(venue_folder(job.venue)))) findings.push_back(std::move(slip));
  const Exit status = worst_exit(findings);
  return {status, job.input, std::move(findings)};
}

}  // namespace proceedings

#include "report/command.hpp"

#include <iostream>

#include "proceedings/diagnostic.hpp"
#include "proceedings/error.hpp"
#include "proceedings/exit_status.hpp"
#include "report/job.hpp"

namespace proceedings::report {

namespace {

Exit print(const LintResult& r) {
  for (const auto& f : r.findings)
    std::cout << f.file << ": " << severity_name(f.severity) << ": " << f.code << ": " << f.message << "\n";
  const std::size_t errors = count_errors(r.findings);
  std::cout << "lint: " << r.input << ": " << errors << " error(s), " << r.findings.size() - errors << " warning(s)\n";
  return r.status;
}

Exit print(const ReportResult& r) {
  for (const auto& m : r.missing) std::cerr << "report: missing notes: " << m << "\n";
  std::cout << "report: draft " << r.draft_pdf.string() << " (" << r.pages << " pages, " << r.missing.size()
            << " part(s) still missing)\n";
  std::cout << "report: arXiv package " << r.archive.string() << ", form fields " << r.metadata.string() << "\n";
  return print(r.lint);
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto options = std::make_shared<ReportJob>();
  auto lint_job = std::make_shared<LintJob>();
  cmd.footer(
      "Writes OUT/report/report.pdf (the draft) and OUT/arxiv/<id>-report.tar.gz with OUT/arxiv/metadata.json,\n"
      "then lints the package.");
  cmd.add_option("--venue", options->venue,
                 "Workshop folder, notes in its report/ folder (default: the current folder, if it holds workshop.yaml)");
  cmd.add_option("--out", options->out, "Output folder")->capture_default_str();
  cmd.add_option("--templates", options->templates,
                 "Templates folder (default: $PROCEEDINGS_TEMPLATES, else the installed share/proceedings/templates)");
  auto* lint_cmd = cmd.add_subcommand("lint", "Check an arXiv package (folder or archive) against arXiv's rules");
  lint_cmd->add_option("INPUT", lint_job->input, "Folder, .tar.gz or .zip")->required();
  lint_cmd->add_flag("--no-compile{false}", lint_job->compile, "Skip compiling the package in a clean folder");
  lint_cmd->add_option("--venue", lint_job->venue,
                       "Workshop folder whose program the report retells: its slips are errors unless confirmed "
                       "(`report` checks it always)");
  lint_cmd->footer(exit_status_text({{Exit::ok, "no errors (warnings allowed)"}, {Exit::failed, "errors"},
                                     {Exit::usage, ""}, {Exit::input, "unreadable input"}}));
  lint_cmd->callback([lint_job, &status] { status = static_cast<int>(print(run_lint(*lint_job))); });
  cmd.callback([options, &status, lint_cmd] {
    if (!lint_cmd->parsed()) status = static_cast<int>(print(run_report(*options)));
  });
}

}  // namespace proceedings::report

#include "report/command.hpp"

#include <iostream>

#include "proceedings/error.hpp"
#include "proceedings/model.hpp"
#include "report/draft.hpp"
#include "report/lint.hpp"
#include "report/package.hpp"

namespace proceedings::report {

namespace fs = std::filesystem;

namespace {

struct Options {
  std::string venue = "metadata/aiexscale-2025";
  std::string out = "out";
  std::string templates = PROCEEDINGS_TEMPLATES_DIR;
  std::string lint_input;
  bool no_compile = false;
};

int print(const std::vector<LintFinding>& findings, const std::string& what) {
  int errors = 0;
  for (const auto& f : findings) {
    std::cout << f.file << ": " << f.severity << ": " << f.code << ": " << f.message << "\n";
    errors += f.severity == "error";
  }
  std::cout << "lint: " << what << ": " << errors << " error(s), " << findings.size() - errors << " warning(s)\n";
  return static_cast<int>(errors ? Exit::failed : Exit::ok);
}

int run_report(const Options& o) {
  const Workshop w = load_workshop(o.venue);
  const fs::path draft_folder = fs::path(o.out) / "report";
  const Draft draft = make_draft(w, fs::path(o.templates) / "report", draft_folder);
  for (const auto& m : draft.missing) std::cerr << "report: missing notes: " << m << "\n";
  std::cout << "report: draft " << (draft_folder / "report.pdf").string() << " (" << draft.pages << " pages, "
            << draft.missing.size() << " part(s) still missing)\n";
  const Package package = make_package(draft, w, o.out);
  std::cout << "report: arXiv package " << package.archive.string() << ", form fields " << package.metadata.string()
            << "\n";
  return print(lint(package.archive, true), package.archive.string());
}

}  // namespace

void add_command(CLI::App& app, int& status) {
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("report", "Draft the workshop report and package it for arXiv");
  cmd->footer(
      "Writes OUT/report/report.pdf (the draft) and OUT/arxiv/<id>-report.tar.gz with OUT/arxiv/metadata.json,\n"
      "then lints the package. Exit status: 0 written and the package passes, 1 the package breaks a rule,\n"
      "2 usage error, 3 unreadable input, 4 LaTeX or Pandoc failed.");
  cmd->add_option("--venue", options->venue, "Workshop folder in metadata/ (notes in its report/ folder)")->capture_default_str();
  cmd->add_option("--out", options->out, "Output folder")->capture_default_str();
  cmd->add_option("--templates", options->templates, "Templates folder")->capture_default_str();
  auto* lint_cmd = cmd->add_subcommand("lint", "Check an arXiv package (folder or archive) against arXiv's rules");
  lint_cmd->add_option("INPUT", options->lint_input, "Folder, .tar.gz or .zip")->required();
  lint_cmd->add_flag("--no-compile", options->no_compile, "Skip compiling the package in a clean folder");
  lint_cmd->footer("Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage error, 3 unreadable input.");
  lint_cmd->callback([options, &status] {
    status = print(lint(options->lint_input, !options->no_compile), options->lint_input);
  });
  cmd->callback([options, &status, lint_cmd] {
    if (!lint_cmd->parsed()) status = run_report(*options);
  });
}

}  // namespace proceedings::report

#include "check/command.hpp"

#include <iostream>
#include <thread>

#include "check/annotate.hpp"
#include "check/batch.hpp"
#include "check/html_report.hpp"
#include "check/report.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"

namespace proceedings::check {

namespace {

struct Options {
  std::string venue;
  std::string pages;
  std::string paper;
  int columns = 0;
  std::string template_name;
  std::string review;
  bool json = false;
  std::string annotate;  // folder for annotated copies of failing papers
  std::string html;      // the batch's report as one HTML page
  unsigned jobs = 0;
  std::vector<std::string> inputs;
};

CheckRules resolve_rules(const Options& o) {
  CheckRules rules;
  if (!o.venue.empty()) {
    const Workshop w = load_workshop(o.venue);
    if (!w.submission) throw usage_error(o.venue + "/workshop.yaml", "has no 'submission' rules to check against");
    rules = rules_from(*w.submission);
  }
  if (!o.pages.empty()) apply_page_range(rules, o.pages);
  if (!o.paper.empty()) rules.paper = o.paper;
  if (o.columns) rules.columns = o.columns;
  if (!o.template_name.empty()) rules = [&] {
    CheckRules r = rules;
    r.template_name = o.template_name;
    if (o.template_name.rfind("acmart", 0) == 0) r.min_side_margin_pt = 48;
    return r;
  }();
  if (o.review == "double-blind") rules.review = Review::double_blind;
  if (o.review == "single-blind") rules.review = Review::single_blind;
  return rules;
}

int exit_status(bool failed, bool errored) {
  if (errored) return static_cast<int>(Exit::input);
  return static_cast<int>(failed ? Exit::failed : Exit::ok);
}

// Results are printed as they arrive; only --html needs them all at the end.
int run(const Options& o) {
  const CheckRules rules = resolve_rules(o);
  const auto files = expand_inputs(o.inputs, ".pdf");
  const unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.string());
  StreamReport report(std::cout, o.json, names);
  std::vector<Analysis> for_html;
  bool failed = false, errored = false;
  for_each_checked(files, rules, jobs, [&](Analysis&& a) {
    report.add(a);
    failed |= a.verdict == "fail";
    errored |= a.verdict == "error";
    if (!o.annotate.empty()) write_annotated({a}, o.annotate);
    if (!o.html.empty()) for_html.push_back(std::move(a));
  });
  report.finish();
  if (!o.html.empty()) write_file_atomic(o.html, html_report(for_html));
  return exit_status(failed, errored);
}

}  // namespace

void add_command(CLI::App& app, int& status) {
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("check", "Check uploaded papers against the venue's format rules");
  cmd->footer(
      "Exit status: 0 all pass, 1 some paper fails, 2 usage error, 3 some input could not be analysed.\n"
      "A FOLDER stands for the PDFs in it.");
  cmd->add_option("--venue", options->venue, "Workshop folder in metadata/ whose submission rules apply");
  cmd->add_option("--pages", options->pages, "Body pages allowed, excluding the bibliography: MIN-MAX, MIN-, -MAX");
  cmd->add_option("--paper", options->paper, "Required paper size")->check(CLI::IsMember({"letter", "a4"}));
  cmd->add_option("--columns", options->columns, "Required number of text columns")->check(CLI::Range(1, 4));
  cmd->add_option("--template", options->template_name, "Required template")
      ->check(CLI::IsMember({"acmart-sigconf", "acmart", "any"}));
  cmd->add_option("--review", options->review, "Review mode of the venue")
      ->check(CLI::IsMember({"single-blind", "double-blind"}));
  cmd->add_flag("--json", options->json, "Print one JSON object instead of the table");
  cmd->add_option("--html", options->html,
                  "Also write one self-contained HTML page for the batch: verdicts, problems, page images")
      ->type_name("FILE");
  cmd->add_option("--annotate", options->annotate,
                  "Write a copy of each failing paper with PDF annotations (problems boxed, notes) into DIR");
  cmd->add_option("--jobs,-j", options->jobs, "Files checked at once (default: all cores)")->check(CLI::Range(1, 256));
  cmd->add_option("FILE", options->inputs, "PDF files or folders of PDFs")->required();
  cmd->callback([options, &status] { status = run(*options); });
}

}  // namespace proceedings::check

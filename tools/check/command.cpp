#include "check/command.hpp"

#include <iostream>
#include <thread>

#include "proceedings/error.hpp"
#include "check/job.hpp"

namespace proceedings::check {

void add_options(CLI::App& cmd, int& status) {
  auto options = std::make_shared<CheckJob>();
  cmd.footer("A FOLDER stands for the PDFs in it.");
  cmd.add_option("--venue", options->venue, "Workshop folder in metadata/ whose submission rules apply");
  cmd.add_option("--pages", options->pages, "Body pages allowed, excluding the bibliography: MIN-MAX, MIN-, -MAX");
  cmd.add_option("--paper", options->paper, "Required paper size")->check(CLI::IsMember({"letter", "a4"}));
  cmd.add_option("--columns", options->columns, "Required number of text columns")->check(CLI::Range(1, 4));
  cmd.add_option("--template", options->template_name, "Required template")
      ->check(CLI::IsMember({"acmart-sigconf", "acmart", "any"}));
  cmd.add_option("--review", options->review, "Review mode of the venue")
      ->check(CLI::IsMember({"single-blind", "double-blind"}));
  cmd.add_flag("--json", options->json, "Print one JSON object instead of the table");
  cmd.add_option("--html", options->html,
                  "Also write one self-contained HTML page for the batch: verdicts, problems, page images")
      ->type_name("FILE");
  cmd.add_option("--annotate", options->annotate,
                  "Write a copy of each failing paper with PDF annotations (problems boxed, notes) into DIR");
  cmd.add_option("FILE", options->inputs, "PDF files or folders of PDFs")->required();
  cmd.callback([options, &cmd, &status] {
    options->jobs = cmd.get_parent()->get_option("--jobs")->as<unsigned>();  // the global limit (tools/cli)
    status = static_cast<int>(run_check(*options));
  });
}

}  // namespace proceedings::check

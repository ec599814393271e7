#include "check/command.hpp"

#include <iostream>
#include <optional>
#include <thread>

#include "proceedings/error.hpp"
#include "check/job.hpp"
#include "proceedings/check/report.hpp"

namespace proceedings::check {

void add_options(CLI::App& cmd, int& status) {
  auto options = std::make_shared<CheckJob>();
  auto json = std::make_shared<bool>(false);
  cmd.footer("A FOLDER stands for the PDFs in it.");
  cmd.add_option("--venue", options->venue, "Workshop folder in metadata/ whose submission rules apply");
  cmd.add_option("--pages", options->pages, "Body pages allowed, excluding the bibliography: MIN-MAX, MIN-, -MAX");
  cmd.add_option("--paper", options->paper, "Required paper size")->check(CLI::IsMember({"letter", "a4"}));
  cmd.add_option("--columns", options->columns, "Required number of text columns")->check(CLI::Range(1, 4));
  cmd.add_option("--template", options->template_name, "Required template")
      ->check(CLI::IsMember({"acmart-sigconf", "acmart", "any"}));
  cmd.add_option("--review", options->review, "Review mode of the venue")
      ->check(CLI::IsMember({"single-blind", "double-blind"}));
  cmd.add_flag("--json", *json, "Print one JSON object instead of the table");
  cmd.add_option("--html", options->html,
                  "Also write one self-contained HTML page for the batch: verdicts, problems, page images")
      ->type_name("FILE");
  cmd.add_option("--annotate", options->annotate,
                  "Write a copy of each failing paper with PDF annotations (problems boxed, notes) into DIR");
  cmd.add_option("FILE", options->inputs, "PDF files or folders of PDFs")->required();
  cmd.callback([options, json, &cmd, &status] {
    options->jobs = cmd.get_parent()->get_option("--jobs")->as<unsigned>();  // the global limit (tools/cli)
    std::optional<StreamReport> report;
    options->on_files = [&](const std::vector<std::filesystem::path>& files) {
      std::vector<std::string> names;
      for (const auto& f : files) names.push_back(f.string());
      report.emplace(std::cout, *json, names);
    };
    options->on_paper = [&](const Analysis& a) { report->add(a); };
    status = static_cast<int>(run_check(*options));
    if (report) report->finish();
  });
}

}  // namespace proceedings::check

#include "meta/command.hpp"

#include <filesystem>
#include <iostream>

#include "meta/job.hpp"
#include "proceedings/install.hpp"
#include "meta/report.hpp"

namespace proceedings::meta {

namespace {

Exit print(const MetaRun& run, bool json) {
  if (json) {
    nlohmann::json papers = nlohmann::json::array();
    for (const auto& r : run.papers) papers.push_back(to_json(r));
    // Every text is UTF-8 by now; `replace` keeps one valid document should any slip through.
    std::cout << nlohmann::json{{"papers", papers}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    for (const auto& r : run.papers) std::cout << text_report(r);
  }
  if (!run.papers_yaml.empty() && run.changes.empty()) std::cerr << run.papers_yaml.string() << ": no change\n";
  for (const auto& c : run.changes) std::cerr << run.papers_yaml.string() << ": " << c << "\n";
  return run.status;
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto options = std::make_shared<MetaJob>();
  auto json = std::make_shared<bool>(false);
  cmd.footer("INPUT is a PDF, a LaTeX source folder or its main file (.tex, .ltx), a .zip or .tar.gz of sources, "
             "or a folder of these.");
  cmd.add_flag("--json", *json, "Print one JSON object instead of text");
  cmd.add_option("--venue", options->venue,
                 "Workshop folder: cross-check with its papers.yaml (default: the current folder, if it holds "
                 "workshop.yaml)");
  cmd.add_flag("--write", options->write,
                "With --venue: add missing papers and fill missing affiliations, emails and ORCIDs in papers.yaml");
  cmd.add_option("INPUT", options->inputs, "PDFs, source folders, main .tex files or archives")->required();
  cmd.callback([options, json, &status] {
    // --venue defaults to the current folder when it holds workshop.yaml, as for every command (issue 27 item 9).
    options->venue = venue_folder_if_any(options->venue);
    status = static_cast<int>(print(run_meta(*options), *json));
  });
}

}  // namespace proceedings::meta

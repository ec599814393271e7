#include "meta/command.hpp"

#include "meta/job.hpp"

namespace proceedings::meta {

void add_options(CLI::App& cmd, int& status) {
  auto options = std::make_shared<MetaJob>();
  cmd.footer("INPUT is a PDF, a LaTeX source folder, a .zip or .tar.gz of sources, or a folder of these.");
  cmd.add_flag("--json", options->json, "Print one JSON object instead of text");
  cmd.add_option("--venue", options->venue, "Workshop folder: cross-check with its papers.yaml");
  cmd.add_flag("--write", options->write,
                "With --venue: add missing papers and fill missing affiliations, emails and ORCIDs in papers.yaml");
  cmd.add_option("INPUT", options->inputs, "PDFs, source folders or archives")->required();
  cmd.callback([options, &status] { status = static_cast<int>(run_meta(*options)); });
}

}  // namespace proceedings::meta

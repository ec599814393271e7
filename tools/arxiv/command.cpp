#include "arxiv/command.hpp"

#include <iostream>

#include "arxiv/job.hpp"
#include "proceedings/error.hpp"
#include "proceedings/exit_status.hpp"

namespace proceedings::arxiv {

namespace {

// A line per paper, the disagreements and changes on stderr, the listing, the count.
Exit print(const ArxivResult& r) {
  int missing = 0;
  for (const auto& f : r.found) {
    std::cout << f.paper_id << ": " << (f.arxiv_id.empty() ? "not found on arXiv" : "arXiv:" + f.arxiv_id) << "\n";
    missing += f.arxiv_id.empty();
  }
  for (const auto& d : r.disagreements) std::cerr << "arxiv: " << d << "\n";
  std::cout << r.listing;
  for (const auto& c : r.changes) std::cerr << r.papers_yaml.string() << ": " << c << "\n";
  std::cout << "arxiv: " << r.found.size() - missing << " of " << r.found.size() << " papers found\n";
  return Exit::ok;
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto arxiv_options = std::make_shared<ArxivJob>();
  cmd.require_subcommand(1);
  auto* lookup = cmd.add_subcommand("lookup", "Find the accepted papers on arXiv; print the index listing");
  lookup->footer(
      "Queries the arXiv API by title, one paper at a time with --delay-ms between calls; a paper counts as found\n"
      "when an entry has its title and one of its authors' family names. Prints LIST:arXiv:ID lines in program\n"
      "order (the arXiv proceedings index).\n" +
      exit_status_text({{Exit::ok, "done"}, {Exit::usage, ""}, {Exit::input, "the API could not be read"}}));
  lookup->add_option("--venue", arxiv_options->venue, "Workshop folder (default: the current folder, if it holds workshop.yaml)");
  lookup->add_option("--base-url", arxiv_options->base_url, "arXiv API base URL")->capture_default_str();
  lookup->add_option("--delay-ms", arxiv_options->delay_ms, "Pause between calls")->check(CLI::Range(0, 60000))->capture_default_str();
  lookup->add_flag("--write", arxiv_options->write, "Record the arXiv ids found in papers.yaml (never overwrites one)");
  lookup->add_option("--index", arxiv_options->index, "Also write the LIST:arXiv:ID listing to this file");
  lookup->callback([arxiv_options, &status] { status = static_cast<int>(print(run_arxiv(*arxiv_options))); });
}

}  // namespace proceedings::arxiv

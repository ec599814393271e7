#include "arxiv/command.hpp"

#include <algorithm>
#include <iostream>

#include "arxiv/lookup.hpp"
#include "proceedings/error.hpp"
#include "proceedings/exit_status.hpp"
#include "proceedings/files.hpp"
#include "proceedings/install.hpp"
#include "proceedings/model.hpp"
#include "proceedings/papers_yaml.hpp"

namespace proceedings::arxiv {

namespace {

struct ArxivOptions {
  std::string venue;
  std::string base_url = "https://export.arxiv.org";
  long delay_ms = 3000;
  bool write = false;
  std::string index;
};

// Papers in program order, then the ones the program does not name.
std::vector<const Paper*> in_program_order(const Workshop& w) {
  std::vector<const Paper*> out;
  auto add = [&](const std::string& id) {
    for (const auto& p : w.papers)
      if (p.id == id && std::find(out.begin(), out.end(), &p) == out.end()) out.push_back(&p);
  };
  for (const auto& s : w.sessions)
    for (const auto& t : s.talks) add(t.paper_id);
  for (const auto& p : w.papers) add(p.id);
  return out;
}

int run_arxiv(const ArxivOptions& o) {
  Workshop w = load_workshop(venue_folder(o.venue));
  const auto found = arxiv_lookup(w, o.base_url, std::chrono::milliseconds(o.delay_ms));
  int missing = 0;
  std::vector<std::string> changes;
  for (const auto& f : found) {
    std::cout << f.paper_id << ": " << (f.arxiv_id.empty() ? "not found on arXiv" : "arXiv:" + f.arxiv_id) << "\n";
    missing += f.arxiv_id.empty();
    for (auto& p : w.papers) {
      if (p.id != f.paper_id || f.arxiv_id.empty()) continue;
      if (p.arxiv.empty()) {
        p.arxiv = f.arxiv_id;
        changes.push_back(p.id + ": arxiv set to '" + f.arxiv_id + "'");
      } else if (p.arxiv != f.arxiv_id) {
        std::cerr << "arxiv: " << p.id << ": papers.yaml says " << p.arxiv << ", arXiv lists " << f.arxiv_id << "; kept\n";
      }
    }
  }
  std::string listing;
  for (const Paper* p : in_program_order(w))
    if (!p->arxiv.empty()) listing += "LIST:arXiv:" + p->arxiv + "\n";
  if (!o.index.empty()) write_file_atomic(o.index, listing);
  std::cout << listing;
  if (o.write && !changes.empty()) {
    const fs::path file = w.folder / "papers.yaml";
    write_file_atomic(file, updated_papers_yaml(read_file(file), w.papers));
    for (const auto& c : changes) std::cerr << file.string() << ": " << c << "\n";
  }
  std::cout << "arxiv: " << found.size() - missing << " of " << found.size() << " papers found\n";
  return static_cast<int>(Exit::ok);
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto arxiv_options = std::make_shared<ArxivOptions>();
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
  lookup->callback([arxiv_options, &status] { status = run_arxiv(*arxiv_options); });
}

}  // namespace proceedings::arxiv

#include "fetch/command.hpp"

#include <iostream>
#include <map>

#include "fetch/arxiv.hpp"
#include "fetch/download.hpp"
#include "meta/papers_writer.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "fetch/list.hpp"
#include "proceedings/error.hpp"

namespace proceedings::fetch {

namespace {

struct Options {
  std::string list;
  std::string out = "uploads";
  FetchOptions fetch;
  long backoff_ms = 500;
  long max_mb = 256;
};

int run(Options o) {
  o.fetch.backoff = std::chrono::milliseconds(o.backoff_ms);
  o.fetch.max_bytes = static_cast<std::uint64_t>(o.max_mb) << 20;
  const auto items = read_list(o.list);
  const auto outcomes = fetch_all(items, o.out, o.fetch);
  std::map<std::string, int> counts;
  for (const auto& r : outcomes) {
    counts[r.status]++;
    std::cout << r.id << ": " << r.status;
    if (!r.file.empty()) std::cout << " " << r.file.string();
    if (r.resumed && r.status != "failed") std::cout << " (resumed)";
    if (r.attempts > 1 && r.status != "failed") std::cout << " (" << r.attempts << " attempts)";
    if (!r.reason.empty()) std::cout << ": " << r.reason;
    std::cout << "\n";
  }
  std::cout << "fetch: " << counts["new"] << " new, " << counts["updated"] << " updated, " << counts["unchanged"]
            << " unchanged, " << counts["failed"] << " failed\n";
  return static_cast<int>(counts["failed"] ? Exit::failed : Exit::ok);
}

struct ArxivOptions {
  std::string venue = "metadata/exhetai-2025";
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
  Workshop w = load_workshop(o.venue);
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
    write_file_atomic(file, meta::updated_papers_yaml(read_file(file), w.papers));
    for (const auto& c : changes) std::cerr << file.string() << ": " << c << "\n";
  }
  std::cout << "arxiv: " << found.size() - missing << " of " << found.size() << " papers found\n";
  return static_cast<int>(Exit::ok);
}

}  // namespace

void add_command(CLI::App& app, int& status) {
  auto arxiv_options = std::make_shared<ArxivOptions>();
  auto* arxiv = app.add_subcommand("arxiv", "arXiv look-ups for a workshop's papers");
  arxiv->require_subcommand(1);
  auto* lookup = arxiv->add_subcommand("lookup", "Find the accepted papers on arXiv; print the index listing");
  lookup->footer(
      "Queries the arXiv API by title, one paper at a time with --delay-ms between calls; a paper counts as found\n"
      "when an entry has its title and one of its authors' family names. Prints LIST:arXiv:ID lines in program\n"
      "order (the arXiv proceedings index). Exit status: 0 done, 2 usage error, 3 the API could not be read.");
  lookup->add_option("--venue", arxiv_options->venue, "Workshop folder in metadata/")->capture_default_str();
  lookup->add_option("--base-url", arxiv_options->base_url, "arXiv API base URL")->capture_default_str();
  lookup->add_option("--delay-ms", arxiv_options->delay_ms, "Pause between calls")->check(CLI::Range(0, 60000))->capture_default_str();
  lookup->add_flag("--write", arxiv_options->write, "Record the arXiv ids found in papers.yaml (never overwrites one)");
  lookup->add_option("--index", arxiv_options->index, "Also write the LIST:arXiv:ID listing to this file");
  lookup->callback([arxiv_options, &status] { status = run_arxiv(*arxiv_options); });

  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("fetch", "Download camera-ready uploads listed by the submission system");
  cmd->footer(
      "LIST is a .csv (id,url[,sha256]) or .yaml list of {id, url, sha256}. Files are written as OUT/<id>.pdf\n"
      "(or .zip, .tar.gz for sources) only when complete and verified; partial downloads wait in OUT/.partial\n"
      "and resume. Exit status: 0 all fetched or unchanged, 1 some failed, 2 usage error.");
  cmd->add_option("LIST", options->list, "The download list")->required();
  cmd->add_option("--out", options->out, "Folder for the files")->capture_default_str();
  cmd->add_option("--jobs,-j", options->fetch.jobs, "Downloads at once")->check(CLI::Range(1, 64))->capture_default_str();
  cmd->add_option("--retries", options->fetch.retries, "Retries after a 5xx, 429, time-out or cut connection")
      ->check(CLI::Range(0, 10))->capture_default_str();
  cmd->add_option("--backoff-ms", options->backoff_ms, "First wait before a retry; doubled each time")
      ->check(CLI::Range(0, 60000))->capture_default_str();
  cmd->add_option("--stall-seconds", options->fetch.stall_seconds, "Abort an attempt that receives nothing this long")
      ->check(CLI::Range(1, 3600))->capture_default_str();
  cmd->add_option("--max-mb", options->max_mb, "Largest file accepted")->check(CLI::Range(1, 4096))->capture_default_str();
  cmd->callback([options, &status] { status = run(*options); });
}

}  // namespace proceedings::fetch

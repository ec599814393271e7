#include "fetch/command.hpp"

#include <iostream>
#include <map>

#include "fetch/download.hpp"
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

}  // namespace

void add_command(CLI::App& app, int& status) {
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

#include "fetch/command.hpp"

#include <iostream>
#include <map>

#include "fetch/job.hpp"

namespace proceedings::fetch {

namespace {

// A line per file, then the counts.
Exit print(const FetchResult& result) {
  std::map<std::string, int> counts;
  for (const auto& r : result.outcomes) {
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
  return result.status;
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto options = std::make_shared<FetchJob>();
  cmd.footer(
      "LIST is a .csv (id,url[,sha256]) or .yaml list of {id, url, sha256}. Files are written as OUT/<id>.pdf\n"
      "(or .zip, .tar.gz for sources) only when complete and verified; partial downloads wait in OUT/.partial\n"
      "and resume.");
  cmd.add_option("LIST", options->list, "The download list")->required();
  cmd.add_option("--out", options->out, "Folder for the files")->capture_default_str();
  cmd.add_option("--jobs,-j", options->jobs, "Downloads at once")->check(CLI::Range(1, 64))->capture_default_str();
  cmd.add_option("--retries", options->retries, "Retries after a 5xx, 429, time-out or cut connection")
      ->check(CLI::Range(0, 10))->capture_default_str();
  cmd.add_option("--backoff-ms", options->backoff_ms, "First wait before a retry; doubled each time")
      ->check(CLI::Range(0, 60000))->capture_default_str();
  cmd.add_option("--stall-seconds", options->stall_seconds, "Abort an attempt that receives nothing this long")
      ->check(CLI::Range(1, 3600))->capture_default_str();
  cmd.add_option("--max-mb", options->max_mb, "Largest file accepted")->check(CLI::Range(1, 4096))->capture_default_str();
  cmd.callback([options, &status] { status = static_cast<int>(print(run_fetch(*options))); });
}

}  // namespace proceedings::fetch

// `proceedings fetch` as a job (job.hpp); command.cpp maps the options onto it.
#include "fetch/job.hpp"

#include <iostream>
#include <map>

#include "proceedings/download.hpp"
#include "fetch/list.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings::fetch {

namespace {

int run(const FetchJob& o) {
  DownloadOptions options;
  options.jobs = o.jobs;
  options.retries = o.retries;
  options.backoff = std::chrono::milliseconds(o.backoff_ms);
  options.stall_seconds = o.stall_seconds;
  options.max_bytes = static_cast<std::uint64_t>(o.max_mb) << 20;
  const auto items = read_list(o.list);
  refuse_output_folder_over_file(o.out, "--out");
  const auto outcomes = download_all(items, o.out, options);
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

}  // namespace proceedings::fetch

namespace proceedings {

Exit run_fetch(const FetchJob& job) { return static_cast<Exit>(fetch::run(job)); }

}  // namespace proceedings

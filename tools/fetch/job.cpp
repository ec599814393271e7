// `proceedings fetch` as a job (job.hpp); command.cpp maps the options onto it.
#include "fetch/job.hpp"


#include "proceedings/download.hpp"
#include "fetch/list.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings::fetch {

namespace {

FetchResult run(const FetchJob& o) {
  DownloadOptions options;
  options.jobs = o.jobs;
  options.retries = o.retries;
  options.backoff = std::chrono::milliseconds(o.backoff_ms);
  options.stall_seconds = o.stall_seconds;
  options.max_bytes = static_cast<std::uint64_t>(o.max_mb) << 20;
  const auto items = read_list(o.list);
  refuse_output_folder_over_file(o.out, "--out");
  auto outcomes = download_all(items, o.out, options);
  FetchResult result{Exit::ok, std::move(outcomes)};
  for (const auto& r : result.outcomes)
    if (r.status == "failed") result.status = Exit::failed;
  return result;
}

}  // namespace

}  // namespace proceedings::fetch

namespace proceedings {

FetchResult run_fetch(const FetchJob& job) { return fetch::run(job); }

}  // namespace proceedings

#pragma once
// `proceedings fetch`: the job the command maps its options onto.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/download.hpp"
#include "proceedings/error.hpp"

namespace proceedings {

// `proceedings fetch`.
struct FetchJob {
  std::string list;  // .csv or .yaml download list
  std::string out = "uploads";
  unsigned jobs = 4;
  int retries = 3;
  long backoff_ms = 500;
  long stall_seconds = 30;
  long max_mb = 256;
};
// One outcome per item of the list, in its order; failed when any failed.
struct FetchResult {
  Exit status = Exit::ok;
  std::vector<DownloadOutcome> outcomes;
};
FetchResult run_fetch(const FetchJob& job);

}  // namespace proceedings

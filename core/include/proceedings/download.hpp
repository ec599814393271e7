#pragma once
// Downloads (core/src/net, the one owner of libcurl) with libcurl's multi interface: several at once, resumed,
// retried with backoff, capped, sniffed and verified, written atomically.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace proceedings {

// One file to download: its id becomes the file name.
struct Download {
  std::string id;      // letters, digits, '-', '_'
  std::string url;     // http or https
  std::string sha256;  // expected, lowercase hex; empty when not given
};

struct DownloadOptions {
  unsigned jobs = 4;
  int retries = 3;                                 // after the first attempt
  std::chrono::milliseconds backoff{500};          // doubled each retry
  long stall_seconds = 30;                         // below 1 byte/s this long: a stall
  long connect_seconds = 15;
  long attempt_seconds = 600;                      // one attempt, at most
  std::uint64_t max_bytes = 256ull << 20;
  long max_redirects = 5;
};

struct DownloadOutcome {
  std::string id;
  std::string status;  // new, updated, unchanged, failed
  std::filesystem::path file;
  std::string sha256;
  std::string reason;  // why it failed
  int attempts = 0;
  bool resumed = false;
};

std::vector<DownloadOutcome> download_all(const std::vector<Download>& items, const std::filesystem::path& out, const DownloadOptions& options);

// "pdf", "zip", "tar.gz", or "" for anything else, from the first bytes.
std::string sniff_kind(const std::string& head);

}  // namespace proceedings

#include "proceedings/download.hpp"

#include <curl/curl.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <thread>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/pdf.hpp"
#include "proceedings/terminal.hpp"

namespace proceedings {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string sniff_kind(const std::string& head) {
  if (head.find("%PDF-") != std::string::npos && head.find("%PDF-") < 1024) return "pdf";
  if (head.rfind("PK\x03\x04", 0) == 0) return "zip";
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f && static_cast<unsigned char>(head[1]) == 0x8b)
    return "tar.gz";
  return "";
}

namespace {

struct Transfer {
  const Download* item = nullptr;
  const DownloadOptions* options = nullptr;
  CURL* easy = nullptr;
  std::FILE* part = nullptr;
  fs::path part_path;
  std::uint64_t resume_from = 0;
  std::uint64_t received = 0;
  bool too_big = false;
  bool restarted = false;  // the server ignored our Range
  int attempts = 0;
  Clock::time_point not_before{};
  char error[CURL_ERROR_SIZE] = {};
  DownloadOutcome outcome;
};

std::size_t on_data(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  long code = 0;
  curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
  if (code >= 300) return n;  // an error page or a redirect body is not the file
  if (code == 200 && t->resume_from > 0 && !t->restarted) {
    // Asked for a range, got the whole file: start the part over.
    t->part = std::freopen(t->part_path.c_str(), "wb", t->part);
    t->resume_from = 0;
    t->restarted = true;
  }
  if (t->resume_from + t->received + n > t->options->max_bytes) {
    t->too_big = true;
    return 0;  // aborts the transfer
  }
  if (!t->part || std::fwrite(data, 1, n, t->part) != n) return 0;
  t->received += n;
  return n;
}

void start(Transfer& t, CURLM* multi) {
  ++t.attempts;
  t.received = 0;
  t.too_big = false;
  t.restarted = false;
  std::error_code ec;
  t.resume_from = fs::exists(t.part_path, ec) ? fs::file_size(t.part_path, ec) : 0;
  t.outcome.resumed = t.outcome.resumed || t.resume_from > 0;
  t.part = std::fopen(t.part_path.c_str(), t.resume_from ? "ab" : "wb");
  t.easy = curl_easy_init();
  const DownloadOptions& o = *t.options;
  curl_easy_setopt(t.easy, CURLOPT_URL, t.item->url.c_str());
  curl_easy_setopt(t.easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(t.easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(t.easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(t.easy, CURLOPT_MAXREDIRS, o.max_redirects);
  curl_easy_setopt(t.easy, CURLOPT_CONNECTTIMEOUT, o.connect_seconds);
  curl_easy_setopt(t.easy, CURLOPT_TIMEOUT, o.attempt_seconds);
  curl_easy_setopt(t.easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(t.easy, CURLOPT_LOW_SPEED_TIME, o.stall_seconds);
  curl_easy_setopt(t.easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_bytes));
  curl_easy_setopt(t.easy, CURLOPT_USERAGENT, "proceedings/" PROCEEDINGS_VERSION " (workshop chairs' tool)");
  curl_easy_setopt(t.easy, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(t.easy, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(t.easy, CURLOPT_ERRORBUFFER, t.error);
  curl_easy_setopt(t.easy, CURLOPT_PRIVATE, &t);
  if (t.resume_from) curl_easy_setopt(t.easy, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(t.resume_from));
  curl_multi_add_handle(multi, t.easy);
}

bool retryable(CURLcode result, long http) {
  if (result == CURLE_OK) return http >= 500 || http == 429;
  return result == CURLE_COULDNT_CONNECT || result == CURLE_OPERATION_TIMEDOUT || result == CURLE_PARTIAL_FILE ||
         result == CURLE_RECV_ERROR || result == CURLE_SEND_ERROR || result == CURLE_GOT_NOTHING ||
         result == CURLE_COULDNT_RESOLVE_HOST;
}

std::string failure_reason(const Transfer& t, CURLcode result, long http) {
  if (t.too_big || result == CURLE_FILESIZE_EXCEEDED)
    return "larger than the cap of " + std::to_string(t.options->max_bytes >> 20) + " MiB";
  if (result == CURLE_TOO_MANY_REDIRECTS) return "redirected more than " + std::to_string(t.options->max_redirects) + " times";
  if (result == CURLE_OPERATION_TIMEDOUT) return "stalled or timed out (" + std::string(t.error) + ")";
  if (result != CURLE_OK) return std::string(curl_easy_strerror(result)) + (t.error[0] ? ": " + std::string(t.error) : "");
  return "HTTP " + std::to_string(http);
}

// The part file is complete: check it and move it into place.
void settle(Transfer& t, const fs::path& out) {
  const std::string head = [&] {
    std::ifstream in(t.part_path, std::ios::binary);
    std::string bytes(1024, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
  }();
  const std::string kind = sniff_kind(head);
  DownloadOutcome& o = t.outcome;
  if (kind.empty()) {
    char* type = nullptr;
    curl_easy_getinfo(t.easy, CURLINFO_CONTENT_TYPE, &type);
    o.status = "failed";
    o.reason = std::string("not a PDF or an archive: the server sent ") + (type ? type : "something else") +
               " starting '" + head.substr(0, std::min<std::size_t>(20, head.find_first_of("\r\n"))) + "'";
    fs::remove(t.part_path);
    return;
  }
  // A server may announce and send half a file: only a whole PDF is kept.
  if (const std::string problem = kind == "pdf" ? pdf_envelope_problem(t.part_path) : ""; !problem.empty()) {
    o.status = "failed";
    o.reason = "incomplete download, refused: " + problem;
    fs::remove(t.part_path);
    return;
  }
  o.sha256 = sha256_file(t.part_path);
  if (!t.item->sha256.empty() && o.sha256 != t.item->sha256) {
    o.status = "failed";
    o.reason = "checksum mismatch: the list says " + t.item->sha256.substr(0, 12) + "…, the download is " + o.sha256.substr(0, 12) + "…";
    fs::remove(t.part_path);
    return;
  }
  o.file = out / (t.item->id + "." + kind);
  if (fs::exists(o.file) && sha256_file(o.file) == o.sha256) {
    o.status = "unchanged";
    fs::remove(t.part_path);
    return;
  }
  o.status = fs::exists(o.file) ? "updated" : "new";
  fs::rename(t.part_path, o.file);
}

void finish(Transfer& t, CURLcode result, CURLM* multi, const fs::path& out, std::vector<Transfer*>& waiting) {
  long http = 0;
  curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &http);
  if (t.part) std::fclose(t.part);
  t.part = nullptr;
  const bool ok = result == CURLE_OK && (http == 200 || http == 206);
  if (ok) settle(t, out);
  curl_multi_remove_handle(multi, t.easy);
  if (result == CURLE_RANGE_ERROR) {
    // The server cannot resume: the next attempt starts from the beginning.
    fs::remove(t.part_path);
    result = CURLE_PARTIAL_FILE;
  }
  if (!ok) {
    if (retryable(result, http) && t.attempts <= t.options->retries) {
      t.not_before = Clock::now() + t.options->backoff * (1 << (t.attempts - 1));
      curl_easy_cleanup(t.easy);
      t.easy = nullptr;
      waiting.push_back(&t);
      return;
    }
    t.outcome.status = "failed";
    t.outcome.reason = failure_reason(t, result, http) + (t.attempts > 1 ? " after " + std::to_string(t.attempts) + " attempts" : "");
    if (!retryable(result, http)) fs::remove(t.part_path);  // nothing worth resuming
  }
  t.outcome.attempts = t.attempts;
  curl_easy_cleanup(t.easy);
  t.easy = nullptr;
}

// Empty part files hold nothing to resume, and an empty .partial folder
// nothing at all: neither is left behind.
void remove_nothing_to_resume(const fs::path& partial) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(partial, ec))
    if (e.is_regular_file(ec) && e.file_size(ec) == 0) fs::remove(e.path(), ec);
  if (fs::is_empty(partial, ec)) fs::remove(partial, ec);
}

// Already here with the checksum the list expects: nothing to download.
bool already_there(const Download& item, const fs::path& out, DownloadOutcome& outcome) {
  if (item.sha256.empty()) return false;
  for (const char* ext : {"pdf", "zip", "tar.gz"}) {
    const fs::path file = out / (item.id + "." + ext);
    if (fs::exists(file) && sha256_file(file) == item.sha256) {
      outcome = {item.id, "unchanged", file, item.sha256, "", 0, false};
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<DownloadOutcome> download_all(const std::vector<Download>& items, const fs::path& out, const DownloadOptions& options) {
  fs::create_directories(out / ".partial");
  std::vector<std::unique_ptr<Transfer>> transfers;
  std::vector<Transfer*> waiting;
  std::vector<DownloadOutcome> outcomes(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (already_there(items[i], out, outcomes[i])) continue;
    auto t = std::make_unique<Transfer>();
    t->item = &items[i];
    t->options = &options;
    t->part_path = out / ".partial" / (items[i].id + ".part");
    t->outcome.id = items[i].id;
    waiting.push_back(t.get());
    transfers.push_back(std::move(t));
  }
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw Error(Exit::internal, "libcurl", "cannot initialise");
  CURLM* multi = curl_multi_init();
  Progress progress("fetching", transfers.size());
  unsigned running = 0;
  while (!waiting.empty() || running > 0) {
    for (auto it = waiting.begin(); it != waiting.end() && running < options.jobs;) {
      if ((*it)->not_before <= Clock::now()) {
        start(**it, multi);
        ++running;
        it = waiting.erase(it);
      } else {
        ++it;
      }
    }
    int still = 0;
    curl_multi_perform(multi, &still);
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
      --running;
      const std::size_t before = waiting.size();
      finish(*t, msg->data.result, multi, out, waiting);
      if (waiting.size() == before) progress.advance(t->item->id);
    }
    curl_multi_poll(multi, nullptr, 0, 50, nullptr);
  }
  curl_multi_cleanup(multi);
  curl_global_cleanup();
  remove_nothing_to_resume(out / ".partial");
  for (auto& t : transfers)
    for (std::size_t i = 0; i < items.size(); ++i)
      if (&items[i] == t->item) outcomes[i] = t->outcome;
  return outcomes;
}

}  // namespace proceedings

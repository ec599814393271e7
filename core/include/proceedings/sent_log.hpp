#pragma once
// The venue's record of the notices sent to authors: `notify --send` appends
// one line per message, `status` shows each paper's last one, and a re-run of
// `notify` sends only the verdicts that changed since.
//
// The file is <venue>/.proceedings/sent.jsonl, one JSON object a line (JSON
// Lines), oldest first, never rewritten:
//   {"time": "2026-12-06T18:40:05Z", "paper": "wages", "stage": "camera-ready",
//    "verdict": "fail", "codes": ["PAGES_OVER"], "to": ["a@example.org"],
//    "sha256": "<the upload's SHA-256>", "message_id": "<...@...>"}
// "time" is UTC; "verdict" is check's (pass, fail, error); "codes" the error
// codes the notice told of; "sha256" the upload the verdict was about.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace proceedings {

struct SentNotice {
  std::string time;   // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string paper;  // the paper's id
  std::string stage;  // submission or camera-ready
  std::string verdict;
  std::vector<std::string> codes;
  std::vector<std::string> to;
  std::string sha256;
  std::string message_id;
  bool operator==(const SentNotice&) const = default;
};

// <venue>/.proceedings/sent.jsonl
std::filesystem::path sent_log_path(const std::filesystem::path& venue);

// Every notice of the venue, oldest first; none when the file does not
// exist. A line that is not such an object is an input Error naming
// file:line; a field this version does not know is ignored (newer writers).
std::vector<SentNotice> read_sent_log(const std::filesystem::path& venue);

// Appends `notice` as one line (creating the folder and the file), in one
// write on a file opened for appending, so that a crash leaves whole lines.
// An input Error naming the file when it cannot be written.
void append_sent_log(const std::filesystem::path& venue, const SentNotice& notice);

// The last notice sent for `paper`, nullopt when none was.
std::optional<SentNotice> last_notice(const std::vector<SentNotice>& log, const std::string& paper);

// The time now as the log writes it (UTC, YYYY-MM-DDTHH:MM:SSZ).
std::string utc_now();

}  // namespace proceedings

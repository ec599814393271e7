#include "proceedings/timezone.hpp"
#include "proceedings/sent_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

#include "proceedings/error.hpp"

namespace proceedings {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> strings(const nlohmann::json& doc, const char* key) {
  std::vector<std::string> out;
  if (doc.contains(key))
    for (const auto& item : doc.at(key)) out.push_back(item.get<std::string>());
  return out;
}

std::string text(const nlohmann::json& doc, const char* key) {
  return doc.contains(key) ? doc.at(key).get<std::string>() : "";
}

SentNotice notice_from(const nlohmann::json& doc) {
  SentNotice n;
  n.time = doc.at("time").get<std::string>();
  n.paper = doc.at("paper").get<std::string>();
  n.stage = text(doc, "stage");
  n.verdict = text(doc, "verdict");
  n.codes = strings(doc, "codes");
  n.to = strings(doc, "to");
  n.sha256 = text(doc, "sha256");
  n.message_id = text(doc, "message_id");
  return n;
}

}  // namespace

fs::path sent_log_path(const fs::path& venue) { return venue / ".proceedings" / "sent.jsonl"; }

std::vector<SentNotice> read_sent_log(const fs::path& venue) {
  const fs::path file = sent_log_path(venue);
  std::vector<SentNotice> log;
  std::error_code ec;
  if (!fs::exists(file, ec)) return log;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw input_error(file.string(), "cannot be read");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      const auto doc = nlohmann::json::parse(line);
      if (!doc.is_object()) throw input_error(file.string() + ":" + std::to_string(number), "is not a JSON object");
      log.push_back(notice_from(doc));
    } catch (const nlohmann::json::exception& e) {
      throw input_error(file.string() + ":" + std::to_string(number), std::string("is not a sent notice: ") + e.what());
    }
  }
  return log;
}

void append_sent_log(const fs::path& venue, const SentNotice& n) {
  const fs::path file = sent_log_path(venue);
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) throw input_error(file.parent_path().string(), "cannot be created: " + ec.message());
  const nlohmann::json doc{{"time", n.time}, {"paper", n.paper},     {"stage", n.stage},
                           {"verdict", n.verdict}, {"codes", n.codes}, {"to", n.to},
                           {"sha256", n.sha256}, {"message_id", n.message_id}};
  const std::string line = doc.dump() + "\n";
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw input_error(file.string(), std::string("cannot be opened for appending: ") + std::strerror(errno));
  const ssize_t written = ::write(fd, line.data(), line.size());
  const int saved = errno;
  const bool closed = ::close(fd) == 0;
  if (written != static_cast<ssize_t>(line.size()) || !closed)
    throw input_error(file.string(), std::string("cannot be written: ") + std::strerror(written < 0 ? saved : errno));
}

std::optional<SentNotice> last_notice(const std::vector<SentNotice>& log, const std::string& paper) {
  for (auto it = log.rbegin(); it != log.rend(); ++it)
    if (it->paper == paper) return *it;
  return std::nullopt;
}

std::string utc_now() { return utc_text(unix_seconds_now(), "%Y-%m-%dT%H:%M:%SZ"); }

}  // namespace proceedings

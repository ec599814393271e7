#include "status/cells.hpp"

#include "proceedings/text.hpp"

namespace proceedings::status {

std::string short_hash(const std::string& sha256) { return sha256.substr(0, 12); }

std::string size_text(std::uintmax_t bytes) {
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
  return to_fixed(static_cast<double>(bytes) / (1024.0 * 1024.0), 1) + " MB";
}

std::string upload_cell(const PaperStatus& p) {
  if (!p.upload) return "no upload";
  const auto& u = *p.upload;
  std::string out = u.time + ", " + size_text(u.bytes) + ", " + short_hash(u.sha256);
  if (u.how != "file name") out += " (" + u.file.filename().string() + ", by " + u.how + ")";
  return out;
}

std::string check_cell(const PaperStatus& p) {
  if (!p.upload) return "-";
  if (p.verdict == "error") return "unreadable: " + p.unreadable;
  std::string out = p.verdict;
  if (!p.errors.empty()) out += ": " + joined(p.errors, ", ");
  if (!p.warnings.empty()) out += " (warned: " + joined(p.warnings, ", ") + ")";
  return out;
}

std::string rights_cell(const PaperStatus& p) {
  return (p.rights.empty() ? std::string("no rights") : p.rights) + ", " + (p.doi.empty() ? std::string("no DOI") : p.doi);
}

std::string notice_cell(const PaperStatus& p) {
  if (!p.notice) return "none sent";
  const auto& n = *p.notice;
  std::string when = n.time.size() >= 16 ? n.time.substr(0, 10) + " " + n.time.substr(11, 5) : n.time;
  std::string out = when + " (" + n.verdict;
  if (!n.codes.empty()) out += ": " + joined(n.codes, ", ");
  return out + ")";
}

std::string book_cell(const PaperStatus& p) {
  if (!p.book) return "not in the book";
  std::string out = "pp. " + std::to_string(p.book->first_page) + "-" + std::to_string(p.book->last_page);
  if (p.book->stale) out += " (upload newer)";
  return out;
}

std::string stage_text(Stage stage) { return stage_name(stage); }

}  // namespace proceedings::status

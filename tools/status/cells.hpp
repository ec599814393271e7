#pragma once
// A paper's status as the short texts every output prints (the text table,
// the HTML page), so that both say the same thing.
#include <string>

#include "proceedings/status.hpp"

namespace proceedings::status {

std::string short_hash(const std::string& sha256);      // the first 12 hex digits
std::string size_text(std::uintmax_t bytes);             // "812 KB", "1.4 MB"
std::string upload_cell(const PaperStatus& p);           // "2026-12-06 17:20, 812 KB, 3fa2c1d9e0b4 (submission number 12)" or "no upload"
std::string check_cell(const PaperStatus& p);            // "pass", "fail: PAGES_OVER, MARGINS", "unreadable: ..." or "-"
std::string rights_cell(const PaperStatus& p);           // "acmlicensed, 10.1145/..." or "no rights, no DOI"
std::string notice_cell(const PaperStatus& p);           // "2026-12-06 18:40 (fail: PAGES_OVER)" or "none sent"
std::string book_cell(const PaperStatus& p);             // "pp. 1-6", "pp. 1-6 (upload newer)" or "not in the book"
std::string stage_text(Stage stage);                     // "camera-ready"

}  // namespace proceedings::status

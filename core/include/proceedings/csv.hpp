#pragma once
// CSV as RFC 4180 writes it (quoted fields with commas, doubled quotes and
// line breaks), as spreadsheets export it (a UTF-8 byte order mark, CRLF).
#include <string>
#include <vector>

namespace proceedings {

struct CsvRow {
  int line = 0;  // the line the row starts on, from 1
  std::vector<std::string> cells;
};

// Every row, blank lines left out. Throws a usage Error "FILE:LINE: ..." for
// a quote that is never closed or text after a closing quote.
std::vector<CsvRow> parse_csv(const std::string& text, const std::string& file);

}  // namespace proceedings

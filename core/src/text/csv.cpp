#include "proceedings/csv.hpp"

#include "proceedings/error.hpp"

namespace proceedings {

namespace {

class CsvParser {
 public:
  CsvParser(const std::string& text, const std::string& file) : text_(text), file_(file) {
    if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) at_ = 3;
  }

  std::vector<CsvRow> rows() {
    std::vector<CsvRow> out;
    while (at_ < text_.size()) {
      CsvRow row{line_, {}};
      read_row(row.cells);
      const bool blank = row.cells.size() == 1 && row.cells[0].empty();
      if (!blank) out.push_back(std::move(row));
    }
    return out;
  }

 private:
  [[noreturn]] void fail(int line, const std::string& what) const {
    throw usage_error(file_ + ":" + std::to_string(line), what);
  }

  // Reads cells up to the end of the record (a line end outside quotes).
  void read_row(std::vector<std::string>& cells) {
    for (;;) {
      cells.push_back(at_ < text_.size() && text_[at_] == '"' ? quoted_cell() : plain_cell());
      if (at_ >= text_.size()) return;
      const char c = text_[at_];
      if (c == ',') {
        ++at_;
        continue;
      }
      end_of_line();
      return;
    }
  }

  std::string plain_cell() {
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r') ++at_;
    return text_.substr(start, at_ - start);
  }

  std::string quoted_cell() {
    const int opened = line_;
    std::string cell;
    ++at_;  // the opening quote
    for (;;) {
      if (at_ >= text_.size()) fail(opened, "a quoted field is never closed (a missing '\"')");
      const char c = text_[at_++];
      if (c == '"') {
        if (at_ < text_.size() && text_[at_] == '"') {
          cell += '"';
          ++at_;
          continue;
        }
        break;
      }
      if (c == '\n') ++line_;
      cell += c;
    }
    if (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r')
      fail(line_, "text after a closing quote (write a quote inside a quoted field as \"\")");
    return cell;
  }

  void end_of_line() {
    if (text_[at_] == '\r') ++at_;
    if (at_ < text_.size() && text_[at_] == '\n') ++at_;
    ++line_;
  }

  const std::string& text_;
  const std::string& file_;
  std::size_t at_ = 0;
  int line_ = 1;
};

}  // namespace

std::vector<CsvRow> parse_csv(const std::string& text, const std::string& file) {
  return CsvParser(text, file).rows();
}

}  // namespace proceedings

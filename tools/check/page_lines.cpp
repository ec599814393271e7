#include "check/page_lines.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "proceedings/text.hpp"

namespace proceedings::check {

namespace {

bool is_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int word_count(const std::string& s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool in_edge_band(const PdfLine& line, const PdfPage& page, double fraction_top, double fraction_bottom) {
  return line.box.y1 <= fraction_top * page.height || line.box.y0 >= fraction_bottom * page.height;
}

// Folios and the short references journals print: "3", "1:12", "Article 7".
bool looks_like_folio(const std::string& text) {
  static const std::regex folio(R"(^(\d+|\d+:\d+|[ivxlc]+|Article \d+|Page \d+( of \d+)?)$)", std::regex::icase);
  return std::regex_match(text, folio);
}

// The journals' running foot: "ACM Trans. Graph., Vol. 44, No. 6, Article 1. Publication date: ..."
bool looks_like_journal_foot(const std::string& text) {
  static const std::regex foot(R"(Vol\.\s*\S*,\s*No\.\s*\S*,\s*Article\s*\S*\.?\s*Publication date)");
  return std::regex_search(text, foot);
}

// Lines printed at the same height, in the same size, with the same words
// (folios aside) on several pages: running heads and feet. A bibliography's
// lines share heights across pages too, but not their words.
class RepeatedLines {
 public:
  explicit RepeatedLines(const std::vector<PdfPage>& pages) {
    for (const auto& page : pages)
      for (const auto& line : page.lines) at_[key(line)].insert(page.number);
  }
  int pages_with(const PdfLine& line) const {
    auto found = at_.find(key(line));
    return found == at_.end() ? 0 : static_cast<int>(found->second.size());
  }

 private:
  static std::tuple<long, long, std::string> key(const PdfLine& line) {
    // Folios stand at either end: "1:2 • Authors", "Title 3".
    const std::string& t = line.text;
    const auto folio_char = [](char c) { return (c >= '0' && c <= '9') || c == ':' || c == ' '; };
    std::size_t from = 0, to = t.size();
    while (from < to && folio_char(t[from])) ++from;
    while (to > from && folio_char(t[to - 1])) --to;
    return {std::lround(line.box.y0 / 2), std::lround(line.size * 2), t.substr(from, to - from)};
  }
  std::map<std::tuple<long, long, std::string>, std::set<int>> at_;
};

// Columns of small numbers beside the text: lineno's gutters (acmart's
// review option, most submission templates). Right-aligned numbers share x1.
std::set<const PdfLine*> line_number_gutters(const PdfPage& page) {
  std::map<long, std::vector<const PdfLine*>> by_edge;
  for (const auto& line : page.lines)
    if (is_digits(trim(line.text))) by_edge[std::lround(line.box.x1 / 3)].push_back(&line);
  std::set<const PdfLine*> numbers;
  for (const auto& [edge, lines] : by_edge)
    if (lines.size() >= 8) numbers.insert(lines.begin(), lines.end());
  for (const auto& line : page.lines) {
    const bool in_side_margin = line.box.x1 < 0.09 * page.width || line.box.x0 > 0.91 * page.width;
    if (is_digits(trim(line.text)) && in_side_margin) numbers.insert(&line);
  }
  return numbers;
}

class Sorter {
 public:
  Sorter(const std::vector<PdfPage>& pages, double body_size)
      : pages_(pages), body_size_(body_size), repeated_(pages), large_repeats_(count_large_repeats()) {}

  SortedLines run() {
    SortedLines out;
    for (const auto& page : pages_) {
      PdfPage kept = page;
      kept.lines.clear();
      const auto numbers = line_number_gutters(page);
      for (const auto& line : page.lines) {
        if (trim(line.text).empty()) continue;
        const LineRole role = numbers.count(&line) ? LineRole::line_number : role_of(line, page);
        if (role == LineRole::content) kept.lines.push_back(line);
        else out.set_aside.push_back({page.number, line, role});
      }
      out.pages.push_back(std::move(kept));
    }
    return out;
  }

 private:
  LineRole role_of(const PdfLine& line, const PdfPage& page) const {
    const std::string text = trim(line.text);
    if (!line.horizontal || is_draft_overlay(text)) return LineRole::overlay;
    if (body_size_ > 0 && line.size >= 2.5 * body_size_ && large_repeats_.count(text)) return LineRole::overlay;
    if (is_running_head(line, page, text)) return LineRole::running_head;
    return LineRole::content;
  }

  // Heads and feet sit at the page's top or bottom edge. Body text that a
  // changed geometry pushes there is set at body size in full sentences.
  bool is_running_head(const PdfLine& line, const PdfPage& page, const std::string& text) const {
    const bool small = body_size_ <= 0 || line.size < body_size_ - 0.4;
    const bool sentence = !small && word_count(text) >= 6;
    if (in_edge_band(line, page, 0.1, 0.93) && !sentence) return true;
    if (!in_edge_band(line, page, 0.15, 0.85)) return false;
    if (looks_like_folio(text) || looks_like_journal_foot(text)) return true;
    return small && repeated_.pages_with(line) >= 2;
  }

  // Large text repeated on several pages is a watermark, not a heading.
  std::set<std::string> count_large_repeats() const {
    std::map<std::string, std::set<int>> pages_of;
    for (const auto& page : pages_)
      for (const auto& line : page.lines)
        if (body_size_ > 0 && line.size >= 2.5 * body_size_) pages_of[trim(line.text)].insert(page.number);
    std::set<std::string> repeated;
    for (const auto& [text, on] : pages_of)
      if (on.size() >= 2) repeated.insert(text);
    return repeated;
  }

  const std::vector<PdfPage>& pages_;
  double body_size_;
  RepeatedLines repeated_;
  std::set<std::string> large_repeats_;
};

}  // namespace

bool is_draft_overlay(const std::string& text) {
  static const std::regex draft(R"(unpublished working draft|not for distribution|^\s*draft\s*$)", std::regex::icase);
  return std::regex_search(text, draft);
}

double dominant_size(const std::vector<PdfPage>& pages) {
  std::map<double, std::size_t> chars_at;
  for (const auto& page : pages)
    for (const auto& line : page.lines)
      if (line.horizontal && line.size > 0 && !in_edge_band(line, page, 0.1, 0.93))
        chars_at[std::round(line.size * 2) / 2] += line.text.size();
  if (chars_at.empty()) return 0;
  return std::max_element(chars_at.begin(), chars_at.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })->first;
}

SortedLines sort_lines(const std::vector<PdfPage>& pages, double body_size) { return Sorter(pages, body_size).run(); }

}  // namespace proceedings::check

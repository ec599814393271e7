#include "proceedings/check/page_lines.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "proceedings/check/text_match.hpp"
#include "proceedings/text.hpp"

namespace proceedings::check {

namespace {

// trim() as a view: the sorter trims every line several times.
std::string_view trimmed(const std::string& text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return std::string_view(text).substr(begin, end - begin);
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int word_count(std::string_view s) {
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
bool looks_like_folio(std::string_view text) { return match::is_folio(text); }

// The journals' running foot: "ACM Trans. Graph., Vol. 44, No. 6, Article 1. Publication date: ..."
bool looks_like_journal_foot(std::string_view text) { return match::has_journal_foot(text); }

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

// A number alone on its line, set narrow: a candidate line number.
bool is_number_line(const PdfLine& line) {
  const std::string_view text = trimmed(line.text);
  return is_digits(text) && text.size() <= 5 && line.box.width() < 4 * std::max(line.size, 1.0);
}

// Runs of values that lie within `reach` of their neighbour, as index lists.
std::vector<std::vector<std::size_t>> clusters(const std::vector<std::pair<double, std::size_t>>& sorted, double reach) {
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i == 0 || sorted[i].first - sorted[i - 1].first > reach) out.emplace_back();
    out.back().push_back(sorted[i].second);
  }
  return out;
}

// Line numbers count up down the page; a table's column of figures or
// stray numbers in the text do not, or not for long.
bool counts_down_the_page(std::vector<const PdfLine*> column) {
  std::sort(column.begin(), column.end(), [](const PdfLine* a, const PdfLine* b) { return a->box.y0 < b->box.y0; });
  std::size_t rising = 0;
  for (std::size_t i = 1; i < column.size(); ++i)
    if (std::stol(trim(column[i]->text)) > std::stol(trim(column[i - 1]->text))) ++rising;
  return column.size() > 1 && rising >= 0.8 * static_cast<double>(column.size() - 1);
}

// A gutter lies beside the text: few of the page's other lines reach into
// the column's x range (a table's figures sit under the text's lines).
bool beside_the_text(const std::vector<const PdfLine*>& column, const PdfPage& page) {
  double x0 = 1e9, x1 = -1e9;
  for (const PdfLine* line : column) x0 = std::min(x0, line->box.x0), x1 = std::max(x1, line->box.x1);
  std::size_t others = 0, overlapping = 0;
  for (const auto& line : page.lines) {
    if (is_number_line(line) || trimmed(line.text).empty()) continue;
    ++others;
    if (line.box.x0 < x1 - 0.5 && line.box.x1 > x0 + 0.5) ++overlapping;
  }
  return overlapping <= 0.1 * static_cast<double>(others);
}

// Line-number gutters (lineno, acmart's review option, most submission
// templates): numbers alone on their lines, aligned on their left or right
// edge in a narrow column beside the text, counting up down the page.
std::set<const PdfLine*> line_number_gutters(const PdfPage& page) {
  std::vector<const PdfLine*> candidates;
  for (const auto& line : page.lines)
    if (is_number_line(line)) candidates.push_back(&line);
  std::set<const PdfLine*> numbers;
  for (const bool by_left_edge : {true, false}) {
    std::vector<std::pair<double, std::size_t>> edges;
    for (std::size_t i = 0; i < candidates.size(); ++i)
      edges.emplace_back(by_left_edge ? candidates[i]->box.x0 : candidates[i]->box.x1, i);
    std::sort(edges.begin(), edges.end());
    for (const auto& members : clusters(edges, 1.5)) {
      if (members.size() < 4) continue;
      std::vector<const PdfLine*> column;
      for (std::size_t i : members) column.push_back(candidates[i]);
      if (counts_down_the_page(column) && beside_the_text(column, page)) numbers.insert(column.begin(), column.end());
    }
  }
  for (const auto& line : page.lines) {
    const bool in_side_margin = line.box.x1 < 0.09 * page.width || line.box.x0 > 0.91 * page.width;
    if (is_digits(trimmed(line.text)) && in_side_margin) numbers.insert(&line);
  }
  return numbers;
}

// Copying the page's lines only to drop them was a visible share of a check.
PdfPage without_lines(const PdfPage& page) {
  PdfPage copy;
  copy.number = page.number;
  copy.width = page.width;
  copy.height = page.height;
  copy.images = page.images;
  copy.links = page.links;
  return copy;
}

// A head stands apart from the text it heads: the next row of text below
// it (above a foot) is more than half a line away, not at the leading.
bool stands_apart(const PdfLine& line, const PdfPage& page) {
  const bool head = line.box.y1 <= page.height / 2;
  const double centre = (line.box.y0 + line.box.y1) / 2;
  double gap = 1e9;
  for (const auto& other : page.lines) {
    const double other_centre = (other.box.y0 + other.box.y1) / 2;
    const bool next_row = head ? other_centre > centre + 0.5 * line.size : other_centre < centre - 0.5 * line.size;
    if (next_row && !trimmed(other.text).empty())
      gap = std::min(gap, head ? other.box.y0 - line.box.y1 : line.box.y0 - other.box.y1);
  }
  return gap >= 0.5 * line.size;
}

// Where a page's lines of body text begin and end across (line numbers
// aside); not found on a page without body text.
struct TextSpan {
  double x0 = 1e9, x1 = -1e9;
  bool found() const { return x0 <= x1; }
};

TextSpan text_span(const PdfPage& page, double body_size) {
  TextSpan span;
  for (const auto& line : page.lines)
    if (line.horizontal && std::fabs(line.size - body_size) <= 1 && !is_number_line(line) && !trimmed(line.text).empty())
      span.x0 = std::min(span.x0, line.box.x0), span.x1 = std::max(span.x1, line.box.x1);
  return span;
}

// A stamp stands alone in its margin; a margin figure (sigchi-a's) has its
// caption and axis text beside its turned label.
bool alone_in_margin(const PdfLine& line, const PdfPage& page, const TextSpan& span) {
  const bool left = line.box.x1 <= span.x0 + 1;
  for (const auto& other : page.lines) {
    if (!other.horizontal || is_number_line(other) || trimmed(other.text).empty()) continue;
    const bool in_margin = left ? other.box.x1 <= span.x0 + 1 : other.box.x0 >= span.x1 - 1;
    if (in_margin && other.box.y1 >= line.box.y0 - 40 && other.box.y0 <= line.box.y1 + 40) return false;
  }
  return true;
}

// Turned text alone in a side margin, beside the page's text: a stamp
// (arXiv's identifier, a conference's mark), not a label of a figure.
bool beside_the_text(const PdfLine& line, const PdfPage& page, const TextSpan& span) {
  if (!span.found()) return line.box.x1 < 0.12 * page.width || line.box.x0 > 0.88 * page.width;
  const bool in_margin = line.box.x1 <= span.x0 + 1 || line.box.x0 >= span.x1 - 1;
  return in_margin && alone_in_margin(line, page, span);
}

// Turned lines with the same text at the same place on most pages.
class RepeatedTurned {
 public:
  explicit RepeatedTurned(const std::vector<PdfPage>& pages) : page_count_(pages.size()) {
    for (const auto& page : pages)
      for (const auto& line : page.lines)
        if (!line.horizontal) at_[key(line)].insert(page.number);
  }
  bool on_most_pages(const PdfLine& line) const {
    auto found = at_.find(key(line));
    const std::size_t pages = found == at_.end() ? 0 : found->second.size();
    return pages >= std::min<std::size_t>(3, page_count_) && 2 * pages >= page_count_;
  }

 private:
  static std::tuple<long, long, std::string> key(const PdfLine& line) {
    return {std::lround(line.box.x0 / 3), std::lround(line.box.y0 / 3), trim(line.text)};
  }
  std::size_t page_count_;
  std::map<std::tuple<long, long, std::string>, std::set<int>> at_;
};

class Sorter {
 public:
  Sorter(const std::vector<PdfPage>& pages, double body_size)
      : pages_(pages), body_size_(body_size), repeated_(pages), repeated_turned_(pages),
        large_repeats_(count_large_repeats()) {}

  SortedLines run() {
    SortedLines out;
    for (const auto& page : pages_) {
      PdfPage kept = without_lines(page);
      const auto numbers = line_number_gutters(page);
      const TextSpan span = text_span(page, body_size_);
      for (const auto& line : page.lines) {
        if (trimmed(line.text).empty()) continue;
        const LineRole role = numbers.count(&line) ? LineRole::line_number : role_of(line, page, span);
        if (role == LineRole::content) kept.lines.push_back(line);
        else out.set_aside.push_back({page.number, line, role});
      }
      out.pages.push_back(std::move(kept));
    }
    return out;
  }

 private:
  LineRole role_of(const PdfLine& line, const PdfPage& page, const TextSpan& span) const {
    const std::string_view text = trimmed(line.text);
    if (match::is_draft_overlay_text(text)) return LineRole::overlay;
    if (!line.horizontal) return turned_role(line, page, span);
    if (body_size_ > 0 && line.size >= 2.5 * body_size_ && large_repeats_.count(text)) return LineRole::overlay;
    if (is_running_head(line, page, text)) return LineRole::running_head;
    return LineRole::content;
  }

  // A watermark or stamp is large, beside the text or on most pages at one
  // place; turned text among the lines is a figure's axis label or a
  // table's turned head.
  LineRole turned_role(const PdfLine& line, const PdfPage& page, const TextSpan& span) const {
    const bool large = body_size_ > 0 && line.size >= 2 * body_size_;
    if (large || beside_the_text(line, page, span) || repeated_turned_.on_most_pages(line)) return LineRole::overlay;
    return LineRole::figure_text;
  }

  // Heads and feet sit at the page's top or bottom edge. Body text that a
  // changed geometry pushes there is set at body size in full sentences.
  bool is_running_head(const PdfLine& line, const PdfPage& page, std::string_view text) const {
    const bool small = body_size_ <= 0 || line.size < body_size_ - 0.4;
    // Counted only for a line in the band, not for every line.
    const auto sentence = [&] { return !small && word_count(text) >= 6; };
    // A References heading that a page's top margin leaves high (an 11 pt paper) heads the list, not the page.
    const auto references = [&] { return !small && !match::reference_heading_word(std::string(text)).empty(); };
    if (in_edge_band(line, page, 0.1, 0.93) && !sentence() && !references()) return true;
    if (!in_edge_band(line, page, 0.15, 0.85)) return false;
    if (looks_like_folio(text) || looks_like_journal_foot(text)) return true;
    if (small) return repeated_.pages_with(line) >= 2;
    // Heads an author set at body size (fancyhdr's default) repeat too, apart from the text.
    return repeated_.pages_with(line) >= 3 && stands_apart(line, page);
  }

  // Large text repeated on several pages is a watermark, not a heading.
  std::set<std::string, std::less<>> count_large_repeats() const {
    std::map<std::string, std::set<int>> pages_of;
    for (const auto& page : pages_)
      for (const auto& line : page.lines)
        if (body_size_ > 0 && line.size >= 2.5 * body_size_) pages_of[trim(line.text)].insert(page.number);
    std::set<std::string, std::less<>> repeated;
    for (const auto& [text, on] : pages_of)
      if (on.size() >= 2) repeated.insert(text);
    return repeated;
  }

  const std::vector<PdfPage>& pages_;
  double body_size_;
  RepeatedLines repeated_;
  RepeatedTurned repeated_turned_;
  std::set<std::string, std::less<>> large_repeats_;
};

}  // namespace

bool is_draft_overlay(const std::string& text) {
  return match::is_draft_overlay_text(text);
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

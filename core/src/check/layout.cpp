#include "proceedings/check/layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "proceedings/text.hpp"

namespace proceedings::check {

namespace {

// How many of the sorted `values` lie within `reach` of values[i].
std::size_t support(const std::vector<double>& values, std::size_t i, double reach) {
  const auto lo = std::lower_bound(values.begin(), values.end(), values[i] - reach);
  const auto hi = std::upper_bound(values.begin(), values.end(), values[i] + reach);
  return static_cast<std::size_t>(hi - lo);
}

// Within 3 pt inward of values[i], the value most others share: justified
// lines end exactly at the edge, hyphens that microtype lets hang end past it.
double densest_near(const std::vector<double>& values, std::size_t i, bool inward_is_up) {
  double best = values[i];
  std::size_t best_support = 0;
  for (std::size_t j = i; j < values.size() && std::fabs(values[j] - values[i]) <= 3; inward_is_up ? ++j : --j) {
    const std::size_t here = support(values, j, 0.25);
    if (here > best_support) best = values[j], best_support = here;
    if (!inward_is_up && j == 0) break;
  }
  return best;
}

// The smallest (or largest) value that at least `needed` values share.
double shared_extreme(std::vector<double> values, std::size_t needed, double reach, bool smallest) {
  std::sort(values.begin(), values.end());
  if (values.empty()) return 0;
  needed = std::min(needed, values.size());
  const std::size_t n = values.size();
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = smallest ? k : n - 1 - k;
    if (support(values, i, reach) >= needed) return densest_near(values, i, smallest);
  }
  return smallest ? values.front() : values.back();
}

// Vertical edges are measured on baselines, so a title's larger letters
// do not count as reaching into the top margin.
double baseline(const PdfLine& line) { return line.box.y1 - 0.2 * line.size; }

}  // namespace

namespace {

struct Measured {
  bool found = false;
  Box box;
};

// Left and right edges of the pages of one parity (1 odd, 0 even); top and
// bottom baselines of all pages, since two-sided layouts mirror only sideways.
Measured measure_pages(const std::vector<PdfPage>& pages, int parity) {
  std::vector<double> lefts, rights, tops, bottoms;
  for (const auto& page : pages) {
    double top = 1e9, bottom = -1e9;
    for (const auto& line : page.lines) {
      if (page.number % 2 == parity) {
        lefts.push_back(line.box.x0);
        rights.push_back(line.box.x1);
      }
      top = std::min(top, baseline(line));
      bottom = std::max(bottom, baseline(line));
    }
    if (!page.lines.empty()) {
      tops.push_back(top);
      bottoms.push_back(bottom);
    }
  }
  Measured block;
  if (lefts.empty()) return block;
  const std::size_t lines_needed = std::max<std::size_t>(3, lefts.size() / 25);
  const std::size_t pages_needed = std::max<std::size_t>(2, tops.size() / 4);
  block.found = true;
  block.box = {shared_extreme(lefts, lines_needed, 0.75, true), shared_extreme(tops, pages_needed, 1.5, true),
               shared_extreme(rights, lines_needed, 0.75, false), shared_extreme(bottoms, pages_needed, 1.5, false)};
  return block;
}

}  // namespace

TextBlock measure_text_block(const std::vector<PdfPage>& pages) {
  const Measured odd = measure_pages(pages, 1), even = measure_pages(pages, 0);
  TextBlock block;
  block.found = odd.found || even.found;
  block.odd = odd.found ? odd.box : even.box;
  block.even = even.found ? even.box : odd.box;
  block.odd_measured = odd.found;
  block.even_measured = even.found;
  return block;
}

namespace {

// The value most of `values` share, to the nearest quarter point.
double most_shared(const std::vector<double>& values) {
  std::map<long, std::size_t> counts;
  for (double v : values) counts[std::lround(v * 4)]++;
  const auto best = std::max_element(counts.begin(), counts.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
  return static_cast<double>(best->first) / 4;
}

}  // namespace

double measure_column_gap(const std::vector<PdfPage>& pages, const TextBlock& text_block) {
  if (!text_block.found) return 0;
  std::vector<double> left_ends, right_starts;
  for (const auto& page : pages) {
    const Box& block = text_block.on_page(page.number);
    const double mid = (block.x0 + block.x1) / 2;
    for (const auto& line : page.lines) {
      // Full lines of a column start (left) or end (right) at the block's edge.
      if (std::fabs(line.box.x0 - block.x0) <= 1.5 && line.box.x1 < mid && line.box.x1 > block.x0 + 0.3 * (mid - block.x0))
        left_ends.push_back(line.box.x1);
      if (std::fabs(line.box.x1 - block.x1) <= 1.5 && line.box.x0 > mid && line.box.x0 < block.x1 - 0.3 * (block.x1 - mid))
        right_starts.push_back(line.box.x0);
    }
  }
  if (left_ends.size() < 10 || right_starts.size() < 10) return 0;
  return most_shared(right_starts) - most_shared(left_ends);
}

std::vector<Intrusion> find_intrusions(const std::vector<PdfPage>& pages, const TextBlock& text_block,
                                       double tolerance) {
  std::vector<Intrusion> found;
  if (!text_block.found) return found;
  for (const auto& page : pages)
    for (const auto& line : page.lines) {
      const Box& block = text_block.on_page(page.number);
      const Box& b = line.box;
      const std::pair<const char*, double> beyond[] = {{"left", block.x0 - b.x0},
                                                       {"right", b.x1 - block.x1},
                                                       {"top", block.y0 - baseline(line)},
                                                       {"bottom", baseline(line) - block.y1}};
      const auto worst = std::max_element(std::begin(beyond), std::end(beyond),
                                          [](const auto& a, const auto& c) { return a.second < c.second; });
      if (worst->second > tolerance) found.push_back({page.number, worst->first, worst->second, b, trim(line.text)});
    }
  return found;
}

LinePlace line_place(const PdfPage& page, const Box& box, int columns) {
  const auto column_of = [&](const Box& b) { return columns == 2 && b.x0 >= page.width / 2 - 1 ? 2 : 1; };
  LinePlace place{column_of(box), 0};
  std::vector<double> bottoms;  // of the lines in the same column down to this one
  for (const auto& line : page.lines)
    if (column_of(line.box) == place.column && line.box.y1 <= box.y1 + 0.5) bottoms.push_back(line.box.y1);
  std::sort(bottoms.begin(), bottoms.end());
  double last = -1e9;
  for (const double bottom : bottoms)
    if (bottom - last > 2) ++place.line, last = bottom;  // a line set in pieces (a formula, a label) counts once
  place.line = std::max(place.line, 1);
  return place;
}

// A changed layout moves many lines to one new edge, page after page; TeX's
// overfull lines (a long URL, a verbatim line) end wherever their words do.
bool systematic(const std::vector<Intrusion>& intrusions, std::size_t line_count) {
  std::set<int> pages;
  for (const auto& i : intrusions) pages.insert(i.page);
  if (pages.size() < 2) return false;
  if (intrusions.size() >= std::max<std::size_t>(6, line_count / 50)) return true;
  std::map<std::pair<std::string, long>, std::multiset<int>> pages_at_edge;  // one entry per line
  for (const auto& i : intrusions) pages_at_edge[{i.side, std::lround(i.depth)}].insert(i.page);
  return std::any_of(pages_at_edge.begin(), pages_at_edge.end(), [](const auto& edge) {
    const auto& lines = edge.second;
    return lines.size() >= 3 && *lines.begin() != *lines.rbegin();
  });
}

}  // namespace proceedings::check

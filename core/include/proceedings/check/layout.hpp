#pragma once
// The text block as the pages show it, and the lines that leave it.
#include <string>
#include <vector>

#include "proceedings/pdf.hpp"

namespace proceedings::check {

// Edges most lines share: where justified text starts and ends, where full
// pages begin and end. One overfull line does not move them. Two-sided
// layouts (acmart's manuscript) shift the block between odd and even pages.
struct TextBlock {
  bool found = false;
  Box odd, even;  // points from the top left of the page; y0 and y1 are the first and last baselines
  bool odd_measured = false, even_measured = false;  // a one-page paper has no even page to measure
  const Box& on_page(int number) const { return number % 2 ? odd : even; }
};

TextBlock measure_text_block(const std::vector<PdfPage>& content_pages);

// The space between two columns (points): from where most full lines of
// the left column end to where most of the right column's start; 0 when
// the pages show no such pair of edges.
double measure_column_gap(const std::vector<PdfPage>& content_pages, const TextBlock& block);

// A line that runs past the block into a margin.
// Where a line is as its authors count: its column (1, or 2 for the right
// one of two) and its line in that column from the top of the page (1-based,
// lines on one baseline counted once), so that a notice can say "page 6,
// line 12 of the left column" instead of giving coordinates.
struct LinePlace {
  int column = 1;
  int line = 0;
};
// The place of `box` among the lines of `page` (its content lines) in a paper set in `columns` columns.
LinePlace line_place(const PdfPage& page, const Box& box, int columns);

struct Intrusion {
  int page = 0;
  std::string side;  // left, right, top, bottom
  double depth = 0;  // points beyond the block's edge
  Box box;
  std::string text;
  LinePlace place = {};  // set by the analysis, which knows the columns
};

// Lines further than `tolerance` points beyond `block` (microtype lets
// punctuation hang about 1-2 pt into the margin by design).
std::vector<Intrusion> find_intrusions(const std::vector<PdfPage>& content_pages, const TextBlock& block,
                                       double tolerance = 3.0);

// Systematic: on two pages or more, and either many lines (2 % of them, at
// least 6) or three lines at one common depth; else isolated overfull lines.
bool systematic(const std::vector<Intrusion>& intrusions, std::size_t line_count = 0);

}  // namespace proceedings::check

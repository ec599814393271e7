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
struct Intrusion {
  int page = 0;
  std::string side;  // left, right, top, bottom
  double depth = 0;  // points beyond the block's edge
  Box box;
  std::string text;
};

// Lines further than `tolerance` points beyond `block` (microtype lets
// punctuation hang about 1-2 pt into the margin by design).
std::vector<Intrusion> find_intrusions(const std::vector<PdfPage>& content_pages, const TextBlock& block,
                                       double tolerance = 3.0);

// Systematic: on two pages or more, and either many lines (2 % of them, at
// least 6) or three lines at one common depth; else isolated overfull lines.
bool systematic(const std::vector<Intrusion>& intrusions, std::size_t line_count = 0);

}  // namespace proceedings::check

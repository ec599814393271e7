#pragma once
// Sorting a page's lines: the text the authors wrote, and what a class,
// a draft mode or a service prints around or over it (running heads and
// feet, line-number gutters, watermarks and draft overlays), which the
// layout and page analysis must not read as body text.
#include <string>
#include <vector>

#include "proceedings/pdf.hpp"

namespace proceedings::check {

// figure_text: turned text among the lines (a plot's axis label, a table's
// turned head), neither body text nor a watermark.
enum class LineRole { content, running_head, line_number, overlay, figure_text };

struct SetAsideLine {
  int page = 0;
  PdfLine line;
  LineRole role = LineRole::content;
};

struct SortedLines {
  std::vector<PdfPage> pages;           // the input pages with only their content lines
  std::vector<SetAsideLine> set_aside;  // everything else, with its role
};

// `body_size` is the size most text is set in (points).
SortedLines sort_lines(const std::vector<PdfPage>& pages, double body_size);

// The size most characters are set in, to the nearest half point, over
// horizontal lines away from the top and bottom edges.
double dominant_size(const std::vector<PdfPage>& pages);

// True for an overlay that marks a draft ("Unpublished working draft", "DRAFT").
bool is_draft_overlay(const std::string& text);

}  // namespace proceedings::check

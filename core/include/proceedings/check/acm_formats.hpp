#pragma once
// acmart's formats as the class lays them out (acmart 1.88, from the
// \geometry call and the default font size of each format), and which of
// them a paper's pages show.
#include <optional>
#include <string>
#include <vector>

#include "proceedings/check/layout.hpp"

namespace proceedings::check {

struct AcmFormat {
  std::string name;
  double paper_width = 0, paper_height = 0;  // points
  int columns = 1;
  double body_pt = 0;
  double inner = 0, outer = 0;  // side margins (points): left and right on odd pages
  bool two_sided = true;        // even pages mirror the margins
  bool journal = false;   // prints "<journal>, Vol. v, No. n, Article a. Publication date: ..."
  double bottom_margin = 0;  // geometry's bottom margin (points); 0 where acmart leaves it to geometry
  double column_gap = 0;     // space between the columns (points); 0: not judged
  bool mixed_case_heads = false;  // section heads as written ("References"), not in capitals
  bool serif_title = false;       // the title in the text face, not in the sans (Biolinum)
  double left_margin(int page) const { return page % 2 || !two_sided ? inner : outer; }
  double right_margin(int page) const { return page % 2 || !two_sided ? outer : inner; }
};

const std::vector<AcmFormat>& acm_formats();
const AcmFormat* acm_format_named(const std::string& name);

// ACM's Word templates, as their own instructions give the page: the
// two-column proceedings page ("interim", the Interim Layout) and the
// one-column submission manuscript ("submission").
const std::vector<AcmFormat>& acm_word_layouts();
const AcmFormat* acm_word_layout_named(const std::string& name);

// What the pages show, as the analysis measured it.
struct PageEvidence {
  double paper_width = 0, paper_height = 0;
  int columns = 0;
  double body_pt = 0;
  TextBlock block;
  std::vector<std::string> running_heads;  // text of running heads and feet
  bool synopsis = false;                   // the abstract is headed "Synopsis" (acmengage's name for it)
  bool abstract_heading = false;           // the abstract is headed "Abstract": only the conference formats head it
  std::optional<bool> capital_heads;       // the References heading in capitals, where there is one
  std::optional<bool> sans_title;          // the title in a sans face, where its font says
};

struct FormatMatch {
  std::string format;  // "" when no format fits the paper size
  std::vector<std::string> evidence;
};

FormatMatch match_acm_format(const PageEvidence& seen);

// Are the section heads set in capitals? Read on the last References
// heading at body size or larger; none: not known.
std::optional<bool> capital_heads(const std::vector<PdfPage>& pages, double body_pt);

// Is the title (the largest line of the first page) set in a sans face?
// Not known when its font's name does not say.
std::optional<bool> sans_title(const PdfPage& first);

// Does some acmart format's page (paper, columns, side margins) fit?
bool fits_an_acm_page(const PageEvidence& seen);

// Does the measured block keep `format`'s side margins (within `tolerance`
// pt) on a page `page_width` wide? geometry keeps the margins on other paper.
bool block_matches(const AcmFormat& format, const TextBlock& block, double page_width, double tolerance = 2.5);

}  // namespace proceedings::check

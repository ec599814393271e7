#pragma once
// Drawing on and of a PDF's pages with MuPDF: a copy with annotations for
// authors to open in any viewer, and page images for reports.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/pdf.hpp"

namespace proceedings {

struct PdfMark {
  enum Kind { square, note } kind = square;
  int page = 1;        // 1-based
  Box box;             // points from the page's top left; a note uses the top left corner
  std::string text;    // the annotation's contents (the popup text)
  float rgb[3] = {0.85f, 0.1f, 0.1f};
};

// Writes a copy of `in` with `marks` as PDF annotations (Square, Text) with
// appearance streams, atomically to `out`. `in` is only read.
void write_annotated_copy(const std::filesystem::path& in, const std::filesystem::path& out,
                          const std::vector<PdfMark>& marks);

// Page `page` (1-based) of `file` as a PNG image, `dpi` dots per inch, or
// fewer where the image would have more than `max_pixels` pixels (a page
// can be 200 inches wide).
std::string render_page_png(const std::filesystem::path& file, int page, double dpi, double max_pixels = 1e6);

// The scale from points to pixels for such an image.
double image_zoom(double width, double height, double dpi, double max_pixels);

}  // namespace proceedings

#pragma once
// Text lines of one page, read straight from its content streams. MuPDF's
// own text device loads every embedded font into FreeType and bounds every
// glyph; the checks need only origins, sizes, advances and Unicode, which
// the font dictionaries give without loading any font program.
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "proceedings/pdf.hpp"

namespace proceedings::detail {

// "ABCDEF+LinLibertineT" -> "LinLibertineT": the subset tag is not the font's name.
std::string without_subset_prefix(const std::string& name);

class FontTable;

struct ScannedPage {
  std::vector<PdfLine> lines;
  int images = 0;
  std::vector<PdfPicture> pictures;
};

// Fonts are cached per document: create one scanner per open document.
class PageTextScanner {
 public:
  PageTextScanner(fz_context* ctx, pdf_document* doc, std::string file);
  ~PageTextScanner();
  PageTextScanner(const PageTextScanner&) = delete;
  PageTextScanner& operator=(const PageTextScanner&) = delete;

  ScannedPage scan(pdf_page* page);

 private:
  fz_context* ctx_;
  pdf_document* doc_;
  std::string file_;
  std::unique_ptr<FontTable> fonts_;
};

}  // namespace proceedings::detail

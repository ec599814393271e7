#pragma once
// Lossless page work with qpdf: stamping papers and assembling the book.
// Pages are copied as they are: fonts, links and annotations stay intact.
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "build/folio.hpp"

namespace proceedings::build {

// Draws the folio (`venue` left, the book page number right) on every page
// of `paper`, numbered from `first_page`, and writes the result to `out`
// (atomically). The folio font is embedded once per paper, the same bytes
// in every paper, so that the book keeps one copy. Named link destinations
// become explicit page references on the way, so that the paper's own links
// still work once its pages join the book. With `segment`, the stamped pages
// are also kept there as the book's part (proceedings/pdf_segment.hpp).
class Stamper {
 public:
  // `watermark` (a draft's "DRAFT"), when given, is drawn across every page
  // in outline letters that leave the text below readable; `font` must have its glyphs.
  Stamper(const FolioFont& font, std::string venue, std::string watermark = "");
  void stamp(const std::filesystem::path& paper, int first_page, const std::filesystem::path& out,
             const std::filesystem::path& segment = {}) const;

 private:
  const FolioFont& font_;
  std::string venue_;
  std::string watermark_;
};

struct OutlineItem {
  std::string title;
  int page = 0;  // 0-based page index in the book
  std::vector<OutlineItem> children;
};

// Text to draw onto a page, right-aligned at `right_x` on the baseline
// `baseline_y` (PDF units from the page's lower left).
struct PlacedText {
  int page = 0;  // 1-based
  double right_x = 0, baseline_y = 0;
  std::string text;
};

// The front matter and the author index, typeset as one PDF in which the
// index starts after page `front_pages`: `texts` are printed on it in `font`
// at 10 pt (the contents' page numbers LaTeX could not know yet), its
// "book-page:N" links become links to book pages, and it is kept as the
// book's two parts (`front_segment`, `back_segment`) and as the front matter
// alone (`front_pdf`). Returns the author index's page count.
// A volume's typeset document also holds each workshop's own pages between
// the front matter and the index: they start at the 0-based pages
// `part_starts` and are kept as `part_segments`, one each.
struct TypesetFiles {
  std::filesystem::path front_pdf, front_segment, back_segment;
  std::vector<std::filesystem::path> part_segments = {};
};
int split_typeset(const std::filesystem::path& typeset, int front_pages, const FolioFont& font,
                  const std::vector<PlacedText>& texts, const TypesetFiles& out, const std::vector<int>& part_starts = {});

// Pages of the book's own between papers (a volume's part for a workshop):
// not counted in the papers' arabic numbers, labelled `label` i, ii, ...
struct Interlude {
  std::filesystem::path segment;
  std::size_t before_paper = 0;  // index in BookParts::papers; papers.size(): before the back
  std::string label;             // page label prefix, "ExHetAI'25 "
};

// The book's parts as segment files (proceedings/pdf_segment.hpp), in order.
struct BookParts {
  std::filesystem::path front;
  std::vector<std::filesystem::path> papers;  // stamped
  std::filesystem::path back;
  std::vector<OutlineItem> outline;
  std::string title;    // document Info
  std::string subject;
  std::string author = {};  // the editors (the organizers), "A, B and C"
  std::vector<Interlude> interludes = {};  // in order
};

// Writes the whole book to `out` (atomically) by numbering the parts' objects
// and copying their bytes, one part in memory at a time: roman page labels
// for the front matter, arabic from the first paper on (interludes labelled
// apart, the papers' numbers running on across them), the outline, the
// Info dictionary and XMP. Font programs and images that several parts
// embed alike are written once.
void assemble_book(const BookParts& parts, const std::filesystem::path& out);

}  // namespace proceedings::build

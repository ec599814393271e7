#pragma once
// Lossless page work with qpdf: stamping papers and assembling the book.
// Pages are copied as they are: fonts, links and annotations stay intact.
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "book/folio.hpp"

namespace proceedings::book {

// Draws the folio (`venue` left, the book page number right) on every page
// of `paper`, numbered from `first_page`, and writes the result to `out`
// (atomically). The folio font is embedded once per paper, the same bytes
// in every paper, so that the book keeps one copy. Named link destinations
// become explicit page references on the way, so that the paper's own links
// still work once its pages join the book.
class Stamper {
 public:
  Stamper(const FolioFont& font, std::string venue);
  void stamp(const std::filesystem::path& paper, int first_page, const std::filesystem::path& out) const;

 private:
  const FolioFont& font_;
  std::string venue_;
};

struct OutlineItem {
  std::string title;
  int page = 0;  // 0-based page index in the book
  std::vector<OutlineItem> children;
};

struct BookParts {
  std::filesystem::path front;
  std::vector<std::filesystem::path> papers;  // stamped
  std::filesystem::path back;
  std::vector<OutlineItem> outline;
  std::string title;    // document Info
  std::string subject;
  std::string author = {};  // the editors (the organizers), "A, B and C"
};

// Writes the whole book to `out`: roman page labels for the front matter,
// arabic from the first paper on, the outline, and the Info dictionary.
void assemble_book(const BookParts& parts, const std::filesystem::path& out);

}  // namespace proceedings::book

#pragma once
// Lossless page work with qpdf: stamping papers and assembling the book.
// Pages are copied as they are: fonts, links and annotations stay intact.
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace proceedings::book {

// Overlays pages [first_stamp, first_stamp + pages of `paper`) of the stamps
// PDF onto the pages of `paper`, and writes the result to `out` (atomically).
// One Stamper per thread: it keeps the stamps PDF open between papers.
// Named link destinations become explicit page references on the way, so
// that the paper's own links still work once its pages join the book.
class Stamper {
 public:
  explicit Stamper(const std::filesystem::path& stamps);
  ~Stamper();
  Stamper(const Stamper&) = delete;
  Stamper& operator=(const Stamper&) = delete;
  void stamp(const std::filesystem::path& paper, int first_stamp, const std::filesystem::path& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
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

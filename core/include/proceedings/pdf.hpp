#pragma once
// Extract: what a PDF contains, read with MuPDF. No rule lives here; the
// analysers (check, meta, build) judge these facts.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace proceedings {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, origin top left, y downwards
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

struct PdfLine {
  Box box;
  double size = 0;   // font size of most of the line's characters
  std::string font;  // font of most of the line's characters, subset prefix removed
  std::string text;  // UTF-8
  std::string plain;  // text without glyphs set small above the baseline (footnote marks)
  bool horizontal = true;  // the baseline runs left to right (a watermark or margin stamp is turned)
};

struct PdfLink {
  Box box;
  std::string uri;  // external links only
};

// Where an image XObject is drawn; `object` tells one picture from another
// (the same picture drawn twice has the same number).
struct PdfPicture {
  Box box;
  int object = 0;
};

struct PdfPage {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<PdfLine> lines;  // in MuPDF's reading order
  int images = 0;
  std::vector<PdfPicture> pictures;  // image XObjects drawn (inline images are counted only)
  std::vector<PdfLink> links;
};

struct PdfFont {
  std::string name;     // BaseFont without subset prefix
  std::string subtype;  // Type1, TrueType, Type0, Type3, ...
  bool embedded = false;
};

// Content that can act on a reader's machine or reach outside the file.
struct PdfHazard {
  std::string kind;  // javascript, launch, submit-form, import-data, remote-goto, embedded-file, rich-media
  int object = 0;
};

struct PdfFacts {
  std::string version;  // "1.5"
  bool encrypted = false;
  std::map<std::string, std::string> info;  // Info dictionary: Title, Author, Creator, ...
  std::string xmp;                          // the catalog's XMP packet, if any
  std::vector<PdfPage> pages;
  std::vector<PdfFont> fonts;
  std::vector<PdfHazard> hazards;
  // What was wrong with the file where it was read anyway, one sentence
  // each: a page tree whose /Count is off (its pages are counted by walking
  // the tree), objects MuPDF could not read that qpdf could (its rewrite was read).
  std::vector<std::string> repairs;
  bool over_page_limit = false;  // the file holds more pages than were read (PdfReadOptions::max_pages)
};

// No paper, and no part of a book, has more pages: a reader stops there, so
// that a small file whose pages all name one page object costs little.
constexpr int max_pdf_pages = 1000;

struct PdfReadOptions {
  bool text = true;  // false: structure only (fonts, hazards, sizes), no text extraction
  int max_pages = max_pdf_pages;  // the pages read; PdfFacts::over_page_limit says when there were more
};

// Why `file` cannot be a complete PDF, from its raw bytes, or empty when it
// can: not a regular file, empty, no %PDF- header in the first 1024 bytes,
// no %%EOF in the last 1024, or a startxref that points anywhere but at a
// cross-reference section. Cheap, and clearer than MuPDF's repair would be.
std::string pdf_envelope_problem(const std::filesystem::path& file);

// One reader per thread: it owns a MuPDF context, which is not shared.
class PdfReader {
 public:
  PdfReader();
  ~PdfReader();
  PdfReader(const PdfReader&) = delete;
  PdfReader& operator=(const PdfReader&) = delete;

  // Throws an input Error naming the file and why it cannot be read
  // (empty, not a PDF, truncated, damaged, password-protected). A file
  // MuPDF fails on past those checks is read from qpdf's rewrite, if qpdf
  // reads it without repairing it (PdfFacts::repairs says so).
  PdfFacts read(const std::filesystem::path& file, const PdfReadOptions& options = {});
  // Only the pages, by walking the page tree (not from its /Count); the same
  // errors as read(), and one for more than max_pdf_pages pages.
  int page_count(const std::filesystem::path& file);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace proceedings

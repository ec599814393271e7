#pragma once
// A part of the book (a stamped paper, the front matter, the author index)
// serialized once as PDF object text whose references are left open, so that
// the book is written by numbering and concatenating parts: a rebuild
// serializes only the parts that changed and copies the others' bytes.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <qpdf/QPDF.hh>

namespace proceedings {

// Where a reference points, filled in when the book numbers its objects.
enum class HoleKind : char {
  local = 'L',      // an object of this segment (pages first)
  shared = 'S',     // a stream kept once in the book (font programs, images), by digest
  book_page = 'P',  // the page object of arabic book page N (links of the front matter and index)
  pages_root = 'R'  // the book's /Pages node (every page's /Parent)
};

struct Hole {
  std::size_t at = 0;  // byte offset in Segment::text
  HoleKind kind = HoleKind::local;
  long value = 0;
};

struct SharedStream {
  std::string digest;  // of its dictionary and bytes: equal streams of different parts are one object
  std::size_t length = 0;
};

struct Segment {
  std::string pdf_version;  // of the part's source
  int pages = 0;            // local objects 0 .. pages-1 are its pages, in order
  std::vector<std::size_t> object_lengths;  // local object bodies, one after another in `text`
  std::vector<SharedStream> shared;         // their bodies follow the local objects in `text`
  std::vector<Hole> holes;                  // sorted by offset; none inside a shared body
  std::string text;
};

// Serializes every page of `pdf` and what the pages reach (except their
// parents). Inherited page attributes are pushed onto the pages first. A
// link whose action is a "book-page:N" URI becomes a link to book page N.
Segment make_segment(QPDF& pdf);
// Pages `first` (0-based) to `first + count - 1` only; a reference to one of
// the source's other pages (a link's target) becomes null.
Segment make_segment(QPDF& pdf, std::size_t first, std::size_t count);

// The whole document, for a PDF file of its own (write_document): object 0
// is the catalog, object 1 the document Info when there is one; every
// reference is to an object of the segment, and nothing is shared.
struct DocumentSegment {
  Segment segment;
  bool has_info = false;
};
DocumentSegment make_document_segment(QPDF& pdf);

// The segment file format: a short text header, then the bytes. A file that
// does not parse is an input Error naming it.
void save_segment(const Segment& segment, const std::filesystem::path& file);
Segment load_segment(const std::filesystem::path& file);
// Everything but the text, for numbering the book before writing it.
Segment load_segment_header(const std::filesystem::path& file);
// Whether `file` is there, its header parses and its text is as long as the
// header says: a cached part that is not is made again.
bool intact_segment(const std::filesystem::path& file);

}  // namespace proceedings

// The book's parts as segments: what a part carries into the book (inherited
// page attributes, its own links, links to book pages), what the book keeps
// once (equal images), and the book qpdf reads back.
#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <sstream>

#include "build/pdf_book.hpp"
#include "proceedings/pdf_segment.hpp"
#include "helpers.hpp"
#include "proceedings/files.hpp"
#include "proceedings/process.hpp"

using namespace proceedings;
namespace fs = std::filesystem;

namespace {

using test::pdf_of;

std::string stream(const std::string& dict, const std::string& data) {
  return "<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// Two pages whose size and resources are inherited from the page tree; page 1
// links to page 2 and to "book-page:N" (as the front matter does); both
// pages draw the same 1x1 image.
std::string two_page_pdf(int book_page) {
  return pdf_of({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 300 400] /Resources << /XObject << /Im 5 0 R >> >> >>",
      "<< /Type /Page /Parent 2 0 R /Contents 6 0 R /Annots [7 0 R 8 0 R] >>",
      "<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>",
      stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x80"),
      stream("", "q 10 0 0 10 0 0 cm /Im Do Q"),
      "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /Dest [4 0 R /Fit] >>",
      "<< /Type /Annot /Subtype /Link /Rect [20 0 30 10] /A << /S /URI /URI (book-page:" + std::to_string(book_page) +
          ") >> >>",
  });
}

fs::path write_pdf(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
  return file;
}

fs::path segment_file(const fs::path& pdf) {
  QPDF source;
  source.processFile(pdf.c_str());
  const fs::path out = fs::path(pdf).replace_extension(".seg");
  save_segment(make_segment(source), out);
  return out;
}

}  // namespace

TEST_CASE("a segment carries its pages' inherited attributes, keeps its links and survives the file round trip") {
  test::TempDir dir;
  QPDF source;
  source.processFile(write_pdf(dir.path / "a.pdf", two_page_pdf(1)).c_str());
  const Segment made = make_segment(source);
  CHECK(made.pages == 2);
  CHECK(made.shared.size() == 1);  // the image
  CHECK(made.text.find("/MediaBox ") != std::string::npos);  // pushed down from the page tree
  CHECK(made.text.find("[0 0 300 400]") != std::string::npos);
  std::size_t to_book_page = 0, to_root = 0;
  for (const auto& h : made.holes) {
    to_book_page += h.kind == HoleKind::book_page && h.value == 1;
    to_root += h.kind == HoleKind::pages_root;
  }
  CHECK(to_book_page == 1);
  CHECK(to_root == 2);  // each page's /Parent
  CHECK(made.text.find("book-page:") == std::string::npos);

  save_segment(made, dir.path / "a.seg");
  CHECK(intact_segment(dir.path / "a.seg"));
  const Segment read = load_segment(dir.path / "a.seg");
  CHECK(read.text == made.text);
  CHECK(read.holes.size() == made.holes.size());
  CHECK(read.object_lengths == made.object_lengths);
  CHECK(read.shared.front().digest == made.shared.front().digest);
}

TEST_CASE("the book from segments: links land on the right pages, equal images are written once, qpdf reads it") {
  test::TempDir dir;
  // front matter, two papers, index: 8 pages; the front's book-page:3 link is book page 2 + 3 = index 4.
  const fs::path front = segment_file(write_pdf(dir.path / "front.pdf", two_page_pdf(3)));
  const fs::path p1 = segment_file(write_pdf(dir.path / "p1.pdf", two_page_pdf(1)));
  const fs::path p2 = segment_file(write_pdf(dir.path / "p2.pdf", two_page_pdf(1)));
  const fs::path back = segment_file(write_pdf(dir.path / "back.pdf", two_page_pdf(2)));
  build::BookParts parts{front, {p1, p2}, back, {{"Papers", 2, {{"Second", 4, {}}}}}, "Proceedings of T", "S", "Ada"};
  build::assemble_book(parts, dir.path / "book.pdf");
  CHECK_NOTHROW(run_program("qpdf", {"--check", (dir.path / "book.pdf").string()}, dir.path, std::chrono::seconds(60)));

  QPDF book;
  book.processFile((dir.path / "book.pdf").c_str());
  const auto pages = QPDFPageDocumentHelper(book).getAllPages();
  REQUIRE(pages.size() == 8);
  std::set<QPDFObjGen> images;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    auto page = pages[i].getObjectHandle();
    CHECK(page.getKey("/MediaBox").unparseResolved() == "[ 0 0 300 400 ]");
    images.insert(page.getKey("/Resources").getKey("/XObject").getKey("/Im").getObjGen());
    if (i % 2 == 1) continue;
    auto annots = page.getKey("/Annots");
    REQUIRE(annots.getArrayNItems() == 2);
    // its own link: the next page of the same part
    CHECK(annots.getArrayItem(0).getKey("/Dest").getArrayItem(0).getObjGen() == pages[i + 1].getObjectHandle().getObjGen());
    // the book-page link, now a destination: front book-page:3 -> 2 + 3 - 1 = index 4; papers' and
    // index's book-page:1 and :2 -> indexes 2 and 3
    const std::size_t expected = i == 0 ? 4 : (i == 6 ? 3 : 2);
    auto link = annots.getArrayItem(1);
    CHECK_FALSE(link.hasKey("/A"));
    CHECK(link.getKey("/Dest").getArrayItem(0).getObjGen() == pages[expected].getObjectHandle().getObjGen());
  }
  CHECK(images.size() == 1);
  CHECK(book.getRoot().getKey("/Outlines").getKey("/Count").getIntValue() == 2);
  CHECK(book.getRoot().getKey("/Outlines").getKey("/First").getKey("/Dest").getArrayItem(0).getObjGen() ==
        pages[2].getObjectHandle().getObjGen());
  CHECK(book.getTrailer().getKey("/Info").getKey("/Author").getUTF8Value() == "Ada");
}

TEST_CASE("a damaged part cache is an error naming the file") {
  test::TempDir dir;
  write_file_atomic(dir.path / "x.seg", "%proceedings-segment 1\n1.4\n1 2 0 0 10\n5\n");
  CHECK(test::error_line([&] { load_segment(dir.path / "x.seg"); }).find("x.seg: damaged part cache") !=
        std::string::npos);
  CHECK_FALSE(intact_segment(dir.path / "x.seg"));
  CHECK_FALSE(intact_segment(dir.path / "missing.seg"));
}

TEST_CASE("a segment of some pages keeps only them; a link to one of the source's other pages has no target") {
  test::TempDir dir;
  QPDF source;
  source.processFile(write_pdf(dir.path / "a.pdf", two_page_pdf(1)).c_str());
  const Segment first = make_segment(source, 0, 1);
  CHECK(first.pages == 1);
  // Page 1 links to page 2, which is not in this part: no target, and page 2 is not written.
  CHECK(first.text.find("/Dest [null /Fit]") != std::string::npos);
  CHECK(first.text.find("/Type /Page") == first.text.rfind("/Type /Page"));
  const Segment second = make_segment(source, 1, 1);
  CHECK(second.pages == 1);
  CHECK(second.text.find("/Annots") == std::string::npos);  // page 1's links stay with page 1
  CHECK(second.shared.size() == 1);                          // the image both draw
  CHECK_THROWS(make_segment(source, 1, 2));
}

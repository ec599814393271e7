// The book's folio: the venue the papers themselves print, and text that
// extracts as it was written (pdftotext and mutool, not our reader).
#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <map>
#include <regex>

#include "book/folio.hpp"
#include "book/pdf_book.hpp"
#include "helpers.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "proceedings/process.hpp"
#include "proceedings/text.hpp"

using namespace proceedings;

namespace {

fs::path blank_page(const fs::path& file) {
  QPDF blank;
  blank.emptyPDF();
  QPDFObjectHandle page =
      blank.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 612 792] /Resources << >> >>"));
  page.replaceKey("/Contents", QPDFObjectHandle::newStream(&blank, ""));
  QPDFPageDocumentHelper(blank).addPage(QPDFPageObjectHelper(page), false);
  QPDFWriter writer(blank, file.c_str());
  writer.write();
  return file;
}

// "<21> <0053>" pairs of the CMap's bfchar blocks, read here, not by the code under test.
std::map<unsigned, std::u16string> bfchars(const std::string& cmap) {
  std::map<unsigned, std::u16string> out;
  static const std::regex pair(R"(<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]{4,8})>)");
  for (auto it = std::sregex_iterator(cmap.begin(), cmap.end(), pair); it != std::sregex_iterator(); ++it) {
    std::u16string units;
    const std::string hex = (*it)[2];
    for (std::size_t i = 0; i < hex.size(); i += 4) units += static_cast<char16_t>(std::stoul(hex.substr(i, 4), nullptr, 16));
    out[static_cast<unsigned>(std::stoul((*it)[1], nullptr, 16))] = units;
  }
  return out;
}

// The extracted text's words, one space apart (the tools end a page with a form feed).
std::string words(std::string text) {
  std::replace(text.begin(), text.end(), '\f', ' ');
  return collapse_whitespace(text);
}

}  // namespace

TEST_CASE("the folio names the venue as the papers' running heads do") {
  const Workshop ex = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  CHECK(book::folio_venue(ex) == "SC Workshops ’25");  // its ACM record's short name
  const Workshop ai = load_workshop(test::source_dir() / "metadata/aiexscale-2025");
  CHECK(book::folio_venue(ai) == "AIExScale’25");  // no ACM record: the acronym
  // What a bundled camera-ready paper prints in its running head, read by poppler.
  const fs::path papers = fs::path(FIXTURE_DIR).parent_path() / "manuscripts/exhetai-2025";
  test::TempDir dir;
  const fs::path paper = papers / "wages.pdf";
  REQUIRE(fs::exists(paper));
  run_program("pdftotext", {"-f", "2", "-l", "2", "-layout", paper.string(), (dir.path / "p2.txt").string()}, dir.path,
              std::chrono::seconds(60));
  const std::string head = read_file(dir.path / "p2.txt").substr(0, 400);
  CAPTURE(head);
  CHECK(head.find(book::folio_venue(ex) + ",") != std::string::npos);
}

TEST_CASE("the folio's text extracts exactly: a ToUnicode map for every code") {
  const std::string venue = "SC Workshops ’25 Ünïcode";
  const book::FolioFont font = book::subset_type1(book::folio_font_file(), venue + "0123456789");
  // The map, read independently: every code of the text maps back to its character.
  const auto map = bfchars(font.to_unicode_cmap());
  std::u16string decoded;
  for (unsigned char code : font.encode(venue)) {
    REQUIRE(map.count(code));
    decoded += map.at(code);
  }
  CHECK(decoded == u"SC Workshops ’25 Ünïcode");

  test::TempDir dir;
  book::Stamper(font, venue).stamp(blank_page(dir.path / "blank.pdf"), 137, dir.path / "stamped.pdf");
  QPDF stamped;
  stamped.processFile((dir.path / "stamped.pdf").c_str());
  int fonts_with_map = 0;
  for (auto& object : stamped.getAllObjects())
    if (object.isDictionary() && object.getKey("/Type").isNameAndEquals("/Font"))
      fonts_with_map += object.getKey("/ToUnicode").isStream();
  CHECK(fonts_with_map == 1);

  run_program("pdftotext", {"-layout", "stamped.pdf", "poppler.txt"}, dir.path, std::chrono::seconds(60));
  const std::string poppler = words(read_file(dir.path / "poppler.txt"));
  CHECK(poppler == venue + " 137");
  const auto mupdf = run_program("mutool", {"draw", "-F", "txt", "stamped.pdf"}, dir.path, std::chrono::seconds(60));
  CHECK(words(mupdf.out) == venue + " 137");
}

// The book's folio: the venue the papers themselves print, and text that
// extracts as it was written (pdftotext and mutool, not our reader).
#include <doctest/doctest.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

#include "build/folio.hpp"
#include "build/pdf_book.hpp"
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


// The Type 1 program's two parts, read here with the spec's numbers, not the code under test:
// PFB segments, eexec key 55665, charstring key 4330.
std::string type1_crypt(const std::string& data, unsigned short r, bool decrypting) {
  std::string out(data.size(), '\0');
  for (std::size_t i = 0; i < data.size(); ++i) {
    const auto in = static_cast<unsigned char>(data[i]);
    const auto c = static_cast<unsigned char>(in ^ (r >> 8));
    out[i] = static_cast<char>(c);
    r = static_cast<unsigned short>(((decrypting ? in : c) + r) * 52845u + 22719u);
  }
  return out;
}

std::string pfb_private(const fs::path& pfb) {
  const std::string bytes = read_file(pfb);
  std::string binary;
  for (std::size_t at = 0; at + 6 <= bytes.size() && bytes[at + 1] != 3;) {
    std::size_t length = 0;
    for (int k = 3; k >= 0; --k) length = (length << 8) | static_cast<unsigned char>(bytes[at + 2 + k]);
    if (bytes[at + 1] == 2) binary += bytes.substr(at + 6, length);
    at += 6 + length;
  }
  return type1_crypt(binary, 55665, true);
}

std::string program_private(const build::FolioFont& font) {
  return type1_crypt(font.program.substr(font.cleartext), 55665, true);
}

build::FolioFont with_private(build::FolioFont font, const std::string& priv) {
  font.program = font.program.substr(0, font.cleartext) + type1_crypt(priv, 55665, false);
  return font;
}

// The subset as it was before the Subrs were cut: the font's whole private
// dictionary, Subrs and all, followed by the subset's CharStrings.
build::FolioFont with_all_subrs(const build::FolioFont& font, const fs::path& pfb) {
  const std::string original = pfb_private(pfb), subset = program_private(font);
  return with_private(font, original.substr(0, original.find("/CharStrings")) + subset.substr(subset.find("/CharStrings")));
}

// The Subrs entries "dup <n> <length> RD <bytes> NP": number -> where the encrypted bytes sit, and how many.
std::map<int, std::pair<std::size_t, std::size_t>> subrs(const std::string& priv) {
  std::map<int, std::pair<std::size_t, std::size_t>> out;
  const std::size_t end = priv.find("/CharStrings");
  for (std::size_t at = priv.find("\ndup ", priv.find("/Subrs")); at < end; at = priv.find("\ndup ", at)) {
    if (!std::isdigit(static_cast<unsigned char>(priv[at + 5]))) break;  // "dup /CharStrings"
    std::istringstream in(priv.substr(at + 5, 40));
    int index = 0;
    std::size_t length = 0;
    std::string rd;
    in >> index >> length >> rd;
    const std::size_t data = at + 5 + static_cast<std::size_t>(in.tellg()) + 1;
    out[index] = {data, length};
    at = data + length;
  }
  return out;
}

int len_iv(const std::string& priv) {
  const auto at = priv.find("/lenIV");
  return at == std::string::npos ? 4 : std::stoi(priv.substr(at + 6, 8));
}

// A subroutine's charstring decrypted, without its lenIV bytes.
std::string subr_plain(const std::string& priv, std::pair<std::size_t, std::size_t> where) {
  return type1_crypt(priv.substr(where.first, where.second), 4330, true).substr(static_cast<std::size_t>(len_iv(priv)));
}

// The subset with every subroutine past the four of the OtherSubrs protocol
// made to return at once (same length, the rest never runs): a subset that
// cut every subroutine its glyphs call.
build::FolioFont with_subrs_emptied(const build::FolioFont& font, const fs::path& pfb) {
  std::string priv = program_private(with_all_subrs(font, pfb));
  const int iv = len_iv(priv);
  for (const auto& [index, where] : subrs(priv)) {
    if (index <= 3 || where.second <= static_cast<std::size_t>(iv)) continue;
    std::string plain(where.second, '\0');
    plain[static_cast<std::size_t>(iv)] = '\x0b';  // return
    priv.replace(where.first, where.second, type1_crypt(plain, 4330, false));
  }
  return with_private(font, priv);
}

// Every kept glyph's outline as FreeType's hinter leaves it at 11 pixels an
// em: hinting runs the hint subroutines (and hint replacement), which an
// unhinted rendering never reads.
std::vector<long> hinted_outlines(const build::FolioFont& font) {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  REQUIRE(FT_Init_FreeType(&lib) == 0);
  std::vector<long> points;
  if (FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(font.program.data()), static_cast<FT_Long>(font.program.size()), 0,
                         &face) == 0 &&
      FT_Set_Pixel_Sizes(face, 0, 11) == 0) {
    for (const auto& name : font.glyph_names) {
      const FT_UInt glyph = FT_Get_Name_Index(face, name.c_str());
      CHECK_MESSAGE(glyph != 0, name);
      if (glyph == 0 || FT_Load_Glyph(face, glyph, FT_LOAD_DEFAULT | FT_LOAD_NO_BITMAP) != 0) continue;
      const FT_Outline& outline = face->glyph->outline;
      points.push_back(outline.n_points);
      for (int i = 0; i < outline.n_points; ++i) points.insert(points.end(), {outline.points[i].x, outline.points[i].y});
    }
    FT_Done_Face(face);
  }
  FT_Done_FreeType(lib);
  return points;
}

// Page 1 drawn by poppler and by MuPDF at 600 dpi, as PGM bytes.
std::pair<std::string, std::string> renders(const fs::path& pdf, const fs::path& dir) {
  const std::string stem = (dir / pdf.stem()).string();
  run_program("pdftoppm", {"-r", "600", "-gray", "-singlefile", pdf.string(), stem + "-poppler"}, dir,
              std::chrono::seconds(120));
  run_program("mutool", {"draw", "-q", "-r", "600", "-c", "gray", "-o", stem + "-mupdf.pgm", pdf.string(), "1"}, dir,
              std::chrono::seconds(120));
  return {read_file(stem + "-poppler.pgm"), read_file(stem + "-mupdf.pgm")};
}

// Characters in UTF-8 text, counted here by their lead bytes.
std::size_t utf8_chars_in(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

TEST_CASE("the folio names the venue as the papers' running heads do") {
  const Workshop ex = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  CHECK(build::folio_venue(ex) == "SC Workshops ’25");  // its ACM record's short name
  const Workshop ai = load_workshop(test::source_dir() / "metadata/aiexscale-2025");
  CHECK(build::folio_venue(ai) == "AIExScale’25");  // no ACM record: the acronym
  // What a bundled camera-ready paper prints in its running head, read by poppler.
  const fs::path papers = fs::path(FIXTURE_DIR).parent_path() / "manuscripts/exhetai-2025";
  test::TempDir dir;
  const fs::path paper = papers / "wages.pdf";
  REQUIRE(fs::exists(paper));
  run_program("pdftotext", {"-f", "2", "-l", "2", "-layout", paper.string(), (dir.path / "p2.txt").string()}, dir.path,
              std::chrono::seconds(60));
  const std::string head = read_file(dir.path / "p2.txt").substr(0, 400);
  CAPTURE(head);
  CHECK(head.find(build::folio_venue(ex) + ",") != std::string::npos);
}

// Issue 24 item 10: the folio leaves no character out.
TEST_CASE("the folio draws a ligature character as its letters, and Greek, Cyrillic and Vietnamese as they are") {
  test::TempDir dir;
  fs::copy(test::source_dir() / "metadata/exhetai-2025", dir.path / "venue", fs::copy_options::recursive);
  Workshop w = load_workshop(dir.path / "venue");
  w.acm->short_name = "ﬁrst Ω Дм Nguyễn '25";
  CHECK(build::folio_venue(w) == "first Ω Дм Nguyễn ’25");
  const build::FolioFont font = build::folio_font(build::find_book_fonts().folio, w);
  const std::string venue = build::folio_venue(w);
  CHECK(font.encode(venue).size() == utf8_chars_in(venue));  // one code a character, none left out
}

TEST_CASE("a venue character the folio's font cannot draw is a usage error naming workshop.yaml's field") {
  test::TempDir dir;
  const fs::path venue = dir.path / "venue";
  fs::copy(test::source_dir() / "metadata/exhetai-2025", venue, fs::copy_options::recursive);
  std::string yaml = read_file(venue / "workshop.yaml");
  const auto at = yaml.find("short_name: \"SC Workshops '25\"");
  REQUIRE(at != std::string::npos);
  yaml.replace(at, std::string("short_name: \"SC Workshops '25\"").size(), "short_name: \"SC 研讨会 '25\"");
  write_file_atomic(venue / "workshop.yaml", yaml);
  const int line = 1 + static_cast<int>(std::count(yaml.begin(), yaml.begin() + static_cast<long>(at), '\n'));
  const Workshop w = load_workshop(venue);
  try {
    build::folio_font(build::find_book_fonts().folio, w);
    FAIL("the folio font was made without the venue's characters");
  } catch (const Error& e) {
    CHECK(e.status() == Exit::usage);
    CHECK(e.line().rfind((venue / "workshop.yaml").string() + ":" + std::to_string(line) +
                             ": field 'acm.short_name' has U+7814 '研'", 0) == 0);
  }
}

TEST_CASE("the folio's text extracts exactly: a ToUnicode map for every code") {
  const std::string venue = "SC Workshops ’25 Ünïcode";
  const build::FolioFont font = build::subset_type1(build::find_book_fonts().folio, venue + "0123456789");
  // The map, read independently: every code of the text maps back to its character.
  const auto map = bfchars(font.to_unicode_cmap());
  std::u16string decoded;
  for (unsigned char code : font.encode(venue)) {
    REQUIRE(map.count(code));
    decoded += map.at(code);
  }
  CHECK(decoded == u"SC Workshops ’25 Ünïcode");

  test::TempDir dir;
  build::Stamper(font, venue).stamp(blank_page(dir.path / "blank.pdf"), 137, dir.path / "stamped.pdf");
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

// Draws `text` (a venue, then page 137) on a blank page with `font`, into dir/name.pdf.
fs::path stamp(const build::FolioFont& font, const std::string& text, const fs::path& dir, const std::string& name) {
  const fs::path out = dir / (name + ".pdf");
  build::Stamper(font, text).stamp(blank_page(dir / "blank.pdf"), 137, out);
  return out;
}

// The glyphs a subset keeps draw the same with only the Subrs they call as with
// all of them, in poppler and in MuPDF; and emptying the called ones shows.
void check_subrs_cut(const fs::path& pfb, const std::string& text, std::size_t most_bytes, bool outlines_in_subrs) {
  CAPTURE(pfb);
  const build::FolioFont font = build::subset_type1(pfb, text + "0123456789");
  const build::FolioFont before = with_all_subrs(font, pfb);
  const std::size_t length2 = font.program.size() - font.cleartext, length2_before = before.program.size() - before.cleartext;
  MESSAGE(pfb.filename().string() << ": /Length2 " << length2_before << " -> " << length2);
  CHECK(length2 < most_bytes);

  // The Subrs array keeps its size and numbering; 0-3 as they were; the rest called or only returning.
  const std::string priv = program_private(font), priv_before = program_private(before);
  const auto cut = subrs(priv), all = subrs(priv_before);
  // As pdfTeX does, the array ends at the last subroutine called.
  REQUIRE(!cut.empty());
  CHECK(cut.size() <= all.size());
  CHECK(cut.rbegin()->first + 1 == static_cast<int>(cut.size()));
  CHECK(priv.substr(priv.find("/Subrs"), 20).rfind("/Subrs " + std::to_string(cut.size()) + " array", 0) == 0);
  int called = 0;
  for (const auto& [index, where] : cut) {
    REQUIRE(all.count(index));
    const std::string plain = subr_plain(priv, where);
    if (index <= 3 || plain != "\x0b") CHECK(plain == subr_plain(priv_before, all.at(index)));
    called += index > 3 && plain != "\x0b";
  }
  CHECK(subr_plain(priv, cut.rbegin()->second) != "\x0b");
  CAPTURE(called);
  CHECK(called > 0);
  CHECK(called < static_cast<int>(all.size()) / 4);

  test::TempDir dir;
  const auto [poppler, mupdf] = renders(stamp(font, text, dir.path, "cut"), dir.path);
  const auto [poppler_before, mupdf_before] = renders(stamp(before, text, dir.path, "before"), dir.path);
  CHECK(poppler.size() > 1000);
  CHECK(poppler == poppler_before);
  CHECK(mupdf == mupdf_before);
  // The hinted outlines are the same too; and both comparisons can fail: with the called subroutines
  // emptied the hints change, and (where the font keeps outline pieces in Subrs) the drawing.
  const build::FolioFont emptied = with_subrs_emptied(font, pfb);
  const auto hinted = hinted_outlines(font);
  CHECK(hinted.size() > 100);
  CHECK(hinted == hinted_outlines(before));
  CHECK(hinted_outlines(emptied) != hinted);
  if (outlines_in_subrs) {
    const auto [poppler_emptied, mupdf_emptied] = renders(stamp(emptied, text, dir.path, "emptied"), dir.path);
    CHECK(poppler_emptied != poppler_before);
    CHECK(mupdf_emptied != mupdf_before);
  }
}

TEST_CASE("the folio font keeps only the Subrs its glyphs call, and draws the same (poppler, MuPDF)") {
  // Linux Biolinum: lenIV 0, hint replacement through subr 4, outline pieces in Subrs.
  check_subrs_cut(build::find_book_fonts().folio, "SC Workshops ’25 Ünïcode ExHetAI", 40000, true);
}

TEST_CASE("a subset of a font with seac accents and inline hint replacement keeps what the accents and hints call") {
  // Bitstream Charter: lenIV 4, accented letters composed with seac (Å is not: it calls an outline subroutine),
  // "n 1 3 callothersubr pop callsubr" in the glyphs themselves.
  const fs::path charter = build::installed_font_files({"bchr8a.pfb"}).at("bchr8a.pfb");
  const std::string text = "Ünïcode Åé ñ Zürich";
  const build::FolioFont font = build::subset_type1(charter, text);
  const std::string priv = program_private(font);
  for (const std::string glyph : {"Udieresis", "U", "dieresis", "eacute", "e", "acute", "ntilde", "n", "tilde", "Aring"})
    CHECK_MESSAGE(priv.find("/" + glyph + " ") != std::string::npos, glyph);
  check_subrs_cut(charter, text, 12000, false);
}

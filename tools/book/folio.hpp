#pragma once
// The folio stamped on every paper page of the book (venue short name left,
// book page number right), drawn straight into the page's content stream in
// one embedded Type 1 subset: no TeX run, the same look as the LaTeX footer
// it replaces (8 pt Linux Biolinum, 0.4 in above the page's bottom edge,
// 0.75 in side margins).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings::book {

// The venue as the papers' own running heads print it, and so as the folio
// prints it: the ACM record's short name ("SC Workshops ’25") when the venue
// has one, else its acronym; the apostrophe as TeX sets it (’), a ligature
// character as its letters (ﬁ as fi).
std::string folio_venue(const Workshop& w);

// A Type 1 font cut down to the glyphs of the folios, with what a PDF font
// dictionary needs: one code per glyph, advance widths in 1/1000 em.
struct FolioFont {
  std::string base_name;       // "ABCDEF+LinBiolinumT"
  std::string program;         // cleartext part + eexec-encrypted part
  std::size_t cleartext = 0;   // /Length1; the rest is /Length2 (no /Length3 trailer)
  std::map<char32_t, unsigned char> codes;  // character -> code in the font's encoding
  std::vector<std::string> glyph_names;     // code first_code + i -> glyph name
  std::vector<int> widths;                  // code first_code + i -> advance
  int first_code = 33;
  int bbox[4] = {0, 0, 0, 0};
  int ascent = 0, descent = 0, cap_height = 0, italic_angle = 0;
  // Text in the font's codes with its width in points at `size`; characters
  // the font lacks are left out.
  std::string encode(const std::string& utf8) const;
  double width(const std::string& encoded, double size) const;
  // The font's /ToUnicode CMap: each code back to its character, so that text
  // extraction and search read the folio exactly as it was written.
  std::string to_unicode_cmap() const;
};

// Reads the Type 1 font program `pfb` (PFB segments) and keeps .notdef and
// the glyphs of the characters in `text` (and the glyphs their accented
// letters are composed of). An unreadable font is an input Error naming it.
FolioFont subset_type1(const std::filesystem::path& pfb, const std::string& text);

// The folio font for `w`'s venue: subset_type1 of folio_venue(w) and the
// digits. A character of the venue that the font cannot draw is a usage
// Error naming the workshop.yaml field it came from, never left out.
FolioFont folio_font(const std::filesystem::path& pfb, const Workshop& w);

// Where TeX finds each of the font files `names` (one kpsewhich run), by
// name; a missing one is an Error naming it and its package.
std::map<std::string, std::filesystem::path> installed_font_files(const std::vector<std::string>& names);

// The Type 1 fonts the build draws with itself, where TeX finds them.
struct BookFonts {
  std::filesystem::path folio;  // LinBiolinumT.pfb, as the LaTeX footer the folio replaced
  std::filesystem::path text;   // LinLibertineT.pfb, the front matter's text font
};
inline constexpr const char* folio_font_name = "LinBiolinumT.pfb";
inline constexpr const char* text_font_name = "LinLibertineT.pfb";
BookFonts find_book_fonts();

}  // namespace proceedings::book

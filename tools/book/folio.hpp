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
// has one, else its acronym; the apostrophe as TeX sets it (’).
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

// Where TeX's font file `name` is installed (kpsewhich), e.g. LinLibertineT.pfb.
std::filesystem::path installed_font_file(const std::string& name);
// Where the folio font is installed (kpsewhich LinBiolinumT.pfb).
std::filesystem::path folio_font_file();

}  // namespace proceedings::book

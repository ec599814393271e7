#pragma once
// Type 1 fonts cut down to the glyphs a text needs, for text the program
// draws into PDF pages itself (the book's folios and page numbers).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace proceedings {

// A Type 1 font cut down to the glyphs of a text, with what a PDF font
// dictionary needs: one code per glyph, advance widths in 1/1000 em.
struct Type1Font {
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
Type1Font subset_type1(const std::filesystem::path& pfb, const std::string& text);

// Where TeX finds each of the font files `names` (one kpsewhich run), by
// name; a missing one is an Error naming it and its package.
std::map<std::string, std::filesystem::path> installed_font_files(const std::vector<std::string>& names);

}  // namespace proceedings

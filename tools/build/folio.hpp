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
#include "proceedings/type1_font.hpp"

namespace proceedings::build {

// The venue as the papers' own running heads print it, and so as the folio
// prints it: the ACM record's short name ("SC Workshops ’25") when the venue
// has one, else its acronym; the apostrophe as TeX sets it (’), a ligature
// character as its letters (ﬁ as fi).
std::string folio_venue(const Workshop& w);

using FolioFont = Type1Font;
using proceedings::installed_font_files;
using proceedings::subset_type1;

// The folio font for `w`'s venue: subset_type1 of folio_venue(w) and the
// digits. A character of the venue that the font cannot draw is a usage
// Error naming the workshop.yaml field it came from, never left out.
// `extra`: more characters to draw (a draft's watermark).
FolioFont folio_font(const std::filesystem::path& pfb, const Workshop& w, const std::string& extra = "");

// The Type 1 fonts the build draws with itself, where TeX finds them.
struct BookFonts {
  std::filesystem::path folio;  // LinBiolinumT.pfb, as the LaTeX footer the folio replaced
  std::filesystem::path text;   // LinLibertineT.pfb, the front matter's text font
};
inline constexpr const char* folio_font_name = "LinBiolinumT.pfb";
inline constexpr const char* text_font_name = "LinLibertineT.pfb";
BookFonts find_book_fonts();

}  // namespace proceedings::build

#include "build/folio.hpp"

#include "proceedings/tex_fonts.hpp"
#include "proceedings/text.hpp"

namespace proceedings::build {

namespace fs = std::filesystem;

namespace {

// The field folio_venue() prints, as load_workshop names it.
std::string folio_venue_field(const Workshop& w) { return w.acm && !w.acm->short_name.empty() ? "acm.short_name" : "acronym"; }

// The letters of a ligature character (ﬁ -> fi): Biolinum's Type 1 font maps
// no character to its ligature glyphs, so the folio draws the letters.
std::string without_ligatures(std::string text) {
  static const std::pair<const char*, const char*> ligatures[] = {
      {"ﬀ", "ff"}, {"ﬁ", "fi"}, {"ﬂ", "fl"}, {"ﬃ", "ffi"}, {"ﬄ", "ffl"}, {"ﬅ", "ſt"}, {"ﬆ", "st"}};
  for (const auto& [ligature, letters] : ligatures)
    for (std::size_t at; (at = text.find(ligature)) != std::string::npos;) text.replace(at, std::string(ligature).size(), letters);
  return text;
}

}  // namespace

std::string folio_venue(const Workshop& w) {
  std::string venue = without_ligatures(w.acm && !w.acm->short_name.empty() ? w.acm->short_name : w.acronym);
  for (std::size_t at; (at = venue.find('\'')) != std::string::npos;) venue.replace(at, 1, "’");
  return venue;
}

FolioFont folio_font(const fs::path& pfb, const Workshop& w, const std::string& extra) {
  const std::string venue = folio_venue(w);
  FolioFont font = subset_type1(pfb, venue + "0123456789" + extra);
  for (char32_t c : utf8_characters(venue))
    if (!font.codes.count(c))
      throw_unprintable(w.folder, c, "the folio's font (" + pfb.filename().string() + ") cannot draw", {folio_venue_field(w)});
  return font;
}


BookFonts find_book_fonts() {
  const auto found = installed_font_files({folio_font_name, text_font_name});
  return {found.at(folio_font_name), found.at(text_font_name)};
}

}  // namespace proceedings::build

#pragma once
// Which TeX engine and fonts set a typeset document's text. pdfLaTeX with the
// templates' T1 Libertine starts fastest but sets only Western European
// Latin; names in Vietnamese, Greek, Cyrillic or CJK go to LuaLaTeX with
// OpenType Libertine and a CJK font for what Libertine lacks. A character no
// font has is the metadata's error, named by its field, not a TeX error in a
// file the build wrote.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace proceedings {

// True when pdfLaTeX with T1, inputenc's utf8 and the libertine package sets
// `c` (ASCII, Latin-1, most of Latin Extended-A, typographic punctuation).
bool pdflatex_sets(char32_t c);

// The OpenType fonts the templates' LuaLaTeX branch loads, by file name
// (LuaLaTeX finds them where kpsewhich does): the text font first, the
// fallback for characters it lacks after it.
inline constexpr const char* unicode_text_font = "LinLibertine_R.otf";   // Debian fonts-linuxlibertine
inline constexpr const char* unicode_fallback_font = "wqy-microhei.ttc";  // Debian fonts-wqy-microhei

// A place in the venue's metadata: "DIR/papers.yaml:14" and the field's path
// as load_workshop names it ("papers[2].authors[1].name").
struct MetadataField {
  std::string where;
  std::string field;
};

// The first text field holding `c`: the fields whose paths start with one of
// `preferred` first, then papers.yaml's, then workshop.yaml's, then a line of
// message.md ("DIR/message.md:3", field empty).
std::optional<MetadataField> field_holding(const std::filesystem::path& venue_folder, char32_t c,
                                           const std::vector<std::string>& preferred = {});

// "U+1F600 '😀'"
std::string describe_character(char32_t c);

// The usage Error for a character that `what` cannot print, naming the field
// that holds it (or the venue folder when no field does).
[[noreturn]] void throw_unprintable(const std::filesystem::path& venue_folder, char32_t c, const std::string& what,
                                    const std::vector<std::string>& preferred = {});

// The engine for a document whose whole source is `source`: "pdflatex" when
// it sets every character, else "lualatex", after checking that the
// Unicode fonts (found with kpsewhich; missing: an external Error naming the
// Debian package) have every character; one that none has is a usage Error
// naming its field in the venue's metadata.
std::string tex_engine_for(const std::string& source, const std::filesystem::path& venue_folder);

// A template that sets fonts for pdfLaTeX only (one from an older release)
// cannot set what `engine` "lualatex" was chosen for: a usage Error naming it.
void require_lualatex_branch(const std::string& engine, const std::string& template_text,
                             const std::filesystem::path& template_file);

// The characters a LuaTeX log reports missing ("Missing character: There is
// no 😀 (U+1F600) in font ..."): what a font without fallback dropped.
std::vector<char32_t> missing_characters(const std::string& log);

// After a run of `engine`: a character the log reports missing is a usage
// Error naming its field, never a silently missing glyph.
void require_no_missing_characters(const std::string& engine, const std::filesystem::path& log,
                                   const std::filesystem::path& venue_folder);

}  // namespace proceedings

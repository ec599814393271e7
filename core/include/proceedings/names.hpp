#pragma once
// Names compared across sources (papers.yaml, a PDF, arXiv, an export):
// folded so that accents, case and punctuation do not decide. This is the one
// name folder; family names and index forms are in model.hpp beside Person.
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings {

// Accents and case go (core's ascii_fold knows the Latin letters; Greek and
// Cyrillic become small letters without tonos; letters of other scripts stay
// as they are); hyphens, dots and spaces separate words; other punctuation
// and combining marks go: "Jean-Loïc D. Pottier" -> "jean loic d  pottier".
std::string fold_words(const std::string& name);

// fold_words without the spaces: "Loïc Pottier" -> "loicpottier", "Γιάννης" -> "γιαννης".
std::string fold_name(const std::string& name);

// How event sites name pages: "Loïc Pottier" -> "loic-pottier" (/speakers/loic-pottier),
// "How Complex AI Workflows?" -> "how-complex-ai-workflows"; frab's slugs and
// acronyms too (lowercase ASCII letters, digits and single hyphens).
std::string url_slug(const std::string& text);

// The order of an index of people (the book's author index, the booklet's
// speakers and chairs): family_sort_key, whose ASCII folding leaves nothing
// of a name in Greek, Cyrillic or CJK, so such a name comes after the Latin
// ones, by its family name as written, instead of all sharing one blank key.
std::string index_sort_key(const Person& person);
std::string index_sort_key(const std::string& full_name);

// ---- affiliations as one line of text ----

// A country as authors write it in affiliations (ISO 3166 short names and the
// common variants: USA, UK, The Netherlands, P.R. China, ...).
bool is_country(const std::string& text);

// "City, State, Country" as a conference author block prints it.
void read_address_line(const std::string& line, Affiliation& a);

// The parts of an address between institution and country, as authors write
// them: street, city, state, postcode in any order.
void read_address_parts(const std::vector<std::string>& parts, Affiliation& a);

// An affiliation given as one line, the way `meta` reads a PDF's: "Oak Ridge
// National Laboratory, Oak Ridge, TN, USA" -> institution, city, state and
// country; departments are the parts before the institution. A line that does
// not end in a country is kept whole as the institution, so nothing is guessed.
Affiliation affiliation_from_text(const std::string& text);
// The same, where a country given apart (an export's column of its own) fills
// one the line does not end in.
Affiliation affiliation_from_text(const std::string& text, const std::string& country);

// `theirs` (a PDF's or an export's affiliation in parts) fills what `mine`
// leaves empty when both name the same institution, `mine` also when it is
// the older one-text form ("Oak Ridge National Laboratory, Oak Ridge, TN,
// USA" as its institution): the text is then read into its parts. Nothing
// `mine` holds is overwritten. True when something was filled in.
bool fill_affiliation(Affiliation& mine, const Affiliation& theirs);

// ---- the same name in another typography ----

// `text` in Unicode's composed form (NFC) for the Latin letters: a letter
// followed by combining accents (U+0300-U+036F), as macOS file names and some
// PDFs spell them, becomes the precomposed letter ("e" U+0301 -> "é").
// Other text is kept as it is.
std::string composed_latin(const std::string& text);

// One typography for comparing names: composed accents, typographic
// apostrophes and quotes as ' and ", every dash and hyphen as "-", no-break
// and thin spaces as one space: "Sarah O’Connell" -> "Sarah O'Connell".
std::string typographic_form(const std::string& text);

// Names that differ only in that typography are the same name.
bool same_name(const std::string& a, const std::string& b);

// ---- names as submission systems split them ----

// A person named by the parts a submission system gives (HotCRP's
// given_name/family_name, EasyChair's first and last name): `name` is them
// joined; `given` and `family` are kept where the name alone would be split
// otherwise ("Ana Sofía" + "Núñez García"), so the author's own split lives on.
// A `middle` name the source gives apart (EasyChair) ends the given names and
// is kept as `middle`.
Person person_named(const std::string& given, const std::string& family, const std::string& middle = "");

// The first, middle and last name of ACM's rights form and its CSV: first is
// the given name as the author or the source gave it (given_name()), last the
// family name (family_name()); middle is `middle` where the source gave one
// apart (first is then the given names before it), else empty: nobody's
// given names are split by guessing.
struct AcmNameParts {
  std::string first;
  std::string middle;
  std::string last;
  bool operator==(const AcmNameParts&) const = default;
};
AcmNameParts acm_name_parts(const Person& person);

}  // namespace proceedings

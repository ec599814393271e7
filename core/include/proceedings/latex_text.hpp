#pragma once
// LaTeX fragments as plain Unicode text: accents, ligature dashes, quotes,
// escaped specials, font commands and simple user macros.
#include <map>
#include <string>

namespace proceedings {

// Macros without arguments, name (without backslash) -> replacement text.
using Macros = std::map<std::string, std::string>;

std::string latex_to_text(const std::string& latex, const Macros& macros = {});

// "˜u" -> "ũ": spacing accents followed by their letter, as TeX's \accent
// leaves them in a PDF's text, composed into one letter where Unicode has it.
std::string compose_spacing_accents(const std::string& text);

// Straight quotes as a typesetter sets them: ' and " after a space, an
// opening bracket or at the start open (‘ “), all others close (’ ”), so
// that "session 'Closing'" does not print as ’Closing’ (TeX's ' is ’).
std::string typographic_quotes(const std::string& text);

// Plain text made safe inside a LaTeX argument: specials escaped.
std::string latex_escape(const std::string& text);

// Plain text made safe inside a BibTeX field: latex_escape, but braces as
// \textbraceleft{}/\textbraceright{} (BibTeX counts even escaped braces, so
// one unbalanced brace would end the field early) and control characters as
// spaces. Nothing in the result is a TeX command of the input's choosing.
std::string bibtex_escape(const std::string& text);

// A title for a BibTeX title field: bibtex_escape, and every word whose case
// a style's change.case$ would lose in braces ("{GPU}", "{Frontier}",
// "{PyTorch}"): beyond the first word any word with a capital, and the first
// word when it has a capital after its first letter. Styles that set titles
// in sentence case (plain, plainnat) then keep proper names and acronyms as
// written; styles that keep the case print the title unchanged.
std::string bibtex_title(const std::string& text);

// The same protection on a title field already written in TeX (a chair's
// .bib): words outside braces get braces; what is braced already stays.
std::string protect_bibtex_title(const std::string& tex);

// Plain ASCII: accented Latin letters lose their accents, typographic
// quotes and dashes become ASCII ones; anything else left is dropped.
std::string ascii_fold(const std::string& text);

// Removes % comments (not \%), keeping line structure.
std::string strip_latex_comments(const std::string& source);

}  // namespace proceedings

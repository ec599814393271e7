// Text helpers for reading a PDF's first page: names, lines, fonts, boxes and links.
#include "meta/page_text.hpp"

#include "proceedings/latex_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

#include <algorithm>
#include <cctype>

namespace proceedings::meta {

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

// Names set in capitals, joined by a lowercase "and" as acmart's journal formats print them.
bool in_capitals(const std::string& s) {
  static const Regex lowercase_and(R"(\band\b)");
  const std::string names = lowercase_and.replace(s, "AND");
  return upper(names) == names;
}

std::vector<std::string> split(const std::string& s, const std::string& separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto at = s.find(separator); at != std::string::npos; at = s.find(separator, start)) {
    out.push_back(trim(s.substr(start, at - start)));
    start = at + separator.size();
  }
  out.push_back(trim(s.substr(start)));
  out.erase(std::remove(out.begin(), out.end(), ""), out.end());
  return out;
}

// "A, B, and C" or "A and B" -> names.
std::vector<std::string> split_names(std::string s) {
  static const Regex and_between(R"(,?\s+and\s+)");
  s = and_between.replace(s, ", ");
  return split(s, ",");
}

// Joins text lines, mending words hyphenated at a line end.
std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& raw : lines) {
    const std::string line = trim(raw);
    if (line.empty()) continue;
    if (!out.empty() && out.back() == '-' && out.size() > 1 && std::islower(static_cast<unsigned char>(out[out.size() - 2])) &&
        std::islower(static_cast<unsigned char>(line[0])))
      out.pop_back();
    else if (!out.empty())
      out += ' ';
    out += line;
  }
  return out;
}

std::string family(const std::string& font) {
  std::string f = font.substr(0, font.find('-'));
  while (!f.empty() && (f.back() == 'B' || f.back() == 'I' || f.back() == 'O')) f.pop_back();
  return f;
}

double center(const Box& b) { return (b.x0 + b.x1) / 2; }

bool is_bold(const std::string& font) {
  static const Regex bold(R"((Bold|Bd|Semibold|Black|Heavy|BX\d*|B)$|-B|Bold)");
  return bold.contains(font);
}

bool overlaps(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

// A link box is on a line when most of its height is: LuaTeX draws link
// boxes taller than the glyphs, reaching into the next stacked name.
bool mostly_on(const Box& link, const Box& line) {
  const double shared = std::min(link.y1, line.y1) - std::max(link.y0, line.y0);
  return overlaps(link, line) && shared >= 0.5 * std::min(link.height(), line.height());
}

// ---------------------------------------------------------------- names and text

// Two spellings of one name across case, accents and punctuation, in any
// script, by core's one name folder.
bool same_folded_name(const std::string& a, const std::string& b) {
  const std::string ka = fold_name(a);
  return !ka.empty() && ka == fold_name(b);
}

// Math letters (U+1D400 block) as the letters they are; the page sets math
// italic where the source wrote $n$.
std::string plain_math_letters(const std::string& text) {
  std::string out;
  bool math_before = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    const bool math = cp >= 0x1D400 && cp <= 0x1D7FF;
    if (cp == ' ' && math_before && i < text.size() && (text[i] == '(' || text[i] == ')')) continue;  // italic correction
    if (math) {
      const char32_t k = cp - 0x1D400;
      if (cp >= 0x1D6A8 && cp <= 0x1D7C9) {  // Greek: 58 letters a style, capitals then small
        const char32_t g = (cp - 0x1D6A8) % 58;
        cp = g < 25 ? 0x391 + g : g >= 26 && g < 51 ? 0x3B1 + (g - 26) : cp;
      } else if (cp >= 0x1D7CE) {
        cp = '0' + (cp - 0x1D7CE) % 10;
      } else {
        const char32_t letter = k % 52;
        cp = letter < 26 ? 'A' + letter : 'a' + (letter - 26);
      }
      if (cp == 0x3B5 + 0) cp = 0x3F5;  // math epsilon is the lunate one
    }
    const bool planck = cp == 0x210E;  // math italic h
    if (planck) cp = 'h';
    const bool letter = cp < 0x80 && std::isalpha(static_cast<int>(cp));
    // "log𝑛": an operator name and a math letter are apart on the page (a thin space)
    if (!out.empty() && (((math || planck) && std::isalpha(static_cast<unsigned char>(out.back())) && !math_before) ||
                         (letter && math_before && !math)))
      out += ' ';
    append_utf8(out, cp);
    math_before = math || planck;
  }
  return out;
}

// A name without the marks after it; TeX prints an apostrophe as ’ (some
// fonts map it back to ').
// Footnote marks anywhere in a line of names ("TROVATO∗ and TOBIN∗, ...").
std::string without_inline_marks(const std::string& text) {
  static const Regex marks(R"((∗|†|‡|§|¶|‖|\*)+)");
  return marks.replace(text, "");
}

// Where `name` ends if `text` starts with it (case and accents aside), else 0.
std::size_t name_prefix(const std::string& text, const std::string& name) {
  const std::string key = fold_name(name);
  if (key.empty()) return 0;
  std::string taken;
  std::size_t i = 0;
  while (i < text.size() && fold_name(taken).size() < key.size()) {
    const std::size_t at = i;
    next_code_point(text, i);
    taken += text.substr(at, i - at);
  }
  if (fold_name(taken) != key) return 0;
  if (i < text.size() && text[i] == '.') ++i;  // "Jr."
  return i < text.size() && text[i] != ',' && text[i] != ' ' ? 0 : i;
}

bool is_email(const std::string& text) {
  static const Regex email(R"(^\S+@[\w.-]+\.\w+$)");
  return email.matches(text);
}

// The identifier an orcid.org link names; the journal formats capitalise
// the link with the name.
std::string orcid_of(const std::string& uri) {
  const std::string u = upper(uri);
  const auto at = u.find("ORCID.ORG/");
  if (at == std::string::npos) return "";
  std::string id = uri.substr(at + 10);
  while (!id.empty() && (id.back() == '/' || id.back() == ' ')) id.pop_back();
  return upper(id);
}

bool is_anonymous(const std::string& name) { return fold_name(name).rfind("anonymousauthor", 0) == 0; }

// ---------------------------------------------------------------- affiliations

// The address readers (read_address_line, read_address_parts) and is_country are core's
// (proceedings/names.hpp): import reads an affiliation given as one line with them too.

// "Root → Leaf; Leaf2; Leaf3." is three concepts under one root, as acmart
// prints a \ccsdesc group (the PDF Subject writes "->" and ".").
void append_concepts(std::string item, const std::string& arrow, const std::string& leaf_separator,
                     std::vector<Concept>& out) {
  item = trim(item);
  while (!item.empty() && (item.back() == ';' || item.back() == '.')) item.pop_back();
  const auto at = item.find(arrow);
  if (at == std::string::npos) {
    if (!item.empty()) out.push_back({item, 0});
    return;
  }
  const std::string root = trim(item.substr(0, at));
  for (const auto& leaf : split(item.substr(at + arrow.size()), leaf_separator))
    if (!trim(leaf).empty()) out.push_back({root + "~" + trim(leaf), 0});
}

}  // namespace proceedings::meta

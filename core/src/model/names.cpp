#include "proceedings/names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <set>
#include <vector>

#include "proceedings/latex_text.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings {

namespace {

// Greek and Cyrillic letters in small letters without tonos; 0 for any other code point.
char32_t small_greek_or_cyrillic(char32_t cp) {
  if (cp >= 0x391 && cp <= 0x3A9) cp += 0x20;       // Greek capitals
  else if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;  // Cyrillic capitals
  else if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;  // Cyrillic Ѐ..Џ
  static const std::pair<char32_t, char32_t> tonos[] = {
      {0x3AC, 0x3B1}, {0x3AD, 0x3B5}, {0x3AE, 0x3B7}, {0x3AF, 0x3B9}, {0x3CC, 0x3BF}, {0x3CD, 0x3C5}, {0x3CE, 0x3C9},
      {0x386, 0x3B1}, {0x388, 0x3B5}, {0x389, 0x3B7}, {0x38A, 0x3B9}, {0x38C, 0x3BF}, {0x38E, 0x3C5}, {0x38F, 0x3C9},
      {0x3C2, 0x3C3}};
  for (const auto& [from, to] : tonos)
    if (cp == from) cp = to;
  return (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x45F) ? cp : 0;
}

// Latin-1 punctuation and spaces, combining marks, general punctuation and
// symbols, CJK punctuation, variation selectors and the byte-order mark.
bool punctuation_or_mark(char32_t cp) {
  return (cp >= 0x80 && cp < 0xC0) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x300 && cp < 0x370) ||
         (cp >= 0x2000 && cp < 0x2C00) || (cp >= 0x3000 && cp < 0x3040) || (cp >= 0xFE00 && cp < 0xFE10) ||
         cp == 0xFEFF;
}

bool word_separator(char c) { return c == ' ' || c == '-' || c == '.'; }

}  // namespace

// The one name folder (issue 25 item 1): Latin letters to ASCII through
// ascii_fold, Greek and Cyrillic to small letters without tonos, letters of
// other scripts (CJK, ...) as they are, so that two names in such a script do
// not both fold to nothing; punctuation and combining marks go.
std::string fold_words(const std::string& name) {
  std::string out;
  auto ascii = [&](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
    else if (word_separator(c)) out += ' ';
  };
  for (std::size_t i = 0; i < name.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(name, i);
    if (cp < 0x80) {
      ascii(static_cast<char>(cp));
      continue;
    }
    const std::string character = name.substr(at, i - at);
    if (const std::string folded = ascii_fold(character); !folded.empty()) {
      for (char c : folded) ascii(c);
    } else if (const char32_t small = small_greek_or_cyrillic(cp)) {
      append_utf8(out, small);
    } else if (cp == 0xA0 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A)) {
      out += ' ';
    } else if (!punctuation_or_mark(cp)) {
      out += character;
    }
  }
  return out;
}

std::string fold_name(const std::string& name) {
  std::string out;
  for (char c : fold_words(name))
    if (c != ' ') out += c;
  return out;
}

std::string url_slug(const std::string& text) {
  std::string out;
  for (char c : ascii_fold(text)) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string index_sort_key(const Person& person) {
  std::string key = family_sort_key(person);
  const bool folded_away = std::all_of(key.begin(), key.end(), [](char c) { return c == ' '; });
  if (folded_away) key = "\x7F" + family_name(person) + " " + person.name;  // after every ASCII key
  return key;
}

std::string index_sort_key(const std::string& full_name) {
  Person person;
  person.name = full_name;
  return index_sort_key(person);
}

namespace {

const char* const country_names[] = {
    "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Argentina", "Armenia",
    "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium",
    "Belize", "Benin", "Bhutan", "Bolivia", "Bosnia and Herzegovina", "Botswana", "Brazil", "Brasil", "Brunei",
    "Bulgaria", "Burkina Faso", "Burundi", "Cabo Verde", "Cambodia", "Cameroon", "Canada", "Central African Republic",
    "Chad", "Chile", "China", "PR China", "P.R. China", "P. R. China", "People's Republic of China", "Colombia",
    "Comoros", "Congo", "Costa Rica", "Côte d'Ivoire", "Croatia", "Cuba", "Cyprus", "Czech Republic", "Czechia",
    "Denmark", "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea",
    "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia", "Georgia",
    "Germany", "Deutschland", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guyana", "Haiti", "Honduras",
    "Hong Kong", "Hong Kong SAR", "Hong Kong SAR China", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq",
    "Ireland", "Israel", "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Korea",
    "South Korea", "Republic of Korea", "Korea (South)", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon",
    "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Macau", "Macao", "Madagascar",
    "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Mauritania", "Mauritius", "Mexico", "México", "Moldova",
    "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nepal", "Netherlands",
    "The Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Macedonia", "Norway", "Oman",
    "Pakistan", "Palestine", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal",
    "Puerto Rico", "Qatar", "Romania", "Russia", "Russian Federation", "Rwanda", "Saudi Arabia", "Senegal", "Serbia",
    "Singapore", "Slovakia", "Slovenia", "Somalia", "South Africa", "Spain", "España", "Sri Lanka", "Sudan",
    "Suriname", "Sweden", "Switzerland", "Syria", "Taiwan", "Taiwan ROC", "Tajikistan", "Tanzania", "Thailand",
    "Togo", "Trinidad and Tobago", "Tunisia", "Turkey", "Türkiye", "Turkmenistan", "Uganda", "Ukraine",
    "United Arab Emirates", "UAE", "United Kingdom", "UK", "U.K.", "Great Britain", "England", "Scotland", "Wales",
    "Northern Ireland", "United States", "United States of America", "USA", "U.S.A.", "US", "U.S.", "Uruguay",
    "Uzbekistan", "Vatican City", "Venezuela", "Vietnam", "Viet Nam", "Yemen", "Zambia", "Zimbabwe",
};

std::vector<std::string> comma_parts(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t at = text.find(','); ; at = text.find(',', start)) {
    const std::string part = trim(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (!part.empty()) out.push_back(part);
    if (at == std::string::npos) break;
    start = at + 1;
  }
  return out;
}

// Words that make a part of an affiliation the institution, or one of its units.
bool names_institution(const std::string& part) {
  static const Regex words(
      R"(\b(University|Universit\w*|Universidad|Universidade|Università|Institute|Institut|Instituto|Istituto|Laboratory|Laboratories|National Lab|College|Academy|Polytechnic|Politecnico|Hochschule|École|Ecole|Inc\.?|Corporation|Corp\.?|Company|GmbH|Ltd\.?|LLC|Center|Centre|Foundation)\b)");
  return words.contains(part);
}

bool names_unit(const std::string& part) {
  static const Regex words(R"(\b(Department|Dept\.?|School|Faculty|Division|Group|Chair|Lab|Unit|Program|Programme)\b)",
                           Regex::icase);
  return words.contains(part);
}

struct Composition {
  char32_t base, mark, composed;
};

// Every Latin letter of U+00C0-U+024F and U+1E00-U+1EFF that Unicode composes
// from a letter and one combining mark, sorted, as Python's unicodedata lists
// them (a unit test compares composed_latin with unicodedata.normalize("NFC")
// over all of them). Letters with two marks compose in two steps ("ệ" is
// "ẹ" + U+0302).
constexpr Composition compositions[] = {
    {0x0041, 0x0300, 0x00C0},
    {0x0041, 0x0301, 0x00C1},
    {0x0041, 0x0302, 0x00C2},
    {0x0041, 0x0303, 0x00C3},
    {0x0041, 0x0304, 0x0100},
    {0x0041, 0x0306, 0x0102},
    {0x0041, 0x0307, 0x0226},
    {0x0041, 0x0308, 0x00C4},
    {0x0041, 0x0309, 0x1EA2},
    {0x0041, 0x030A, 0x00C5},
    {0x0041, 0x030C, 0x01CD},
    {0x0041, 0x030F, 0x0200},
    {0x0041, 0x0311, 0x0202},
    {0x0041, 0x0323, 0x1EA0},
    {0x0041, 0x0325, 0x1E00},
    {0x0041, 0x0328, 0x0104},
    {0x0042, 0x0307, 0x1E02},
    {0x0042, 0x0323, 0x1E04},
    {0x0042, 0x0331, 0x1E06},
    {0x0043, 0x0301, 0x0106},
    {0x0043, 0x0302, 0x0108},
    {0x0043, 0x0307, 0x010A},
    {0x0043, 0x030C, 0x010C},
    {0x0043, 0x0327, 0x00C7},
    {0x0044, 0x0307, 0x1E0A},
    {0x0044, 0x030C, 0x010E},
    {0x0044, 0x0323, 0x1E0C},
    {0x0044, 0x0327, 0x1E10},
    {0x0044, 0x032D, 0x1E12},
    {0x0044, 0x0331, 0x1E0E},
    {0x0045, 0x0300, 0x00C8},
    {0x0045, 0x0301, 0x00C9},
    {0x0045, 0x0302, 0x00CA},
    {0x0045, 0x0303, 0x1EBC},
    {0x0045, 0x0304, 0x0112},
    {0x0045, 0x0306, 0x0114},
    {0x0045, 0x0307, 0x0116},
    {0x0045, 0x0308, 0x00CB},
    {0x0045, 0x0309, 0x1EBA},
    {0x0045, 0x030C, 0x011A},
    {0x0045, 0x030F, 0x0204},
    {0x0045, 0x0311, 0x0206},
    {0x0045, 0x0323, 0x1EB8},
    {0x0045, 0x0327, 0x0228},
    {0x0045, 0x0328, 0x0118},
    {0x0045, 0x032D, 0x1E18},
    {0x0045, 0x0330, 0x1E1A},
    {0x0046, 0x0307, 0x1E1E},
    {0x0047, 0x0301, 0x01F4},
    {0x0047, 0x0302, 0x011C},
    {0x0047, 0x0304, 0x1E20},
    {0x0047, 0x0306, 0x011E},
    {0x0047, 0x0307, 0x0120},
    {0x0047, 0x030C, 0x01E6},
    {0x0047, 0x0327, 0x0122},
    {0x0048, 0x0302, 0x0124},
    {0x0048, 0x0307, 0x1E22},
    {0x0048, 0x0308, 0x1E26},
    {0x0048, 0x030C, 0x021E},
    {0x0048, 0x0323, 0x1E24},
    {0x0048, 0x0327, 0x1E28},
    {0x0048, 0x032E, 0x1E2A},
    {0x0049, 0x0300, 0x00CC},
    {0x0049, 0x0301, 0x00CD},
    {0x0049, 0x0302, 0x00CE},
    {0x0049, 0x0303, 0x0128},
    {0x0049, 0x0304, 0x012A},
    {0x0049, 0x0306, 0x012C},
    {0x0049, 0x0307, 0x0130},
    {0x0049, 0x0308, 0x00CF},
    {0x0049, 0x0309, 0x1EC8},
    {0x0049, 0x030C, 0x01CF},
    {0x0049, 0x030F, 0x0208},
    {0x0049, 0x0311, 0x020A},
    {0x0049, 0x0323, 0x1ECA},
    {0x0049, 0x0328, 0x012E},
    {0x0049, 0x0330, 0x1E2C},
    {0x004A, 0x0302, 0x0134},
    {0x004B, 0x0301, 0x1E30},
    {0x004B, 0x030C, 0x01E8},
    {0x004B, 0x0323, 0x1E32},
    {0x004B, 0x0327, 0x0136},
    {0x004B, 0x0331, 0x1E34},
    {0x004C, 0x0301, 0x0139},
    {0x004C, 0x030C, 0x013D},
    {0x004C, 0x0323, 0x1E36},
    {0x004C, 0x0327, 0x013B},
    {0x004C, 0x032D, 0x1E3C},
    {0x004C, 0x0331, 0x1E3A},
    {0x004D, 0x0301, 0x1E3E},
    {0x004D, 0x0307, 0x1E40},
    {0x004D, 0x0323, 0x1E42},
    {0x004E, 0x0300, 0x01F8},
    {0x004E, 0x0301, 0x0143},
    {0x004E, 0x0303, 0x00D1},
    {0x004E, 0x0307, 0x1E44},
    {0x004E, 0x030C, 0x0147},
    {0x004E, 0x0323, 0x1E46},
    {0x004E, 0x0327, 0x0145},
    {0x004E, 0x032D, 0x1E4A},
    {0x004E, 0x0331, 0x1E48},
    {0x004F, 0x0300, 0x00D2},
    {0x004F, 0x0301, 0x00D3},
    {0x004F, 0x0302, 0x00D4},
    {0x004F, 0x0303, 0x00D5},
    {0x004F, 0x0304, 0x014C},
    {0x004F, 0x0306, 0x014E},
    {0x004F, 0x0307, 0x022E},
    {0x004F, 0x0308, 0x00D6},
    {0x004F, 0x0309, 0x1ECE},
    {0x004F, 0x030B, 0x0150},
    {0x004F, 0x030C, 0x01D1},
    {0x004F, 0x030F, 0x020C},
    {0x004F, 0x0311, 0x020E},
    {0x004F, 0x031B, 0x01A0},
    {0x004F, 0x0323, 0x1ECC},
    {0x004F, 0x0328, 0x01EA},
    {0x0050, 0x0301, 0x1E54},
    {0x0050, 0x0307, 0x1E56},
    {0x0052, 0x0301, 0x0154},
    {0x0052, 0x0307, 0x1E58},
    {0x0052, 0x030C, 0x0158},
    {0x0052, 0x030F, 0x0210},
    {0x0052, 0x0311, 0x0212},
    {0x0052, 0x0323, 0x1E5A},
    {0x0052, 0x0327, 0x0156},
    {0x0052, 0x0331, 0x1E5E},
    {0x0053, 0x0301, 0x015A},
    {0x0053, 0x0302, 0x015C},
    {0x0053, 0x0307, 0x1E60},
    {0x0053, 0x030C, 0x0160},
    {0x0053, 0x0323, 0x1E62},
    {0x0053, 0x0326, 0x0218},
    {0x0053, 0x0327, 0x015E},
    {0x0054, 0x0307, 0x1E6A},
    {0x0054, 0x030C, 0x0164},
    {0x0054, 0x0323, 0x1E6C},
    {0x0054, 0x0326, 0x021A},
    {0x0054, 0x0327, 0x0162},
    {0x0054, 0x032D, 0x1E70},
    {0x0054, 0x0331, 0x1E6E},
    {0x0055, 0x0300, 0x00D9},
    {0x0055, 0x0301, 0x00DA},
    {0x0055, 0x0302, 0x00DB},
    {0x0055, 0x0303, 0x0168},
    {0x0055, 0x0304, 0x016A},
    {0x0055, 0x0306, 0x016C},
    {0x0055, 0x0308, 0x00DC},
    {0x0055, 0x0309, 0x1EE6},
    {0x0055, 0x030A, 0x016E},
    {0x0055, 0x030B, 0x0170},
    {0x0055, 0x030C, 0x01D3},
    {0x0055, 0x030F, 0x0214},
    {0x0055, 0x0311, 0x0216},
    {0x0055, 0x031B, 0x01AF},
    {0x0055, 0x0323, 0x1EE4},
    {0x0055, 0x0324, 0x1E72},
    {0x0055, 0x0328, 0x0172},
    {0x0055, 0x032D, 0x1E76},
    {0x0055, 0x0330, 0x1E74},
    {0x0056, 0x0303, 0x1E7C},
    {0x0056, 0x0323, 0x1E7E},
    {0x0057, 0x0300, 0x1E80},
    {0x0057, 0x0301, 0x1E82},
    {0x0057, 0x0302, 0x0174},
    {0x0057, 0x0307, 0x1E86},
    {0x0057, 0x0308, 0x1E84},
    {0x0057, 0x0323, 0x1E88},
    {0x0058, 0x0307, 0x1E8A},
    {0x0058, 0x0308, 0x1E8C},
    {0x0059, 0x0300, 0x1EF2},
    {0x0059, 0x0301, 0x00DD},
    {0x0059, 0x0302, 0x0176},
    {0x0059, 0x0303, 0x1EF8},
    {0x0059, 0x0304, 0x0232},
    {0x0059, 0x0307, 0x1E8E},
    {0x0059, 0x0308, 0x0178},
    {0x0059, 0x0309, 0x1EF6},
    {0x0059, 0x0323, 0x1EF4},
    {0x005A, 0x0301, 0x0179},
    {0x005A, 0x0302, 0x1E90},
    {0x005A, 0x0307, 0x017B},
    {0x005A, 0x030C, 0x017D},
    {0x005A, 0x0323, 0x1E92},
    {0x005A, 0x0331, 0x1E94},
    {0x0061, 0x0300, 0x00E0},
    {0x0061, 0x0301, 0x00E1},
    {0x0061, 0x0302, 0x00E2},
    {0x0061, 0x0303, 0x00E3},
    {0x0061, 0x0304, 0x0101},
    {0x0061, 0x0306, 0x0103},
    {0x0061, 0x0307, 0x0227},
    {0x0061, 0x0308, 0x00E4},
    {0x0061, 0x0309, 0x1EA3},
    {0x0061, 0x030A, 0x00E5},
    {0x0061, 0x030C, 0x01CE},
    {0x0061, 0x030F, 0x0201},
    {0x0061, 0x0311, 0x0203},
    {0x0061, 0x0323, 0x1EA1},
    {0x0061, 0x0325, 0x1E01},
    {0x0061, 0x0328, 0x0105},
    {0x0062, 0x0307, 0x1E03},
    {0x0062, 0x0323, 0x1E05},
    {0x0062, 0x0331, 0x1E07},
    {0x0063, 0x0301, 0x0107},
    {0x0063, 0x0302, 0x0109},
    {0x0063, 0x0307, 0x010B},
    {0x0063, 0x030C, 0x010D},
    {0x0063, 0x0327, 0x00E7},
    {0x0064, 0x0307, 0x1E0B},
    {0x0064, 0x030C, 0x010F},
    {0x0064, 0x0323, 0x1E0D},
    {0x0064, 0x0327, 0x1E11},
    {0x0064, 0x032D, 0x1E13},
    {0x0064, 0x0331, 0x1E0F},
    {0x0065, 0x0300, 0x00E8},
    {0x0065, 0x0301, 0x00E9},
    {0x0065, 0x0302, 0x00EA},
    {0x0065, 0x0303, 0x1EBD},
    {0x0065, 0x0304, 0x0113},
    {0x0065, 0x0306, 0x0115},
    {0x0065, 0x0307, 0x0117},
    {0x0065, 0x0308, 0x00EB},
    {0x0065, 0x0309, 0x1EBB},
    {0x0065, 0x030C, 0x011B},
    {0x0065, 0x030F, 0x0205},
    {0x0065, 0x0311, 0x0207},
    {0x0065, 0x0323, 0x1EB9},
    {0x0065, 0x0327, 0x0229},
    {0x0065, 0x0328, 0x0119},
    {0x0065, 0x032D, 0x1E19},
    {0x0065, 0x0330, 0x1E1B},
    {0x0066, 0x0307, 0x1E1F},
    {0x0067, 0x0301, 0x01F5},
    {0x0067, 0x0302, 0x011D},
    {0x0067, 0x0304, 0x1E21},
    {0x0067, 0x0306, 0x011F},
    {0x0067, 0x0307, 0x0121},
    {0x0067, 0x030C, 0x01E7},
    {0x0067, 0x0327, 0x0123},
    {0x0068, 0x0302, 0x0125},
    {0x0068, 0x0307, 0x1E23},
    {0x0068, 0x0308, 0x1E27},
    {0x0068, 0x030C, 0x021F},
    {0x0068, 0x0323, 0x1E25},
    {0x0068, 0x0327, 0x1E29},
    {0x0068, 0x032E, 0x1E2B},
    {0x0068, 0x0331, 0x1E96},
    {0x0069, 0x0300, 0x00EC},
    {0x0069, 0x0301, 0x00ED},
    {0x0069, 0x0302, 0x00EE},
    {0x0069, 0x0303, 0x0129},
    {0x0069, 0x0304, 0x012B},
    {0x0069, 0x0306, 0x012D},
    {0x0069, 0x0308, 0x00EF},
    {0x0069, 0x0309, 0x1EC9},
    {0x0069, 0x030C, 0x01D0},
    {0x0069, 0x030F, 0x0209},
    {0x0069, 0x0311, 0x020B},
    {0x0069, 0x0323, 0x1ECB},
    {0x0069, 0x0328, 0x012F},
    {0x0069, 0x0330, 0x1E2D},
    {0x006A, 0x0302, 0x0135},
    {0x006A, 0x030C, 0x01F0},
    {0x006B, 0x0301, 0x1E31},
    {0x006B, 0x030C, 0x01E9},
    {0x006B, 0x0323, 0x1E33},
    {0x006B, 0x0327, 0x0137},
    {0x006B, 0x0331, 0x1E35},
    {0x006C, 0x0301, 0x013A},
    {0x006C, 0x030C, 0x013E},
    {0x006C, 0x0323, 0x1E37},
    {0x006C, 0x0327, 0x013C},
    {0x006C, 0x032D, 0x1E3D},
    {0x006C, 0x0331, 0x1E3B},
    {0x006D, 0x0301, 0x1E3F},
    {0x006D, 0x0307, 0x1E41},
    {0x006D, 0x0323, 0x1E43},
    {0x006E, 0x0300, 0x01F9},
    {0x006E, 0x0301, 0x0144},
    {0x006E, 0x0303, 0x00F1},
    {0x006E, 0x0307, 0x1E45},
    {0x006E, 0x030C, 0x0148},
    {0x006E, 0x0323, 0x1E47},
    {0x006E, 0x0327, 0x0146},
    {0x006E, 0x032D, 0x1E4B},
    {0x006E, 0x0331, 0x1E49},
    {0x006F, 0x0300, 0x00F2},
    {0x006F, 0x0301, 0x00F3},
    {0x006F, 0x0302, 0x00F4},
    {0x006F, 0x0303, 0x00F5},
    {0x006F, 0x0304, 0x014D},
    {0x006F, 0x0306, 0x014F},
    {0x006F, 0x0307, 0x022F},
    {0x006F, 0x0308, 0x00F6},
    {0x006F, 0x0309, 0x1ECF},
    {0x006F, 0x030B, 0x0151},
    {0x006F, 0x030C, 0x01D2},
    {0x006F, 0x030F, 0x020D},
    {0x006F, 0x0311, 0x020F},
    {0x006F, 0x031B, 0x01A1},
    {0x006F, 0x0323, 0x1ECD},
    {0x006F, 0x0328, 0x01EB},
    {0x0070, 0x0301, 0x1E55},
    {0x0070, 0x0307, 0x1E57},
    {0x0072, 0x0301, 0x0155},
    {0x0072, 0x0307, 0x1E59},
    {0x0072, 0x030C, 0x0159},
    {0x0072, 0x030F, 0x0211},
    {0x0072, 0x0311, 0x0213},
    {0x0072, 0x0323, 0x1E5B},
    {0x0072, 0x0327, 0x0157},
    {0x0072, 0x0331, 0x1E5F},
    {0x0073, 0x0301, 0x015B},
    {0x0073, 0x0302, 0x015D},
    {0x0073, 0x0307, 0x1E61},
    {0x0073, 0x030C, 0x0161},
    {0x0073, 0x0323, 0x1E63},
    {0x0073, 0x0326, 0x0219},
    {0x0073, 0x0327, 0x015F},
    {0x0074, 0x0307, 0x1E6B},
    {0x0074, 0x0308, 0x1E97},
    {0x0074, 0x030C, 0x0165},
    {0x0074, 0x0323, 0x1E6D},
    {0x0074, 0x0326, 0x021B},
    {0x0074, 0x0327, 0x0163},
    {0x0074, 0x032D, 0x1E71},
    {0x0074, 0x0331, 0x1E6F},
    {0x0075, 0x0300, 0x00F9},
    {0x0075, 0x0301, 0x00FA},
    {0x0075, 0x0302, 0x00FB},
    {0x0075, 0x0303, 0x0169},
    {0x0075, 0x0304, 0x016B},
    {0x0075, 0x0306, 0x016D},
    {0x0075, 0x0308, 0x00FC},
    {0x0075, 0x0309, 0x1EE7},
    {0x0075, 0x030A, 0x016F},
    {0x0075, 0x030B, 0x0171},
    {0x0075, 0x030C, 0x01D4},
    {0x0075, 0x030F, 0x0215},
    {0x0075, 0x0311, 0x0217},
    {0x0075, 0x031B, 0x01B0},
    {0x0075, 0x0323, 0x1EE5},
    {0x0075, 0x0324, 0x1E73},
    {0x0075, 0x0328, 0x0173},
    {0x0075, 0x032D, 0x1E77},
    {0x0075, 0x0330, 0x1E75},
    {0x0076, 0x0303, 0x1E7D},
    {0x0076, 0x0323, 0x1E7F},
    {0x0077, 0x0300, 0x1E81},
    {0x0077, 0x0301, 0x1E83},
    {0x0077, 0x0302, 0x0175},
    {0x0077, 0x0307, 0x1E87},
    {0x0077, 0x0308, 0x1E85},
    {0x0077, 0x030A, 0x1E98},
    {0x0077, 0x0323, 0x1E89},
    {0x0078, 0x0307, 0x1E8B},
    {0x0078, 0x0308, 0x1E8D},
    {0x0079, 0x0300, 0x1EF3},
    {0x0079, 0x0301, 0x00FD},
    {0x0079, 0x0302, 0x0177},
    {0x0079, 0x0303, 0x1EF9},
    {0x0079, 0x0304, 0x0233},
    {0x0079, 0x0307, 0x1E8F},
    {0x0079, 0x0308, 0x00FF},
    {0x0079, 0x0309, 0x1EF7},
    {0x0079, 0x030A, 0x1E99},
    {0x0079, 0x0323, 0x1EF5},
    {0x007A, 0x0301, 0x017A},
    {0x007A, 0x0302, 0x1E91},
    {0x007A, 0x0307, 0x017C},
    {0x007A, 0x030C, 0x017E},
    {0x007A, 0x0323, 0x1E93},
    {0x007A, 0x0331, 0x1E95},
    {0x00C2, 0x0300, 0x1EA6},
    {0x00C2, 0x0301, 0x1EA4},
    {0x00C2, 0x0303, 0x1EAA},
    {0x00C2, 0x0309, 0x1EA8},
    {0x00C4, 0x0304, 0x01DE},
    {0x00C5, 0x0301, 0x01FA},
    {0x00C6, 0x0301, 0x01FC},
    {0x00C6, 0x0304, 0x01E2},
    {0x00C7, 0x0301, 0x1E08},
    {0x00CA, 0x0300, 0x1EC0},
    {0x00CA, 0x0301, 0x1EBE},
    {0x00CA, 0x0303, 0x1EC4},
    {0x00CA, 0x0309, 0x1EC2},
    {0x00CF, 0x0301, 0x1E2E},
    {0x00D4, 0x0300, 0x1ED2},
    {0x00D4, 0x0301, 0x1ED0},
    {0x00D4, 0x0303, 0x1ED6},
    {0x00D4, 0x0309, 0x1ED4},
    {0x00D5, 0x0301, 0x1E4C},
    {0x00D5, 0x0304, 0x022C},
    {0x00D5, 0x0308, 0x1E4E},
    {0x00D6, 0x0304, 0x022A},
    {0x00D8, 0x0301, 0x01FE},
    {0x00DC, 0x0300, 0x01DB},
    {0x00DC, 0x0301, 0x01D7},
    {0x00DC, 0x0304, 0x01D5},
    {0x00DC, 0x030C, 0x01D9},
    {0x00E2, 0x0300, 0x1EA7},
    {0x00E2, 0x0301, 0x1EA5},
    {0x00E2, 0x0303, 0x1EAB},
    {0x00E2, 0x0309, 0x1EA9},
    {0x00E4, 0x0304, 0x01DF},
    {0x00E5, 0x0301, 0x01FB},
    {0x00E6, 0x0301, 0x01FD},
    {0x00E6, 0x0304, 0x01E3},
    {0x00E7, 0x0301, 0x1E09},
    {0x00EA, 0x0300, 0x1EC1},
    {0x00EA, 0x0301, 0x1EBF},
    {0x00EA, 0x0303, 0x1EC5},
    {0x00EA, 0x0309, 0x1EC3},
    {0x00EF, 0x0301, 0x1E2F},
    {0x00F4, 0x0300, 0x1ED3},
    {0x00F4, 0x0301, 0x1ED1},
    {0x00F4, 0x0303, 0x1ED7},
    {0x00F4, 0x0309, 0x1ED5},
    {0x00F5, 0x0301, 0x1E4D},
    {0x00F5, 0x0304, 0x022D},
    {0x00F5, 0x0308, 0x1E4F},
    {0x00F6, 0x0304, 0x022B},
    {0x00F8, 0x0301, 0x01FF},
    {0x00FC, 0x0300, 0x01DC},
    {0x00FC, 0x0301, 0x01D8},
    {0x00FC, 0x0304, 0x01D6},
    {0x00FC, 0x030C, 0x01DA},
    {0x0102, 0x0300, 0x1EB0},
    {0x0102, 0x0301, 0x1EAE},
    {0x0102, 0x0303, 0x1EB4},
    {0x0102, 0x0309, 0x1EB2},
    {0x0103, 0x0300, 0x1EB1},
    {0x0103, 0x0301, 0x1EAF},
    {0x0103, 0x0303, 0x1EB5},
    {0x0103, 0x0309, 0x1EB3},
    {0x0112, 0x0300, 0x1E14},
    {0x0112, 0x0301, 0x1E16},
    {0x0113, 0x0300, 0x1E15},
    {0x0113, 0x0301, 0x1E17},
    {0x014C, 0x0300, 0x1E50},
    {0x014C, 0x0301, 0x1E52},
    {0x014D, 0x0300, 0x1E51},
    {0x014D, 0x0301, 0x1E53},
    {0x015A, 0x0307, 0x1E64},
    {0x015B, 0x0307, 0x1E65},
    {0x0160, 0x0307, 0x1E66},
    {0x0161, 0x0307, 0x1E67},
    {0x0168, 0x0301, 0x1E78},
    {0x0169, 0x0301, 0x1E79},
    {0x016A, 0x0308, 0x1E7A},
    {0x016B, 0x0308, 0x1E7B},
    {0x017F, 0x0307, 0x1E9B},
    {0x01A0, 0x0300, 0x1EDC},
    {0x01A0, 0x0301, 0x1EDA},
    {0x01A0, 0x0303, 0x1EE0},
    {0x01A0, 0x0309, 0x1EDE},
    {0x01A0, 0x0323, 0x1EE2},
    {0x01A1, 0x0300, 0x1EDD},
    {0x01A1, 0x0301, 0x1EDB},
    {0x01A1, 0x0303, 0x1EE1},
    {0x01A1, 0x0309, 0x1EDF},
    {0x01A1, 0x0323, 0x1EE3},
    {0x01AF, 0x0300, 0x1EEA},
    {0x01AF, 0x0301, 0x1EE8},
    {0x01AF, 0x0303, 0x1EEE},
    {0x01AF, 0x0309, 0x1EEC},
    {0x01AF, 0x0323, 0x1EF0},
    {0x01B0, 0x0300, 0x1EEB},
    {0x01B0, 0x0301, 0x1EE9},
    {0x01B0, 0x0303, 0x1EEF},
    {0x01B0, 0x0309, 0x1EED},
    {0x01B0, 0x0323, 0x1EF1},
    {0x01B7, 0x030C, 0x01EE},
    {0x01EA, 0x0304, 0x01EC},
    {0x01EB, 0x0304, 0x01ED},
    {0x0226, 0x0304, 0x01E0},
    {0x0227, 0x0304, 0x01E1},
    {0x0228, 0x0306, 0x1E1C},
    {0x0229, 0x0306, 0x1E1D},
    {0x022E, 0x0304, 0x0230},
    {0x022F, 0x0304, 0x0231},
    {0x0292, 0x030C, 0x01EF},
    {0x1E36, 0x0304, 0x1E38},
    {0x1E37, 0x0304, 0x1E39},
    {0x1E5A, 0x0304, 0x1E5C},
    {0x1E5B, 0x0304, 0x1E5D},
    {0x1E62, 0x0307, 0x1E68},
    {0x1E63, 0x0307, 0x1E69},
    {0x1EA0, 0x0302, 0x1EAC},
    {0x1EA0, 0x0306, 0x1EB6},
    {0x1EA1, 0x0302, 0x1EAD},
    {0x1EA1, 0x0306, 0x1EB7},
    {0x1EB8, 0x0302, 0x1EC6},
    {0x1EB9, 0x0302, 0x1EC7},
    {0x1ECC, 0x0302, 0x1ED8},
    {0x1ECD, 0x0302, 0x1ED9},
};

// The canonical combining class of U+0300-U+036F, by which marks are put in
// their canonical order before composing (Unicode's UnicodeData.txt).
constexpr std::array<std::uint8_t, 0x70> mark_classes = {230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 232, 220, 220, 220, 220, 232, 216, 220, 220, 220, 220, 220, 202, 202, 220, 220, 220, 220, 202, 202, 220, 220, 220, 220, 220, 220, 220, 220, 220, 220, 220, 1, 1, 1, 1, 1, 220, 220, 220, 220, 230, 230, 230, 230, 230, 230, 230, 230, 240, 230, 220, 220, 220, 230, 230, 230, 220, 220, 0, 230, 230, 230, 220, 220, 220, 220, 230, 232, 220, 220, 230, 233, 234, 234, 233, 234, 234, 233, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230};

bool is_mark(char32_t c) { return c >= 0x300 && c < 0x370; }
int mark_class(char32_t c) { return is_mark(c) ? mark_classes[c - 0x300] : 0; }

char32_t composed(char32_t base, char32_t mark) {
  const Composition key{base, mark, 0};
  const auto less = [](const Composition& a, const Composition& b) {
    return a.base != b.base ? a.base < b.base : a.mark < b.mark;
  };
  const auto* found = std::lower_bound(std::begin(compositions), std::end(compositions), key, less);
  return found != std::end(compositions) && found->base == base && found->mark == mark ? found->composed : 0;
}

}  // namespace

bool is_country(const std::string& text) {
  static const std::set<std::string> folded = [] {
    std::set<std::string> out;
    for (const char* n : country_names) out.insert(fold_name(n));
    return out;
  }();
  const std::string f = fold_name(text);
  return !f.empty() && folded.count(f) > 0;
}

void read_address_line(const std::string& line, Affiliation& a) {
  const auto parts = comma_parts(line);
  if (parts.empty()) return;
  a.country = parts.back();
  if (parts.size() >= 2) a.city = parts.front();
  if (parts.size() >= 3) {
    std::string state;
    for (std::size_t k = 1; k + 1 < parts.size(); ++k) state += (state.empty() ? "" : ", ") + parts[k];
    a.state = state;
  }
}

void read_address_parts(const std::vector<std::string>& parts, Affiliation& a) {
  static const Regex postcode(R"(^(?=.*\d)[A-Z0-9][A-Z0-9 -]{1,9}$)");
  static const Regex street(R"(\d.*[A-Za-z]{3}|[A-Za-z]{3}.*\d)");
  std::vector<std::string> rest;
  for (const auto& p : parts) {
    if (a.postcode.empty() && postcode.matches(p)) a.postcode = p;
    else if (a.street.empty() && street.contains(p)) a.street = p;
    else rest.push_back(p);
  }
  if (!rest.empty()) a.city = rest[0];
  for (std::size_t k = 1; k < rest.size(); ++k) a.state += (a.state.empty() ? "" : ", ") + rest[k];
}

Affiliation affiliation_from_text(const std::string& text, const std::string& country) {
  Affiliation a = affiliation_from_text(text);
  if (a.country.empty()) a.country = trim(country);
  return a;
}

Affiliation affiliation_from_text(const std::string& text) {
  Affiliation a;
  a.institution = trim(text);
  const auto parts = comma_parts(text);
  if (parts.size() < 2 || !is_country(parts.back())) return a;
  const std::size_t before_country = parts.size() - 1;
  // The institution: the last part that names one (units come before it),
  // else the first that is not a unit ("Dept. of CS, KTH, Stockholm, Sweden").
  std::size_t at = before_country;
  for (std::size_t k = before_country; k-- > 0;)
    if (names_institution(parts[k]) && !names_unit(parts[k])) {
      at = k;
      break;
    }
  if (at == before_country)
    for (std::size_t k = 0; k < before_country; ++k)
      if (!names_unit(parts[k])) {
        at = k;
        break;
      }
  if (at == before_country) at = 0;
  a.institution = parts[at];
  for (std::size_t k = 0; k < at; ++k) a.departments.push_back(parts[k]);
  read_address_parts({parts.begin() + static_cast<long>(at) + 1, parts.begin() + static_cast<long>(before_country)}, a);
  a.country = parts.back();
  return a;
}

bool fill_affiliation(Affiliation& mine, const Affiliation& theirs) {
  const Affiliation before = mine;
  Affiliation bare;
  bare.institution = mine.institution;
  if (mine == bare && fold_name(mine.institution) != fold_name(theirs.institution)) {
    const Affiliation parsed = affiliation_from_text(mine.institution);
    if (fold_name(display_affiliation(theirs)) == fold_name(mine.institution)) mine = theirs;
    else if (fold_name(parsed.institution) == fold_name(theirs.institution)) mine = parsed;
  }
  if (fold_name(mine.institution) != fold_name(theirs.institution)) return false;
  for (auto [to, from] : {std::pair{&mine.position, &theirs.position}, std::pair{&mine.street, &theirs.street},
                          std::pair{&mine.city, &theirs.city}, std::pair{&mine.state, &theirs.state},
                          std::pair{&mine.postcode, &theirs.postcode}, std::pair{&mine.country, &theirs.country}})
    if (to->empty()) *to = *from;
  if (mine.departments.empty()) mine.departments = theirs.departments;
  return !(mine == before);
}

std::string composed_latin(const std::string& text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return text;
  std::vector<char32_t> cps = utf8_characters(text);
  // Canonical order: a run of marks sorted by class, stably.
  for (std::size_t i = 0; i < cps.size();) {
    std::size_t end = i;
    while (end < cps.size() && mark_class(cps[end]) > 0) ++end;
    if (end > i + 1)
      std::stable_sort(cps.begin() + static_cast<long>(i), cps.begin() + static_cast<long>(end),
                       [](char32_t a, char32_t b) { return mark_class(a) < mark_class(b); });
    i = end > i ? end : i + 1;
  }
  // Unicode's composition: a mark joins the last starter unless a mark of the
  // same or a higher class stands between them.
  std::vector<char32_t> out;
  std::size_t starter = SIZE_MAX;
  int last_class = -1;
  for (char32_t cp : cps) {
    const int cls = mark_class(cp);
    if (cls > 0 && starter != SIZE_MAX && last_class < cls) {
      if (const char32_t c = composed(out[starter], cp)) {
        out[starter] = c;
        continue;
      }
    }
    if (cls == 0) {
      starter = out.size();
      last_class = -1;
    } else {
      last_class = cls;
    }
    out.push_back(cp);
  }
  std::string result;
  for (char32_t cp : out) append_utf8(result, cp);
  return result;
}

std::string typographic_form(const std::string& text) {
  static const std::pair<const char*, const char*> table[] = {
      {"\u2019", "'"}, {"\u2018", "'"}, {"\u02BC", "'"}, {"\u2032", "'"}, {"\u201C", "\""}, {"\u201D", "\""},
      {"\u2010", "-"}, {"\u2011", "-"}, {"\u2012", "-"}, {"\u2013", "-"}, {"\u2014", "-"}, {"\u2212", "-"},
      {"\u00A0", " "}, {"\u202F", " "}, {"\u2009", " "}, {"\t", " "}};
  const std::string in = composed_latin(text);
  std::string out;
  for (std::size_t i = 0; i < in.size();) {
    bool replaced = false;
    for (const auto& [from, to] : table)
      if (in.compare(i, std::char_traits<char>::length(from), from) == 0) {
        out += to;
        i += std::char_traits<char>::length(from);
        replaced = true;
        break;
      }
    if (!replaced) out += in[i++];
    if (out.size() >= 2 && out.back() == ' ' && out[out.size() - 2] == ' ') out.pop_back();
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  return out;
}

bool same_name(const std::string& a, const std::string& b) { return a == b || typographic_form(a) == typographic_form(b); }

Person person_named(const std::string& given_names, const std::string& family, const std::string& middle) {
  const std::string given =
      middle.empty() ? given_names : given_names.empty() ? middle : given_names + " " + middle;
  Person p;
  p.name = given.empty() ? family : family.empty() ? given : given + " " + family;
  if (!middle.empty() && given != middle) {  // where the middle name starts, nothing in the name says
    p.given = given;
    p.middle = middle;
  }
  if (given.empty() || family.empty()) return p;
  Person guessed;
  guessed.name = p.name;
  if (family_name(guessed) != family || given_name(guessed) != given) {
    p.given = given;
    p.family = family;
  }
  return p;
}

AcmNameParts acm_name_parts(const Person& person) {
  AcmNameParts parts{given_name(person), "", family_name(person)};
  if (!person.middle.empty() && parts.first.ends_with(" " + person.middle)) {
    parts.first.resize(parts.first.size() - person.middle.size() - 1);
    parts.middle = person.middle;
  }
  if (parts.last.empty()) parts.last = person.name;
  return parts;
}

}  // namespace proceedings

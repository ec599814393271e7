#pragma once
// Small matchers for the patterns the check tests on every line. They replace
// std::regex there (a regex search per line was a visible share of a build)
// and keep the regexes' meaning: \s is the C locale's white space, \d is 0-9,
// "icase" folds ASCII letters only, ^ and $ are the text's ends.

#include <cstddef>
#include <string>
#include <string_view>

namespace proceedings::check::match {

inline bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

inline std::size_t skip_digits(std::string_view s, std::size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

// Does `s` hold `word` at `at`, ignoring ASCII case? `word` is lower case.
inline bool has_icase_at(std::string_view s, std::size_t at, std::string_view word) {
  if (at > s.size() || s.size() - at < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (fold(s[at + k]) != word[k]) return false;
  return true;
}

// std::regex_search with a plain lower-case word and icase.
inline bool contains_icase(std::string_view s, std::string_view word) {
  if (word.empty()) return true;
  if (word.size() > s.size()) return false;
  // Only where the first letter stands, in either case, is the word compared.
  const char first = word[0];
  const char upper = first >= 'a' && first <= 'z' ? static_cast<char>(first - 'a' + 'A') : first;
  for (std::size_t at = 0; at + word.size() <= s.size(); ++at)
    if ((s[at] == first || s[at] == upper) && has_icase_at(s, at, word)) return true;
  return false;
}

// The regex ^\s*(words)\s*$ with icase, one of `words` in lower case.
inline bool is_alone_icase(std::string_view s, std::string_view word) {
  const std::size_t at = skip_spaces(s, 0);
  return has_icase_at(s, at, word) && skip_spaces(s, at + word.size()) == s.size();
}

// regex_match of ^\s*(?:\d+\.?\s*)?(references|bibliography|works cited|literature cited)\s*$
// with icase: the heading word as printed, or "" when the line is no such heading.
inline std::string reference_heading_word(std::string_view s) {
  std::size_t at = skip_spaces(s, 0);
  if (at < s.size() && is_digit(s[at])) {
    at = skip_digits(s, at);
    if (at < s.size() && s[at] == '.') ++at;
    at = skip_spaces(s, at);
  }
  for (std::string_view word : {"references", "bibliography", "works cited", "literature cited"})
    if (has_icase_at(s, at, word) && skip_spaces(s, at + word.size()) == s.size())
      return std::string(s.substr(at, word.size()));
  return "";
}

// regex_search of ^\s*\[\d+\]: a numbered bibliography entry such as "[12] ...".
inline bool starts_with_entry_number(std::string_view s) {
  std::size_t at = skip_spaces(s, 0);
  if (at >= s.size() || s[at] != '[') return false;
  const std::size_t digits = ++at;
  at = skip_digits(s, at);
  return at > digits && at < s.size() && s[at] == ']';
}

// regex_search of ^\s*(Additional Key Words and Phrases|Keywords) with icase.
inline bool starts_with_keywords(std::string_view s) {
  const std::size_t at = skip_spaces(s, 0);
  return has_icase_at(s, at, "additional key words and phrases") || has_icase_at(s, at, "keywords");
}

// regex_search of unpublished working draft|not for distribution|^\s*draft\s*$ with icase.
inline bool is_draft_overlay_text(std::string_view s) {
  return contains_icase(s, "unpublished working draft") || contains_icase(s, "not for distribution") ||
         is_alone_icase(s, "draft");
}

// Does `s` hold `word` at `at`, case and all?
inline bool has_at(std::string_view s, std::size_t at, std::string_view word) {
  return at <= s.size() && s.substr(at, word.size()) == word;
}

inline bool is_word_char(char c) {
  return is_digit(c) || c == '_' || (fold(c) >= 'a' && fold(c) <= 'z');
}

// What the regex's "." matches: anything but a line end.
inline bool no_line_end(std::string_view s) { return s.find_first_of("\n\r") == std::string_view::npos; }

// A year 19xx or 20xx at `at`: its value, or 0.
inline int year_at(std::string_view s, std::size_t at) {
  if (!(has_at(s, at, "19") || has_at(s, at, "20")) || s.size() - at < 4) return 0;
  if (!is_digit(s[at + 2]) || !is_digit(s[at + 3])) return 0;
  return std::stoi(std::string(s.substr(at, 4)));
}

// regex_search of ACM\s*ISBN.
inline bool has_acm_isbn(std::string_view s) {
  for (std::size_t at = s.find("ACM"); at != std::string_view::npos; at = s.find("ACM", at + 1))
    if (has_at(s, skip_spaces(s, at + 3), "ISBN")) return true;
  return false;
}

// The year of a copyright line, 0 if the line is none: regex_match of
// ^\s*\(c\)\s*((?:19|20)\d{2})\b.*  or of  ^\s*((?:19|20)\d{2})\.(\s*ACM\s*ISBN.*|\s*)$
inline int copyright_year(std::string_view s) {
  std::size_t at = skip_spaces(s, 0);
  if (has_at(s, at, "(c)")) {
    at = skip_spaces(s, at + 3);
    const int year = year_at(s, at);
    const bool boundary = at + 4 >= s.size() || !is_word_char(s[at + 4]);
    return year && boundary && no_line_end(s.substr(at + 4)) ? year : 0;
  }
  const int year = year_at(s, at);
  if (!year || !has_at(s, at + 4, ".")) return 0;
  const std::size_t rest = skip_spaces(s, at + 5);
  if (rest == s.size()) return year;
  if (!has_at(s, rest, "ACM")) return 0;
  const std::size_t isbn = skip_spaces(s, rest + 3);
  return has_at(s, isbn, "ISBN") && no_line_end(s.substr(isbn + 4)) ? year : 0;
}

// regex_search of acmart's default placeholders and the sample conference:
// 978-x-xxxx|x/YY/MM|nnnnnnn|XXXXXXX|XXXX-X|Woodstock '18|June 03-05,? 2018|Woodstock, NY
inline bool has_acm_placeholder(std::string_view s) {
  for (std::string_view word : {"978-x-xxxx", "x/YY/MM", "nnnnnnn", "XXXXXXX", "XXXX-X", "Woodstock '18",
                                "June 03-05, 2018", "June 03-05 2018", "Woodstock, NY"})
    if (s.find(word) != std::string_view::npos) return true;
  return false;
}

// regex_match of ^(\d+|\d+:\d+|[ivxlc]+|Article \d+|Page \d+( of \d+)?)$ with icase:
// a folio or the short page reference journals print.
inline bool is_folio(std::string_view s) {
  const auto digits_to_end = [&](std::size_t at) { return at < s.size() && skip_digits(s, at) == s.size(); };
  if (s.empty()) return false;
  const std::size_t digits = skip_digits(s, 0);
  if (digits == s.size()) return true;
  if (digits > 0 && s[digits] == ':') return digits_to_end(digits + 1);
  if (s.find_first_not_of("ivxlcIVXLC") == std::string_view::npos) return true;
  if (has_icase_at(s, 0, "article ")) return digits_to_end(8);
  if (!has_icase_at(s, 0, "page ")) return false;
  const std::size_t page = skip_digits(s, 5);
  if (page == 5) return false;
  return page == s.size() || (has_icase_at(s, page, " of ") && digits_to_end(page + 4));
}

// \s*\S*, at `at`, then `rest` after the comma. \S* may stop at any comma
// of the run of non-spaces; each one is tried, as the regex backtracks.
template <class Rest>
bool field_then_comma(std::string_view s, std::size_t at, Rest rest) {
  for (std::size_t c = skip_spaces(s, at); c < s.size() && !is_space(s[c]); ++c)
    if (s[c] == ',' && rest(c + 1)) return true;
  return false;
}

// regex_search of Vol\.\s*\S*,\s*No\.\s*\S*,\s*Article\s*\S*\.?\s*Publication date:
// the running foot of ACM's journals.
inline bool has_journal_foot(std::string_view s) {
  const std::string_view publication = "Publication date";
  // \s*\S*\.?\s*Publication date: the words start inside the run of
  // non-spaces, or after it and the spaces that follow it.
  const auto dated = [&](std::size_t at) {
    std::size_t c = skip_spaces(s, at);
    for (; c < s.size() && !is_space(s[c]); ++c)
      if (has_at(s, c, publication)) return true;
    return has_at(s, skip_spaces(s, c), publication);
  };
  const auto article = [&](std::size_t at) {
    const std::size_t a = skip_spaces(s, at);
    return has_at(s, a, "Article") && dated(a + 7);
  };
  const auto number = [&](std::size_t at) {
    const std::size_t a = skip_spaces(s, at);
    return has_at(s, a, "No.") && field_then_comma(s, a + 3, article);
  };
  for (std::size_t at = s.find("Vol."); at != std::string_view::npos; at = s.find("Vol.", at + 1))
    if (field_then_comma(s, at + 4, number)) return true;
  return false;
}

}  // namespace proceedings::check::match

#pragma once
// Regular expressions for text from outside (web pages, PDFs, LaTeX, YAML),
// on PCRE2 with a bound on the work of every match. libstdc++'s std::regex
// recurses once per character and overflows the stack on a long line; PCRE2
// keeps its backtracking on the heap and stops at a match limit, so a hostile
// line costs a bounded time and reads as "no match".
//
// The names follow <regex> (match, search, replace, smatch-like results) so
// that the patterns and their callers read as before. Patterns are Perl/ECMAScript
// syntax, matched byte by byte (UTF-8 text is bytes, as it was with std::regex).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace proceedings {

class Regex;

// One submatch: a range of the subject, or nothing when its group did not take part.
struct Submatch {
  bool matched = false;
  std::string_view text;
  std::string str() const { return std::string(text); }
  operator std::string() const { return str(); }
  std::size_t length() const { return text.size(); }
};

// The groups of one match; [0] is the whole match. The views point into the
// subject, which must outlive the Match.
class Match {
 public:
  bool empty() const { return groups_.empty(); }
  std::size_t size() const { return groups_.size(); }
  const Submatch& operator[](std::size_t i) const;
  std::string str(std::size_t i = 0) const { return (*this)[i].str(); }
  std::size_t position(std::size_t i = 0) const;
  std::size_t length(std::size_t i = 0) const { return (*this)[i].length(); }
  std::string_view prefix() const { return subject_.substr(0, position(0)); }
  std::string_view suffix() const { return subject_.substr(position(0) + length(0)); }

 private:
  friend class Regex;
  std::string_view subject_;
  std::vector<Submatch> groups_;
};

class Regex {
 public:
  enum Flags : unsigned { none = 0, icase = 1u << 0, multiline = 1u << 1, dotall = 1u << 2 };

  // Throws Error(internal) naming the pattern when it does not compile: a pattern is the program's, not the input's.
  explicit Regex(std::string_view pattern, unsigned flags = none);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;

  // The whole of `text` matches.
  bool matches(std::string_view text) const;
  bool match(std::string_view text, Match& m) const;
  bool match(std::string&&, Match&) const = delete;  // m would point into a temporary
  // Some part of `text`, from byte `from` on, matches (the first such part in m).
  bool contains(std::string_view text) const;
  bool search(std::string_view text, Match& m, std::size_t from = 0) const;
  bool search(std::string&&, Match&, std::size_t = 0) const = delete;
  // Every non-overlapping match, left to right.
  std::vector<Match> all(std::string_view text) const;
  // `text` with every match replaced by `format`, where $& or $0 is the match,
  // $1..$99 a group (empty when it did not take part) and $$ a dollar sign.
  std::string replace(std::string_view text, std::string_view format) const;

 private:
  bool run(std::string_view text, std::size_t from, bool whole, Match* m) const;
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

// Free forms that read like <regex>, for callers written against it.
inline bool regex_match(std::string_view text, const Regex& re) { return re.matches(text); }
inline bool regex_match(std::string_view text, Match& m, const Regex& re) { return re.match(text, m); }
inline bool regex_search(std::string_view text, const Regex& re) { return re.contains(text); }
inline bool regex_search(std::string_view text, Match& m, const Regex& re) { return re.search(text, m); }
inline std::string regex_replace(std::string_view text, const Regex& re, std::string_view format) {
  return re.replace(text, format);
}

}  // namespace proceedings

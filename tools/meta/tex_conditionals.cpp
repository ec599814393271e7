#include "meta/tex_conditionals.hpp"

#include <cctype>
#include <map>
#include <set>

#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::meta {

namespace {

constexpr std::size_t npos = std::string::npos;

// '@' counts as a letter: \if@ACM@anonymous is written under \makeatletter.
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '@'; }

struct Cs {
  std::size_t begin = npos, end = npos;
  std::string name;  // without the backslash
};

Cs next_cs(const std::string& s, std::size_t from, std::size_t to) {
  const std::size_t i = s.find('\\', from);
  if (i == npos || i + 1 >= to) return {};
  std::size_t j = i + 1;
  while (j < to && is_letter(s[j])) ++j;
  if (j == i + 1) ++j;  // a control symbol: \\, \%, \{
  return {i, j, s.substr(i + 1, j - i - 1)};
}

std::size_t skip_spaces(const std::string& s, std::size_t i, std::size_t to) {
  while (i < to && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// One argument token of \ifx: a control sequence or a character.
std::string token_at(const std::string& s, std::size_t& i, std::size_t to) {
  i = skip_spaces(s, i, to);
  if (i >= to) return "";
  if (s[i] != '\\') return std::string(1, s[i++]);
  const Cs cs = next_cs(s, i, to);
  i = cs.end;
  return "\\" + cs.name;
}

// How many control sequences after this one are names being defined, not
// commands to act on (\newif\iffoo, \let\ifacm\iftrue, \def\ifbar).
int names_defined_by(const std::string& name) {
  static const std::set<std::string> one{"newif",         "def",          "gdef",          "edef",
                                         "xdef",          "newcommand",   "renewcommand",  "providecommand",
                                         "DeclareRobustCommand", "newtoggle", "newboolean"};
  if (name == "let") return 2;
  return one.count(name) ? 1 : 0;
}

// ifthen's and etoolbox's \if... macros take braced arguments and no \fi.
bool opens_conditional(const std::string& s, const Cs& cs, std::size_t to) {
  if (cs.name.rfind("if", 0) != 0) return false;
  static const std::set<std::string> macros{"ifthenelse", "ifdef",      "ifundef", "ifbool",  "iftoggle",
                                            "ifstrequal", "ifblank",    "ifdefempty", "ifcsdef", "ifcsundef",
                                            "ifnumcomp",  "ifstrempty", "ifdefstring", "ifmtarg"};
  if (macros.count(cs.name)) return false;
  const std::size_t next = skip_spaces(s, cs.end, to);
  return next >= to || s[next] != '{';
}

enum class Truth { no, yes, unknown };

// Where a conditional's branches lie: [body, else_at) and [else_end, fi_at).
struct Branches {
  bool matched = false;
  std::size_t else_at = npos, else_end = npos, fi_at = npos, fi_end = npos;
};

// The \else and \fi of the conditional whose test ends at `from`.
Branches find_branches(const std::string& s, std::size_t from, std::size_t to) {
  Branches b;
  int depth = 0, defined_names = 0;
  for (Cs cs = next_cs(s, from, to); cs.begin != npos; cs = next_cs(s, cs.end, to)) {
    if (defined_names > 0) {
      --defined_names;
      continue;
    }
    defined_names = names_defined_by(cs.name);
    if (opens_conditional(s, cs, to)) ++depth;
    else if (cs.name == "fi" && depth-- == 0) {
      b.matched = true;
      b.fi_at = cs.begin, b.fi_end = cs.end;
      if (b.else_at == npos) b.else_at = b.else_end = cs.begin;
      return b;
    } else if (cs.name == "else" && depth == 0 && b.else_at == npos) {
      b.else_at = cs.begin, b.else_end = cs.end;
    }
  }
  return b;
}

// The class a stretch of source loads, or "".
std::string class_loaded(const std::string& text) {
  static const Regex documentclass(R"(\\documentclass\s*(?:\[[^\]]*\])?\s*\{\s*([^}\s]*)\s*\})");
  Match m;
  return documentclass.search(text, m) ? m.str(1) : "";
}

// Primitive tests whose text says nothing about the paper (\ifnum, \ifdim):
// one answer is not the answer to the next.
bool reusable_test(const std::string& name) {
  static const std::set<std::string> generic{"if",    "ifcat",  "ifnum",  "ifdim",  "ifodd",   "ifcase", "ifeof",
                                             "ifvmode", "ifhmode", "ifmmode", "ifinner", "ifvoid", "ifhbox", "ifvbox",
                                             "ifcsname", "iffontchar"};
  return !generic.count(name);
}

class Resolver {
 public:
  explicit Resolver(const std::string& s) : s_(s), defined_anywhere_(names_defined_anywhere(s)) {}

  std::string run() {
    read(0, s_.size(), 0);
    return std::move(out_);
  }

 private:
  // Appends s_[from, to) with its conditionals resolved.
  void read(std::size_t from, std::size_t to, int depth) {
    std::size_t i = from;
    for (Cs cs = next_cs(s_, i, to); cs.begin != npos; cs = next_cs(s_, i, to)) {
      out_.append(s_, i, cs.begin - i);
      i = cs.end;
      if (const int names = names_defined_by(cs.name)) {
        i = record_definition(cs, names, to);
        out_.append(s_, cs.begin, i - cs.begin);
        continue;
      }
      if (!opens_conditional(s_, cs, to) || depth > 64 || unmatched_left_ == 0) {
        act_on(cs, to);
        out_.append(s_, cs.begin, cs.end - cs.begin);
        continue;
      }
      i = resolve(cs, to, depth);
    }
    out_.append(s_, i, to - i);
  }

  // Reads one conditional at `cs`; returns where reading goes on.
  std::size_t resolve(const Cs& cs, std::size_t to, int depth) {
    std::size_t test_end = cs.end;
    Truth truth = evaluate(cs, test_end, to);
    const Branches b = find_branches(s_, test_end, to);
    if (!b.matched) {  // unbalanced (a \fi inside a definition): left as written
      --unmatched_left_;  // each costs a scan to the end: a few, not thousands
      out_.append(s_, cs.begin, cs.end - cs.begin);
      return cs.end;
    }
    const std::string test = collapse_spaces(s_.substr(cs.begin, test_end - cs.begin));
    if (truth == Truth::unknown && reusable_test(cs.name) && decided_.count(test)) truth = decided_.at(test);
    if (truth == Truth::unknown) truth = by_class_chooser(test_end, b, reusable_test(cs.name) ? test : "");
    if (truth == Truth::yes) read(test_end, b.else_at, depth + 1);
    else if (truth == Truth::no) read(b.else_end, b.fi_at, depth + 1);
    else {
      out_.append(s_, cs.begin, test_end - cs.begin);
      read(test_end, b.fi_at, depth + 1);
      out_.append(s_, b.fi_at, b.fi_end - b.fi_at);
    }
    return b.fi_end;
  }

  // An undecidable test around \documentclass goes the acmart way, and so
  // does the same test later (the author blocks of the same two venues).
  Truth by_class_chooser(std::size_t body, const Branches& b, const std::string& test) {
    const std::string yes = class_loaded(s_.substr(body, b.else_at - body));
    const std::string no = class_loaded(s_.substr(b.else_end, b.fi_at - b.else_end));
    Truth truth = Truth::unknown;
    if (yes == "acmart" && no != "acmart") truth = Truth::yes;
    else if (no == "acmart" && yes != "acmart") truth = Truth::no;
    if (truth != Truth::unknown && !test.empty()) decided_[test] = truth;
    return truth;
  }

  Truth evaluate(const Cs& cs, std::size_t& test_end, std::size_t to) {
    const std::string& name = cs.name;
    if (name == "iftrue") return Truth::yes;
    if (name == "iffalse") return Truth::no;
    if (name == "ifx") {
      const std::string a = token_at(s_, test_end, to), b = token_at(s_, test_end, to);
      return same_meaning(a, b);
    }
    if (name == "ifdefined") {
      const std::string a = token_at(s_, test_end, to);
      return undefined(a) == Truth::unknown ? Truth::unknown : not_(undefined(a));
    }
    if (auto found = switches_.find(name.substr(2)); found != switches_.end()) return truth_of(found->second);
    if (name.rfind("if@ACM@", 0) == 0) return acmart_switch(name.substr(7));
    return Truth::unknown;
  }

  static Truth truth_of(bool b) { return b ? Truth::yes : Truth::no; }
  static Truth not_(Truth t) { return t == Truth::unknown ? t : truth_of(t == Truth::no); }

  // Undefined: a macro the file defines somewhere, but not yet where it is tested.
  Truth undefined(const std::string& token) const {
    if (token.size() < 2 || token[0] != '\\') return Truth::unknown;
    const std::string name = token.substr(1);
    if (macros_.count(name)) return Truth::no;
    return defined_anywhere_.count(name) ? Truth::yes : Truth::unknown;
  }

  Truth same_meaning(const std::string& a, const std::string& b) const {
    for (const auto& [x, y] : {std::pair{a, b}, std::pair{b, a}})
      if (y == "\\undefined" || y == "\\@undefined") return undefined(x);
    const auto ma = macros_.find(a.size() > 1 ? a.substr(1) : ""), mb = macros_.find(b.size() > 1 ? b.substr(1) : "");
    if (ma != macros_.end() && mb != macros_.end()) return truth_of(ma->second == mb->second);
    return Truth::unknown;
  }

  // acmart's switches for options that are off unless the paper names them.
  Truth acmart_switch(const std::string& option) const {
    if (class_options_.empty() && !acmart_) return Truth::unknown;
    static const std::set<std::string> off_by_default{"anonymous", "review",  "authordraft", "screen",
                                                      "nonacm",    "timestamp", "authorversion"};
    if (option == "journal") {
      for (const char* format : {"acmsmall", "acmlarge", "acmtog"})
        if (class_options_.count(format)) return Truth::yes;
      return Truth::no;
    }
    if (!off_by_default.count(option)) return Truth::unknown;
    auto found = class_options_.find(option);
    return truth_of(found != class_options_.end() && found->second);
  }

  // \ieeetrue, \ieeefalse for a \newif\ifieee; \documentclass's options.
  void act_on(const Cs& cs, std::size_t to) {
    for (const char* value : {"true", "false"}) {
      const std::string suffix = value;
      if (cs.name.size() > suffix.size() && cs.name.compare(cs.name.size() - suffix.size(), npos, suffix) == 0) {
        auto found = switches_.find(cs.name.substr(0, cs.name.size() - suffix.size()));
        if (found != switches_.end()) found->second = suffix == "true";
      }
    }
    if (cs.name == "documentclass") read_class(cs.end, to);
  }

  void read_class(std::size_t from, std::size_t to) {
    static const Regex options(R"(^\s*(?:\[([^\]]*)\])?\s*\{\s*([^}\s]*)\s*\})");
    const std::string head = s_.substr(from, std::min<std::size_t>(to - from, 2000));
    Match m;
    if (!options.search(head, m) || m.str(2) != "acmart") return;
    acmart_ = true;
    std::size_t start = 0;
    const std::string list = m.str(1) + ",";
    for (std::size_t comma = list.find(','); comma != npos; start = comma + 1, comma = list.find(',', start)) {
      const std::string option = list.substr(start, comma - start);
      const auto eq = option.find('=');
      const std::string key = trim(option.substr(0, eq));
      const std::string value = eq == npos ? "true" : ascii_lower(trim(option.substr(eq + 1)));
      if (!key.empty()) class_options_[key] = value != "false";
    }
  }

  // \newif\iffoo, \let\ifacm\iftrue, \def\acmversion{1}, \newcommand{\x}{...}:
  // what the names mean from here on. Returns the end of the definition's names.
  std::size_t record_definition(const Cs& cs, int names, std::size_t to) {
    std::size_t i = cs.end;
    std::string first, second;
    for (int n = 0; n < names; ++n) {
      i = skip_spaces(s_, i, to);
      if (i < to && (s_[i] == '{' || s_[i] == '=')) ++i;  // \newcommand{\x}, \let\x=\y
      std::string& target = n == 0 ? first : second;
      target = token_at(s_, i, to);
      i = skip_spaces(s_, i, to);
      if (i < to && s_[i] == '}') ++i;
    }
    if (first.size() < 2 || first[0] != '\\') return i;
    const std::string name = first.substr(1);
    if (cs.name == "newif" && name.rfind("if", 0) == 0) switches_[name.substr(2)] = false;
    else if (cs.name == "let" && name.rfind("if", 0) == 0 && (second == "\\iftrue" || second == "\\iffalse"))
      switches_[name.substr(2)] = second == "\\iftrue";
    else macros_[name] = cs.name == "let" ? "\\let" + second : body_at(i, to);
    return i;
  }

  std::string body_at(std::size_t i, std::size_t to) const {
    i = skip_spaces(s_, i, to);
    if (i >= to || s_[i] != '{') return "";
    int depth = 0;
    for (std::size_t j = i; j < to; ++j) {
      if (s_[j] == '\\') ++j;
      else if (s_[j] == '{') ++depth;
      else if (s_[j] == '}' && --depth == 0) return s_.substr(i + 1, j - i - 1);
    }
    return "";
  }

  static std::set<std::string> names_defined_anywhere(const std::string& s) {
    static const Regex definition(
        R"(\\(?:[gex]?def|let|(?:re)?newcommand\*?|providecommand\*?)\s*\{?\s*\\([A-Za-z@]+))");
    std::set<std::string> names;
    for (const Match& m : definition.all(s)) names.insert(m.str(1));
    return names;
  }

  static std::string collapse_spaces(const std::string& text) {
    std::string out;
    for (char c : text)
      if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
  }

  const std::string& s_;
  const std::set<std::string> defined_anywhere_;
  std::string out_;
  std::map<std::string, bool> switches_;       // \newif\iffoo: "foo"
  std::map<std::string, std::string> macros_;  // defined so far: name -> body
  std::map<std::string, Truth> decided_;       // tests the class chooser decided
  std::map<std::string, bool> class_options_;  // acmart's, as \documentclass[...] gives them
  bool acmart_ = false;
  int unmatched_left_ = 64;
};

}  // namespace

std::string resolve_conditionals(const std::string& source) { return Resolver(source).run(); }

}  // namespace proceedings::meta

#include "proceedings/text.hpp"
#include "proceedings/latex_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <vector>

namespace proceedings {

namespace {

// Precomposed letters for LaTeX's accent commands: for each accent, the base
// letters and, in the same order, the accented letters.
struct AccentRow {
  const char* accent;
  const char* bases;
  const char* accented;  // UTF-8, one letter per base
};
const AccentRow accent_rows[] = {
    {"'", "aeiouyAEIOUYcnszCNSZ", "áéíóúýÁÉÍÓÚÝćńśźĆŃŚŹ"},
    {"`", "aeiouAEIOU", "àèìòùÀÈÌÒÙ"},
    {"^", "aeiouAEIOU", "âêîôûÂÊÎÔÛ"},
    {"\"", "aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"},
    {"~", "anouiANOUI", "ãñõũĩÃÑÕŨĨ"},
    {"c", "cCsStT", "çÇşŞţŢ"},
    {"v", "cCsSzZrReEnNdDtT", "čČšŠžŽřŘěĚňŇďĎťŤ"},
    {"H", "oOuU", "őŐűŰ"},
    {"u", "aAgG", "ăĂğĞ"},
    {"=", "aeiouAEIOU", "āēīōūĀĒĪŌŪ"},
    {".", "zZeEI", "żŻėĖİ"},
    {"r", "aAuU", "åÅůŮ"},
    {"k", "aAeE", "ąĄęĘ"},
};

std::string utf8_letter(const char* s, std::size_t index) {
  // Walks `index` UTF-8 letters into s.
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s);
  for (std::size_t i = 0; i < index; ++i) {
    ++p;
    while ((*p & 0xC0) == 0x80) ++p;
  }
  const unsigned char* q = p + 1;
  while ((*q & 0xC0) == 0x80) ++q;
  return std::string(reinterpret_cast<const char*>(p), reinterpret_cast<const char*>(q));
}

std::string accented(const std::string& accent, const std::string& base) {
  for (const auto& row : accent_rows) {
    // strchr also finds the terminator: a NUL "letter" must not index past the table.
    if (accent != row.accent || base.size() != 1 || base[0] == '\0') continue;
    if (const char* at = std::strchr(row.bases, base[0])) return utf8_letter(row.accented, static_cast<std::size_t>(at - row.bases));
  }
  return base;  // an accent we cannot compose: keep the letter
}

const std::map<std::string, std::string>& symbols() {
  static const std::map<std::string, std::string> table{
      {"ss", "ß"}, {"o", "ø"},   {"O", "Ø"},  {"aa", "å"}, {"AA", "Å"}, {"ae", "æ"}, {"AE", "Æ"},
      {"oe", "œ"}, {"OE", "Œ"},  {"l", "ł"},  {"L", "Ł"},  {"i", "ı"},  {"j", "ȷ"},  {"&", "&"},
      {"%", "%"},  {"$", "$"},   {"_", "_"},  {"#", "#"},  {"{", "{"},  {"}", "}"},  {"textendash", "–"},
      {"textemdash", "—"}, {"ldots", "…"}, {"dots", "…"}, {"textregistered", "®"}, {"texttrademark", "™"},
      {"copyright", "©"}, {"S", "§"}, {"P", "¶"}, {"textasciitilde", "~"}, {"textbackslash", "\\"},
      {"LaTeX", "LaTeX"}, {"TeX", "TeX"}, {"quad", " "}, {"qquad", " "}, {",", " "}, {" ", " "},
      {"\\", " "}, {"newline", " "}, {"linebreak", " "}, {"/", ""}, {"-", ""}, {"@", ""},
  };
  return table;
}

// Math as a title prints it: Greek letters and symbols as Unicode.
const std::map<std::string, std::string>& math_symbols() {
  static const std::map<std::string, std::string> table{
      {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ϵ"}, {"varepsilon", "ε"},
      {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"}, {"iota", "ι"}, {"kappa", "κ"},
      {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"varpi", "ϖ"}, {"rho", "ρ"},
      {"varrho", "ϱ"}, {"sigma", "σ"}, {"varsigma", "ς"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "ϕ"},
      {"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"},
      {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"}, {"Sigma", "Σ"}, {"Upsilon", "Υ"},
      {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"}, {"times", "×"}, {"cdot", "·"}, {"pm", "±"},
      {"leq", "≤"}, {"le", "≤"}, {"geq", "≥"}, {"ge", "≥"}, {"neq", "≠"}, {"ne", "≠"}, {"approx", "≈"},
      {"infty", "∞"}, {"to", "→"}, {"rightarrow", "→"}, {"leftarrow", "←"}, {"ell", "ℓ"}, {"in", "∈"},
      {"sqrt", "√"}, {"partial", "∂"}, {"nabla", "∇"}, {"sum", "∑"}, {"prod", "∏"}, {"ast", "∗"},
  };
  return table;
}

// Named operators, printed upright as words: \log -> "log".
bool is_math_operator(const std::string& name) {
  static const std::set<std::string> names{"log", "ln", "lg", "exp", "sin", "cos", "tan", "max", "min",
                                           "sup", "inf", "lim", "det", "dim", "arg", "deg", "gcd", "Pr"};
  return names.count(name) > 0;
}

// Commands whose (first) argument is dropped with them.
const std::set<std::string>& dropped() {
  static const std::set<std::string> names{"thanks", "footnote", "label", "cite", "citep", "citet", "ref",
                                           "autoref", "eqref", "vspace", "hspace", "index", "footnotemark",
                                           "protect", "noindent", "centering", "orcid", "email",
                                           "includegraphics"};  // a picture is no text (its file name least of all)
  return names;
}

class Converter {
 public:
  // `budget` is shared by nested converters: macros that use themselves
  // several times would otherwise expand exponentially up to the depth limit.
  Converter(const std::string& s, const Macros& macros, int depth, int& budget)
      : s_(s), macros_(macros), depth_(depth), budget_(budget) {}

  std::string run() {
    while (i_ < s_.size()) step();
    return out_;
  }

 private:
  void step() {
    const char c = s_[i_];
    if (c == '\\') return command();
    if (c == '$') {
      math_ = !math_;
      return skip(1);
    }
    if (c == '{' || c == '}') return skip(1);
    if (math_ && (c == '^' || c == '_')) return skip(1);  // a raised or lowered part reads on
    if (c == '~') return emit(" ", 1);
    if (starts("---")) return emit("—", 3);
    if (starts("--")) return emit("–", 2);
    if (starts("``")) return emit("“", 2);
    if (starts("''")) return emit("”", 2);
    if (c == '`') return emit("‘", 1);
    if (c == '\'' && !math_) return emit("’", 1);  // TeX sets a right quote
    if (c == '%') {  // a comment left in the fragment
      while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      return;
    }
    if (c == '\n' || c == '\t' || c == '\r') return emit(" ", 1);
    out_ += c;
    ++i_;
  }

  bool starts(const char* t) const { return s_.compare(i_, std::strlen(t), t) == 0; }
  void skip(std::size_t n) { i_ += n; }
  void emit(const char* text, std::size_t consumed) {
    out_ += text;
    i_ += consumed;
  }

  std::string command_name() {
    const std::size_t start = ++i_;  // past the backslash
    if (i_ < s_.size() && !std::isalpha(static_cast<unsigned char>(s_[i_]))) return std::string(1, s_[i_++]);
    while (i_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[i_]))) ++i_;
    return s_.substr(start, i_ - start);
  }

  void skip_spaces() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n')) ++i_;
  }

  // A {group} (contents returned) or a single token.
  std::string argument() {
    skip_spaces();
    if (i_ >= s_.size()) return "";
    if (s_[i_] == '{') {
      int depth = 0;
      const std::size_t start = i_;
      for (; i_ < s_.size(); ++i_) {
        if (s_[i_] == '\\') {
          ++i_;
          continue;
        }
        if (s_[i_] == '{') ++depth;
        if (s_[i_] == '}' && --depth == 0) break;
      }
      const std::string inner = s_.substr(start + 1, i_ - start - 1);
      if (i_ < s_.size()) ++i_;
      return inner;
    }
    if (s_[i_] == '\\') {
      const std::size_t start = i_;
      command_name();
      return s_.substr(start, i_ - start);
    }
    return std::string(1, s_[i_++]);
  }

  void optional_argument() {
    skip_spaces();
    if (i_ < s_.size() && s_[i_] == '[') {
      const auto end = s_.find(']', i_);
      i_ = end == std::string::npos ? s_.size() : end + 1;
    }
  }

  std::string nested(const std::string& text) {
    if (depth_ > 20 || budget_ <= 0) return "";
    --budget_;
    return Converter(text, macros_, depth_ + 1, budget_).run();
  }

  void command() {
    const std::string name = command_name();
    if (name.size() == 1 && std::strchr("'`^\"~=.", name[0])) return accent(name);
    if ((name == "c" || name == "v" || name == "H" || name == "u" || name == "r" || name == "k") && i_ < s_.size() &&
        (s_[i_] == '{' || s_[i_] == ' '))
      return accent(name);
    if (auto m = macros_.find(name); m != macros_.end()) {
      out_ += nested(m->second);
      return;
    }
    if (auto sym = symbols().find(name); sym != symbols().end()) {
      out_ += sym->second;
      if (std::isalpha(static_cast<unsigned char>(name[0]))) swallow_space_after_word_command();
      return;
    }
    if (auto sym = math_symbols().find(name); sym != math_symbols().end()) {
      out_ += sym->second;
      if (!math_) swallow_space_after_word_command();
      return;
    }
    if (is_math_operator(name)) {  // "n \log n" prints with the spaces TeX puts around it
      if (!out_.empty() && std::isalnum(static_cast<unsigned char>(out_.back()))) out_ += ' ';
      out_ += name + " ";
      return;
    }
    if (dropped().count(name)) {
      optional_argument();
      argument();
      return;
    }
    if (name == "href") {
      argument();
      out_ += nested(argument());
      return;
    }
    // Anything else (font and layout commands, unknown macros): the command
    // goes, what it typesets stays.
    swallow_space_after_word_command();
  }

  void swallow_space_after_word_command() {
    if (i_ < s_.size() && s_[i_] == ' ') ++i_;
  }

  void accent(const std::string& which) {
    std::string base = argument();
    if (base == "\\i") base = "i";
    if (base == "\\j") base = "j";
    if (base.size() > 1 && base[0] == '\\') base = nested(base);
    out_ += accented(which, base);
  }

  const std::string& s_;
  const Macros& macros_;
  int depth_;
  int& budget_;
  std::size_t i_ = 0;
  std::string out_;
  bool math_ = false;
};

}  // namespace

std::string compose_spacing_accents(const std::string& text) {
  // TeX's \accent sets the accent glyph before its letter (a cedilla or
  // ogonek after it), so extracted text reads "˜u" where the page shows "ũ".
  static const std::pair<const char*, const char*> before[] = {
      {"˜", "~"}, {"¨", "\""}, {"´", "'"}, {"`", "`"}, {"ˆ", "^"}, {"ˇ", "v"},
      {"˘", "u"}, {"¯", "="}, {"˙", "."}, {"˚", "r"}, {"˝", "H"}};
  static const std::pair<const char*, const char*> after[] = {{"¸", "c"}, {"˛", "k"}};
  if (text.find('\xCB') == std::string::npos && text.find('\xC2') == std::string::npos &&
      text.find('`') == std::string::npos)
    return text;
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool done = false;
    for (const auto& [glyph, accent] : before) {
      const std::size_t n = std::strlen(glyph);
      if (text.compare(i, n, glyph) == 0 && i + n < text.size() && std::isalpha(static_cast<unsigned char>(text[i + n]))) {
        const std::string composed = accented(accent, std::string(1, text[i + n]));
        if (composed.size() > 1) {
          out += composed;
          i += n + 1;
          done = true;
        }
        break;
      }
    }
    if (done) continue;
    for (const auto& [glyph, accent] : after) {
      const std::size_t n = std::strlen(glyph);
      if (text.compare(i, n, glyph) == 0 && !out.empty() && std::isalpha(static_cast<unsigned char>(out.back()))) {
        const std::string composed = accented(accent, std::string(1, out.back()));
        if (composed.size() > 1) {
          out.pop_back();
          out += composed;
          i += n;
          done = true;
        }
        break;
      }
    }
    if (done) continue;
    out += text[i++];
  }
  return out;
}

std::string latex_to_text(const std::string& latex, const Macros& macros) {
  int budget = 1000;  // nested conversions for one fragment; real front matter needs a few
  return collapse_whitespace(Converter(latex, macros, 0, budget).run());
}

std::string ascii_fold(const std::string& text) {
  static const std::pair<const char*, const char*> table[] = {
      {"“", "\""}, {"”", "\""}, {"‘", "'"}, {"’", "'"}, {"–", "-"}, {"—", "--"}, {"…", "..."}, {"ß", "ss"},
      {"æ", "ae"}, {"Æ", "AE"}, {"œ", "oe"}, {"Œ", "OE"}, {"ø", "o"}, {"Ø", "O"}, {"ł", "l"}, {"Ł", "L"}, {"ı", "i"}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += text[i++];
      continue;
    }
    bool done = false;
    for (const auto& [from, to] : table) {
      const std::size_t n = std::strlen(from);
      if (text.compare(i, n, from) == 0) {
        out += to;
        i += n;
        done = true;
        break;
      }
    }
    if (done) continue;
    // A precomposed letter from the accent table: its base letter.
    std::size_t n = 1;
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    const std::string letter = text.substr(i, n);
    i += n;
    for (const auto& row : accent_rows) {
      const std::size_t count = std::strlen(row.bases);
      for (std::size_t k = 0; k < count; ++k)
        if (utf8_letter(row.accented, k) == letter) {
          out += row.bases[k];
          done = true;
          break;
        }
      if (done) break;
    }
  }
  return out;
}

std::string typographic_quotes(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '\'' && c != '"') {
      out += c;
      continue;
    }
    const char before = i == 0 ? ' ' : text[i - 1];
    const bool opens = before == ' ' || before == '\t' || before == '\n' || before == '(' || before == '[';
    out += c == '\'' ? (opens ? "‘" : "’") : (opens ? "“" : "”");
  }
  return out;
}

std::string latex_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': case '%': case '$': case '#': case '_': case '{': case '}':
        out += '\\';
        out += c;
        break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\\': out += "\\textbackslash{}"; break;
      default: out += c;
    }
  }
  return out;
}

std::string bibtex_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '{') out += "\\textbraceleft{}";
    else if (c == '}') out += "\\textbraceright{}";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += ' ';
    else out += latex_escape(std::string(1, c));
  }
  return out;
}

namespace {

// A capital outside braces and outside control-sequence names, at or after byte `from`:
// what BibTeX's change.case$ would lower.
bool has_capital(const std::string& tex, std::size_t from) {
  int depth = 0;
  for (std::size_t i = 0; i < tex.size(); ++i) {
    const char c = tex[i];
    if (c == '\\') {
      while (i + 1 < tex.size() && std::isalpha(static_cast<unsigned char>(tex[i + 1]))) ++i;
      if (i + 1 < tex.size() && !std::isalpha(static_cast<unsigned char>(tex[i + 1])) && tex[i] == '\\') ++i;  // \&
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      --depth;
    } else if (depth == 0 && i >= from && c >= 'A' && c <= 'Z') {
      return true;
    }
  }
  return false;
}

// Bytes of the first UTF-8 character of `word`.
std::size_t first_character(const std::string& word) {
  if (word.empty()) return 0;
  const auto lead = static_cast<unsigned char>(word[0]);
  return std::min(word.size(), std::size_t{lead < 0x80 ? 1u : lead < 0xE0 ? 2u : lead < 0xF0 ? 3u : 4u});
}

// "(GPU-Based," -> "(" "{GPU-Based}" ",": punctuation around a word stays outside its braces.
std::string protected_word(const std::string& word) {
  static const std::string outside = "()[]\"'.,;:!?";
  const std::size_t begin = word.find_first_not_of(outside);
  if (begin == std::string::npos) return word;
  const std::size_t end = word.find_last_not_of(outside) + 1;
  const std::string core = word.substr(begin, end - begin);
  // "{\\" would open a BibTeX "special character", whose letters change.case$ does change; "{{}\\" does not.
  return word.substr(0, begin) + (core[0] == '\\' ? "{{}" : "{") + core + "}" + word.substr(end);
}

}  // namespace

std::string protect_bibtex_title(const std::string& tex) {
  std::string out;
  bool first_word = true;
  for (std::size_t at = 0; at < tex.size();) {
    if (tex[at] == ' ' || tex[at] == '\t' || tex[at] == '\n' || tex[at] == '\r') {
      out += tex[at++];
      continue;
    }
    std::size_t end = at;  // a word ends at a space outside braces
    for (int depth = 0; end < tex.size(); ++end) {
      const char c = tex[end];
      if (c == '\\' && end + 1 < tex.size()) {
        ++end;
        continue;
      }
      if (c == '{') ++depth;
      else if (c == '}') depth = std::max(0, depth - 1);
      else if (depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) break;
    }
    const std::string word = tex.substr(at, end - at);
    const bool keep = first_word ? has_capital(word, first_character(word)) : has_capital(word, 0);
    out += keep ? protected_word(word) : word;
    first_word = false;
    at = end;
  }
  return out;
}

std::string bibtex_title(const std::string& text) { return protect_bibtex_title(bibtex_escape(text)); }

std::string strip_latex_comments(const std::string& source) {
  std::string out;
  out.reserve(source.size());
  bool in_comment = false;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (in_comment) {
      if (c == '\n') {
        in_comment = false;
        out += c;
      }
      continue;
    }
    if (c == '\\' && i + 1 < source.size()) {
      out += c;
      out += source[++i];
      continue;
    }
    if (c == '%') {
      in_comment = true;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace proceedings

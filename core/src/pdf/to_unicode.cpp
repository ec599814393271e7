#include "pdf/to_unicode.hpp"

#include "proceedings/text.hpp"

#include <cctype>
#include <optional>
#include <vector>

namespace proceedings::detail {

namespace {

constexpr std::size_t max_entries = 1u << 20;
constexpr unsigned max_range = 0xFFFF;

struct Token {
  enum Kind { hex, word, open, close } kind;
  std::string text;  // hex: the decoded bytes; word: the word
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view s) : s_(s) {}

  std::optional<Token> next() {
    skip_space_and_comments();
    if (i_ >= s_.size()) return std::nullopt;
    const char c = s_[i_];
    if (c == '[') return ++i_, Token{Token::open, {}};
    if (c == ']') return ++i_, Token{Token::close, {}};
    if (c == '<' && i_ + 1 < s_.size() && s_[i_ + 1] != '<') return Token{Token::hex, read_hex()};
    return Token{Token::word, read_word()};
  }

 private:
  void skip_space_and_comments() {
    while (i_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
      else if (s_[i_] == '%') while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
      else break;
    }
  }

  std::string read_hex() {
    ++i_;  // '<'
    std::string bytes;
    int high = -1;
    for (; i_ < s_.size() && s_[i_] != '>'; ++i_) {
      const int v = digit(s_[i_]);
      if (v < 0) continue;  // white space inside, or garbage
      if (high < 0) high = v;
      else bytes += static_cast<char>(high * 16 + v), high = -1;
    }
    if (high >= 0) bytes += static_cast<char>(high * 16);  // an odd digit count ends in 0
    if (i_ < s_.size()) ++i_;  // '>'
    return bytes;
  }

  std::string read_word() {
    const std::size_t from = i_;
    ++i_;
    while (i_ < s_.size() && !std::isspace(static_cast<unsigned char>(s_[i_])) && s_[i_] != '<' && s_[i_] != '[' &&
           s_[i_] != ']' && s_[i_] != '%')
      ++i_;
    return std::string(s_.substr(from, i_ - from));
  }

  static int digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

unsigned code_of(const std::string& bytes) {
  unsigned code = 0;
  for (std::size_t k = 0; k < bytes.size() && k < 4; ++k) code = code << 8 | static_cast<unsigned char>(bytes[k]);
  return code;
}

// UTF-16BE, surrogate pairs joined.
std::vector<char32_t> code_points(const std::string& utf16) {
  std::vector<char32_t> out;
  for (std::size_t k = 0; k + 1 < utf16.size(); k += 2) {
    const char32_t unit = static_cast<unsigned char>(utf16[k]) << 8 | static_cast<unsigned char>(utf16[k + 1]);
    if (unit >= 0xD800 && unit <= 0xDBFF && k + 3 < utf16.size()) {
      const char32_t low = static_cast<unsigned char>(utf16[k + 2]) << 8 | static_cast<unsigned char>(utf16[k + 3]);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        out.push_back(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        k += 2;
        continue;
      }
    }
    out.push_back(unit);
  }
  if (utf16.size() == 1) out.push_back(static_cast<unsigned char>(utf16[0]));  // a one-byte target, seen in the wild
  return out;
}

std::string utf8(const std::vector<char32_t>& text) {
  std::string out;
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

class Reader {
 public:
  explicit Reader(std::string_view cmap) : tokens_(cmap) {}

  ToUnicodeMap read() {
    while (auto t = tokens_.next()) {
      if (t->kind != Token::word) continue;
      if (t->text == "beginbfchar") read_chars();
      else if (t->text == "beginbfrange") read_ranges();
    }
    return std::move(map_);
  }

 private:
  void read_chars() {
    while (auto src = tokens_.next()) {
      if (src->kind == Token::word) return;  // endbfchar
      auto dst = tokens_.next();
      if (!dst || dst->kind == Token::word) return;
      if (src->kind == Token::hex && dst->kind == Token::hex) add(code_of(src->text), code_points(dst->text));
    }
  }

  void read_ranges() {
    while (auto lo = tokens_.next()) {
      if (lo->kind == Token::word) return;  // endbfrange
      auto hi = tokens_.next();
      auto dst = tokens_.next();
      if (!hi || !dst || hi->kind != Token::hex || lo->kind != Token::hex) return;
      const unsigned first = code_of(lo->text), last = code_of(hi->text);
      if (last < first || last - first > max_range) {
        if (dst->kind == Token::open) skip_array();
        continue;
      }
      if (dst->kind == Token::hex) add_range(first, last, code_points(dst->text));
      else if (dst->kind == Token::open) add_listed(first, last);
    }
  }

  void add_range(unsigned first, unsigned last, std::vector<char32_t> target) {
    if (target.empty()) return;
    for (unsigned code = first; code <= last && map_.size() < max_entries; ++code) {
      add(code, target);
      ++target.back();  // the last unit counts up through the range
    }
  }

  void add_listed(unsigned first, unsigned last) {
    unsigned code = first;
    while (auto item = tokens_.next()) {
      if (item->kind != Token::hex) return;  // ']' or garbage
      if (code <= last) add(code++, code_points(item->text));
    }
  }

  void skip_array() {
    while (auto item = tokens_.next())
      if (item->kind != Token::hex) return;
  }

  void add(unsigned code, const std::vector<char32_t>& target) {
    if (map_.size() < max_entries && !target.empty()) map_[code] = utf8(target);
  }

  Tokenizer tokens_;
  ToUnicodeMap map_;
};

}  // namespace

ToUnicodeMap parse_to_unicode(std::string_view cmap) { return Reader(cmap).read(); }

}  // namespace proceedings::detail

#include "proceedings/type1_font.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/process.hpp"

namespace proceedings {

namespace fs = std::filesystem;

namespace {

std::vector<char32_t> utf8_chars(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

// PFB: segments of 0x80, type (1 text, 2 binary, 3 end), 32-bit little-endian length.
std::pair<std::string, std::string> pfb_parts(const std::string& pfb, const fs::path& file) {
  std::string text, binary;
  for (std::size_t at = 0; at + 2 <= pfb.size();) {
    if (static_cast<unsigned char>(pfb[at]) != 0x80) throw input_error(file.string(), "is not a PFB Type 1 font");
    const int type = pfb[at + 1];
    if (type == 3) break;
    if (at + 6 > pfb.size()) throw input_error(file.string(), "is cut off inside a segment header");
    std::size_t length = 0;
    for (int k = 3; k >= 0; --k) length = (length << 8) | static_cast<unsigned char>(pfb[at + 2 + k]);
    if (at + 6 + length > pfb.size()) throw input_error(file.string(), "is cut off inside a segment");
    const std::string segment = pfb.substr(at + 6, length);
    // The text after the binary part is the 512 zeros and cleartomark, which PDF does not need.
    if (type == 1 && binary.empty()) text += segment;
    else if (type == 2) binary += segment;
    at += 6 + length;
  }
  if (text.empty() || binary.empty()) throw input_error(file.string(), "has no Type 1 font program");
  return {text, binary};
}

constexpr unsigned short eexec_key = 55665, charstring_key = 4330;

std::string decrypt(const std::string& data, unsigned short r) {
  std::string out(data.size(), '\0');
  for (std::size_t i = 0; i < data.size(); ++i) {
    const auto c = static_cast<unsigned char>(data[i]);
    out[i] = static_cast<char>(c ^ (r >> 8));
    r = static_cast<unsigned short>((c + r) * 52845u + 22719u);
  }
  return out;
}

std::string encrypt(const std::string& plain, unsigned short r) {
  std::string out(plain.size(), '\0');
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const auto c = static_cast<unsigned char>(static_cast<unsigned char>(plain[i]) ^ (r >> 8));
    out[i] = static_cast<char>(c);
    r = static_cast<unsigned short>((c + r) * 52845u + 22719u);
  }
  return out;
}

// The base and accent of a charstring built with seac, as StandardEncoding
// codes; the letters and accents are the only glyphs seac may name.
std::string standard_encoding_name(int code) {
  if ((code >= 'A' && code <= 'Z') || (code >= 'a' && code <= 'z')) return std::string(1, static_cast<char>(code));
  static const std::map<int, std::string> accents{
      {193, "grave"},   {194, "acute"},    {195, "circumflex"}, {196, "tilde"},        {197, "macron"},
      {198, "breve"},   {199, "dotaccent"}, {200, "dieresis"},  {202, "ring"},         {203, "cedilla"},
      {205, "hungarumlaut"}, {206, "ogonek"}, {207, "caron"},    {245, "dotlessi"}};
  const auto it = accents.find(code);
  return it == accents.end() ? "" : it->second;
}

// A charstring's bytes after decryption, without the lenIV random bytes that
// lead it (lenIV -1: the charstrings are not encrypted).
std::string plain_charstring(const std::string& stored, int len_iv) {
  if (len_iv < 0) return stored;
  const std::string plain = decrypt(stored, charstring_key);
  return plain.size() > static_cast<std::size_t>(len_iv) ? plain.substr(static_cast<std::size_t>(len_iv)) : "";
}

// The charstring that only returns: what an unused subroutine is replaced by.
std::string return_only_charstring(int len_iv) {
  const std::string plain = std::string(static_cast<std::size_t>(std::max(len_iv, 0)), '\0') + '\x0b';
  return len_iv < 0 ? plain : encrypt(plain, charstring_key);
}

// One step of a plain charstring: a number, or an operator (12 x as 32 + x).
struct Token {
  bool is_number = false;
  int value = 0;  // the number, or the operator
};

// Reads the token at `at` and moves past it; false at the end (or a number cut off).
bool next_token(const std::string& cs, std::size_t& at, Token& token) {
  if (at >= cs.size()) return false;
  const auto v = static_cast<unsigned char>(cs[at++]);
  auto byte = [&]() { return static_cast<unsigned char>(cs[at++]); };
  token.is_number = v >= 32;
  if (v >= 32 && v <= 246) token.value = v - 139;
  else if (v >= 247 && v <= 254) {
    if (at >= cs.size()) return false;
    const int magnitude = (v - (v <= 250 ? 247 : 251)) * 256 + byte() + 108;
    token.value = v <= 250 ? magnitude : -magnitude;
  } else if (v == 255) {
    if (at + 4 > cs.size()) return false;
    std::uint32_t n = 0;
    for (int k = 0; k < 4; ++k) n = (n << 8) | byte();
    token.value = static_cast<std::int32_t>(n);
  } else if (v == 12) {
    if (at >= cs.size()) return false;
    token.value = 32 + byte();
  } else {
    token.value = v;
  }
  return true;
}

constexpr int op_callsubr = 10, op_return = 11, op_endchar = 14, op_seac = 32 + 6, op_div = 32 + 12,
              op_callothersubr = 32 + 16, op_pop = 32 + 17;

std::vector<std::string> seac_parts(const std::string& plain) {
  std::vector<int> stack;
  Token t;
  for (std::size_t at = 0; next_token(plain, at, t);) {
    if (t.is_number) stack.push_back(t.value);
    else if (t.value == op_seac && stack.size() >= 2)
      return {standard_encoding_name(stack[stack.size() - 2]), standard_encoding_name(stack.back())};
    else
      stack.clear();
  }
  return {};
}

// Which Subrs the kept glyphs call, found by running their charstrings as an
// interpreter would, as far as the operand stack goes: a subroutine's number
// is the stack top at callsubr, and may come back from the PostScript stack
// (the hint replacement "subr# 1 3 callothersubr pop callsubr", where
// OtherSubr 3 leaves its argument for pop). Type 1 has no branches, so one
// pass over each glyph sees every call.
class SubrCalls {
 public:
  explicit SubrCalls(const std::vector<std::string>& subrs) : subrs_(subrs) {}
  // False when a call's number cannot be known: then every subroutine is kept.
  bool follow_glyph(const std::string& plain) {
    operands_.clear();
    postscript_.clear();
    return follow(plain, 0) != End::unknown;
  }
  const std::set<int>& called() const { return called_; }

 private:
  enum class End { returned, ended, unknown };
  using Value = std::optional<int>;

  Value pop_operand() {
    if (operands_.empty()) return std::nullopt;
    const Value v = operands_.back();
    operands_.pop_back();
    return v;
  }

  End follow(const std::string& plain, int depth) {
    if (depth > 20) return End::unknown;  // Type 1 allows 10 nested calls; deeper is a loop
    Token t;
    for (std::size_t at = 0; next_token(plain, at, t);) {
      if (t.is_number) operands_.push_back(t.value);
      else if (t.value == op_callsubr) {
        const Value n = pop_operand();
        if (!n || *n < 0 || static_cast<std::size_t>(*n) >= subrs_.size()) return End::unknown;
        called_.insert(*n);
        const End end = follow(subrs_[static_cast<std::size_t>(*n)], depth + 1);
        if (end != End::returned) return end;
      } else if (t.value == op_return) return End::returned;
      else if (t.value == op_endchar || t.value == op_seac) return End::ended;
      else if (t.value == op_callothersubr) call_othersubr();
      else if (t.value == op_pop) {
        operands_.push_back(postscript_.empty() ? std::nullopt : postscript_.back());
        if (!postscript_.empty()) postscript_.pop_back();
      } else if (t.value == op_div) {
        pop_operand(), pop_operand();
        operands_.push_back(std::nullopt);
      } else operands_.clear();  // every other operator takes its operands off the stack
    }
    return End::returned;
  }

  // Its arguments go to the PostScript stack, last argument on top, and are
  // what the pops after it get back (for OtherSubr 3, the subroutine number).
  void call_othersubr() {
    pop_operand();  // the OtherSubr's number
    const Value count = pop_operand();
    std::vector<Value> args;
    for (int k = 0; count && k < *count && !operands_.empty(); ++k) args.push_back(pop_operand());
    postscript_.insert(postscript_.end(), args.rbegin(), args.rend());
  }

  const std::vector<std::string>& subrs_;
  std::vector<Value> operands_, postscript_;
  std::set<int> called_;
};

struct CharString {
  std::string name;
  std::size_t begin = 0, end = 0;  // the whole "/name len RD <bytes> ND\n" entry
  std::size_t data = 0, length = 0;
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The /CharStrings entries of the decrypted private part, and where the count before "dict" sits.
std::vector<CharString> charstrings(const std::string& priv, std::size_t& count_at, std::size_t& count_end,
                                    const fs::path& file) {
  const auto key = priv.find("/CharStrings");
  if (key == std::string::npos) throw input_error(file.string(), "has no /CharStrings");
  count_at = key + 12;
  while (count_at < priv.size() && is_space(priv[count_at])) ++count_at;
  count_end = count_at;
  while (count_end < priv.size() && std::isdigit(static_cast<unsigned char>(priv[count_end]))) ++count_end;
  std::size_t at = priv.find("begin", count_end);
  if (at == std::string::npos || count_end == count_at) throw input_error(file.string(), "has a malformed /CharStrings");
  at += 5;
  std::vector<CharString> out;
  while (true) {
    while (at < priv.size() && is_space(priv[at])) ++at;
    if (at >= priv.size() || priv[at] != '/') break;  // "end"
    CharString cs;
    cs.begin = at;
    std::size_t name_end = at + 1;
    while (name_end < priv.size() && !is_space(priv[name_end])) ++name_end;
    cs.name = priv.substr(at + 1, name_end - at - 1);
    std::size_t pos = name_end;
    while (pos < priv.size() && is_space(priv[pos])) ++pos;
    std::size_t digits = pos;
    while (digits < priv.size() && std::isdigit(static_cast<unsigned char>(priv[digits]))) ++digits;
    if (digits == pos) throw input_error(file.string(), "has a malformed charstring for /" + cs.name);
    cs.length = std::stoul(priv.substr(pos, digits - pos));
    pos = digits;
    while (pos < priv.size() && is_space(priv[pos])) ++pos;
    while (pos < priv.size() && !is_space(priv[pos])) ++pos;  // RD or -|
    cs.data = pos + 1;
    if (cs.data + cs.length > priv.size()) throw input_error(file.string(), "is cut off in charstring /" + cs.name);
    pos = cs.data + cs.length;
    while (pos < priv.size() && priv[pos] != '\n' && priv[pos] != '\r') ++pos;  // ND or |-
    cs.end = pos;
    out.push_back(cs);
    at = pos;
  }
  return out;
}

// The private dictionary's /lenIV: how many random bytes lead each charstring (4 unless it says).
int len_iv(const std::string& priv) {
  const auto key = priv.find("/lenIV");
  if (key == std::string::npos) return 4;
  std::size_t at = key + 6;
  while (at < priv.size() && is_space(priv[at])) ++at;
  std::size_t end = at + (at < priv.size() && priv[at] == '-');
  while (end < priv.size() && std::isdigit(static_cast<unsigned char>(priv[end]))) ++end;
  try {
    return std::stoi(priv.substr(at, end - at));
  } catch (const std::exception&) {
    return 4;
  }
}

// One "dup 5 23 RD <23 bytes> NP" entry of /Subrs.
struct SubrEntry {
  int index = 0;
  std::size_t begin = 0, next = 0;            // "dup", and where what follows the entry starts
  std::size_t length_at = 0, length_end = 0;  // the byte count's digits
  std::size_t data = 0, length = 0;
};

struct SubrsArray {
  std::size_t size = 0, size_at = 0, size_end = 0;  // "/Subrs <size> array"
  std::vector<SubrEntry> entries;
};

std::size_t skip_space(const std::string& s, std::size_t at) {
  while (at < s.size() && is_space(s[at])) ++at;
  return at;
}

std::size_t digits_end(const std::string& s, std::size_t at) {
  while (at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]))) ++at;
  return at;
}

SubrEntry subr_entry(const std::string& priv, std::size_t at, const fs::path& file) {
  SubrEntry e;
  e.begin = at;
  const std::size_t index_at = skip_space(priv, at + 4), index_end = digits_end(priv, index_at);
  e.length_at = skip_space(priv, index_end);
  e.length_end = digits_end(priv, e.length_at);
  if (index_end == index_at || e.length_end == e.length_at) throw input_error(file.string(), "has a malformed /Subrs entry");
  e.index = std::stoi(priv.substr(index_at, index_end - index_at));
  e.length = std::stoul(priv.substr(e.length_at, e.length_end - e.length_at));
  std::size_t pos = skip_space(priv, e.length_end);
  while (pos < priv.size() && !is_space(priv[pos])) ++pos;  // RD or -|
  e.data = pos + 1;
  if (e.data + e.length > priv.size())
    throw input_error(file.string(), "is cut off in /Subrs entry " + std::to_string(e.index));
  pos = e.data + e.length;
  while (pos < priv.size() && priv[pos] != '\n' && priv[pos] != '\r') ++pos;  // NP or |
  e.next = skip_space(priv, pos);
  return e;
}

// The /Subrs array of the decrypted private part (a font without one: size 0).
SubrsArray subrs_array(const std::string& priv, const fs::path& file) {
  SubrsArray array;
  const auto key = priv.find("/Subrs");
  const auto charstrings_key = priv.find("/CharStrings");
  if (key == std::string::npos || (charstrings_key != std::string::npos && key > charstrings_key)) return array;
  array.size_at = skip_space(priv, key + 6);
  array.size_end = digits_end(priv, array.size_at);
  std::size_t at = priv.find("array", array.size_end);
  if (array.size_end == array.size_at || at == std::string::npos)
    throw input_error(file.string(), "has a malformed /Subrs array");
  array.size = std::stoul(priv.substr(array.size_at, array.size_end - array.size_at));
  for (at = skip_space(priv, at + 5); priv.compare(at, 4, "dup ") == 0;) {  // up to the array's "readonly def" or "ND"
    array.entries.push_back(subr_entry(priv, at, file));
    if (static_cast<std::size_t>(array.entries.back().index) >= array.size)
      throw input_error(file.string(), "has /Subrs entry " + std::to_string(array.entries.back().index) + " past the array's end");
    at = array.entries.back().next;
  }
  return array;
}

// The private part with the Subrs the kept glyphs do not call replaced by a
// charstring that only returns, the numbering kept; as pdfTeX does, the array
// ends at the last subroutine called. Subrs 0-3 stay: they are the flex and
// hint replacement machinery the OtherSubrs protocol expects. A call whose
// number cannot be followed keeps them all.
std::string drop_unused_subrs(const std::string& priv, const std::vector<std::string>& kept_charstrings,
                              const fs::path& file) {
  const SubrsArray array = subrs_array(priv, file);
  if (array.entries.empty()) return priv;
  const int iv = len_iv(priv);
  std::vector<std::string> subrs(array.size);
  for (const auto& e : array.entries)
    subrs[static_cast<std::size_t>(e.index)] = plain_charstring(priv.substr(e.data, e.length), iv);
  SubrCalls calls(subrs);
  for (const auto& cs : kept_charstrings)
    if (!calls.follow_glyph(plain_charstring(cs, iv))) return priv;
  const int last = std::max(3, calls.called().empty() ? 3 : *calls.called().rbegin());
  const std::string blank = return_only_charstring(iv);
  std::string out = priv.substr(0, array.size_at) + std::to_string(last + 1);
  std::size_t copied = array.size_end;
  for (const auto& e : array.entries) {
    if (e.index <= 3 || calls.called().count(e.index)) continue;
    out.append(priv, copied, (e.index > last ? e.begin : e.length_at) - copied);
    if (e.index > last) {
      copied = e.next;
      continue;
    }
    out += std::to_string(blank.size());
    out.append(priv, e.length_end, e.data - e.length_end);
    out += blank;
    copied = e.data + e.length;
  }
  return out + priv.substr(copied);
}

struct FtLibrary {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  ~FtLibrary() {
    if (face) FT_Done_Face(face);
    if (lib) FT_Done_FreeType(lib);
  }
};

std::string subset_tag(const std::string& names) {
  const std::string digest = sha256_hex(names);
  std::string tag;
  for (int i = 0; i < 6; ++i) tag += static_cast<char>('A' + std::stoi(digest.substr(static_cast<std::size_t>(i) * 2, 2), nullptr, 16) % 26);
  return tag;
}

}  // namespace

std::string Type1Font::encode(const std::string& utf8) const {
  std::string out;
  for (char32_t c : utf8_chars(utf8))
    if (const auto it = codes.find(c); it != codes.end()) out += static_cast<char>(it->second);
  return out;
}

double Type1Font::width(const std::string& encoded, double size) const {
  double units = 0;
  for (char c : encoded) {
    const int index = static_cast<unsigned char>(c) - first_code;
    if (index >= 0 && index < static_cast<int>(widths.size())) units += widths[static_cast<std::size_t>(index)];
  }
  return units * size / 1000.0;
}

std::string Type1Font::to_unicode_cmap() const {
  static const char* digits = "0123456789ABCDEF";
  auto hex = [](unsigned value, int width) {
    std::string out(static_cast<std::size_t>(width), '0');
    for (int i = width - 1; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = digits[value & 15];
    return out;
  };
  auto utf16 = [&](char32_t c) {
    if (c < 0x10000) return hex(c, 4);
    const unsigned v = c - 0x10000;
    return hex(0xD800 + (v >> 10), 4) + hex(0xDC00 + (v & 0x3FF), 4);
  };
  std::vector<std::pair<unsigned char, char32_t>> pairs;
  for (const auto& [c, code] : codes) pairs.emplace_back(code, c);
  std::sort(pairs.begin(), pairs.end());
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n";
  for (std::size_t at = 0; at < pairs.size(); at += 100) {  // at most 100 entries a block
    const std::size_t n = std::min<std::size_t>(100, pairs.size() - at);
    out += std::to_string(n) + " beginbfchar\n";
    for (std::size_t i = at; i < at + n; ++i) out += "<" + hex(pairs[i].first, 2) + "> <" + utf16(pairs[i].second) + ">\n";
    out += "endbfchar\n";
  }
  return out + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

Type1Font subset_type1(const fs::path& pfb, const std::string& text) {
  const std::string bytes = read_file(pfb);
  auto [cleartext, binary] = pfb_parts(bytes, pfb);

  FtLibrary ft;
  if (FT_Init_FreeType(&ft.lib) != 0 ||
      FT_New_Memory_Face(ft.lib, reinterpret_cast<const FT_Byte*>(bytes.data()), static_cast<FT_Long>(bytes.size()), 0,
                         &ft.face) != 0)
    throw input_error(pfb.string(), "FreeType cannot read the font");
  FT_Select_Charmap(ft.face, FT_ENCODING_UNICODE);
  const double scale = 1000.0 / ft.face->units_per_EM;

  Type1Font font;
  std::set<std::string> wanted{".notdef"};
  std::set<char32_t> seen;
  for (char32_t c : utf8_chars(text)) {
    if (!seen.insert(c).second || c < 32) continue;
    const FT_UInt glyph = FT_Get_Char_Index(ft.face, c);
    if (glyph == 0) continue;
    char name[64] = {0};
    if (FT_Get_Glyph_Name(ft.face, glyph, name, sizeof name) != 0 || FT_Load_Glyph(ft.face, glyph, FT_LOAD_NO_SCALE) != 0)
      continue;
    font.codes[c] = static_cast<unsigned char>(font.first_code + static_cast<int>(font.glyph_names.size()));
    font.glyph_names.push_back(name);
    font.widths.push_back(static_cast<int>(std::lround(ft.face->glyph->metrics.horiAdvance * scale)));
    wanted.insert(name);
    if (font.first_code + font.glyph_names.size() > 255) break;
  }
  font.bbox[0] = static_cast<int>(std::lround(ft.face->bbox.xMin * scale));
  font.bbox[1] = static_cast<int>(std::lround(ft.face->bbox.yMin * scale));
  font.bbox[2] = static_cast<int>(std::lround(ft.face->bbox.xMax * scale));
  font.bbox[3] = static_cast<int>(std::lround(ft.face->bbox.yMax * scale));
  font.ascent = static_cast<int>(std::lround(ft.face->ascender * scale));
  font.descent = static_cast<int>(std::lround(ft.face->descender * scale));
  if (const FT_UInt h = FT_Get_Char_Index(ft.face, 'H'); h != 0 && FT_Load_Glyph(ft.face, h, FT_LOAD_NO_SCALE) == 0)
    font.cap_height = static_cast<int>(std::lround(ft.face->glyph->metrics.height * scale));

  // The private part: every charstring not wanted (nor a seac part of one) goes.
  const std::string priv = decrypt(binary, eexec_key);
  std::size_t count_at = 0, count_end = 0;
  const auto all = charstrings(priv, count_at, count_end, pfb);
  const int iv = len_iv(priv);
  for (const auto& cs : all)
    if (wanted.count(cs.name))
      for (const auto& part : seac_parts(plain_charstring(priv.substr(cs.data, cs.length), iv)))
        if (!part.empty()) wanted.insert(part);
  std::string kept;
  std::vector<std::string> kept_charstrings;
  for (const auto& cs : all)
    if (wanted.count(cs.name)) {
      kept += "\n" + priv.substr(cs.begin, cs.end - cs.begin);
      kept_charstrings.push_back(priv.substr(cs.data, cs.length));
    }
  const int count = static_cast<int>(kept_charstrings.size());
  const std::size_t after = all.empty() ? count_end : all.back().end;
  const std::string subset_priv = priv.substr(0, count_at) + std::to_string(count) +
                                  priv.substr(count_end, all.empty() ? 0 : all.front().begin - count_end) +
                                  kept.substr(kept.empty() ? 0 : 1) + priv.substr(after);
  font.program = cleartext + encrypt(drop_unused_subrs(subset_priv, kept_charstrings, pfb), eexec_key);
  font.cleartext = cleartext.size();
  std::string names;
  for (const auto& n : wanted) names += n + " ";
  font.base_name = subset_tag(names) + "+" + std::string(FT_Get_Postscript_Name(ft.face) ? FT_Get_Postscript_Name(ft.face) : "Folio");
  return font;
}

std::map<std::string, fs::path> installed_font_files(const std::vector<std::string>& names) {
  const auto found = run_program("kpsewhich", names, fs::current_path(), std::chrono::seconds(30));
  std::map<std::string, fs::path> by_name;  // kpsewhich prints a line for each file it finds
  std::istringstream lines(found.out);
  for (std::string line; std::getline(lines, line);) {
    while (!line.empty() && is_space(line.back())) line.pop_back();
    if (!line.empty()) by_name[fs::path(line).filename().string()] = line;
  }
  for (const auto& name : names) {
    const auto at = by_name.find(name);
    if (at == by_name.end() || !fs::exists(at->second))
      throw Error(Exit::external, name, "not found by kpsewhich (Debian package texlive-fonts-extra)");
  }
  return by_name;
}
}  // namespace proceedings

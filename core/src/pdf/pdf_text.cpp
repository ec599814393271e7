#include "pdf/pdf_text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "pdf/mupdf_guard.hpp"
#include "proceedings/text.hpp"
#include "pdf/to_unicode.hpp"
#include "proceedings/latex_text.hpp"

namespace proceedings::detail {

namespace {

// Row-vector affine matrix, as PDF writes them: p' = p x M.
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};

// The translation part of m x n: where m's origin lands.
struct Point {
  double x, y;
};
Point origin_of_product(const Matrix& m, const Matrix& n) {
  return {m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}

Matrix operator*(const Matrix& m, const Matrix& n) {
  const Point o = origin_of_product(m, n);
  return {m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d, m.c * n.a + m.d * n.c, m.c * n.b + m.d * n.d, o.x, o.y};
}

// Bit for bit, so that a cached product is reused only where recomputing it
// would give the very same doubles (signed zeros included).
bool same_linear_part(const Matrix& m, const Matrix& n) {
  return std::bit_cast<std::array<std::uint64_t, 4>>(std::array<double, 4>{m.a, m.b, m.c, m.d}) ==
         std::bit_cast<std::array<std::uint64_t, 4>>(std::array<double, 4>{n.a, n.b, n.c, n.d});
}

Matrix translation(double x, double y) { return {1, 0, 0, 1, x, y}; }

// An image fills the unit square of its matrix: its box on the page.
Box unit_square_on(const Matrix& m) {
  Box box{1e300, 1e300, -1e300, -1e300};
  for (const auto& [x, y] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}}) {
    const Point p = origin_of_product(translation(x, y), m);
    box = {std::min(box.x0, p.x), std::min(box.y0, p.y), std::max(box.x1, p.x), std::max(box.y1, p.y)};
  }
  return box;
}

void append_utf8(std::string& out, int c) { proceedings::append_utf8(out, c <= 0 ? 0xFFFD : static_cast<char32_t>(c)); }

}  // namespace

std::string without_subset_prefix(const std::string& s) {
  if (s.size() > 7 && s[6] == '+' && std::all_of(s.begin(), s.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }))
    return s.substr(7);
  return s;
}

// ---------------------------------------------------------------- fonts

class Font {
 public:
  explicit Font(std::string name) : name_(std::move(name)) {}
  virtual ~Font() = default;
  // Reads one character code from [s, e); returns the bytes it took (>= 1).
  virtual int next_code(const unsigned char* s, const unsigned char* e, unsigned& code) const = 0;
  // Advance in text space units for a font size of 1.
  virtual double width(unsigned code) const = 0;
  virtual void append_unicode(unsigned code, std::string& out) const = 0;
  // The code's text: a view of the font's own table where it keeps one,
  // else appended to the emptied `scratch`.
  virtual std::string_view unicode(unsigned code, std::string& scratch) const {
    scratch.clear();
    append_unicode(code, scratch);
    return scratch;
  }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

namespace {

// Type1, TrueType and Type3 fonts whose dictionary maps codes to Unicode
// (ToUnicode, or an encoding of named glyphs).
class SimpleFont : public Font {
 public:
  using Font::Font;
  int next_code(const unsigned char* s, const unsigned char*, unsigned& code) const override {
    code = *s;
    return 1;
  }
  double width(unsigned code) const override { return widths[code & 0xFF]; }
  void append_unicode(unsigned code, std::string& out) const override { out += texts[code & 0xFF]; }
  std::string_view unicode(unsigned code, std::string&) const override { return texts[code & 0xFF]; }

  std::array<double, 256> widths{};
  std::array<std::string, 256> texts;
};

// Everything else goes through MuPDF's full font loader (CID fonts, fonts
// without any Unicode mapping): slower, but it knows every corner of the spec.
class LoadedFont : public Font {
 public:
  LoadedFont(std::string name, fz_context* ctx, pdf_font_desc* desc, ToUnicodeMap to_unicode)
      : Font(std::move(name)), ctx_(ctx), desc_(desc), to_unicode_(std::move(to_unicode)) {}
  ~LoadedFont() override { pdf_drop_font(ctx_, desc_); }
  int next_code(const unsigned char* s, const unsigned char* e, unsigned& code) const override {
    unsigned cpt = 0;
    const int n = pdf_decode_cmap(desc_->encoding, const_cast<unsigned char*>(s), const_cast<unsigned char*>(e), &cpt);
    code = static_cast<unsigned>(pdf_lookup_cmap(desc_->encoding, cpt));
    return std::max(1, n);
  }
  double width(unsigned cid) const override { return pdf_lookup_hmtx(ctx_, desc_, static_cast<int>(cid)).w / 1000.0; }
  void append_unicode(unsigned cid, std::string& out) const override {
    // Our own map is keyed by character code, which Identity encodings make the CID.
    if (const auto found = to_unicode_.find(cid); found != to_unicode_.end() && identity_encoding()) {
      out += found->second;
      return;
    }
    int ucs[8];
    int n = 0;
    if (desc_->to_unicode) n = pdf_lookup_cmap_full(desc_->to_unicode, cid, ucs);
    if (n <= 0 && cid < desc_->cid_to_ucs_len) {
      ucs[0] = restored_math_letter(desc_->cid_to_ucs[cid]);
      n = 1;
    }
    if (n <= 0) append_utf8(out, 0xFFFD);
    for (int i = 0; i < n; ++i) append_utf8(out, ucs[i]);
  }

 private:
  // MuPDF keeps glyph-name mappings in 16 bits: a math font's "uni1D706"
  // (italic lambda) arrives as U+D706, a Hangul syllable no math font holds.
  int restored_math_letter(int ucs) const {
    const bool math_font = name().find("Math") != std::string::npos;
    return math_font && ucs >= 0xD400 && ucs <= 0xD7FF ? ucs + 0x10000 : ucs;
  }

  bool identity_encoding() const {
    const char* name = desc_->encoding ? desc_->encoding->cmap_name : "";
    return std::strncmp(name, "Identity-", 9) == 0;
  }

  fz_context* ctx_;
  pdf_font_desc* desc_;
  ToUnicodeMap to_unicode_;
};

const char* const* base_encoding(const char* name) {
  if (!name) return fz_glyph_name_from_adobe_standard;
  if (!std::strcmp(name, "WinAnsiEncoding")) return fz_glyph_name_from_win_ansi;
  if (!std::strcmp(name, "MacRomanEncoding")) return fz_glyph_name_from_mac_roman;
  if (!std::strcmp(name, "MacExpertEncoding")) return fz_glyph_name_from_mac_expert;
  return fz_glyph_name_from_adobe_standard;
}

}  // namespace

class FontTable {
 public:
  FontTable(fz_context* ctx, pdf_document* doc, std::string file) : ctx_(ctx), doc_(doc), file_(std::move(file)) {}

  const Font* get(pdf_obj* resources, const char* name) {
    pdf_obj* dict = pdf_dict_gets(ctx_, pdf_dict_get(ctx_, resources, PDF_NAME(Font)), name);
    if (!pdf_is_dict(ctx_, dict)) return nullptr;
    const void* key = pdf_is_indirect(ctx_, dict) ? reinterpret_cast<const void*>(static_cast<intptr_t>(pdf_to_num(ctx_, dict)))
                                                  : static_cast<const void*>(dict);
    auto found = fonts_.find(key);
    if (found != fonts_.end()) return found->second.get();
    auto font = load(resources, dict);
    const Font* raw = font.get();
    fonts_.emplace(key, std::move(font));
    return raw;
  }

 private:
  std::unique_ptr<Font> load(pdf_obj* resources, pdf_obj* dict) {
    const std::string subtype = pdf_to_name(ctx_, pdf_dict_get(ctx_, dict, PDF_NAME(Subtype)));
    const std::string name = without_subset_prefix(pdf_to_name(ctx_, pdf_dict_get(ctx_, dict, PDF_NAME(BaseFont))));
    if (subtype == "Type1" || subtype == "MMType1" || subtype == "TrueType" || subtype == "Type3")
      if (auto simple = load_simple(dict, name, subtype == "Type3")) return simple;
    pdf_font_desc* desc = nullptr;
    guarded(ctx_, file_, "cannot load font " + name, [&] { desc = pdf_load_font(ctx_, doc_, resources, dict); });
    return std::make_unique<LoadedFont>(name, ctx_, desc, own_to_unicode(pdf_dict_get(ctx_, dict, PDF_NAME(ToUnicode))));
  }

  std::unique_ptr<SimpleFont> load_simple(pdf_obj* dict, const std::string& name, bool type3) {
    pdf_obj* to_unicode = pdf_dict_get(ctx_, dict, PDF_NAME(ToUnicode));
    pdf_obj* encoding = pdf_dict_get(ctx_, dict, PDF_NAME(Encoding));
    if (!pdf_is_stream(ctx_, to_unicode) && !encoding) return nullptr;  // the font program's own encoding
    auto font = std::make_unique<SimpleFont>(name);
    read_widths(dict, type3, *font);
    read_encoding(encoding, *font);
    if (pdf_is_stream(ctx_, to_unicode)) read_to_unicode(to_unicode, *font);
    return font;
  }

  void read_widths(pdf_obj* dict, bool type3, SimpleFont& font) {
    double scale = 0.001;
    if (type3) {
      pdf_obj* matrix = pdf_dict_get(ctx_, dict, PDF_NAME(FontMatrix));
      scale = pdf_array_len(ctx_, matrix) >= 1 ? pdf_array_get_real(ctx_, matrix, 0) : 0.001;
    }
    pdf_obj* widths = pdf_dict_get(ctx_, dict, PDF_NAME(Widths));
    const double missing =
        pdf_dict_get_real(ctx_, pdf_dict_get(ctx_, dict, PDF_NAME(FontDescriptor)), PDF_NAME(MissingWidth)) * scale;
    // Without /Widths (a standard 14 font), assume an average advance.
    font.widths.fill(widths ? missing : 0.5);
    const int first = pdf_dict_get_int(ctx_, dict, PDF_NAME(FirstChar));
    const int count = pdf_array_len(ctx_, widths);
    for (int i = 0; i < count; ++i)
      if (first + i >= 0 && first + i < 256) font.widths[first + i] = pdf_array_get_real(ctx_, widths, i) * scale;
  }

  void read_encoding(pdf_obj* encoding, SimpleFont& font) {
    std::array<const char*, 256> names{};
    const char* base = pdf_is_name(ctx_, encoding) ? pdf_to_name(ctx_, encoding)
                                                   : pdf_to_name(ctx_, pdf_dict_get(ctx_, encoding, PDF_NAME(BaseEncoding)));
    const char* const* table = base_encoding(base && *base ? base : nullptr);
    for (int i = 0; i < 256; ++i) names[i] = table[i];
    pdf_obj* diff = pdf_dict_get(ctx_, encoding, PDF_NAME(Differences));
    int code = 0;
    for (int i = 0, n = pdf_array_len(ctx_, diff); i < n; ++i) {
      pdf_obj* item = pdf_array_get(ctx_, diff, i);
      if (pdf_is_int(ctx_, item)) code = pdf_to_int(ctx_, item);
      else if (pdf_is_name(ctx_, item) && code >= 0 && code < 256) names[code++] = pdf_to_name(ctx_, item);
    }
    for (int i = 0; i < 256; ++i)
      if (names[i] && *names[i]) append_utf8(font.texts[i], fz_unicode_from_glyph_name(names[i]));
  }

  void read_to_unicode(pdf_obj* stream, SimpleFont& font) {
    for (auto& [code, text] : own_to_unicode(stream))
      if (code < 256) font.texts[code] = std::move(text);
  }

  ToUnicodeMap own_to_unicode(pdf_obj* stream) {
    if (!pdf_is_stream(ctx_, stream)) return {};
    fz_buffer* buffer = nullptr;
    guarded(ctx_, file_, "cannot read a ToUnicode map", [&] { buffer = pdf_load_stream(ctx_, stream); });
    unsigned char* data = nullptr;
    const std::size_t size = fz_buffer_storage(ctx_, buffer, &data);
    ToUnicodeMap map = parse_to_unicode(std::string_view(reinterpret_cast<const char*>(data), size));
    fz_drop_buffer(ctx_, buffer);
    return map;
  }

  fz_context* ctx_;
  pdf_document* doc_;
  std::string file_;
  std::unordered_map<const void*, std::unique_ptr<Font>> fonts_;
};

// ---------------------------------------------------------------- lines

namespace {

struct Placed {
  double x, y;        // glyph origin, device space (points, y down)
  double dx, dy;      // unit direction of the baseline
  double advance;     // along the baseline
  double size;
  const Font* font;
};

// Joins glyphs into lines the way a reader sees them: same baseline,
// no backward jump, no gap wider than a few ems; a narrower gap is a space.
class LineBuilder {
 public:
  void add(const Placed& g, std::string_view text) {
    if (open_ && !continues(g)) flush();
    if (!open_) start(g);
    else if (gap(g) > 0.15 * g.size && !text_.empty() && text_.back() != ' ' && text != " ") {
      glyphs_.push_back({text_.size(), text_.size() + 1, g.size, -g.x * dy_ + g.y * dx_});
      text_ += ' ';
    }
    glyphs_.push_back({text_.size(), text_.size() + text.size(), g.size, -g.x * dy_ + g.y * dx_});
    text_ += text;
    const double ex = g.x + g.dx * g.advance, ey = g.y + g.dy * g.advance;
    extend(std::min(g.x, ex), std::min(g.y, ey) - 0.8 * g.size, std::max(g.x, ex), std::max(g.y, ey) + 0.2 * g.size);
    end_x_ = ex;
    end_y_ = ey;
    if (text != " ") tally(g);
  }

  std::vector<PdfLine> finish() {
    flush();
    return std::move(lines_);
  }

 private:
  double gap(const Placed& g) const { return (g.x - end_x_) * dx_ + (g.y - end_y_) * dy_; }

  bool continues(const Placed& g) const {
    if (std::fabs(g.dx - dx_) > 1e-3 || std::fabs(g.dy - dy_) > 1e-3) return false;
    const double across = std::fabs(-(g.x - end_x_) * dy_ + (g.y - end_y_) * dx_);
    const double along = gap(g);
    const double em = std::max(g.size, size_);
    // TeX overprints accents by stepping back up to a letter's width.
    return across <= 0.5 * em && along > -1.0 * em && along < 2.5 * em;
  }

  void start(const Placed& g) {
    open_ = true;
    dx_ = g.dx;
    dy_ = g.dy;
    size_ = g.size;
    box_ = {1e9, 1e9, -1e9, -1e9};
    text_.clear();
    glyphs_.clear();
    sizes_.clear();
    fonts_.clear();
  }

  void extend(double x0, double y0, double x1, double y1) {
    box_ = {std::min(box_.x0, x0), std::min(box_.y0, y0), std::max(box_.x1, x1), std::max(box_.y1, y1)};
  }

  void tally(const Placed& g) {
    // A string's glyphs share their size: round it once, not per glyph.
    if (!(g.size == tallied_size_)) {
      tallied_size_ = g.size;
      rounded_size_ = std::round(g.size * 10) / 10;
    }
    const double size = rounded_size_;
    auto s = std::find_if(sizes_.begin(), sizes_.end(), [&](const auto& p) { return p.first == size; });
    if (s == sizes_.end()) sizes_.emplace_back(size, 1);
    else ++s->second;
    auto f = std::find_if(fonts_.begin(), fonts_.end(), [&](const auto& p) { return p.first == g.font; });
    if (f == fonts_.end()) fonts_.emplace_back(g.font, 1);
    else ++f->second;
  }

  void flush() {
    if (!open_) return;
    open_ = false;
    if (text_.find_first_not_of(' ') == std::string::npos) return;
    PdfLine line;
    line.box = box_;
    line.horizontal = std::fabs(dy_) < 0.01 && dx_ > 0;
    line.text = compose_spacing_accents(text_);
    auto by_count = [](const auto& a, const auto& b) { return a.second < b.second; };
    if (!sizes_.empty()) line.size = std::max_element(sizes_.begin(), sizes_.end(), by_count)->first;
    line.plain = without_raised(line.size, line.text);
    if (!fonts_.empty()) line.font = std::max_element(fonts_.begin(), fonts_.end(), by_count)->first->name();
    lines_.push_back(std::move(line));
  }

  // The text without glyphs set smaller and above the baseline: footnote
  // and affiliation marks after names.
  std::string without_raised(double size, const std::string& composed) const {
    const Glyph* base = nullptr;
    for (const auto& g : glyphs_)
      if (std::fabs(g.size - size) < 0.05) {
        base = &g;
        break;
      }
    if (!base) return composed;
    const auto raised = [&](const Glyph& g) { return g.size < 0.85 * size && g.across < base->across - 0.15 * size; };
    if (std::none_of(glyphs_.begin(), glyphs_.end(), raised)) return composed;
    std::string out;
    for (const auto& g : glyphs_)
      if (!raised(g)) out.append(text_, g.begin, g.end - g.begin);
    return compose_spacing_accents(out);
  }

  struct Glyph {
    std::size_t begin, end;  // bytes of text_
    double size;
    double across;  // position across the baseline, device space (smaller is higher)
  };

  bool open_ = false;
  std::vector<Glyph> glyphs_;
  double dx_ = 1, dy_ = 0, size_ = 0, end_x_ = 0, end_y_ = 0;
  Box box_;
  std::string text_;
  std::vector<std::pair<double, int>> sizes_;
  std::vector<std::pair<const Font*, int>> fonts_;
  std::vector<PdfLine> lines_;
  double tallied_size_ = std::numeric_limits<double>::quiet_NaN(), rounded_size_ = 0;
};

// ---------------------------------------------------------------- content streams

struct Operand {
  enum Kind { number, name, string, array, dict, other } kind = other;
  double value = 0;
  std::string bytes;              // name or string; "[" or "<<" for a group
  std::vector<Operand> items;     // array or dict; stale for any other kind
  bool is_group() const { return kind == array || kind == dict; }
};

// The operands before one operator. Slots outlive the operator so that
// their strings and item lists keep their buffers for the next one.
class Operands {
 public:
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  const Operand& operator[](std::size_t i) const { return slots_[i]; }
  void clear() { count_ = 0; }

  // A new last operand, its bytes empty.
  Operand& push(Operand::Kind kind, double value = 0) {
    if (count_ == slots_.size()) grow();
    Operand& slot = slots_[count_++];
    slot.kind = kind;
    slot.value = value;
    slot.bytes.clear();
    return slot;
  }

  // The operands after the group opened at `at` become its items.
  void close_group(std::size_t at) {
    std::vector<Operand>& items = slots_[at].items;
    items.resize(count_ - at - 1);
    for (std::size_t i = 0; i < items.size(); ++i) copy_operand(slots_[at + 1 + i], items[i]);
    count_ = at + 1;
  }

 private:
  // Out of line: push() is inlined in the lexer's loop, growing is rare.
  [[gnu::noinline]] void grow() { slots_.emplace_back(); }

  static void copy_operand(const Operand& from, Operand& to) {
    to.kind = from.kind;
    to.value = from.value;
    to.bytes = from.bytes;
    if (from.is_group()) to.items = from.items;
    else to.items.clear();
  }

  std::vector<Operand> slots_;
  std::size_t count_ = 0;
};

// 10^0 .. 10^15, each exactly a double.
constexpr std::array<double, 16> powers_of_ten{1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                               1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// strtod's value of a plain decimal ("-12.5", ".5", "3."), or nothing for
// any other text or more than 15 digits. Up to 15 digits make an integer a
// double holds exactly, and 10^k (k <= 15) is exact too, so the one division
// is correctly rounded: the very double strtod's correct rounding gives.
std::optional<double> plain_decimal(const char* s, const char* e) {
  const bool negative = s < e && *s == '-';
  if (s < e && (*s == '-' || *s == '+')) ++s;
  std::uint64_t digits = 0;
  int count = 0, decimals = 0;
  bool point = false;
  for (; s < e; ++s) {
    if (*s >= '0' && *s <= '9') {
      if (++count > 15) return std::nullopt;
      digits = digits * 10 + static_cast<std::uint64_t>(*s - '0');
      if (point) ++decimals;
    } else if (*s == '.' && !point) {
      point = true;
    } else {
      return std::nullopt;
    }
  }
  if (count == 0) return std::nullopt;
  const double value = static_cast<double>(digits) / powers_of_ten[static_cast<std::size_t>(decimals)];
  return negative ? -value : value;
}

// A PDF content stream lexer: operands are collected until an operator.
class Lexer {
 public:
  explicit Lexer(const std::string& data) : p_(data.data()), e_(data.data() + data.size()) {}

  // Fills `operands` and returns the next operator, or "" at the end. The
  // operator views the content, which must outlive it.
  std::string_view next_operator(Operands& operands) {
    operands.clear();
    opened_.clear();
    while (skip_space(), p_ < e_) {
      const char c = *p_;
      if (c == '/') {
        ++p_;
        operands.push(Operand::name).bytes.assign(word());
      } else if (c == '(') {
        ++p_;
        literal_string(operands.push(Operand::string).bytes);
      } else if (c == '<' && p_ + 1 < e_ && p_[1] == '<') {
        p_ += 2;
        opened_.push_back(operands.size());
        operands.push(Operand::dict).bytes.assign("<<");
      } else if (c == '<') {
        ++p_;
        hex_string(operands.push(Operand::string).bytes);
      } else if (c == '[') {
        ++p_;
        opened_.push_back(operands.size());
        operands.push(Operand::array).bytes.assign("[");
      } else if (c == ']' || (c == '>' && p_ + 1 < e_ && p_[1] == '>')) {
        p_ += c == ']' ? 1 : 2;
        close(operands);
      } else if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) {
        operands.push(Operand::number, number());
      } else if (c == ')' || c == '>' || c == '{' || c == '}') {
        ++p_;  // stray delimiter: skip it
      } else {
        const std::string_view op = word();
        if (!opened_.empty()) continue;  // true/false/null inside an array or dict
        if (op == "ID") skip_inline_image();
        return op;
      }
    }
    return {};
  }

 private:
  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
  // The delimiters, and NUL as strchr on "()<>[]{}/%" found it too; a switch
  // because this runs for every byte of every content stream.
  static bool is_delim(char c) {
    switch (c) {
      case '(': case ')': case '<': case '>': case '[': case ']': case '{': case '}': case '/': case '%': case '\0':
        return true;
      default:
        return false;
    }
  }
  // Bytes of a number: sign, point, digits, and NUL (which ends it for strtod).
  static bool is_number_byte(char c) { return c == '+' || c == '-' || c == '.' || c == '\0' || (c >= '0' && c <= '9'); }

  void skip_space() {
    while (p_ < e_) {
      if (is_space(*p_)) ++p_;
      else if (*p_ == '%') while (p_ < e_ && *p_ != '\n' && *p_ != '\r') ++p_;
      else break;
    }
  }

  std::string_view word() {
    const char* s = p_;
    while (p_ < e_ && !is_space(*p_) && !is_delim(*p_)) ++p_;
    if (p_ == s && p_ < e_) ++p_;  // a lone delimiter never stalls the lexer
    return {s, static_cast<std::size_t>(p_ - s)};
  }

  double number() {
    const char* s = p_;
    while (p_ < e_ && is_number_byte(*p_)) ++p_;
    if (const auto plain = plain_decimal(s, p_)) return *plain;
    return std::strtod(std::string(s, p_).c_str(), nullptr);
  }

  void literal_string(std::string& out) {
    int depth = 1;
    while (p_ < e_) {
      char c = *p_++;
      if (c == '(') ++depth;
      else if (c == ')' && --depth == 0) break;
      else if (c == '\\' && p_ < e_) {
        c = *p_++;
        switch (c) {
          case 'n': out += '\n'; continue;
          case 'r': out += '\r'; continue;
          case 't': out += '\t'; continue;
          case 'b': out += '\b'; continue;
          case 'f': out += '\f'; continue;
          case '\r': if (p_ < e_ && *p_ == '\n') ++p_; continue;
          case '\n': continue;
          default: break;
        }
        if (c >= '0' && c <= '7') {
          int v = c - '0';
          for (int i = 0; i < 2 && p_ < e_ && *p_ >= '0' && *p_ <= '7'; ++i) v = v * 8 + (*p_++ - '0');
          out += static_cast<char>(v);
          continue;
        }
      }
      out += c;
    }
  }

  void hex_string(std::string& out) {
    int high = -1;
    while (p_ < e_ && *p_ != '>') {
      const char c = *p_++;
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0) continue;
      if (high < 0) high = v;
      else {
        out += static_cast<char>(high * 16 + v);
        high = -1;
      }
    }
    if (p_ < e_) ++p_;
    if (high >= 0) out += static_cast<char>(high * 16);
  }

  void close(Operands& operands) {
    if (opened_.empty()) return;
    const std::size_t at = opened_.back();
    opened_.pop_back();
    operands.close_group(at);
  }

  // Inline image data runs to "EI" standing alone after white space.
  void skip_inline_image() {
    if (p_ < e_) ++p_;
    while (p_ + 2 < e_) {
      if (is_space(p_[0]) && p_[1] == 'E' && p_[2] == 'I' && (p_ + 3 == e_ || is_space(p_[3]) || is_delim(p_[3]))) {
        p_ += 3;
        return;
      }
      ++p_;
    }
    p_ = e_;
  }

  const char* p_;
  const char* e_;
  std::vector<std::size_t> opened_;  // positions of unclosed [ and <<
};

struct TextState {
  double char_spacing = 0, word_spacing = 0, scale = 1, leading = 0, rise = 0, size = 0;
  const Font* font = nullptr;
};

struct GraphicsState {
  Matrix ctm;
  TextState text;
};

}  // namespace

// Runs one content stream (a page's or a form's) and collects its glyphs.
class ContentRunner {
 public:
  ContentRunner(fz_context* ctx, pdf_document* doc, const std::string& file, FontTable& fonts)
      : ctx_(ctx), doc_(doc), file_(file), fonts_(fonts) {}

  void run(const std::string& content, pdf_obj* resources, const Matrix& ctm, int depth) {
    std::vector<GraphicsState> stack{GraphicsState{ctm, {}}};
    Matrix tm, tlm;
    Lexer lexer(content);
    Operands ops;
    for (std::string_view op = lexer.next_operator(ops); !op.empty(); op = lexer.next_operator(ops)) {
      GraphicsState& gs = stack.back();
      TextState& ts = gs.text;
      const auto num = [&](std::size_t i) { return i < ops.size() && ops[i].kind == Operand::number ? ops[i].value : 0.0; };
      if (op == "q") stack.push_back(gs);
      else if (op == "Q") { if (stack.size() > 1) stack.pop_back(); }
      else if (op == "cm" && ops.size() == 6) gs.ctm = Matrix{num(0), num(1), num(2), num(3), num(4), num(5)} * gs.ctm;
      else if (op == "BT") tm = tlm = Matrix{};
      else if (op == "Tf" && ops.size() == 2) {
        ts.font = ops[0].kind == Operand::name ? fonts_.get(resources, ops[0].bytes.c_str()) : nullptr;
        ts.size = num(1);
      } else if (op == "Td" && ops.size() == 2) tm = tlm = translation(num(0), num(1)) * tlm;
      else if (op == "TD" && ops.size() == 2) {
        ts.leading = -num(1);
        tm = tlm = translation(num(0), num(1)) * tlm;
      } else if (op == "Tm" && ops.size() == 6) tm = tlm = Matrix{num(0), num(1), num(2), num(3), num(4), num(5)};
      else if (op == "T*") tm = tlm = translation(0, -ts.leading) * tlm;
      else if (op == "TL") ts.leading = num(0);
      else if (op == "Tc") ts.char_spacing = num(0);
      else if (op == "Tw") ts.word_spacing = num(0);
      else if (op == "Tz") ts.scale = num(0) / 100;
      else if (op == "Ts") ts.rise = num(0);
      else if (op == "Tj" && !ops.empty()) show(ops[0].bytes, gs, tm);
      else if (op == "'" && !ops.empty()) {
        tm = tlm = translation(0, -ts.leading) * tlm;
        show(ops[0].bytes, gs, tm);
      } else if (op == "\"" && ops.size() == 3) {
        ts.word_spacing = num(0);
        ts.char_spacing = num(1);
        tm = tlm = translation(0, -ts.leading) * tlm;
        show(ops[2].bytes, gs, tm);
      } else if (op == "TJ" && !ops.empty() && ops[0].is_group()) {
        for (const auto& item : ops[0].items) {
          if (item.kind == Operand::string) show(item.bytes, gs, tm);
          else if (item.kind == Operand::number) tm = translation(-item.value / 1000 * ts.size * ts.scale, 0) * tm;
        }
      } else if (op == "Do" && !ops.empty() && ops[0].kind == Operand::name) draw_xobject(ops[0].bytes, resources, gs.ctm, depth);
      else if (op == "BI") ++images;
    }
  }

  LineBuilder lines;
  int images = 0;
  std::vector<PdfPicture> pictures;

 private:
  // What stays the same for every glyph of a string: showing a glyph only
  // moves the text matrix's translation, so the linear parts of tm x ctm and
  // of the rendering matrix, the baseline's direction, the advance's scale
  // and the size are computed once, with the same expressions as per glyph.
  struct GlyphFrame {
    GlyphFrame(const Matrix& tm, const GraphicsState& gs)
        : tm_linear(tm),
          tm_ctm(tm * gs.ctm),
          trm(Matrix{gs.text.size * gs.text.scale, 0, 0, gs.text.size, 0, gs.text.rise} * tm_ctm),
          length(std::hypot(trm.a, trm.b)),
          dx(trm.a / length),
          dy(trm.b / length),
          advance_scale(std::hypot(tm_ctm.a, tm_ctm.b)),
          size(std::sqrt(std::fabs(trm.a * trm.d - trm.b * trm.c))),
          rise(gs.text.rise) {}

    // The glyph origin for the text matrix `tm`: the translation of
    // trm = (size, rise) x tm x ctm.
    Point origin(const Matrix& tm, const Matrix& ctm) const {
      const Point moved = origin_of_product(tm, ctm);
      const Matrix rendering{0, 0, 0, 0, 0, rise};
      return origin_of_product(rendering, Matrix{tm_ctm.a, tm_ctm.b, tm_ctm.c, tm_ctm.d, moved.x, moved.y});
    }

    Matrix tm_linear;
    Matrix tm_ctm;  // its translation is that of the string's first glyph
    Matrix trm;
    double length, dx, dy, advance_scale, size, rise;
  };

  void show(const std::string& bytes, const GraphicsState& gs, Matrix& tm) {
    const TextState& ts = gs.text;
    if (!ts.font) return;
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* e = s + bytes.size();
    const GlyphFrame* frame = &frame_for(tm, gs);
    while (s < e) {
      unsigned code = 0;
      const int n = ts.font->next_code(s, e, code);
      s += n;
      const double tx = (ts.font->width(code) * ts.size + ts.char_spacing + (n == 1 && code == 32 ? ts.word_spacing : 0)) * ts.scale;
      if (frame->length > 0) {
        const Point at = frame->origin(tm, gs.ctm);
        lines.add({at.x, at.y, frame->dx, frame->dy, std::fabs(tx) * frame->advance_scale, frame->size, ts.font},
                  ts.font->unicode(code, scratch_));
      }
      tm = translation(tx, 0) * tm;
      if (!same_linear_part(tm, frame->tm_linear)) frame = &frame_for(tm, gs);
    }
  }

  // Everything a GlyphFrame is computed from, compared bit for bit.
  using FrameInputs = std::array<double, 11>;

  // The frame for `tm` and `gs`, kept while its inputs stay the same: the
  // strings of a TJ array are shown under one matrix, the kerning between
  // them only moving its translation.
  const GlyphFrame& frame_for(const Matrix& tm, const GraphicsState& gs) {
    const FrameInputs inputs{tm.a,      tm.b,      tm.c,          tm.d,           gs.ctm.a,     gs.ctm.b,
                             gs.ctm.c,  gs.ctm.d,  gs.text.size,  gs.text.scale,  gs.text.rise};
    if (!frame_ || std::memcmp(inputs.data(), frame_inputs_.data(), sizeof(double) * inputs.size()) != 0) {
      frame_.emplace(tm, gs);
      frame_inputs_ = inputs;
    }
    return *frame_;
  }

  void draw_xobject(const std::string& name, pdf_obj* resources, const Matrix& ctm, int depth) {
    pdf_obj* xobj = pdf_dict_gets(ctx_, pdf_dict_get(ctx_, resources, PDF_NAME(XObject)), name.c_str());
    const char* subtype = pdf_to_name(ctx_, pdf_dict_get(ctx_, xobj, PDF_NAME(Subtype)));
    if (!std::strcmp(subtype, "Image")) {
      ++images;
      pictures.push_back({unit_square_on(ctm), pdf_to_num(ctx_, xobj)});
      return;
    }
    if (std::strcmp(subtype, "Form") || depth >= 12) return;
    const int num = pdf_to_num(ctx_, xobj);
    if (num && !running_forms_.insert(num).second) return;  // a form that draws itself
    fz_matrix fm = fz_identity;
    pdf_obj* form_resources = pdf_dict_get(ctx_, xobj, PDF_NAME(Resources));
    std::string content;
    fz_buffer* buf = nullptr;
    guarded(ctx_, file_, "cannot read form XObject " + name, [&] {
      fm = pdf_dict_get_matrix(ctx_, xobj, PDF_NAME(Matrix));
      buf = pdf_load_stream(ctx_, xobj);
    });
    unsigned char* data = nullptr;
    const size_t len = fz_buffer_storage(ctx_, buf, &data);
    content.assign(reinterpret_cast<const char*>(data), len);
    fz_drop_buffer(ctx_, buf);
    run(content, form_resources ? form_resources : resources, Matrix{fm.a, fm.b, fm.c, fm.d, fm.e, fm.f} * ctm, depth + 1);
    running_forms_.erase(num);
  }

  fz_context* ctx_;
  pdf_document* doc_;
  const std::string& file_;
  FontTable& fonts_;
  std::set<int> running_forms_;
  std::string scratch_;  // a glyph's text, for fonts that keep no table of them
  std::optional<GlyphFrame> frame_;
  FrameInputs frame_inputs_{};
};

PageTextScanner::PageTextScanner(fz_context* ctx, pdf_document* doc, std::string file)
    : ctx_(ctx), doc_(doc), file_(std::move(file)), fonts_(std::make_unique<FontTable>(ctx, doc, file_)) {}

PageTextScanner::~PageTextScanner() = default;

ScannedPage PageTextScanner::scan(pdf_page* page) {
  fz_matrix page_ctm = fz_identity;
  pdf_obj* resources = nullptr;
  fz_buffer* buf = nullptr;
  guarded(ctx_, file_, "cannot read page contents", [&] {
    fz_rect mediabox;
    pdf_page_transform(ctx_, page, &mediabox, &page_ctm);
    resources = pdf_page_resources(ctx_, page);
    pdf_obj* contents = pdf_page_contents(ctx_, page);
    if (!contents) return;  // a blank page
    fz_stream* stream = pdf_open_contents_stream(ctx_, doc_, contents);
    fz_try(ctx_) { buf = fz_read_all(ctx_, stream, 0); }
    fz_always(ctx_) { fz_drop_stream(ctx_, stream); }
    fz_catch(ctx_) { fz_rethrow(ctx_); }
  });
  std::string content;
  if (buf) {
    unsigned char* data = nullptr;
    const size_t len = fz_buffer_storage(ctx_, buf, &data);
    content.assign(reinterpret_cast<const char*>(data), len);
    fz_drop_buffer(ctx_, buf);
  }
  ContentRunner runner(ctx_, doc_, file_, *fonts_);
  runner.run(content, resources,
             Matrix{page_ctm.a, page_ctm.b, page_ctm.c, page_ctm.d, page_ctm.e, page_ctm.f}, 0);
  return {runner.lines.finish(), runner.images, std::move(runner.pictures)};
}

}  // namespace proceedings::detail

#define PCRE2_CODE_UNIT_WIDTH 8
#include "proceedings/regex.hpp"

#include <pcre2.h>

#include "proceedings/error.hpp"

namespace proceedings {

namespace {

// Bounds on one match: backtracking steps and heap for the backtracking
// frames. Every pattern here matches a line or a field in far less; a subject
// that reaches a bound is treated as not matching.
constexpr uint32_t kMatchLimit = 5'000'000;
constexpr uint32_t kHeapLimitKiB = 64 * 1024;

uint32_t options_for(unsigned flags) {
  uint32_t options = PCRE2_DOLLAR_ENDONLY;  // '$' is the end, not also before a final newline (as in <regex>)
  if (flags & Regex::icase) options |= PCRE2_CASELESS;
  if (flags & Regex::multiline) options |= PCRE2_MULTILINE;
  if (flags & Regex::dotall) options |= PCRE2_DOTALL;
  return options;
}

}  // namespace

struct Regex::Compiled {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  bool jit = false;
  ~Compiled() {
    pcre2_match_context_free(context);
    pcre2_code_free(code);
  }
};

Regex::Regex(std::string_view pattern, unsigned flags) : compiled_(std::make_unique<Compiled>()) {
  int code = 0;
  PCRE2_SIZE offset = 0;
  compiled_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options_for(flags),
                                  &code, &offset, nullptr);
  if (!compiled_->code) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(code, message, sizeof message);
    throw Error(Exit::internal, "regex '" + std::string(pattern) + "'",
                "does not compile at offset " + std::to_string(offset) + ": " + reinterpret_cast<char*>(message));
  }
  compiled_->jit = pcre2_jit_compile(compiled_->code, PCRE2_JIT_COMPLETE) == 0;
  compiled_->context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(compiled_->context, kMatchLimit);
  pcre2_set_heap_limit(compiled_->context, kHeapLimitKiB);
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

bool Regex::run(std::string_view text, std::size_t from, bool whole, Match* m) const {
  if (from > text.size()) return false;
  std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> data(
      pcre2_match_data_create_from_pattern(compiled_->code, nullptr), &pcre2_match_data_free);
  const uint32_t options = whole ? (PCRE2_ANCHORED | PCRE2_ENDANCHORED) : 0;
  auto subject = reinterpret_cast<PCRE2_SPTR>(text.data());
  int rc = pcre2_match(compiled_->code, subject, text.size(), from, options | (compiled_->jit ? 0 : PCRE2_NO_JIT),
                       data.get(), compiled_->context);
  // The JIT's own stack is small; the interpreter keeps its frames on the heap (bounded above).
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
    rc = pcre2_match(compiled_->code, subject, text.size(), from, options | PCRE2_NO_JIT, data.get(),
                     compiled_->context);
  if (rc < 0) return false;  // no match, or a bound reached
  if (!m) return true;
  const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data.get());
  const uint32_t groups = pcre2_get_ovector_count(data.get());
  uint32_t captures = 0;
  pcre2_pattern_info(compiled_->code, PCRE2_INFO_CAPTURECOUNT, &captures);
  m->subject_ = text;
  m->groups_.assign(captures + 1, Submatch{});
  for (uint32_t i = 0; i <= captures && i < groups; ++i) {
    if (ovector[2 * i] == PCRE2_UNSET) continue;
    m->groups_[i] = Submatch{true, text.substr(ovector[2 * i], ovector[2 * i + 1] - ovector[2 * i])};
  }
  return true;
}

bool Regex::matches(std::string_view text) const { return run(text, 0, true, nullptr); }
bool Regex::match(std::string_view text, Match& m) const { return run(text, 0, true, &m); }
bool Regex::contains(std::string_view text) const { return run(text, 0, false, nullptr); }
bool Regex::search(std::string_view text, Match& m, std::size_t from) const { return run(text, from, false, &m); }

std::vector<Match> Regex::all(std::string_view text) const {
  std::vector<Match> found;
  std::size_t from = 0;
  Match m;
  while (from <= text.size() && run(text, from, false, &m)) {
    const std::size_t end = m.position(0) + m.length(0);
    from = m.length(0) == 0 ? end + 1 : end;  // an empty match moves on by one byte
    found.push_back(m);
  }
  return found;
}

namespace {

// Appends `format` with $&, $0..$99 and $$ expanded from m.
void expand(std::string& out, std::string_view format, const Match& m) {
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (c != '$' || i + 1 == format.size()) {
      out += c;
      continue;
    }
    const char next = format[i + 1];
    if (next == '$') {
      out += '$';
      ++i;
    } else if (next == '&') {
      out += m[0].text;
      ++i;
    } else if (next >= '0' && next <= '9') {
      std::size_t group = static_cast<std::size_t>(next - '0');
      std::size_t used = 1;
      if (i + 2 < format.size() && format[i + 2] >= '0' && format[i + 2] <= '9' &&
          group * 10 + static_cast<std::size_t>(format[i + 2] - '0') < m.size()) {
        group = group * 10 + static_cast<std::size_t>(format[i + 2] - '0');
        used = 2;
      }
      if (group < m.size()) out += m[group].text;
      i += used;
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string Regex::replace(std::string_view text, std::string_view format) const {
  std::string out;
  std::size_t copied = 0;
  for (const Match& m : all(text)) {
    out.append(text.substr(copied, m.position(0) - copied));
    expand(out, format, m);
    copied = m.position(0) + m.length(0);
  }
  out.append(text.substr(copied));
  return out;
}

const Submatch& Match::operator[](std::size_t i) const {
  static const Submatch none;
  return i < groups_.size() ? groups_[i] : none;
}

std::size_t Match::position(std::size_t i) const {
  const Submatch& s = (*this)[i];
  return s.matched ? static_cast<std::size_t>(s.text.data() - subject_.data()) : std::string::npos;
}

}  // namespace proceedings

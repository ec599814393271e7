#include "notify/address.hpp"

#include <cstdio>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::notify {

namespace {

// C0 controls, DEL and the C1 controls U+0080..U+009F (UTF-8 C2 80..C2 9F).
std::size_t first_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (control_character_at(text, i)) return i;
  return std::string_view::npos;
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

// A quoted display name without its quotes and backslashes.
std::string unquoted(const std::string& name) {
  if (name.size() < 2 || name.front() != '"' || name.back() != '"') return name;
  std::string out;
  for (std::size_t i = 1; i + 1 < name.size(); ++i) {
    if (name[i] == '\\' && i + 2 < name.size()) ++i;
    out += name[i];
  }
  return out;
}

// Printable ASCII that no decoder would take for an encoded-word.
bool plain_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) return false;
  return text.find("=?") == std::string_view::npos;
}

}  // namespace

namespace {

bool starts_character(std::string_view text, std::size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xc0) != 0x80;
}

// Where the encoded-word that starts at `at` ends: at most 45 bytes (60 base64
// characters; with "=?UTF-8?B?" and "?=", 72), between two characters, and,
// unless it is the last, a multiple of 3 bytes, so that no "=" padding sits
// between two words (GMime's decoder joins adjacent words and stops at one).
std::size_t word_end(std::string_view text, std::size_t at) {
  constexpr std::size_t max_bytes = 45;
  if (text.size() - at <= max_bytes) return text.size();
  std::size_t fallback = 0;
  for (std::size_t end = at + max_bytes; end > at; --end) {
    if (!starts_character(text, end)) continue;
    if ((end - at) % 3 == 0) return end;
    if (!fallback) fallback = end;
  }
  return fallback ? fallback : at + max_bytes;  // not UTF-8: split anywhere
}

}  // namespace

std::string encoded_words(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = word_end(text, at);
    out += (out.empty() ? "" : " ") + ("=?UTF-8?B?" + base64(std::string(text.substr(at, end - at))) + "?=");
    at = end;
  }
  return out;
}

std::string header_phrase(std::string_view name) {
  if (!plain_ascii(name)) return encoded_words(name);
  std::string quoted = "\"";
  for (const char c : name) quoted += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
  return quoted + "\"";
}

std::string header_text(std::string_view text) {
  std::string out, run;  // run: consecutive words to encode, with the spaces between them
  auto flush = [&] {
    if (run.empty()) return;
    out += (out.empty() ? "" : " ") + encoded_words(run);
    run.clear();
  };
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t space = std::min(text.find(' ', at), text.size());
    const std::string_view word = text.substr(at, space - at);
    if (plain_ascii(word)) {
      flush();
      out += (out.empty() && at == 0 ? "" : " ") + std::string(word);
    } else {
      run += (run.empty() ? "" : " ") + std::string(word);
    }
    at = space + 1;
  }
  flush();
  return out;
}

std::string visible(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\r') out += "\\r";
    else if (c == '\n') out += "\\n";
    else if (c == '\0') out += "\\0";
    else if (c < 0x20 || c == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else out += ch;
  }
  return out;
}

std::string header_text_problem(std::string_view text) {
  const std::size_t at = first_control(text);
  if (at == std::string_view::npos) return "";
  return "has a control character at byte " + std::to_string(at + 1) +
         " (a line break or NUL would start a new header or SMTP command)";
}

std::string addr_spec_problem(std::string_view address) {
  // local-part (dot-atom or quoted-string) "@" domain (host name or [literal]); RFC 5322 3.4.1, RFC 5321 4.1.2.
  static const Regex addr_spec(
      R"re((?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)re"
      R"re(|"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"))re"
      R"re(@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)re"
      R"re(|\[[\x21-\x5a\x5e-\x7e]+\]))re");
  if (address.empty()) return "is empty";
  if (const std::string problem = header_text_problem(address); !problem.empty()) return problem;
  if (!addr_spec.matches(address))
    return "is not one email address (local@domain, without a name, brackets, spaces or a second address)";
  if (address.size() > 254 || address.rfind('@') > 64) return "is longer than SMTP allows (64 before the @, 254 in all)";
  return "";
}

void require_mailbox(const Mailbox& mailbox, const std::string& where, const std::string& what) {
  if (const std::string problem = header_text_problem(mailbox.name); !problem.empty())
    throw usage_error(where, what + ": the name \"" + visible(mailbox.name) + "\" " + problem);
  if (const std::string problem = addr_spec_problem(mailbox.address); !problem.empty())
    throw usage_error(where, what + ": the email \"" + visible(mailbox.address) + "\" " + problem);
}

Mailbox parse_mailbox(std::string_view text, const std::string& where) {
  Mailbox m;
  const std::string t = trimmed(text);
  const auto open = t.rfind('<');
  if (!t.empty() && t.back() == '>' && open != std::string::npos) {
    m.name = unquoted(trimmed(std::string_view(t).substr(0, open)));
    m.address = t.substr(open + 1, t.size() - open - 2);
  } else {
    m.address = t;
  }
  require_mailbox(m, where, "the sender");
  return m;
}

}  // namespace proceedings::notify

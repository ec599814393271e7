#pragma once
// Small text helpers every reader needs.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace proceedings {

// Without leading and trailing spaces, tabs and line ends.
std::string trim(const std::string& text);

// `value` with `decimals` digits after the point ("9.0", "12.50").
std::string to_fixed(double value, int decimals = 1);

// Runs of spaces, tabs and line ends as one space, and trimmed.
std::string collapse_whitespace(const std::string& text);

// An identifier that becomes a file name: 1 to 100 letters, digits, '-' and
// '_', starting with a letter or digit (no '.', '/', '\\' or spaces).
bool is_file_name_id(const std::string& id);

// The byte offset of the first byte that is not well-formed UTF-8 (overlong
// forms, surrogates and code points past U+10FFFF included), or nullopt.
std::optional<std::size_t> first_invalid_utf8(const std::string& bytes);

// `bytes` with every byte that does not belong to well-formed UTF-8 replaced
// by U+FFFD: text from outside (a PDF's Info string, a file name) made safe
// for JSON, YAML and a terminal. Valid text comes back unchanged.
std::string valid_utf8(const std::string& bytes);

// `bytes` written in `charset` (iconv's name: "ISO-8859-1", "CP1252", ...) as
// UTF-8, a byte the set does not define as U+FFFD; nullopt when iconv does not
// know the set.
std::optional<std::string> utf8_from(const std::string& charset, const std::string& bytes);

// Decodes the UTF-8 code point at `i` of `s` (`i` < s.size()) and moves `i`
// past it; a sequence cut short gives what its bytes carry.
char32_t next_code_point(const std::string& s, std::size_t& i);

// The code points of UTF-8 text, a byte that is not well-formed UTF-8 as
// U+FFFD (as valid_utf8 reads it).
std::vector<char32_t> utf8_characters(const std::string& text);

// Appends `c` as UTF-8; a surrogate, zero or a value past U+10FFFF becomes U+FFFD.
void append_utf8(std::string& out, char32_t c);

// Throws a usage Error "FILE:LINE: invalid UTF-8 at byte N" when `bytes`,
// read from `file`, is not UTF-8.
void require_utf8(const std::string& bytes, const std::string& file);

// The control character that starts at byte `at` of UTF-8 `text` (C0, DEL,
// or a C1 character, U+0080 to U+009F, as its two bytes), or nullopt. The one
// definition behind every refusal of control characters: YAML input, imports,
// the event's page, mail headers.
std::optional<unsigned> control_character_at(std::string_view text, std::size_t at);

// A code point as "U+001B".
std::string code_point_name(unsigned code);

// Text made safe inside HTML elements and quoted attributes (& < > ").
std::string html_escape(const std::string& text);

// `text` with ASCII letters in lower case; other bytes (UTF-8 included) as they are.
std::string ascii_lower(std::string text);

// The parts with `separator` between them ("a; b; c"), "" for none.
std::string joined(const std::vector<std::string>& parts, const std::string& separator);

// "A", "A and B", "A, B, and C": the serial comma, as the book, the booklet,
// the report and the authors' e-mails print lists of names.
std::string name_list(const std::vector<std::string>& names);

}  // namespace proceedings

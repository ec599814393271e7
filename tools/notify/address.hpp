#pragma once
// Names and addresses for the notification emails, checked before the MIME
// library or the SMTP server sees them: a name or an email in papers.yaml
// must not add a header, a recipient or an SMTP command.
#include <string>
#include <string_view>
#include <vector>

namespace proceedings::notify {

struct Mailbox {
  std::string name;     // display name, UTF-8; may be empty
  std::string address;  // exactly one RFC 5322 addr-spec
};

// Why `text` cannot be a header value (it has a control character), or "" when it can.
std::string header_text_problem(std::string_view text);

// Why `address` is not exactly one ASCII RFC 5322 addr-spec (local-part@domain,
// no display name, no comment, no second address), or "" when it is.
std::string addr_spec_problem(std::string_view address);

// `text` in one printable line: control characters as \r, \n, \0 or \xHH.
std::string visible(std::string_view text);

// Throws usage_error(where, "<what>: ...") unless the name is header text and
// the address one addr-spec.
void require_mailbox(const Mailbox& mailbox, const std::string& where, const std::string& what);

// RFC 2047 for a header that is not plain ASCII. GMime splits encoded-words
// by characters, not bytes, and its words pass 75 characters for names and
// titles in Greek, Cyrillic or CJK; these split the UTF-8 bytes instead.
//
// `text` as UTF-8 "B" encoded-words of at most 75 characters each, split
// between characters, separated by spaces.
std::string encoded_words(std::string_view text);
// A display name for an address header: a quoted-string when it is ASCII,
// else encoded-words.
std::string header_phrase(std::string_view name);
// Unstructured text (Subject): ASCII words kept, each run of other words encoded.
std::string header_text(std::string_view text);

// "Name <local@domain>", "\"Name\" <local@domain>" or "local@domain" (PROCEEDINGS_MAIL_FROM), checked.
Mailbox parse_mailbox(std::string_view text, const std::string& where);

}  // namespace proceedings::notify

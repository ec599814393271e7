#pragma once
// One notification email as RFC 5322 / MIME text: a plain-words body and,
// when there is one, the annotated PDF attached.
#include <filesystem>
#include <string>
#include <vector>

#include "notify/address.hpp"

namespace proceedings::notify {

struct Attachment {
  std::string file_name;  // as the recipient sees it
  std::string bytes;
};

struct Mail {
  Mailbox from;
  std::vector<Mailbox> reply_to;  // the venue's contact; none: no Reply-To header
  std::vector<Mailbox> to;  // one To: header, one mailbox each
  std::string subject;
  std::string body;  // UTF-8, lines separated by \n
  std::vector<Attachment> attachments;
  std::string message_id_domain;  // the right-hand side of the Message-ID: the contact's domain
};

// The message with CRLF line ends, made by GMime: display names quoted where
// they need it, non-ASCII names and the subject as RFC 2047 encoded-words of
// at most 75 characters, header lines folded. `boundary_seed` makes the MIME
// boundary and Message-ID (pass a digest). Throws usage_error when an address
// is not one addr-spec or a header value has a control character.
std::string render(const Mail& mail, const std::string& boundary_seed, long long unix_time);

}  // namespace proceedings::notify

#pragma once
// One notification email as RFC 5322 / MIME text: a plain-words body and,
// when there is one, the annotated PDF attached.
#include <filesystem>
#include <string>
#include <vector>

namespace proceedings::notify {

struct Attachment {
  std::string file_name;  // as the recipient sees it
  std::string bytes;
};

struct Mail {
  std::string from;
  std::vector<std::string> to;
  std::string subject;
  std::string body;  // UTF-8, lines separated by \n
  std::vector<Attachment> attachments;
  std::string message_id_domain = "proceedings.invalid";
};

// The message with CRLF line ends, headers encoded (RFC 2047) where not ASCII.
// `boundary_seed` makes the MIME boundary and Message-ID (pass a digest).
std::string render(const Mail& mail, const std::string& boundary_seed, long long unix_time);

}  // namespace proceedings::notify

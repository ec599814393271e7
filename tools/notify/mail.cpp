#include "notify/mail.hpp"

#include <ctime>

#include "proceedings/digest.hpp"

namespace proceedings::notify {

namespace {

bool ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80 || (c < 0x20 && c != '\t')) return false;
  return true;
}

// RFC 2047 encoded-word for a header value that is not plain ASCII.
std::string header_text(const std::string& s) { return ascii(s) ? s : "=?UTF-8?B?" + base64(s) + "?="; }

std::string rfc5322_date(long long unix_time) {
  const std::time_t t = static_cast<std::time_t>(unix_time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

std::string crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += "\r\n";
    else if (c != '\r') out += c;
  }
  return out;
}

// Base64 in lines of 76 characters (RFC 2045).
std::string wrapped_base64(const std::string& bytes) {
  const std::string all = base64(bytes);
  std::string out;
  for (std::size_t i = 0; i < all.size(); i += 76) out += all.substr(i, 76) + "\r\n";
  return out;
}

}  // namespace

std::string render(const Mail& mail, const std::string& boundary_seed, long long unix_time) {
  const std::string boundary = "=_proceedings_" + boundary_seed.substr(0, 24);
  std::string to;
  for (const auto& address : mail.to) to += (to.empty() ? "" : ", ") + address;
  std::string out = "From: " + mail.from + "\r\nTo: " + to + "\r\nSubject: " + header_text(mail.subject) +
                    "\r\nDate: " + rfc5322_date(unix_time) + "\r\nMessage-ID: <" + boundary_seed.substr(0, 32) + "@" +
                    mail.message_id_domain + ">\r\nMIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "This is a MIME message.\r\n--" + boundary + "\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
         wrapped_base64(crlf(mail.body));
  for (const auto& a : mail.attachments)
    out += "--" + boundary + "\r\nContent-Type: application/pdf; name=\"" + a.file_name +
           "\"\r\nContent-Disposition: attachment; filename=\"" + a.file_name +
           "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + wrapped_base64(a.bytes);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace proceedings::notify

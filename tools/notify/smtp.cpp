#include "notify/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "proceedings/error.hpp"

namespace proceedings::notify {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

struct Reader {
  const std::string* message;
  std::size_t at = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* r = static_cast<Reader*>(user);
  const std::size_t n = std::min(size * count, r->message->size() - r->at);
  std::memcpy(buffer, r->message->data() + r->at, n);
  r->at += n;
  return n;
}

// "<local@domain>" for MAIL FROM and RCPT TO; an address that is not one
// addr-spec never reaches the server (it could carry a second command).
std::string angle_address(const std::string& address, const char* role) {
  if (const std::string problem = addr_spec_problem(address); !problem.empty())
    throw usage_error(role, "\"" + visible(address) + "\" " + problem);
  return "<" + address + ">";
}

bool is_smtps(const std::string& url) {
  return url.size() >= 8 && std::equal(url.begin(), url.begin() + 8, "smtps://", [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

// smtp://user:password@host logs in as well as PROCEEDINGS_SMTP_USER does.
bool url_has_credentials(const std::string& url) {
  const auto scheme_end = url.find("://");
  const auto host_start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
  const auto authority = url.substr(host_start, url.find('/', host_start) - host_start);
  return authority.find('@') != std::string::npos;
}

Delivery deliver(const SmtpSettings& smtp, const std::string& recipient, const std::string& message) {
  Delivery d{recipient, false, ""};
  const std::string from = angle_address(smtp.from.address, "PROCEEDINGS_MAIL_FROM");
  const std::string to = angle_address(recipient, "recipient");
  CURL* curl = curl_easy_init();
  if (!curl) throw Error(Exit::internal, "libcurl", "cannot create a handle");
  curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
  Reader reader{&message};
  char error[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(curl, CURLOPT_URL, smtp.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(curl, CURLOPT_READDATA, &reader);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 120L);
  if (smtp.starttls) curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!smtp.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, smtp.ca_file.c_str());
  if (!smtp.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, smtp.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, smtp.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  d.accepted = rc == CURLE_OK;
  if (!d.accepted)
    d.detail = std::string(*error ? error : curl_easy_strerror(rc)) + (code ? " (server reply " + std::to_string(code) + ")" : "");
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  return d;
}

}  // namespace

SmtpSettings smtp_settings_from_environment(bool sending, bool insecure_auth) {
  SmtpSettings s{env("PROCEEDINGS_SMTP_URL"), env("PROCEEDINGS_SMTP_USER"), env("PROCEEDINGS_SMTP_PASSWORD"),
                 env("PROCEEDINGS_SMTP_STARTTLS") == "1", env("PROCEEDINGS_SMTP_CA_FILE"), {}};
  const std::string from = env("PROCEEDINGS_MAIL_FROM");
  if (from.empty() && sending) throw usage_error("PROCEEDINGS_MAIL_FROM", "is not set: the sender address of the emails");
  s.from = parse_mailbox(from.empty() ? "Program chairs <chairs@proceedings.invalid>" : from, "PROCEEDINGS_MAIL_FROM");
  if (!sending) return s;
  if (s.url.empty())
    throw usage_error("PROCEEDINGS_SMTP_URL", "is not set: the SMTP server, e.g. smtp://mail.example.org:587");
  const bool login = !s.user.empty() || url_has_credentials(s.url);
  if (login && !is_smtps(s.url) && !s.starttls && !insecure_auth) {
    const bool from_url = s.user.empty();
    throw usage_error(from_url ? "PROCEEDINGS_SMTP_URL" : "PROCEEDINGS_SMTP_USER",
                      std::string(from_url ? "has a login in it" : "is set") +
                          " but the connection is not encrypted, so the password would cross the network in clear "
                          "text: use smtps:// or set PROCEEDINGS_SMTP_STARTTLS=1 (or pass --insecure-smtp-auth to "
                          "send it anyway)");
  }
  return s;
}

std::vector<Delivery> send_mail(const SmtpSettings& smtp, const std::vector<std::string>& recipients,
                                const std::string& message) {
  std::vector<Delivery> out;
  for (const auto& r : recipients) out.push_back(deliver(smtp, r, message));
  return out;
}

}  // namespace proceedings::notify

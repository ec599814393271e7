#include "notify/smtp.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "proceedings/error.hpp"
#include "proceedings/smtp.hpp"

namespace proceedings::notify {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// An address that is not one addr-spec never reaches the server (it could
// carry a second command).
void require_addr_spec(const std::string& address, const char* role) {
  if (const std::string problem = addr_spec_problem(address); !problem.empty())
    throw usage_error(role, "\"" + visible(address) + "\" " + problem);
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

}  // namespace

SmtpSettings smtp_settings_from_environment(bool sending, bool insecure_auth) {
  SmtpSettings s{env("PROCEEDINGS_SMTP_URL"), env("PROCEEDINGS_SMTP_USER"), env("PROCEEDINGS_SMTP_PASSWORD"),
                 env("PROCEEDINGS_SMTP_STARTTLS") == "1", env("PROCEEDINGS_SMTP_CA_FILE"), {}};
  const std::string from = env("PROCEEDINGS_MAIL_FROM");
  if (!from.empty()) s.from = parse_mailbox(from, "PROCEEDINGS_MAIL_FROM");
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
  require_addr_spec(smtp.from.address, "PROCEEDINGS_MAIL_FROM");
  for (const auto& r : recipients) require_addr_spec(r, "recipient");
  const SmtpServer server{smtp.url, smtp.user, smtp.password, smtp.starttls, smtp.ca_file};
  return smtp_send(server, smtp.from.address, recipients, message);
}

}  // namespace proceedings::notify

#pragma once
// Sending through SMTP (core's proceedings/smtp.hpp). Server, port, STARTTLS and credentials
// come from the environment, never from the command line.
#include <string>
#include <vector>

#include "notify/address.hpp"
#include "proceedings/smtp.hpp"

namespace proceedings::notify {

struct SmtpSettings {
  std::string url;       // PROCEEDINGS_SMTP_URL, e.g. smtp://127.0.0.1:2525 or smtps://mail.example.org
  std::string user;      // PROCEEDINGS_SMTP_USER
  std::string password;  // PROCEEDINGS_SMTP_PASSWORD
  bool starttls = false; // PROCEEDINGS_SMTP_STARTTLS=1: require STARTTLS
  std::string ca_file;   // PROCEEDINGS_SMTP_CA_FILE: the certificates to trust instead of the system's
  Mailbox from;          // PROCEEDINGS_MAIL_FROM: the envelope and header sender; empty: the venue's contact
};

// Reads the settings; a usage Error names the variable that is missing or
// wrong. Credentials go only over TLS (smtps:// or STARTTLS) unless
// `insecure_auth` (--insecure-smtp-auth) allows clear text.
SmtpSettings smtp_settings_from_environment(bool sending, bool insecure_auth);

using Delivery = SmtpDelivery;

// One SMTP transaction per recipient (each an addr-spec), so that one refused
// address does not stop the others.
std::vector<Delivery> send_mail(const SmtpSettings& smtp, const std::vector<std::string>& recipients,
                                const std::string& message);

}  // namespace proceedings::notify

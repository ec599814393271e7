#pragma once
// Sending through SMTP with libcurl. Server, port, STARTTLS and credentials
// come from the environment, never from the command line.
#include <string>
#include <vector>

namespace proceedings::notify {

struct SmtpSettings {
  std::string url;       // PROCEEDINGS_SMTP_URL, e.g. smtp://127.0.0.1:2525 or smtps://mail.example.org
  std::string user;      // PROCEEDINGS_SMTP_USER
  std::string password;  // PROCEEDINGS_SMTP_PASSWORD
  bool starttls = false; // PROCEEDINGS_SMTP_STARTTLS=1: require STARTTLS
  std::string from;      // PROCEEDINGS_MAIL_FROM: the envelope and header sender
};

// Reads the settings; a usage Error names the variable that is missing.
SmtpSettings smtp_settings_from_environment(bool sending);

struct Delivery {
  std::string recipient;
  bool accepted = false;
  std::string detail;  // the server's refusal or libcurl's error
};

// One SMTP transaction per recipient, so that one refused address does not
// stop the others.
std::vector<Delivery> send_mail(const SmtpSettings& smtp, const std::vector<std::string>& recipients,
                                const std::string& message);

}  // namespace proceedings::notify

#pragma once
// Sending one message through SMTP with libcurl (core/src/net, the one owner
// of libcurl; opened on first use). Which server, and who may be written to,
// is the caller's business (notify reads it from the environment).
#include <string>
#include <vector>

namespace proceedings {

struct SmtpServer {
  std::string url;       // smtp://host:port or smtps://host
  std::string user;      // empty: no login
  std::string password;
  bool starttls = false; // require STARTTLS on smtp://
  std::string ca_file;   // certificates to trust instead of the system's
};

struct SmtpDelivery {
  std::string recipient;  // the addr-spec
  bool accepted = false;
  std::string detail;  // the server's refusal or libcurl's error
  // The server could not be reached, or refused TLS or the login: the
  // recipients after this one are not tried.
  bool connection_failed = false;
};

// One SMTP transaction per recipient, so that one refused address does not
// stop the others; a connection that fails stops them all (the last delivery
// returned says so). `sender` and each recipient are bare addr-specs that the
// caller has checked; one holding a control character, a space or an angle
// bracket (a second SMTP command in disguise) is a usage Error.
std::vector<SmtpDelivery> smtp_send(const SmtpServer& server, const std::string& sender,
                                    const std::vector<std::string>& recipients, const std::string& message);

}  // namespace proceedings

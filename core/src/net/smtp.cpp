#include "proceedings/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>

#include "proceedings/error.hpp"
#include "proceedings/text.hpp"

namespace proceedings {

namespace {

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

// "<local@domain>" for MAIL FROM and RCPT TO.
std::string angle_address(const std::string& address, const char* role) {
  bool unsafe = address.empty() || address.find_first_of(" <>") != std::string::npos;
  for (std::size_t i = 0; i < address.size() && !unsafe; ++i) unsafe = control_character_at(address, i).has_value();
  if (unsafe) throw usage_error(role, "\"" + address + "\" is not a bare e-mail address");
  return "<" + address + ">";
}

// Failures of the connection itself, not of one recipient: the server is not
// there, does not speak SMTP, or refuses TLS or the login.
bool cannot_reach(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST: case CURLE_COULDNT_RESOLVE_PROXY: case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT: case CURLE_SSL_CONNECT_ERROR: case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED: case CURLE_LOGIN_DENIED: case CURLE_WEIRD_SERVER_REPLY: case CURLE_GOT_NOTHING:
      return true;
    default:
      return false;
  }
}

SmtpDelivery deliver(const SmtpServer& server, const std::string& from, const std::string& recipient,
                     const std::string& message) {
  SmtpDelivery d{recipient, false, ""};
  const std::string to = angle_address(recipient, "recipient");
  CURL* curl = curl_easy_init();
  if (!curl) throw Error(Exit::internal, "libcurl", "cannot create a handle");
  curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
  Reader reader{&message};
  char error[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(curl, CURLOPT_URL, server.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(curl, CURLOPT_READDATA, &reader);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 120L);
  if (server.starttls) curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!server.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, server.ca_file.c_str());
  if (!server.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, server.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, server.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  d.accepted = rc == CURLE_OK;
  d.connection_failed = cannot_reach(rc);
  if (!d.accepted)
    d.detail = std::string(*error ? error : curl_easy_strerror(rc)) + (code ? " (server reply " + std::to_string(code) + ")" : "");
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  return d;
}

}  // namespace

std::vector<SmtpDelivery> smtp_send(const SmtpServer& server, const std::string& sender,
                                    const std::vector<std::string>& recipients, const std::string& message) {
  const std::string from = angle_address(sender, "sender");
  std::vector<SmtpDelivery> out;
  for (const auto& r : recipients) {
    out.push_back(deliver(server, from, r, message));
    if (out.back().connection_failed) break;
  }
  return out;
}

}  // namespace proceedings

#include "proceedings/http.hpp"

#include <curl/curl.h>

#include "proceedings/error.hpp"

namespace proceedings {

namespace {

struct Body {
  std::string bytes;
  std::size_t max_bytes = 0;
  bool too_large = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<Body*>(user);
  if (body->bytes.size() + size * count > body->max_bytes) {
    body->too_large = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  body->bytes.append(data, size * count);
  return size * count;
}

}  // namespace

std::string http_get(const std::string& url, const std::string& service, std::size_t max_bytes) {
  CURL* curl = curl_easy_init();
  if (!curl) throw input_error(url, "libcurl could not start a transfer");
  Body body;
  body.max_bytes = max_bytes;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "proceedings/" PROCEEDINGS_VERSION " (workshop chairs' tool)");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  const CURLcode result = curl_easy_perform(curl);
  long http = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &http);
  curl_easy_cleanup(curl);
  if (body.too_large) throw input_error(url, service + " is larger than " + std::to_string(max_bytes >> 20) + " MiB");
  if (result != CURLE_OK) throw input_error(url, service + " not reached: " + curl_easy_strerror(result));
  if (http != 200) throw input_error(url, service + " answered HTTP " + std::to_string(http));
  return std::move(body.bytes);
}

std::string url_escape(const std::string& text) {
  CURL* curl = curl_easy_init();
  if (!curl) throw Error(Exit::internal, "libcurl", "cannot create a handle");
  char* e = curl_easy_escape(curl, text.c_str(), static_cast<int>(text.size()));
  std::string out = e ? e : "";
  curl_free(e);
  curl_easy_cleanup(curl);
  return out;
}

}  // namespace proceedings

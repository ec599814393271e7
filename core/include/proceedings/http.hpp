#pragma once
// One HTTP(S) GET into memory through libcurl (opened on first use, core's
// libcurl_loader), for the commands that read a page or an API answer.
#include <cstddef>
#include <string>

namespace proceedings {

// The body of `url` (http or https, up to 5 redirects, 60 s, at most
// `max_bytes`). `service` names what is asked in errors ("arXiv API", "the
// page"). Throws an input Error naming the URL when it is not reached or
// answers anything but 200.
std::string http_get(const std::string& url, const std::string& service, std::size_t max_bytes = 32u << 20);

// `text` percent-encoded for a URL's query (RFC 3986's unreserved characters stay).
std::string url_escape(const std::string& text);

}  // namespace proceedings

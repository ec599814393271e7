// libcurl, loaded when a command first uses it (fetch, arxiv, notify --send)
// instead of at every start: linked directly, it brings its TLS, SSH, LDAP
// and Kerberos libraries into the start-up of `check` and `--version` too.
// See lazy_library.hpp.
#define CURL_DISABLE_TYPECHECK 1  // curl_easy_setopt must be a function here, not the checking macro
#include <curl/curl.h>

#include <cstdarg>

#include "lazy/lazy_library.hpp"

namespace {

constexpr const char* what = "libcurl (libcurl.so.4; Debian package libcurl4)";

void* libcurl() {
  static void* const handle = proceedings::open_library({"libcurl.so.4", "libcurl-gnutls.so.4"}, what);
  return handle;
}

// The real function with the declaration curl.h gives it, found once.
#define REAL(name) PROCEEDINGS_FORWARD(libcurl, what, name)

}  // namespace

extern "C" {

CURLcode curl_global_init(long flags) {
  REAL(curl_global_init);
  return real(flags);
}
void curl_global_cleanup() {
  REAL(curl_global_cleanup);
  real();
}
CURL* curl_easy_init() {
  REAL(curl_easy_init);
  return real();
}
void curl_easy_cleanup(CURL* curl) {
  REAL(curl_easy_cleanup);
  real(curl);
}
CURLcode curl_easy_perform(CURL* curl) {
  REAL(curl_easy_perform);
  return real(curl);
}
const char* curl_easy_strerror(CURLcode code) {
  REAL(curl_easy_strerror);
  return real(code);
}
char* curl_easy_escape(CURL* curl, const char* text, int length) {
  REAL(curl_easy_escape);
  return real(curl, text, length);
}
void curl_free(void* p) {
  REAL(curl_free);
  real(p);
}
curl_slist* curl_slist_append(curl_slist* list, const char* text) {
  REAL(curl_slist_append);
  return real(list, text);
}
void curl_slist_free_all(curl_slist* list) {
  REAL(curl_slist_free_all);
  real(list);
}

// The value's type follows from the option's number range, as in libcurl's own setopt.
CURLcode curl_easy_setopt(CURL* curl, CURLoption option, ...) {
  REAL(curl_easy_setopt);
  va_list args;
  va_start(args, option);
  CURLcode result;
  if (option < CURLOPTTYPE_OBJECTPOINT) result = real(curl, option, va_arg(args, long));
  else if (option < CURLOPTTYPE_FUNCTIONPOINT) result = real(curl, option, va_arg(args, void*));
  else if (option < CURLOPTTYPE_OFF_T) result = real(curl, option, va_arg(args, void (*)()));
  else if (option < CURLOPTTYPE_BLOB) result = real(curl, option, va_arg(args, curl_off_t));
  else result = real(curl, option, va_arg(args, void*));
  va_end(args);
  return result;
}

// Every CURLINFO_* value is returned through a pointer.
CURLcode curl_easy_getinfo(CURL* curl, CURLINFO info, ...) {
  REAL(curl_easy_getinfo);
  va_list args;
  va_start(args, info);
  void* out = va_arg(args, void*);
  va_end(args);
  return real(curl, info, out);
}

CURLM* curl_multi_init() {
  REAL(curl_multi_init);
  return real();
}
CURLMcode curl_multi_cleanup(CURLM* multi) {
  REAL(curl_multi_cleanup);
  return real(multi);
}
CURLMcode curl_multi_add_handle(CURLM* multi, CURL* curl) {
  REAL(curl_multi_add_handle);
  return real(multi, curl);
}
CURLMcode curl_multi_remove_handle(CURLM* multi, CURL* curl) {
  REAL(curl_multi_remove_handle);
  return real(multi, curl);
}
CURLMcode curl_multi_perform(CURLM* multi, int* running) {
  REAL(curl_multi_perform);
  return real(multi, running);
}
CURLMcode curl_multi_poll(CURLM* multi, curl_waitfd extra[], unsigned int extra_count, int timeout_ms, int* ready) {
  REAL(curl_multi_poll);
  return real(multi, extra, extra_count, timeout_ms, ready);
}
CURLMsg* curl_multi_info_read(CURLM* multi, int* left) {
  REAL(curl_multi_info_read);
  return real(multi, left);
}

}  // extern "C"

// GnuTLS, for qpdf's hashing and encryption, opened on first use. qpdf is
// linked from its static archive, whose crypto provider calls these ten
// functions; linked as a shared library, qpdf would bring GnuTLS and its eight
// libraries (p11-kit, libtasn1, nettle, gmp, …) into every start, where
// their initialisers alone cost more than MuPDF's. See lazy_library.hpp.
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>

#include "lazy_library.hpp"

namespace {

constexpr const char* what = "GnuTLS (libgnutls.so.30, Debian package libgnutls30)";

void* gnutls() {
  static void* const handle = proceedings::open_library({"libgnutls.so.30"}, what);
  return handle;
}

#define FORWARD(name) PROCEEDINGS_FORWARD(gnutls, what, name)

}  // namespace

extern "C" {

int gnutls_cipher_init(gnutls_cipher_hd_t* handle, gnutls_cipher_algorithm_t cipher, const gnutls_datum_t* key,
                       const gnutls_datum_t* iv) {
  FORWARD(gnutls_cipher_init);
  return real(handle, cipher, key, iv);
}
int gnutls_cipher_encrypt2(gnutls_cipher_hd_t handle, const void* text, size_t text_size, void* cipher_text,
                           size_t cipher_size) {
  FORWARD(gnutls_cipher_encrypt2);
  return real(handle, text, text_size, cipher_text, cipher_size);
}
int gnutls_cipher_decrypt2(gnutls_cipher_hd_t handle, const void* cipher_text, size_t cipher_size, void* text,
                           size_t text_size) {
  FORWARD(gnutls_cipher_decrypt2);
  return real(handle, cipher_text, cipher_size, text, text_size);
}
void gnutls_cipher_deinit(gnutls_cipher_hd_t handle) {
  FORWARD(gnutls_cipher_deinit);
  real(handle);
}
size_t gnutls_cipher_get_key_size(gnutls_cipher_algorithm_t algorithm) {
  FORWARD(gnutls_cipher_get_key_size);
  return real(algorithm);
}
int gnutls_hash_init(gnutls_hash_hd_t* handle, gnutls_digest_algorithm_t algorithm) {
  FORWARD(gnutls_hash_init);
  return real(handle, algorithm);
}
int gnutls_hash(gnutls_hash_hd_t handle, const void* text, size_t size) {
  FORWARD(gnutls_hash);
  return real(handle, text, size);
}
void gnutls_hash_deinit(gnutls_hash_hd_t handle, void* digest) {
  FORWARD(gnutls_hash_deinit);
  real(handle, digest);
}
int gnutls_rnd(gnutls_rnd_level_t level, void* data, size_t size) {
  FORWARD(gnutls_rnd);
  return real(level, data, size);
}
const char* gnutls_strerror(int error) {
  FORWARD(gnutls_strerror);
  return real(error);
}

}  // extern "C"

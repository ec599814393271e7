// GnuTLS, for qpdf's hashing and encryption, opened on first use. qpdf is
// linked from its static archive, whose crypto provider calls these ten
// functions; linked as a shared library, qpdf would bring GnuTLS and its eight
// libraries (p11-kit, libtasn1, nettle, gmp, …) into every start, where
// their initialisers alone cost more than MuPDF's. See lazy_library.hpp.
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>

#include "lazy/lazy_library.hpp"

namespace {

constexpr const char* what = "GnuTLS (libgnutls.so.30, Debian package libgnutls30)";

void* gnutls() {
  static void* const handle = proceedings::open_library({"libgnutls.so.30"}, what);
  return handle;
}

#define FORWARD(type, name, parameters, arguments) \
  PROCEEDINGS_FORWARD_FUNCTION(gnutls, what, type, name, parameters, arguments)

}  // namespace

extern "C" {

FORWARD(int, gnutls_cipher_init,
        (gnutls_cipher_hd_t * handle, gnutls_cipher_algorithm_t cipher, const gnutls_datum_t* key,
         const gnutls_datum_t* iv),
        (handle, cipher, key, iv))
FORWARD(int, gnutls_cipher_encrypt2,
        (gnutls_cipher_hd_t handle, const void* text, size_t text_size, void* cipher_text, size_t cipher_size),
        (handle, text, text_size, cipher_text, cipher_size))
FORWARD(int, gnutls_cipher_decrypt2,
        (gnutls_cipher_hd_t handle, const void* cipher_text, size_t cipher_size, void* text, size_t text_size),
        (handle, cipher_text, cipher_size, text, text_size))
FORWARD(void, gnutls_cipher_deinit, (gnutls_cipher_hd_t handle), (handle))
FORWARD(size_t, gnutls_cipher_get_key_size, (gnutls_cipher_algorithm_t algorithm), (algorithm))
FORWARD(int, gnutls_hash_init, (gnutls_hash_hd_t * handle, gnutls_digest_algorithm_t algorithm), (handle, algorithm))
FORWARD(int, gnutls_hash, (gnutls_hash_hd_t handle, const void* text, size_t size), (handle, text, size))
FORWARD(void, gnutls_hash_deinit, (gnutls_hash_hd_t handle, void* digest), (handle, digest))
FORWARD(int, gnutls_rnd, (gnutls_rnd_level_t level, void* data, size_t size), (level, data, size))
FORWARD(const char*, gnutls_strerror, (int error), (error))

}  // extern "C"

// OpenSSL's libcrypto, for SHA-256 and Base64 (core/src/text/digest.cpp),
// opened on first use: linked, its 4.5 MB are mapped and relocated at every
// start of every command, though only the commands that stamp or compare
// files call it (`check --format banal` never does). These are the functions
// digest.cpp calls; a new call needs its line here (the link fails until it
// has one). See lazy_library.hpp.
#include <openssl/evp.h>

#include "lazy/lazy_library.hpp"

namespace {

constexpr const char* what = "OpenSSL's libcrypto (libcrypto.so.3, Debian package libssl3)";

void* libcrypto() {
  static void* const handle = proceedings::open_library({"libcrypto.so.3"}, what);
  return handle;
}

}  // namespace

#define FORWARD(type, name, parameters, arguments) \
  PROCEEDINGS_FORWARD_FUNCTION(libcrypto, what, type, name, parameters, arguments)

extern "C" {

FORWARD(EVP_MD_CTX*, EVP_MD_CTX_new, (), ())
FORWARD(void, EVP_MD_CTX_free, (EVP_MD_CTX * ctx), (ctx))
FORWARD(const EVP_MD*, EVP_sha256, (), ())
FORWARD(int, EVP_DigestInit_ex, (EVP_MD_CTX * ctx, const EVP_MD* type, ENGINE* impl), (ctx, type, impl))
FORWARD(int, EVP_DigestUpdate, (EVP_MD_CTX * ctx, const void* data, size_t count), (ctx, data, count))
FORWARD(int, EVP_DigestFinal_ex, (EVP_MD_CTX * ctx, unsigned char* md, unsigned int* size), (ctx, md, size))
FORWARD(int, EVP_EncodeBlock, (unsigned char* out, const unsigned char* in, int size), (out, in, size))

}  // extern "C"

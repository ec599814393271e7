// jbig2dec, MuPDF's JBIG2 image decoder, opened on first use (lazy_mupdf_optional.hpp).
#include <cstddef>
#include <cstdint>

#include <jbig2.h>

#include "lazy/lazy_library.hpp"
#include "lazy/lazy_mupdf_optional.hpp"

namespace {

constexpr const char* what = "jbig2dec (libjbig2dec.so.0, Debian package libjbig2dec0)";

void* libjbig2dec() {
  static void* const handle = proceedings::open_library({"libjbig2dec.so.0"}, what);
  return handle;
}

}  // namespace

#define FORWARD(type, name, parameters, arguments) \
  PROCEEDINGS_FORWARD_FUNCTION(libjbig2dec, what, type, name, parameters, arguments)

extern "C" {

FORWARD(Jbig2Ctx*, jbig2_ctx_new_imp,
        (Jbig2Allocator * allocator, Jbig2Options options, Jbig2GlobalCtx* global_ctx, Jbig2ErrorCallback error_callback,
         void* error_callback_data, int major, int minor),
        (allocator, options, global_ctx, error_callback, error_callback_data, major, minor))
FORWARD(Jbig2Allocator*, jbig2_ctx_free, (Jbig2Ctx * ctx), (ctx))
FORWARD(Jbig2GlobalCtx*, jbig2_make_global_ctx, (Jbig2Ctx * ctx), (ctx))
FORWARD(Jbig2Allocator*, jbig2_global_ctx_free, (Jbig2GlobalCtx * global_ctx), (global_ctx))
FORWARD(int, jbig2_data_in, (Jbig2Ctx * ctx, const unsigned char* data, size_t size), (ctx, data, size))
FORWARD(Jbig2Image*, jbig2_page_out, (Jbig2Ctx * ctx), (ctx))
FORWARD(void, jbig2_release_page, (Jbig2Ctx * ctx, Jbig2Image* image), (ctx, image))
FORWARD(int, jbig2_complete_page, (Jbig2Ctx * ctx), (ctx))

}  // extern "C"

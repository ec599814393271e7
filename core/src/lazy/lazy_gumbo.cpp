// Gumbo, MuPDF's HTML parser, opened on first use (lazy_mupdf_optional.hpp).
#include <gumbo.h>

#include "lazy/lazy_library.hpp"
#include "lazy/lazy_mupdf_optional.hpp"

namespace {

constexpr const char* what = "Gumbo (libgumbo.so.1, Debian package libgumbo1)";

void* libgumbo() {
  static void* const handle = proceedings::open_library({"libgumbo.so.1"}, what);
  return handle;
}

}  // namespace

#define FORWARD(type, name, parameters, arguments) \
  PROCEEDINGS_FORWARD_FUNCTION(libgumbo, what, type, name, parameters, arguments)

extern "C" {

FORWARD(GumboOutput*, gumbo_parse_with_options, (const GumboOptions* options, const char* buffer, size_t length),
        (options, buffer, length))
FORWARD(void, gumbo_destroy_output, (const GumboOptions* options, GumboOutput* output), (options, output))
FORWARD(const char*, gumbo_normalized_tagname, (GumboTag tag), (tag))

}  // extern "C"

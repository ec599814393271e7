// OpenJPEG, MuPDF's JPX (JPEG 2000) image decoder, opened on first use (lazy_mupdf_optional.hpp).
#include <openjpeg.h>

#include "lazy/lazy_library.hpp"
#include "lazy/lazy_mupdf_optional.hpp"

namespace {

constexpr const char* what = "OpenJPEG (libopenjp2.so.7, Debian package libopenjp2-7)";

void* libopenjp2() {
  static void* const handle = proceedings::open_library({"libopenjp2.so.7"}, what);
  return handle;
}

}  // namespace

#define FORWARD(type, name, parameters, arguments) \
  PROCEEDINGS_FORWARD_FUNCTION(libopenjp2, what, type, name, parameters, arguments)

extern "C" {

FORWARD(void, opj_set_default_decoder_parameters, (opj_dparameters_t * parameters), (parameters))
FORWARD(opj_codec_t*, opj_create_decompress, (OPJ_CODEC_FORMAT format), (format))
FORWARD(OPJ_BOOL, opj_setup_decoder, (opj_codec_t * codec, opj_dparameters_t* parameters), (codec, parameters))
FORWARD(OPJ_BOOL, opj_set_info_handler, (opj_codec_t * codec, opj_msg_callback callback, void* data),
        (codec, callback, data))
FORWARD(OPJ_BOOL, opj_set_warning_handler, (opj_codec_t * codec, opj_msg_callback callback, void* data),
        (codec, callback, data))
FORWARD(OPJ_BOOL, opj_set_error_handler, (opj_codec_t * codec, opj_msg_callback callback, void* data),
        (codec, callback, data))
FORWARD(OPJ_BOOL, opj_read_header, (opj_stream_t * stream, opj_codec_t* codec, opj_image_t** image),
        (stream, codec, image))
FORWARD(OPJ_BOOL, opj_decode, (opj_codec_t * codec, opj_stream_t* stream, opj_image_t* image), (codec, stream, image))
FORWARD(void, opj_destroy_codec, (opj_codec_t * codec), (codec))
FORWARD(void, opj_image_destroy, (opj_image_t * image), (image))
FORWARD(opj_stream_t*, opj_stream_default_create, (OPJ_BOOL is_input), (is_input))
FORWARD(void, opj_stream_destroy, (opj_stream_t * stream), (stream))
FORWARD(void, opj_stream_set_read_function, (opj_stream_t * stream, opj_stream_read_fn function), (stream, function))
FORWARD(void, opj_stream_set_seek_function, (opj_stream_t * stream, opj_stream_seek_fn function), (stream, function))
FORWARD(void, opj_stream_set_skip_function, (opj_stream_t * stream, opj_stream_skip_fn function), (stream, function))
FORWARD(void, opj_stream_set_user_data, (opj_stream_t * stream, void* data, opj_stream_free_user_data_fn function),
        (stream, data, function))
FORWARD(void, opj_stream_set_user_data_length, (opj_stream_t * stream, OPJ_UINT64 length), (stream, length))

}  // extern "C"

// GMime (with GLib and GObject), for the notification emails' MIME, opened
// on first use: linked, it would load GIO, GObject, GLib, libffi, PCRE2,
// libmount and more at every start of every command. These are the functions
// tools/notify/mail.cpp calls; a new call needs its line here (the link fails
// until it has one). See lazy_library.hpp.
#define G_DISABLE_CAST_CHECKS 1  // GObject's casts stay C casts: no call into GObject's type system
#include <gmime/gmime.h>

#include "lazy/lazy_library.hpp"

namespace {

constexpr const char* what = "GMime (libgmime-3.0.so.0, Debian package libgmime-3.0-0)";

void* libgmime() {
  static void* const handle = proceedings::open_library({"libgmime-3.0.so.0"}, what);
  return handle;
}

}  // namespace

#define FORWARD(type, name, parameters, arguments) \
  PROCEEDINGS_FORWARD_FUNCTION(libgmime, what, type, name, parameters, arguments)

extern "C" {

// GObject's, found through GMime's own dependencies.
FORWARD(void, g_object_unref, (gpointer object), (object))
FORWARD(gboolean, g_type_check_instance_is_a, (GTypeInstance * instance, GType type), (instance, type))

FORWARD(void, g_mime_init, (), ())
FORWARD(GMimeMessage*, g_mime_message_new, (gboolean pretty_headers), (pretty_headers))
FORWARD(InternetAddressList*, g_mime_message_get_addresses, (GMimeMessage * message, GMimeAddressType type),
        (message, type))
FORWARD(void, g_mime_message_set_message_id, (GMimeMessage * message, const char* id), (message, id))
FORWARD(void, g_mime_message_set_mime_part, (GMimeMessage * message, GMimeObject* part), (message, part))
FORWARD(void, g_mime_object_set_header,
        (GMimeObject * object, const char* header, const char* value, const char* charset),
        (object, header, value, charset))
FORWARD(void, g_mime_object_set_content_type_parameter, (GMimeObject * object, const char* name, const char* value),
        (object, name, value))
FORWARD(ssize_t, g_mime_object_write_to_stream,
        (GMimeObject * object, GMimeFormatOptions* options, GMimeStream* stream), (object, options, stream))

FORWARD(InternetAddress*, internet_address_mailbox_new, (const char* name, const char* addr), (name, addr))
FORWARD(int, internet_address_list_add, (InternetAddressList * list, InternetAddress* address), (list, address))
FORWARD(InternetAddressList*, internet_address_list_parse, (GMimeParserOptions * options, const char* text),
        (options, text))
FORWARD(int, internet_address_list_length, (InternetAddressList * list), (list))
FORWARD(InternetAddress*, internet_address_list_get_address, (InternetAddressList * list, int index), (list, index))
FORWARD(const char*, internet_address_get_name, (InternetAddress * address), (address))
FORWARD(const char*, internet_address_mailbox_get_addr, (InternetAddressMailbox * mailbox), (mailbox))
FORWARD(GType, internet_address_mailbox_get_type, (), ())
FORWARD(GMimeHeaderList*, g_mime_object_get_header_list, (GMimeObject * object), (object))
FORWARD(GMimeHeader*, g_mime_header_list_get_header, (GMimeHeaderList * list, const char* name), (list, name))
FORWARD(void, g_mime_header_set_raw_value, (GMimeHeader * header, const char* raw_value), (header, raw_value))

FORWARD(GMimeMultipart*, g_mime_multipart_new_with_subtype, (const char* subtype), (subtype))
FORWARD(void, g_mime_multipart_set_boundary, (GMimeMultipart * multipart, const char* boundary),
        (multipart, boundary))
FORWARD(void, g_mime_multipart_add, (GMimeMultipart * multipart, GMimeObject* part), (multipart, part))
FORWARD(GMimePart*, g_mime_part_new_with_type, (const char* type, const char* subtype), (type, subtype))
FORWARD(void, g_mime_part_set_content, (GMimePart * part, GMimeDataWrapper* content), (part, content))
FORWARD(void, g_mime_part_set_content_encoding, (GMimePart * part, GMimeContentEncoding encoding), (part, encoding))
FORWARD(void, g_mime_part_set_filename, (GMimePart * part, const char* filename), (part, filename))
FORWARD(GMimeDataWrapper*, g_mime_data_wrapper_new_with_stream, (GMimeStream * stream, GMimeContentEncoding encoding),
        (stream, encoding))

FORWARD(GMimeStream*, g_mime_stream_mem_new, (), ())
FORWARD(GMimeStream*, g_mime_stream_mem_new_with_buffer, (const char* buffer, size_t length), (buffer, length))
FORWARD(GByteArray*, g_mime_stream_mem_get_byte_array, (GMimeStreamMem * stream), (stream))

FORWARD(GMimeFormatOptions*, g_mime_format_options_new, (), ())
FORWARD(void, g_mime_format_options_set_newline_format, (GMimeFormatOptions * options, GMimeNewLineFormat newline),
        (options, newline))
FORWARD(void, g_mime_format_options_free, (GMimeFormatOptions * options), (options))

}  // extern "C"

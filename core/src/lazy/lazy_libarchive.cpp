// libarchive, for reading uploaded archives and writing the arXiv package's
// tar.gz (core/src/system/archive.cpp writes the bundle's zip itself), opened on
// first use: linked, it would load its compressors (zstd, lz4, bzip2, xz), ACL
// and nettle libraries and libxml2 with ICU at every start. These are the
// functions the project calls; a new call needs its line here (the link fails
// until it has one). See lazy_library.hpp.
#include <archive.h>
#include <archive_entry.h>

#include "lazy/lazy_library.hpp"

namespace {

constexpr const char* what = "libarchive (libarchive.so.13, Debian package libarchive13)";

void* libarchive() {
  static void* const handle = proceedings::open_library({"libarchive.so.13"}, what);
  return handle;
}

}  // namespace

#define FORWARD(type, name, parameters, arguments) \
  PROCEEDINGS_FORWARD_FUNCTION(libarchive, what, type, name, parameters, arguments)

extern "C" {

FORWARD(archive*, archive_write_new, (), ())
FORWARD(int, archive_write_set_format_zip, (archive* a), (a))
FORWARD(int, archive_write_set_format_pax_restricted, (archive* a), (a))
FORWARD(int, archive_write_add_filter_gzip, (archive* a), (a))
FORWARD(int, archive_write_open_filename, (archive* a, const char* file), (a, file))
FORWARD(int, archive_write_header, (archive* a, archive_entry* entry), (a, entry))
FORWARD(la_ssize_t, archive_write_data, (archive* a, const void* data, size_t size), (a, data, size))
FORWARD(int, archive_write_close, (archive* a), (a))
FORWARD(int, archive_write_free, (archive* a), (a))

FORWARD(archive*, archive_read_new, (), ())
FORWARD(int, archive_read_support_filter_gzip, (archive* a), (a))
FORWARD(int, archive_read_support_format_tar, (archive* a), (a))
FORWARD(int, archive_read_support_format_zip, (archive* a), (a))
FORWARD(int, archive_read_open_filename, (archive* a, const char* file, size_t block), (a, file, block))
FORWARD(int, archive_read_next_header, (archive* a, archive_entry** entry), (a, entry))
FORWARD(la_ssize_t, archive_read_data, (archive* a, void* data, size_t size), (a, data, size))
FORWARD(int, archive_read_free, (archive* a), (a))
FORWARD(const char*, archive_error_string, (archive* a), (a))

FORWARD(archive_entry*, archive_entry_new, (), ())
FORWARD(void, archive_entry_free, (archive_entry* e), (e))
FORWARD(const char*, archive_entry_pathname, (archive_entry* e), (e))
FORWARD(const char*, archive_entry_hardlink, (archive_entry* e), (e))
FORWARD(__LA_MODE_T, archive_entry_filetype, (archive_entry* e), (e))
FORWARD(time_t, archive_entry_mtime, (archive_entry* e), (e))
FORWARD(int, archive_entry_mtime_is_set, (archive_entry* e), (e))
FORWARD(void, archive_entry_set_pathname, (archive_entry* e, const char* path), (e, path))
FORWARD(void, archive_entry_set_filetype, (archive_entry* e, unsigned int type), (e, type))
FORWARD(void, archive_entry_set_perm, (archive_entry* e, __LA_MODE_T perm), (e, perm))
FORWARD(void, archive_entry_set_size, (archive_entry* e, la_int64_t size), (e, size))
FORWARD(void, archive_entry_set_mtime, (archive_entry* e, time_t seconds, long nanoseconds), (e, seconds, nanoseconds))
FORWARD(void, archive_entry_set_symlink, (archive_entry* e, const char* target), (e, target))

}  // extern "C"

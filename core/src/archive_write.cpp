#include <archive.h>
#include <archive_entry.h>

#include <fstream>
#include <memory>
#include <vector>

#include "proceedings/archive.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings {

namespace fs = std::filesystem;

namespace {

using Writer = std::unique_ptr<struct archive, decltype(&archive_write_free)>;
using Entry = std::unique_ptr<archive_entry, decltype(&archive_entry_free)>;

std::string error_of(struct archive* a) {
  const char* message = archive_error_string(a);
  return message ? message : "unknown error";
}

void write_member(struct archive* a, ArchiveFormat format, const ArchiveMember& member, std::int64_t mtime,
                  const fs::path& out) {
  std::ifstream in(member.file, std::ios::binary);
  if (!in) throw input_error(member.file.string(), "cannot be opened for reading");
  const auto size = fs::file_size(member.file);
  Entry entry(archive_entry_new(), archive_entry_free);
  archive_entry_set_pathname(entry.get(), member.name.c_str());
  archive_entry_set_filetype(entry.get(), AE_IFREG);
  archive_entry_set_perm(entry.get(), 0644);
  archive_entry_set_size(entry.get(), static_cast<la_int64_t>(size));
  archive_entry_set_mtime(entry.get(), static_cast<time_t>(mtime), 0);
  if (format == ArchiveFormat::zip) {
    const bool pdf = fs::path(member.name).extension() == ".pdf";
    if (pdf) archive_write_zip_set_compression_store(a);
    else archive_write_zip_set_compression_deflate(a);
  }
  if (archive_write_header(a, entry.get()) != ARCHIVE_OK)
    throw input_error(out.string(), "cannot add '" + member.name + "': " + error_of(a));
  std::vector<char> buffer(256 * 1024);
  std::uintmax_t left = size;
  while (left > 0) {
    in.read(buffer.data(), static_cast<std::streamsize>(std::min<std::uintmax_t>(left, buffer.size())));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) throw input_error(member.file.string(), "changed while being archived");
    if (archive_write_data(a, buffer.data(), got) != static_cast<la_ssize_t>(got))
      throw input_error(out.string(), "write failed (disk full?): " + error_of(a));
    left -= got;
  }
}

}  // namespace

bool is_safe_member_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  if (name.find('\\') != std::string::npos || name.find(':') != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    const std::string part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

void write_archive(const fs::path& out, ArchiveFormat format, const std::vector<ArchiveMember>& members,
                   std::int64_t mtime) {
  for (const auto& m : members)
    if (!is_safe_member_name(m.name))
      throw input_error(out.string(), "refusing member name '" + m.name + "': it would unpack outside its folder");
  AtomicOutput output(out);
  Writer writer(archive_write_new(), archive_write_free);
  struct archive* a = writer.get();
  if (format == ArchiveFormat::zip) {
    archive_write_set_format_zip(a);
  } else {
    archive_write_set_format_pax_restricted(a);
    archive_write_add_filter_gzip(a);
  }
  if (archive_write_open_filename(a, output.temp().c_str()) != ARCHIVE_OK)
    throw input_error(out.string(), "cannot be written: " + error_of(a));
  for (const auto& m : members) write_member(a, format, m, mtime, out);
  // The central directory (zip) and the gzip trailer are written here: a
  // failure now is a broken archive too.
  if (archive_write_close(a) != ARCHIVE_OK)
    throw input_error(out.string(), "write failed (disk full?): " + error_of(a));
  output.commit();
}

}  // namespace proceedings

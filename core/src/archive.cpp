#include "proceedings/archive.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings {

namespace fs = std::filesystem;

namespace {

using Reader = std::unique_ptr<struct archive, decltype(&archive_read_free)>;

// libarchive may have no message to give: NULL, which std::string must not see.
std::string error_of(struct archive* a) {
  const char* message = archive_error_string(a);
  return message ? message : "unknown error";
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// A member path that stays inside the target folder, or empty for one that does not.
fs::path safe_member_path(const std::string& name) {
  if (name.empty() || name[0] == '/' || name.find('\\') != std::string::npos || name.find(':') != std::string::npos)
    return {};
  fs::path out;
  for (const auto& part : fs::path(name)) {
    if (part == "..") return {};
    if (part == "." || part.empty()) continue;
    out /= part;
  }
  return out;
}

// libarchive stops reading a .tar.gz at tar's end-of-archive blocks, so a
// file cut off inside gzip's trailer (or its last deflate block's tail) reads
// as complete. Inflating the whole stream to its end marker tells.
void require_complete_gzip(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw Error(Exit::internal, file.string(), "zlib cannot start");
  std::vector<unsigned char> input(64 * 1024), output(64 * 1024);
  int status = Z_OK;
  bool ended = false;
  while (!ended) {
    in.read(reinterpret_cast<char*>(input.data()), static_cast<std::streamsize>(input.size()));
    z.avail_in = static_cast<uInt>(in.gcount());
    z.next_in = input.data();
    if (z.avail_in == 0) break;
    while (z.avail_in > 0) {
      z.avail_out = static_cast<uInt>(output.size());
      z.next_out = output.data();
      status = inflate(&z, Z_NO_FLUSH);
      if (status == Z_STREAM_END) {
        // Another gzip member may follow (gzip -c a b); padding zeros may not.
        if (z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
          inflateReset(&z);
          continue;
        }
        ended = true;
        break;
      }
      if (status != Z_OK && status != Z_BUF_ERROR) break;
    }
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) break;
  }
  inflateEnd(&z);
  if (status == Z_STREAM_END) return;
  if (status == Z_OK || status == Z_BUF_ERROR)
    throw input_error(file.string(), "truncated archive: the gzip stream ends before its end marker (incomplete upload?)");
  throw input_error(file.string(), "broken archive: the gzip stream is damaged");
}

using Writer = std::unique_ptr<struct archive, decltype(&archive_write_free)>;
using Entry = std::unique_ptr<archive_entry, decltype(&archive_entry_free)>;

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
  archive_entry_set_mtime(entry.get(), static_cast<time_t>(member.mtime.value_or(mtime)), 0);
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

bool is_archive_name(const fs::path& file) {
  const std::string name = file.filename().string();
  return ends_with(name, ".zip") || ends_with(name, ".tar.gz") || ends_with(name, ".tgz") || ends_with(name, ".tar");
}

void extract_archive(const fs::path& archive, const fs::path& into, const ArchiveLimits& limits) {
  const std::string where = archive.string();
  require_regular_file(archive);  // a FIFO would block libarchive's open
  const std::string filename = archive.filename().string();
  if (ends_with(filename, ".tar.gz") || ends_with(filename, ".tgz")) require_complete_gzip(archive);
  Reader reader(archive_read_new(), archive_read_free);
  archive_read_support_filter_gzip(reader.get());
  archive_read_support_format_zip(reader.get());
  archive_read_support_format_tar(reader.get());
  if (archive_read_open_filename(reader.get(), where.c_str(), 64 * 1024) != ARCHIVE_OK)
    throw input_error(where, std::string("not a readable archive: ") + error_of(reader.get()));
  std::uint64_t total = 0;
  std::size_t files = 0;
  archive_entry* entry = nullptr;
  for (;;) {
    const int status = archive_read_next_header(reader.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
      throw input_error(where, std::string("broken archive: ") + error_of(reader.get()));
    const std::string name = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
    const fs::path relative = safe_member_path(name);
    if (relative.empty()) throw input_error(where, "member '" + name + "' would be written outside the folder");
    const auto type = archive_entry_filetype(entry);
    if (type == AE_IFDIR) {
      fs::create_directories(into / relative);
      continue;
    }
    if (type != AE_IFREG || archive_entry_hardlink(entry))
      throw input_error(where, "member '" + name + "' is a link or special file; only plain files are accepted");
    if (++files > limits.max_files)
      throw input_error(where, "more than " + std::to_string(limits.max_files) + " files");
    fs::create_directories((into / relative).parent_path());
    std::ofstream out(into / relative, std::ios::binary);
    std::uint64_t size = 0;
    char buffer[64 * 1024];
    for (;;) {
      const la_ssize_t n = archive_read_data(reader.get(), buffer, sizeof buffer);
      if (n == 0) break;
      if (n < 0) throw input_error(where, "member '" + name + "' is damaged: " + error_of(reader.get()));
      size += static_cast<std::uint64_t>(n);
      total += static_cast<std::uint64_t>(n);
      if (size > limits.max_file_bytes)
        throw input_error(where, "member '" + name + "' unpacks to more than " +
                                     std::to_string(limits.max_file_bytes >> 20) + " MiB");
      if (total > limits.max_total_bytes)
        throw input_error(where, "unpacks to more than " + std::to_string(limits.max_total_bytes >> 20) +
                                     " MiB (a zip bomb?)");
      out.write(buffer, n);
    }
    if (!out) throw input_error(where, "cannot unpack member '" + name + "'");
  }
}

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

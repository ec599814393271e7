#include "proceedings/archive.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <fstream>
#include <memory>
#include <string>

#include "proceedings/error.hpp"

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

}  // namespace

bool is_archive_name(const fs::path& file) {
  const std::string name = file.filename().string();
  return ends_with(name, ".zip") || ends_with(name, ".tar.gz") || ends_with(name, ".tgz") || ends_with(name, ".tar");
}

void extract_archive(const fs::path& archive, const fs::path& into, const ArchiveLimits& limits) {
  const std::string where = archive.string();
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

}  // namespace proceedings

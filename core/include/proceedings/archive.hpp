#pragma once
// Reading uploaded .zip and .tar.gz archives without trusting them.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace proceedings {

struct ArchiveLimits {
  std::uint64_t max_total_bytes = 256ull << 20;  // everything unpacked
  std::uint64_t max_file_bytes = 64ull << 20;    // one member
  std::size_t max_files = 2000;
};

bool is_archive_name(const std::filesystem::path& file);

// Unpacks `archive` into the existing, empty folder `into`. Refuses, with an
// input Error naming the archive and the member: absolute paths, paths that
// climb out (..), links, devices, and sizes or counts over `limits`
// (counted while unpacking, not trusted from headers).
void extract_archive(const std::filesystem::path& archive, const std::filesystem::path& into,
                     const ArchiveLimits& limits = {});

enum class ArchiveFormat { zip, tar_gz };

struct ArchiveMember {
  std::string name;             // the path inside the archive, with '/'
  std::filesystem::path file;   // where its bytes are read from
  std::optional<std::int64_t> mtime;  // seconds since 1970; else the archive's own time
};

// True for a member name that unpacks inside the target folder on every
// system: relative, no "..", no backslash, no drive letter, no empty part.
bool is_safe_member_name(const std::string& name);

// Writes `members` into `out` atomically (a temporary file beside it, renamed
// when complete). Every member carries `mtime` (seconds since 1970). PDFs go
// into a zip stored, as they are compressed already. Throws an input Error
// naming `out` for an unsafe member name or any failed write, close included;
// the previous file then stays.
void write_archive(const std::filesystem::path& out, ArchiveFormat format, const std::vector<ArchiveMember>& members,
                   std::int64_t mtime);

}  // namespace proceedings

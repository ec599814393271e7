#pragma once
// Reading uploaded .zip and .tar.gz archives without trusting them; writing
// the bundle's .zip and the report's .tar.gz.
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
// (counted while unpacking, not trusted from headers). Each file keeps the
// member's modification time where the archive records one.
void extract_archive(const std::filesystem::path& archive, const std::filesystem::path& into,
                     const ArchiveLimits& limits = {});

enum class ArchiveFormat { zip, tar_gz };

struct ArchiveMember {
  std::string name;             // the path inside the archive, with '/'
  std::filesystem::path file;   // where its bytes are read from
  std::optional<std::int64_t> mtime = std::nullopt;  // seconds since 1970; else the archive's own time
  // The caller vouches that `file` holds the same bytes as the member of this
  // name in write_archive's `previous` zip, so that its data may be copied
  // from there without reading `file` (see write_archive). A wrong promise
  // puts the old bytes in the zip: set it only from a checksum.
  bool unchanged = false;
};

struct ArchiveWritten {
  std::size_t reused = 0;  // members whose data was copied from `previous`
};

// True for a member name that unpacks inside the target folder on every
// system: relative, no "..", no backslash, no drive letter, no empty part.
bool is_safe_member_name(const std::string& name);

// Writes `members` into `out` atomically: a temporary file beside it, renamed
// when complete (a zip swapped with the previous one by renameat2's
// RENAME_EXCHANGE, then the old bytes removed: a rename over a file makes
// ext4 start writing the new one out inside rename(), ~100 ms for 100 MB).
// Every member carries its own mtime, else `mtime` (seconds since 1970).
// Throws an input Error naming `out` for an unsafe member name or any failed
// write, close included; the previous file then stays.
//
// The .tar.gz is libarchive's (pax). The .zip is written here, the same
// inputs giving the same bytes: in member order, each a local header (no
// data descriptor), its data, then the central directory and the end record.
// PDFs are stored, as they are compressed already; other members deflated
// (zlib's default level). Each carries its time as an MS-DOS local time
// (1980-01-01 for earlier times, as the format cannot say less) and, where it
// fits 32 bits, an "UT" extra field in UTC; a name with a non-ASCII byte gets
// the UTF-8 flag (bit 11); every member is a regular file, mode 0644. No
// zip64: a member, offset or the central directory at 4 GiB or more, or more
// than 65535 members, is an input Error naming the file that does not fit.
//
// `previous` (zip only; may be `out` itself, read before it is replaced): the
// zip written before. A member's data is copied from there, by
// copy_file_range (or pread/pwrite where the kernel cannot), with its CRC-32
// taken from that zip's central directory, when the member is `unchanged`,
// stored, and `previous` holds a stored member of the same name whose size is
// the file's size now. The local and central headers are written anew (the
// time may differ), so the zip is byte for byte the one a full write would
// give. A missing, damaged or zip64 `previous` only means no reuse.
ArchiveWritten write_archive(const std::filesystem::path& out, ArchiveFormat format,
                             const std::vector<ArchiveMember>& members, std::int64_t mtime,
                             const std::filesystem::path& previous = {});

}  // namespace proceedings

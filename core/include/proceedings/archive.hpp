#pragma once
// Reading uploaded .zip and .tar.gz archives without trusting them.
#include <cstdint>
#include <filesystem>

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

}  // namespace proceedings

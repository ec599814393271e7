#pragma once
#include <filesystem>
#include <string>

namespace proceedings {

// SHA-256 as 64 lowercase hex digits.
std::string sha256_hex(const std::string& bytes);
std::string sha256_file(const std::filesystem::path& file);

}  // namespace proceedings

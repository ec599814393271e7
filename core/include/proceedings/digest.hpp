#pragma once
#include <filesystem>
#include <string>

namespace proceedings {

// SHA-256 as 64 lowercase hex digits.
std::string sha256_hex(const std::string& bytes);
std::string sha256_file(const std::filesystem::path& file);

// Base64 (RFC 4648) without line breaks, for data: URLs and MIME parts.
std::string base64(const std::string& bytes);

}  // namespace proceedings

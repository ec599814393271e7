#pragma once
#include <filesystem>
#include <vector>

#include "check/analyze.hpp"

namespace proceedings::check {

// Checks `files` on `jobs` threads; results keep the order of `files`.
// A file that cannot be read gets an error verdict, never an exception.
std::vector<Analysis> check_files(const std::vector<std::filesystem::path>& files, const CheckRules& rules,
                                  unsigned jobs, bool show_progress = true);

}  // namespace proceedings::check

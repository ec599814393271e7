#pragma once
#include <filesystem>
#include <functional>
#include <vector>

#include "proceedings/check/analyze.hpp"

namespace proceedings::check {

// Checks `files` on `jobs` threads and hands each result to `emit` in the
// order of `files`, as soon as it and every file before it are done. Only
// results waiting for an earlier file are held, and workers run at most a
// few files ahead, so memory stays flat over any number of files.
// A file that cannot be read gets an error verdict, never an exception.
void for_each_checked(const std::vector<std::filesystem::path>& files, const CheckRules& rules, unsigned jobs,
                      const std::function<void(Analysis&&)>& emit, bool show_progress = true);

// One file's analysis; an unreadable file is an "error" verdict, not an exception.
Analysis check_file(PdfReader& reader, const std::filesystem::path& file, const CheckRules& rules);

// All results at once, in the order of `files`.
std::vector<Analysis> check_files(const std::vector<std::filesystem::path>& files, const CheckRules& rules,
                                  unsigned jobs, bool show_progress = true);

}  // namespace proceedings::check

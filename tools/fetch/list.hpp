#pragma once
// The download list a submission system exports: (paper id, URL[, SHA-256]).
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/download.hpp"

namespace proceedings::fetch {

using Item = Download;  // (paper id, URL[, SHA-256])

// A .csv (id,url[,sha256], an optional header line) or a .yaml list of
// {id, url, sha256}. Mistakes are usage Errors naming the file and line.
std::vector<Item> read_list(const std::filesystem::path& file);

}  // namespace proceedings::fetch

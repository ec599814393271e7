#pragma once
// The download list a submission system exports: (paper id, URL[, SHA-256]).
#include <filesystem>
#include <string>
#include <vector>

namespace proceedings::fetch {

struct Item {
  std::string id;      // becomes the file name: letters, digits, '-', '_'
  std::string url;     // http or https
  std::string sha256;  // expected, lowercase hex; empty when not given
};

// A .csv (id,url[,sha256], an optional header line) or a .yaml list of
// {id, url, sha256}. Mistakes are usage Errors naming the file and line.
std::vector<Item> read_list(const std::filesystem::path& file);

}  // namespace proceedings::fetch

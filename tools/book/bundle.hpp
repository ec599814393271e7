#pragma once
// The deliverable folder: book, front matter, papers by id, manifest, BibTeX, zip.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "book/plan.hpp"

namespace proceedings::book {

struct BundleFiles {
  std::filesystem::path book;
  std::filesystem::path front;
  std::vector<std::filesystem::path> papers;  // stamped, in plan order
  int front_pages = 0;
};

struct BundleWritten {
  std::filesystem::path zip;
  std::map<std::string, std::string> sha256;  // every file written, by path
};

// Writes `bundle`/, each file atomically, so a failed build leaves the
// previous bundle as it was; files a previous build left that this one does
// not write are removed at the end.
BundleWritten write_bundle(const BookPlan& plan, const BundleFiles& files, const std::filesystem::path& bundle);

std::string bibtex(const BookPlan& plan);

}  // namespace proceedings::book

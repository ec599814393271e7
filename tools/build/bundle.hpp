#pragma once
// The deliverable folder: book, front matter, papers by id, manifest, BibTeX, zip.
#include <filesystem>
#include <string>
#include <vector>

#include "build/plan.hpp"

namespace proceedings::build {

struct BundleFiles {
  std::filesystem::path book;
  std::filesystem::path front;
  std::vector<std::filesystem::path> papers;  // stamped, in plan order
  int front_pages = 0;
};

// Writes `bundle`/ (replacing what a previous build left there) and returns
// the path of the zip it wrote inside it.
std::filesystem::path write_bundle(const BookPlan& plan, const BundleFiles& files, const std::filesystem::path& bundle);

std::string bibtex(const BookPlan& plan);

}  // namespace proceedings::build

#pragma once
// The deliverable folder: book, front matter, papers by id, manifest, BibTeX, zip.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "build/plan.hpp"
#include "build/state.hpp"

namespace proceedings::build {

// The parts to place, each with its SHA-256 (known from the cache, so that
// the bundle does not read them again).
struct BundleFiles {
  std::filesystem::path book;
  std::string book_sha256;
  std::filesystem::path front;
  std::string front_sha256;
  std::vector<std::filesystem::path> papers;  // stamped, in plan order
  std::vector<std::string> papers_sha256;
  int front_pages = 0;
  std::vector<int> part_pages = {};  // a volume's: each workshop's own pages, before its papers
};

struct BundleWritten {
  std::filesystem::path zip;
  std::vector<std::filesystem::path> files;   // every file written, the zip last
  std::map<std::string, std::string> sha256;  // by path; the zip's is not computed ("")
  std::size_t zip_reused = 0;                 // zip members copied from the previous zip
};

// Writes `bundle`/, each file atomically, so a failed build leaves the
// previous bundle as it was; files a previous build left that this one does
// not write are removed at the end.
//
// `previous`: the state the last build saved (its `outputs` and `stamps`).
// A file whose SHA-256 is the one it recorded for the same path has its zip
// member's data copied from the previous zip instead of read again, provided
// that zip is still the one it recorded (same stamp). The default, an empty
// state, writes the whole zip.
BundleWritten write_bundle(const BookPlan& plan, const BundleFiles& files, const std::filesystem::path& bundle,
                           const State& previous = {});

std::string bibtex(const BookPlan& plan);

}  // namespace proceedings::build

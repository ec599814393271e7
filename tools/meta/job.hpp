#pragma once
// `proceedings meta`: the job the command maps its options onto.
#include <filesystem>
#include <string>
#include <vector>

#include "meta/report.hpp"
#include "proceedings/error.hpp"

namespace proceedings {

// `proceedings meta`: metadata read from each input, cross-checked with the
// venue's papers.yaml, and with `write` the gaps of papers.yaml filled.
struct MetaJob {
  std::string venue;  // cross-check with its papers.yaml; empty: no cross-check
  bool write = false; // fill the gaps of papers.yaml
  std::vector<std::string> inputs;
};
struct MetaRun {
  Exit status = Exit::ok;  // input: an input unreadable; else the worst mismatch
  std::vector<meta::MetaResult> papers;  // in input order
  std::filesystem::path papers_yaml;     // with write: the file, and what changed in it ("" when nothing)
  std::vector<std::string> changes;
};
MetaRun run_meta(const MetaJob& job);

}  // namespace proceedings

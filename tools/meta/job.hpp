#pragma once
// `proceedings meta`: the job the command maps its options onto.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/error.hpp"

namespace proceedings {

// `proceedings meta`.
struct MetaJob {
  bool json = false;
  std::string venue;  // cross-check with its papers.yaml; empty: no cross-check
  bool write = false; // fill the gaps of papers.yaml
  std::vector<std::string> inputs;
};
Exit run_meta(const MetaJob& job);

}  // namespace proceedings

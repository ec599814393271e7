#pragma once
// `proceedings arxiv lookup`: the job and its result; command.cpp prints the result.
#include <filesystem>
#include <string>
#include <vector>

#include "arxiv/lookup.hpp"
#include "proceedings/error.hpp"

namespace proceedings {

// Which accepted papers are on arXiv, and the proceedings index listing.
struct ArxivJob {
  std::string venue;
  std::string base_url = "https://export.arxiv.org";
  long delay_ms = 3000;
  bool write = false;  // record the ids found in papers.yaml (never overwrites one)
  std::string index;   // also write the LIST:arXiv:ID listing to this file
};
struct ArxivResult {
  std::vector<arxiv::Found> found;      // one per paper
  std::vector<std::string> disagreements;  // papers.yaml names another id; kept
  std::string listing;                  // LIST:arXiv:ID lines in program order
  std::filesystem::path papers_yaml;    // with write and changes: the file written
  std::vector<std::string> changes;
};
ArxivResult run_arxiv(const ArxivJob& job);

}  // namespace proceedings

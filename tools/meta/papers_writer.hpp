#pragma once
// `meta --write`: fills the gaps of a workshop's papers.yaml from extracted
// metadata, keeping every value a person wrote there.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "proceedings/model.hpp"
#include "proceedings/paper_meta.hpp"

namespace proceedings::meta {

struct Extracted {
  PaperMeta meta;
  std::string stem;  // file or folder name without extension: the paper id it claims
};

// Returns the updated list and one line per change. Matched papers gain
// affiliations, emails and ORCIDs their authors lack; unmatched ones are added.
std::pair<std::vector<Paper>, std::vector<std::string>> merge_papers(std::vector<Paper> papers,
                                                                      const std::vector<Extracted>& found);

// papers.yaml text: the existing file's opening comment block, then the list.
std::string papers_yaml(const std::vector<Paper>& papers, const std::string& header_comment);

// The leading lines of `text` that are comments or blank.
std::string header_comment(const std::string& text);

// papers.yaml rewritten from `original` (its text) for `papers`: what did not
// change keeps its text and style, so a write that changes one scalar field
// changes one line.
std::string updated_papers_yaml(const std::string& original, const std::vector<Paper>& papers);

}  // namespace proceedings::meta

#pragma once
// `meta --write`: fills the gaps of a workshop's papers.yaml from extracted
// metadata, keeping every value a person wrote there.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "proceedings/model.hpp"
#include "proceedings/paper_meta.hpp"
#include "proceedings/papers_yaml.hpp"

namespace proceedings::meta {

struct Extracted {
  PaperMeta meta;
  std::string stem;  // file or folder name without extension: the paper id it claims
};

// Returns the updated list and one line per change. Matched papers gain
// affiliations, emails and ORCIDs their authors lack; unmatched ones are added.
std::pair<std::vector<Paper>, std::vector<std::string>> merge_papers(std::vector<Paper> papers,
                                                                      const std::vector<Extracted>& found);

// The writer lives in core (import and fetch write papers.yaml too).
using proceedings::header_comment;
using proceedings::papers_yaml;
using proceedings::updated_papers_yaml;

}  // namespace proceedings::meta

#pragma once
// Metadata from a paper's LaTeX source folder (acmart front matter).
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/paper_meta.hpp"

namespace proceedings::meta {

// The .tex file with \documentclass in `folder` (top level first, then one
// level down); a usage-free input Error when there is none or no clear one.
std::filesystem::path find_main_tex(const std::filesystem::path& folder);

// The main file with \input and \include replaced by the files they name,
// comments removed. Files outside `folder` are refused.
std::string expanded_source(const std::filesystem::path& main, const std::filesystem::path& folder);

PaperMeta read_latex_meta(const std::filesystem::path& folder);

// Parses the front matter of an already expanded source.
PaperMeta parse_latex_meta(const std::string& source);

// <ccs2012><concept>... as acmart's CCSXML block holds it.
std::vector<Concept> parse_ccs_xml(const std::string& xml);

}  // namespace proceedings::meta

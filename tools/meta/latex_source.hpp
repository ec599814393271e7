#pragma once
// Metadata from a paper's LaTeX source folder (acmart front matter).
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/paper_meta.hpp"

namespace proceedings::meta {

// The file with \documentclass in `folder` (top level first, then one
// level down), whatever its extension (paper.ltx), as TeX is given it;
// class and style files, BibTeX's and TeX's own files never count. A
// usage-free input Error when there is none or no clear one.
std::filesystem::path find_main_tex(const std::filesystem::path& folder);

// A text file with \documentclass that is not one of TeX's support files.
bool is_main_source(const std::filesystem::path& file);

// The main file with \input and \include replaced by the files they name,
// comments removed. Files outside `folder` are refused.
std::string expanded_source(const std::filesystem::path& main, const std::filesystem::path& folder);

// `input` is a source folder or the main file itself (its folder holds
// what it \inputs).
PaperMeta read_latex_meta(const std::filesystem::path& input);

// A source's bytes as UTF-8, decoded as its \usepackage[ENC]{inputenc} says
// (latin1, latin9, cp1252, ...; UTF-8 is LaTeX's default). A source that
// declares nothing and is not UTF-8 is read as Latin-1, and `note` says so;
// it also names bytes that are not UTF-8 in a source that declares UTF-8.
struct DecodedSource {
  std::string text;
  std::string note;
};
DecodedSource decoded_source(const std::string& bytes);

// Parses the front matter of an already expanded source.
PaperMeta parse_latex_meta(const std::string& source);

// <ccs2012><concept>... as acmart's CCSXML block holds it.
std::vector<Concept> parse_ccs_xml(const std::string& xml);

}  // namespace proceedings::meta

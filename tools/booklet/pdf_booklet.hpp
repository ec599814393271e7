#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "proceedings/model.hpp"

namespace proceedings::booklet {

// Slot values of templates/booklet/booklet.tex.
std::map<std::string, std::string> booklet_values(const Workshop& w, bool half_letter);

// Typesets the booklet with pdflatex in a scratch folder; writes `out`.
void typeset_booklet(const Workshop& w, bool half_letter, const std::filesystem::path& templates,
                     const std::filesystem::path& out);

}  // namespace proceedings::booklet

#pragma once
// Annotated copies of failing papers: what `check` found, drawn on the
// authors' own PDF as annotations any viewer shows.
#include <filesystem>
#include <vector>

#include "check/analyze.hpp"
#include "proceedings/pdf_pages.hpp"

namespace proceedings::check {

// A square around each line in a margin, the template's text block where
// the block was changed, a note where the references start and a note on
// page 1 listing every problem.
std::vector<PdfMark> marks_for(const Analysis& analysis);

// Writes DIR/<file name> for each failing paper; returns the files written.
// Refuses to write over an input.
std::vector<std::filesystem::path> write_annotated(const std::vector<Analysis>& analyses,
                                                   const std::filesystem::path& dir);

}  // namespace proceedings::check

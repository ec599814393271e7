#pragma once
// One self-contained page for a whole batch: a summary that sorts by
// verdict without JavaScript, and per paper its problems and page images
// (MuPDF) with the template's text block, the references' start and every
// problem drawn on them.
#include <string>
#include <vector>

#include "proceedings/check/analyze.hpp"

namespace proceedings::check {

// `dpi` sets the page images' resolution (40 dpi: a letter page 340 px wide).
// `stage` ("camera-ready", "submission"), when given, is named under the title.
std::string html_report(const std::vector<Analysis>& analyses, double dpi = 40, const std::string& stage = "");

}  // namespace proceedings::check

#pragma once
// The ACM rights block and the ACM Reference Format line on page 1 of a
// camera-ready, read and compared with the venue's ACM record.
#include <optional>
#include <string>
#include <vector>

#include "proceedings/check/rules.hpp"
#include "proceedings/diagnostic.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings::check {

// What page 1 prints of the rights block, each with the line it came from.
struct PrintedLine {
  std::string text;  // as printed, whitespace collapsed
  double y = 0;      // points from the top of page 1
};

struct RightsBlock {
  std::optional<PrintedLine> copyright;    // "© 2025 Copyright held by ..." or "2025." (no owner)
  std::optional<PrintedLine> conference;   // the line before it: "SC Workshops '25, November 16–21, 2025, ..."
  std::optional<PrintedLine> isbn;         // "ACM ISBN 979-8-4007-.../25/11"
  std::vector<std::string> dois;           // every https://doi.org/ DOI on page 1, rights block and reference line
  std::optional<PrintedLine> doi_line;     // where the first was printed
  std::optional<PrintedLine> reference;    // the ACM Reference Format paragraph, joined
  std::vector<std::string> rights;         // acmart rights types whose printed text this is; empty: none
  int year = 0;                            // the copyright year, 0 when none is printed
};

RightsBlock read_rights_block(const PdfPage& page1);

// acmart's template values still on page 1 ("ACM ISBN 978-x-xxxx-xxxx-x/YY/MM", ...), each with its line.
std::vector<PrintedLine> acm_placeholders(const PdfPage& page1);

// ACM_PLACEHOLDER, and with a record ACM_CONFERENCE, ACM_ISBN, ACM_DOI,
// ACM_RIGHTS and ACM_YEAR, for the paper in `file` (matched to papers.yaml
// by file name, then by title).
std::vector<Diagnostic> judge_acm_rights(const std::string& file, const PdfFacts& facts, const CheckRules& rules);

// Text compared the way acmart prints it: curly quotes and dashes as ASCII,
// ligatures split, whitespace collapsed.
std::string printed_form(const std::string& text);

}  // namespace proceedings::check

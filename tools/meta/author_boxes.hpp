#pragma once
// The author boxes of a title block, found by their layout: which lines
// are an author's name and which lines below it belong to that author.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "proceedings/paper_meta.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings::meta {

struct AuthorBox {
  std::vector<const PdfLine*> names;
  std::vector<const PdfLine*> lines;
};

// The ORCID linked on a name's box, or "".
using OrcidOn = std::function<std::string(const Box&)>;

// The people of one author box with their affiliations and emails: names
// one per line or several on a line (split at commas and "and", or at marks
// mapped to marked affiliations), position, departments, the institution
// (wrapped lines mended, also onto the address line), "City, State,
// Country" (a country only when it is one), mailboxes (also written as one)
// to the people they look like. `box_width` is what a line may take.
std::vector<AuthorMeta> read_author_box(const AuthorBox& b, double box_width, const OrcidOn& orcid_on);

// sigchi-a sets the title block in the wide right column: each author's
// name in bold at the body size, the lines below it left-aligned under it,
// two authors to a row (issue 28 item 6). `lines` from `from` to `end` are
// the title block after the title.
std::vector<AuthorBox> sigchi_author_boxes(const std::vector<PdfLine>& lines, std::size_t from, std::size_t end,
                                           double body);

// The width the boxes' lines may take: the gap to the next box on the row.
double sigchi_box_width(const std::vector<AuthorBox>& boxes);

}  // namespace proceedings::meta

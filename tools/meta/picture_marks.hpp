#pragma once
// Authors who mark names and affiliations with small pictures instead of
// superscripts (a beaver after each MIT name and before "MIT CSAIL", a corn
// before "UIUC"): a reader sees the pictures as marks. The PDF's text holds
// nothing where they are drawn, so they are put back into the lines' text
// as marks (into `text`, not `plain`: what `text` holds beyond `plain` is a
// mark), one mark per distinct picture.
#include <vector>

#include "proceedings/pdf.hpp"

namespace proceedings::meta {

// `lines` with a mark where a picture no larger than their glyphs is drawn
// on them, for the lines above `until` (page y; the title block).
std::vector<PdfLine> with_picture_marks(std::vector<PdfLine> lines, const std::vector<PdfPicture>& pictures, double until);

}  // namespace proceedings::meta

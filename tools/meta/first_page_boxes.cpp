// The conference formats' author boxes (sigconf and other two-column
// formats: centred boxes; sigchi-a: the boxes in the margin).
#include "meta/first_page.hpp"

#include "meta/page_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace proceedings::meta {

bool FirstPage::looks_like_date(const std::string& text) {
  static const Regex date(
      R"(^\s*(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s*\d{4}\s*$)");
  return date.matches(text);
}

void FirstPage::read_boxed_authors(std::size_t end) {
  const double name_size = author_name_size(end);
  if (name_size == 0) return;
  const std::vector<AuthorBox> boxes = conference_author_boxes(end, name_size);
  const double box_width = author_box_width(boxes);
  for (const auto& b : boxes) {
    for (const auto* n : b.names)
      if (is_anonymous(n->plain)) {
        anonymous = true;
        return;
      }
    read_box(b, box_width);
  }
  if (!meta_.authors.empty()) meta_.source["authors"] = "pdf-layout";
}

// The size of the first line under the title set larger than the body
// that is no date: the authors' names; 0 when there is none.
double FirstPage::author_name_size(std::size_t end) const {
  for (std::size_t i = after_title_; i < end; ++i) {
    const PdfLine& line = lines_[i];
    if (line.size >= body_ + 1.5 && !looks_like_date(line.text)) return line.size;
  }
  return 0;
}

// Each box: a name (or names stacked on one axis) and the smaller lines centred under it.
std::vector<AuthorBox> FirstPage::conference_author_boxes(std::size_t end, double name_size) const {
  std::vector<AuthorBox> boxes;
  bool last_was_name = false;
  for (std::size_t i = after_title_; i < end; ++i) {
    const PdfLine& line = lines_[i];
    const bool name = std::fabs(line.size - name_size) <= 0.3 && !looks_like_date(line.text);
    if (name) {
      const bool stacked = last_was_name && !boxes.empty() &&
                           std::fabs(center(boxes.back().names.back()->box) - center(line.box)) < 0.25 * name_size * 4 &&
                           line.box.y0 > boxes.back().names.back()->box.y0;
      if (!stacked) boxes.push_back({});
      boxes.back().names.push_back(&line);
    } else if (!boxes.empty() && line.size < name_size - 0.5 && line.size >= body_ - 1.2 &&
               centred_under(boxes.back(), line)) {
      boxes.back().lines.push_back(&line);
    }
    last_was_name = name;
  }
  return boxes;
}

void FirstPage::read_sigchi_authors(std::size_t end) {
  const auto boxes = sigchi_author_boxes(lines_, after_title_, end, body_);
  const double box_width = sigchi_box_width(boxes);
  for (const auto& b : boxes) read_box(b, box_width);
  if (!meta_.authors.empty()) meta_.source["authors"] = "pdf-layout";
}

// acmart centres every line of an author box under the name, one line
// after the other; what is off that axis or far below (a venue's own
// front-matter fields, a teaser) is not the author's.
bool FirstPage::centred_under(const AuthorBox& box, const PdfLine& line) {
  const PdfLine& name = *box.names.back();
  const PdfLine& above = box.lines.empty() ? name : *box.lines.back();
  const bool on_axis = std::fabs(center(name.box) - center(line.box)) <= std::max(6.0, name.size);
  const bool close_below = line.box.y0 - above.box.y1 < 3 * line.size;
  return on_axis && close_below;
}

// acmart divides the text width among the boxes of its fullest row.
double FirstPage::author_box_width(const std::vector<AuthorBox>& boxes) const {
  double text_x0 = 1e9, text_x1 = 0;
  for (const auto& l : lines_) {
    if (std::fabs(l.size - body_) > 0.6) continue;
    text_x0 = std::min(text_x0, l.box.x0);
    text_x1 = std::max(text_x1, l.box.x1);
  }
  std::map<long, int> per_row;
  for (const auto& b : boxes) ++per_row[std::lround(b.names.front()->box.y0 / 3)];
  int most = 1;
  for (const auto& [row, n] : per_row) most = std::max(most, n);
  return (text_x1 - text_x0 - 12) / most - 12;  // acmart: (\textwidth - 1pc) / n - 1pc
}

void FirstPage::read_box(const AuthorBox& b, double box_width) {
  for (auto& m : read_author_box(b, box_width, [&](const Box& name) { return orcid_on(name); }))
    meta_.authors.push_back(std::move(m));
}

}  // namespace proceedings::meta

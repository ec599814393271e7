#include "meta/author_boxes.hpp"

#include <algorithm>
#include <cmath>

#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::meta {

namespace {

bool is_bold(const std::string& font) {
  static const Regex bold(R"((Bold|Bd|Semibold|Black|Heavy|BX\d*|B)$|-B|Bold)");
  return bold.contains(font);
}

}  // namespace

std::vector<AuthorBox> sigchi_author_boxes(const std::vector<PdfLine>& lines, std::size_t from, std::size_t end,
                                           double body) {
  std::vector<AuthorBox> boxes;
  for (std::size_t i = from; i < std::min(end, lines.size()); ++i) {
    const PdfLine& line = lines[i];
    const std::string text = trim(line.plain);
    if (text.empty() || std::fabs(line.size - body) > 0.8) continue;
    if (is_bold(line.font) && text.find('@') == std::string::npos) {
      // Names that run onto a second line stay one box.
      const bool runs_on = !boxes.empty() && boxes.back().lines.empty() &&
                           std::fabs(boxes.back().names.back()->box.x0 - line.box.x0) <= 3 &&
                           line.box.y0 - boxes.back().names.back()->box.y1 < 0.5 * line.size;
      if (runs_on) boxes.back().names.push_back(&line);
      else boxes.push_back({{&line}, {}});
      continue;
    }
    // The line belongs to the nearest box above it that starts where it starts.
    AuthorBox* owner = nullptr;
    for (auto& b : boxes) {
      const PdfLine& last = b.lines.empty() ? *b.names.back() : *b.lines.back();
      if (std::fabs(b.names.front()->box.x0 - line.box.x0) <= 3 && line.box.y0 >= last.box.y0 &&
          line.box.y0 - last.box.y1 < 2 * line.size)
        owner = &b;
    }
    if (owner) owner->lines.push_back(&line);
  }
  return boxes;
}

double sigchi_box_width(const std::vector<AuthorBox>& boxes) {
  double width = 0;
  for (const auto& a : boxes)
    for (const auto& b : boxes) {
      const double gap = b.names.front()->box.x0 - a.names.front()->box.x0;
      if (gap > 20 && std::fabs(b.names.front()->box.y0 - a.names.front()->box.y0) < 3) width = std::max(width, gap - 12);
    }
  if (width > 0) return width;
  for (const auto& b : boxes)
    for (const auto* l : b.lines) width = std::max(width, l->box.width());
  return width;
}

}  // namespace proceedings::meta

#include "meta/picture_marks.hpp"

#include <algorithm>
#include <string>

#include "proceedings/text.hpp"

namespace proceedings::meta {

namespace {

// A mark no text holds: a small square and the picture's object number in
// subscript digits (every byte outside ASCII, so that no letter or digit of
// the line is taken for a part of it).
std::string mark_for(int object) {
  std::string out = "\u25AA";
  for (const char d : std::to_string(object)) out += std::string("\u2080").substr(0, 2) + static_cast<char>('\x80' + (d - '0'));
  return out;
}

bool is_glyph_sized(const PdfPicture& p, const PdfLine& line) {
  const double middle = (p.box.y0 + p.box.y1) / 2;
  return p.box.height() <= 2 * line.size && p.box.width() <= 3 * line.size && middle > line.box.y0 &&
         middle < line.box.y1 && p.box.x1 > line.box.x0 - line.size && p.box.x0 < line.box.x1 + line.size;
}

// The character where the picture stands, by its share of the line's
// width, moved to the nearest word boundary.
std::size_t position_in(const PdfLine& line, const PdfPicture& p) {
  const std::string& t = line.text;
  const double share = (p.box.x0 - line.box.x0) / std::max(1.0, line.box.width());
  if (share <= 0) return 0;
  if (p.box.x0 >= line.box.x1 - 1) return t.size();
  std::size_t length = 0;
  for (std::size_t i = 0; i < t.size(); ++length) next_code_point(t, i);
  const auto guess = static_cast<std::size_t>(share * static_cast<double>(length));
  std::size_t at = 0;
  for (std::size_t n = 0; n < guess && at < t.size(); ++n) next_code_point(t, at);
  auto distance = [&](std::size_t k) { return k > at ? k - at : at - k; };
  std::size_t best = t.size();
  for (std::size_t k = 0; k < t.size(); ++k)
    if (t[k] == ' ' && distance(k) < distance(best)) best = k;
  return best;
}

void mark_line(PdfLine& line, const std::vector<PdfPicture>& pictures) {
  std::vector<std::pair<std::size_t, int>> marks;
  Box drawn = line.box;  // the pictures are part of the line as it is seen (its centre, its width)
  for (const auto& p : pictures)
    if (is_glyph_sized(p, line)) {
      marks.push_back({position_in(line, p), p.object});
      drawn = {std::min(drawn.x0, p.box.x0), drawn.y0, std::max(drawn.x1, p.box.x1), drawn.y1};
    }
  line.box = drawn;
  std::sort(marks.rbegin(), marks.rend());
  for (const auto& [at, object] : marks) line.text.insert(at, (at == 0 ? "" : " ") + mark_for(object) + " ");
  if (!marks.empty()) line.text = trim(line.text);
}

}  // namespace

std::vector<PdfLine> with_picture_marks(std::vector<PdfLine> lines, const std::vector<PdfPicture>& pictures, double until) {
  for (auto& line : lines)
    if (line.box.y1 <= until) mark_line(line, pictures);
  return lines;
}

}  // namespace proceedings::meta

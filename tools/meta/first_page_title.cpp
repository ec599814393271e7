// The title and subtitle, set large at the top of the first page.
#include "meta/first_page.hpp"

#include "meta/author_lines.hpp"
#include "meta/page_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

#include <algorithm>
#include <cmath>

namespace proceedings::meta {

void FirstPage::read_title(std::size_t end) {
  double largest = 0;
  for (std::size_t i = 0; i < end; ++i) largest = std::max(largest, lines_[i].size);
  if (largest < body_ + 2) return;
  std::vector<std::string> parts;
  std::size_t i = 0;
  static const Regex folio(R"(^\s*\d+\s*$)");  // the article number journal formats print at the top
  while (i < end && (std::fabs(lines_[i].size - largest) > 0.3 || folio.matches(lines_[i].text))) ++i;
  if (i >= end) return;
  title_font_ = lines_[i].font;
  for (; i < end && std::fabs(lines_[i].size - largest) <= 0.3; ++i)
    if (!folio.matches(lines_[i].text)) parts.push_back(lines_[i].plain);
  for (const auto& part : parts) title_lines.push_back(plain_math_letters(part));
  title_text = plain_math_letters(join_lines(parts));
  std::size_t run = i;
  while (run < end && is_subtitle_line(lines_[run], lines_[i])) ++run;
  if (run > i && run < end && subtitle_differs(lines_[i], run, end))
    for (; i < run; ++i) subtitle_parts.push_back(plain_math_letters(lines_[i].plain));
  after_title_ = i;
}

// A subtitle is set in the title's family, smaller, in one font and size.
bool FirstPage::is_subtitle_line(const PdfLine& line, const PdfLine& first) const {
  const std::string t = trim(line.plain);
  // sigchi-a sets the authors' names bold at the body size, right under the title (issue 28 item 6)
  const bool bold_body_line = is_bold(line.font) && std::fabs(line.size - body_) < 0.8;
  return !bold_body_line && family(line.font) == family(title_font_) && line.font == first.font &&
         std::fabs(line.size - first.size) < 0.2 && !looks_like_author_line(t) &&
         std::none_of(known_names.begin(), known_names.end(), [&](const std::string& n) { return same_folded_name(n, without_marks(t)); });
}

// ... and unlike the author names after it: another font, or larger than
// names that are themselves larger than their affiliations.
bool FirstPage::subtitle_differs(const PdfLine& subtitle, std::size_t next, std::size_t end) const {
  const PdfLine& after = lines_[next];
  if (after.font != subtitle.font || looks_like_author_line(trim(after.plain))) return true;
  // Names stacked over one shared affiliation (issue 28 item 2): look past them.
  std::size_t below = next + 1;
  while (below < end && std::fabs(lines_[below].size - after.size) <= 0.3) ++below;
  return subtitle.size > after.size + 0.3 && below < end && after.size > lines_[below].size + 0.3;
}

}  // namespace proceedings::meta

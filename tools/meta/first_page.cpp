// The first page's coordinator and what every layout shares: the page's text lines,
// where the title block ends, headings and ORCID links.
#include "meta/first_page.hpp"

#include "meta/page_text.hpp"
#include "meta/picture_marks.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

#include <algorithm>
#include <cmath>

namespace proceedings::meta {

FirstPage::FirstPage(const PdfPage& page, const PdfPage* next_page, double body_size, PaperMeta& meta)
    : page_(page),
      next_page_(next_page),
      lines_(with_picture_marks(content_lines(page, body_size), page.pictures, title_block_bottom(page))),
      meta_(meta),
      body_(body_size) {}

// The title; the names other sources give; the authors by the layout
// (journal author lines, else conference boxes, else sigchi-a's margin);
// then the abstract, keywords and CCS concepts.
void FirstPage::read() {
  const std::size_t top_end = title_block_end();
  read_title(top_end);
  read_reference_format();
  if (known_names.empty()) known_names = reference_format_names;
  if (known_names.empty()) known_names = footnote_names();
  if (is_inline_layout(top_end)) read_inline_authors(top_end);
  else read_boxed_authors(top_end);
  if (meta_.authors.empty() && !anonymous) read_sigchi_authors(top_end);
  read_headed_sections();
  if (after_authors_ > 0) read_run_in_sections();
}

// The page's lines without what is not the paper's text: turned stamps,
// the authordraft banner and the review version's line numbers.
std::vector<PdfLine> FirstPage::content_lines(const PdfPage& page, double body) {
  static const Regex number(R"(^\s*\d{1,4}\s*$)");
  std::vector<PdfLine> out;
  for (const auto& line : page.lines) {
    if (!line.horizontal) continue;
    const std::string t = trim(line.text);
    if (t.rfind("Unpublished working draft", 0) == 0) continue;
    if (number.matches(t) && line.size < body - 0.5) continue;
    out.push_back(line);
  }
  return out;
}

// Where pictures may mark authors: above the ABSTRACT heading, else in the page's top 40 %.
double FirstPage::title_block_bottom(const PdfPage& page) {
  for (const auto& line : page.lines)
    if (upper(trim(line.text)) == "ABSTRACT") return line.box.y0;
  return 0.4 * page.height;
}

std::size_t FirstPage::find_line(const std::string& text) const {
  for (std::size_t i = 0; i < lines_.size(); ++i)
    if (upper(trim(lines_[i].text)) == text) return i;
  return lines_.size();
}

// The title block ends at the ABSTRACT heading, a numbered section heading,
// a teaser's caption or the first full-width line of body text.
std::size_t FirstPage::title_block_end() const {
  static const Regex numbered(R"(^\d+(\.\d+)*\.?\s+\S.*)");
  static const Regex caption(R"(^(Figure|Fig\.)\s*\d+[:.])");
  const std::size_t abstract = find_line("ABSTRACT");
  bool title_seen = false;  // sigchi-a's margin figure is read before the title
  for (std::size_t i = 0; i < std::min(abstract, lines_.size()); ++i) {
    const PdfLine& line = lines_[i];
    const std::string t = trim(line.text);
    title_seen = title_seen || line.size >= body_ + 2;
    if (numbered.matches(t) && line.size >= body_ - 0.3) return i;
    if (caption.contains(t) && title_seen) return i;
    if (i > 2 && ((is_heading(line) && is_bold(line.font)) || t.rfind("ACM Reference Format", 0) == 0)) return i;
    if (std::fabs(line.size - body_) <= 0.6 && line.box.width() > 0.6 * page_.width && i > 2) return i;
  }
  return abstract;
}

bool FirstPage::is_heading(const PdfLine& line) const {
  const std::string t = trim(line.text);
  if (t.rfind("ACM Reference Format", 0) == 0) return true;
  return line.size >= body_ + 1 && upper(t) == t;
}

std::string FirstPage::orcid_on(const Box& box) const {
  for (const auto& link : page_.links)
    if (!orcid_of(link.uri).empty() && mostly_on(link.box, box)) return orcid_of(link.uri);
  return "";
}

}  // namespace proceedings::meta

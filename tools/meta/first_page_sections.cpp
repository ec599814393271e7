// The abstract, keywords, CCS concepts and the ACM Reference Format's names:
// headed sections (the conference formats) or run-in heads (the journal formats).
#include "meta/first_page.hpp"

#include "meta/author_lines.hpp"
#include "meta/page_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

#include <algorithm>
#include <cmath>

namespace proceedings::meta {

template <typename Use>
void FirstPage::read_section(const std::string& heading, Use use) const {
  const std::size_t at = find_line(heading);
  if (at >= lines_.size()) return;
  std::vector<std::string> text;
  for (std::size_t i = at + 1; i < lines_.size() && !is_heading(lines_[i]); ++i)
    if (lines_[i].size <= body_ + 0.6) text.push_back(lines_[i].text);
  use(text);
}

void FirstPage::read_headed_sections() {
  read_section("ABSTRACT", [&](const std::vector<std::string>& text) { set_abstract(join_lines(text)); });
  read_section("KEYWORDS", [&](const std::vector<std::string>& text) { set_keywords(join_lines(text)); });
  read_section("CCS CONCEPTS", [&](const std::vector<std::string>& text) { set_ccs(join_lines(text)); });
}

// The journal formats set the abstract unheaded under the authors, then
// "CCS Concepts:", "Additional Key Words and Phrases:" and "ACM Reference
// Format:" as run-in heads.
void FirstPage::read_run_in_sections() {
  static const Regex head(R"(^(CCS Concepts|Additional Key Words and Phrases|Keywords|ACM Reference Format)\s*:\s*(.*)$)");
  std::vector<std::string> abstract;
  std::string current;
  std::vector<std::string> text;
  auto flush = [&] {
    if (current == "CCS Concepts") set_ccs(join_lines(text));
    else if (current == "Additional Key Words and Phrases" || current == "Keywords") set_keywords(join_lines(text));
    text.clear();
  };
  for (std::size_t i = after_authors_; i < lines_.size(); ++i) {
    const std::string t = trim(lines_[i].text);
    Match m;
    if (head.match(t, m)) {
      flush();
      current = m.str(1);
      if (current == "ACM Reference Format") break;
      text.push_back(m.str(2));
    } else if (current.empty()) {
      if (lines_[i].size > body_ + 0.6) break;
      abstract.push_back(lines_[i].text);
    } else {
      text.push_back(lines_[i].text);
    }
  }
  if (current.empty()) return;  // no run-in heads: not this layout
  flush();
  if (meta_.abstract.empty() && !abstract.empty()) set_abstract(join_lines(abstract));
}

void FirstPage::set_abstract(const std::string& text) {
  meta_.abstract = text;
  meta_.source["abstract"] = "pdf-layout";
}

void FirstPage::set_keywords(std::string text) {
  while (!text.empty() && text.back() == '.') text.pop_back();
  meta_.keywords = split(text, ",");
  meta_.source["keywords"] = "pdf-layout";
}

// "• A → B; • C → D." as printed; weights are not printed reliably.
void FirstPage::set_ccs(const std::string& text) {
  if (!meta_.ccs.empty()) return;
  for (const auto& item : split(text, "•")) append_concepts(item, "→", ";", meta_.ccs);
  meta_.source["ccs"] = "pdf-layout";
}

void FirstPage::read_reference_format() {
  std::size_t at = lines_.size();
  for (std::size_t i = 0; i < lines_.size(); ++i)
    if (trim(lines_[i].text).rfind("ACM Reference Format", 0) == 0) at = i;
  if (at == lines_.size()) return;
  std::vector<std::string> text;
  for (std::size_t i = at + 1; i < lines_.size() && text.size() < 8 && !is_heading(lines_[i]); ++i)
    text.push_back(lines_[i].plain);
  const std::string joined = join_lines(text);
  static const Regex names_then_year(R"(^(.*?)\.? (19|20)\d\d\. )");
  Match m;
  if (names_then_year.search(joined, m)) reference_format_names = split_names(m.str(1));
  for (auto& n : reference_format_names) n = without_marks(n);
}

}  // namespace proceedings::meta

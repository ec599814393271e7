#include "proceedings/text.hpp"
#include "check/analyze.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <set>

namespace proceedings::check {

namespace {

std::string fixed(double value, int decimals = 1) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

// Running heads and folios: text in the top or bottom band of the page.
bool is_furniture(const PdfLine& line, const PdfPage& page) {
  return line.box.y1 <= 0.1 * page.height || line.box.y0 >= 0.93 * page.height;
}

bool is_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The review option's line numbers: small digit-only lines in the side margins.
bool is_line_number(const PdfLine& line, const PdfPage& page) {
  const std::string t = trim(line.text);
  const bool in_margin = line.box.x1 < 0.09 * page.width || line.box.x0 > 0.91 * page.width;
  return is_digits(t) && in_margin;
}

bool is_content(const PdfLine& line, const PdfPage& page) {
  return !is_furniture(line, page) && !is_line_number(line, page) && !trim(line.text).empty();
}

// The size most characters are set in, to the nearest half point.
double dominant_size(const std::vector<PdfPage>& pages) {
  std::map<double, std::size_t> chars_at;
  for (const auto& page : pages)
    for (const auto& line : page.lines)
      if (is_content(line, page) && line.size > 0) chars_at[std::round(line.size * 2) / 2] += line.text.size();
  if (chars_at.empty()) return 0;
  return std::max_element(chars_at.begin(), chars_at.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })->first;
}

bool near(double a, double b, double tolerance = 0.6) { return std::fabs(a - b) <= tolerance; }

enum Column { left = 0, right = 1, spanning = 2 };

Column column_of(const Box& box, const PdfPage& page) {
  const double mid = page.width / 2;
  if (box.x1 <= mid + 5) return left;
  if (box.x0 >= mid - 5) return right;
  return spanning;
}

// Is `line` read before the heading on the heading's own page?
bool read_before(const PdfLine& line, const PdfLine& heading, const PdfPage& page, int columns) {
  const Column c = column_of(line.box, page);
  const Column h = column_of(heading.box, page);
  if (columns >= 2 && h == right && c == left) return true;
  if (columns >= 2 && h == left && c == right) return false;
  return line.box.y0 < heading.box.y0 - 0.5;
}

std::string heading_word(const std::string& text) {
  static const std::regex heading(R"(^\s*(?:\d+\.?\s*)?(references|bibliography|works cited|literature cited)\s*$)",
                                  std::regex::icase);
  std::smatch m;
  return std::regex_match(text, m, heading) ? m[1].str() : "";
}

struct Located {
  int page_index = -1;
  std::size_t line_index = 0;
};

// The last reference heading set at least at body size.
Located find_reference_heading(const std::vector<PdfPage>& pages, double body_size) {
  Located found;
  for (std::size_t p = 0; p < pages.size(); ++p)
    for (std::size_t l = 0; l < pages[p].lines.size(); ++l) {
      const auto& line = pages[p].lines[l];
      if (is_content(line, pages[p]) && line.size >= body_size - 0.3 && !heading_word(line.text).empty())
        found = {static_cast<int>(p), l};
    }
  return found;
}

// Without a heading, the first "[1]" entry in smaller type.
Located find_first_entry(const std::vector<PdfPage>& pages, double body_size) {
  for (std::size_t p = 0; p < pages.size(); ++p)
    for (std::size_t l = 0; l < pages[p].lines.size(); ++l) {
      const auto& line = pages[p].lines[l];
      if (is_content(line, pages[p]) && line.size < body_size - 0.5 && trim(line.text).rfind("[1]", 0) == 0)
        return {static_cast<int>(p), l};
    }
  return {};
}

int count_columns(const std::vector<PdfPage>& pages, const std::vector<int>& body_pages, double body_size) {
  std::array<int, 3> counts{0, 0, 0};
  for (int number : body_pages) {
    const auto& page = pages[static_cast<std::size_t>(number - 1)];
    if (number == 1 && body_pages.size() > 1) continue;  // title block spans the page
    for (const auto& line : page.lines)
      if (is_content(line, page) && near(line.size, body_size) && line.box.width() > 0.25 * page.width)
        counts[column_of(line.box, page)]++;
  }
  const int total = counts[0] + counts[1] + counts[2];
  if (total == 0) return 0;
  const bool two = counts[left] >= 0.2 * total && counts[right] >= 0.2 * total && counts[spanning] < 0.25 * total;
  return two ? 2 : 1;
}

class Analyzer {
 public:
  Analyzer(const std::string& file, const PdfFacts& facts, const CheckRules& rules)
      : facts_(facts), rules_(rules) {
    out_.file = file;
    out_.pages = static_cast<int>(facts.pages.size());
  }

  Analysis run() {
    body_size_ = dominant_size(facts_.pages);
    out_.body_font_pt = body_size_;
    split_body_and_bibliography();
    out_.columns = count_columns(facts_.pages, out_.body_pages, body_size_);
    measure_text_block();
    measure_paper();
    read_template();
    read_fonts_and_safety();
    read_review_mode();
    judge();
    out_.verdict = std::any_of(out_.problems.begin(), out_.problems.end(),
                               [](const Problem& p) { return p.severity == "error"; })
                       ? "fail"
                       : "pass";
    return out_;
  }

 private:
  void add(std::string code, std::string severity, std::string message) {
    out_.problems.push_back({std::move(code), std::move(severity), std::move(message)});
  }

  void split_body_and_bibliography() {
    const auto& pages = facts_.pages;
    Located start = find_reference_heading(pages, body_size_);
    const bool by_heading = start.page_index >= 0;
    if (!by_heading) start = find_first_entry(pages, body_size_);
    if (start.page_index < 0) {
      for (const auto& page : pages) out_.body_pages.push_back(page.number);
      out_.evidence.push_back("no reference list found: no References heading and no [1] entry in smaller type");
      return;
    }
    const auto& start_page = pages[static_cast<std::size_t>(start.page_index)];
    const auto& start_line = start_page.lines[start.line_index];
    out_.references_start = ReferencesStart{start_page.number, std::round(start_line.box.y0 * 10) / 10};
    const double bib_size = bibliography_size(start);
    int entries = 0;
    bool appendix = false;
    static const std::regex entry(R"(^\s*\[\d+\])");
    for (std::size_t p = 0; p < pages.size(); ++p) {
      const auto& page = pages[p];
      const int here = static_cast<int>(p);
      bool body = here < start.page_index, bib = false;
      if (here >= start.page_index) {
        for (const auto& line : page.lines) {
          if (!is_content(line, page)) continue;
          if (here == start.page_index && read_before(line, start_line, page, 2)) {
            body = true;
            continue;
          }
          if (!appendix && starts_appendix(line, bib_size)) {
            appendix = true;
            out_.evidence.push_back("body text resumes after the references on page " + std::to_string(page.number) +
                                    " at y=" + fixed(line.box.y0) + "pt: '" + trim(line.text).substr(0, 40) +
                                    "' (" + fixed(line.size) + "pt): an appendix counts as body");
          }
          if (appendix) {
            body = true;
          } else {
            bib = true;
            if (std::regex_search(line.text, entry)) ++entries;
          }
        }
        if (page.images > 0 && (appendix || here > start.page_index)) body = true;
      }
      if (body) out_.body_pages.push_back(page.number);
      if (bib) out_.bibliography_pages.push_back(page.number);
    }
    std::string how = by_heading ? "heading '" + trim(start_line.text) + "'" : "first entry '[1]' (no heading)";
    out_.evidence.insert(out_.evidence.begin(),
                         "references start on page " + std::to_string(start_page.number) + " at y=" +
                             fixed(start_line.box.y0) + "pt: " + how + "; text " + fixed(body_size_) + "pt, " +
                             "references " + fixed(bib_size) + "pt; " + std::to_string(entries) + " [n] entries");
  }

  // Size of the lines right after the start, which are the first entries.
  double bibliography_size(const Located& start) const {
    std::map<double, int> sizes;
    int seen = 0;
    for (std::size_t p = static_cast<std::size_t>(start.page_index); p < facts_.pages.size() && seen < 12; ++p) {
      const auto& page = facts_.pages[p];
      for (std::size_t l = 0; l < page.lines.size() && seen < 12; ++l) {
        const auto& line = page.lines[l];
        if (p == static_cast<std::size_t>(start.page_index) && l <= start.line_index) continue;
        if (!is_content(line, page)) continue;
        sizes[std::round(line.size * 2) / 2]++;
        ++seen;
      }
    }
    if (sizes.empty()) return body_size_;
    return std::max_element(sizes.begin(), sizes.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  }

  // Body text after the list: text back at body size where the list is
  // smaller, or a new heading where the list is set at body size.
  bool starts_appendix(const PdfLine& line, double bib_size) const {
    if (!heading_word(line.text).empty()) return false;
    if (bib_size < body_size_ - 0.5) return line.size >= body_size_ - 0.3;
    return line.size >= body_size_ + 1;
  }

  void measure_text_block() {
    Box block{1e9, 1e9, -1e9, -1e9};
    const PdfPage* any = nullptr;
    for (int number : out_.body_pages) {
      const auto& page = facts_.pages[static_cast<std::size_t>(number - 1)];
      for (const auto& line : page.lines) {
        if (!is_content(line, page)) continue;
        block = {std::min(block.x0, line.box.x0), std::min(block.y0, line.box.y0), std::max(block.x1, line.box.x1),
                 std::max(block.y1, line.box.y1)};
        any = &page;
      }
    }
    if (!any) return;
    out_.text_block = block;
    out_.margin_left = block.x0;
    out_.margin_right = any->width - block.x1;
    out_.margin_top = block.y0;
    out_.margin_bottom = any->height - block.y1;
  }

  void measure_paper() {
    std::set<std::string> names;
    for (const auto& page : facts_.pages) {
      std::string name = paper_name_of(page.width, page.height);
      if (name.empty()) name = fixed(page.width, 0) + " x " + fixed(page.height, 0) + " pt";
      names.insert(name);
    }
    out_.paper = names.size() == 1 ? *names.begin() : "mixed";
  }

  bool any_line(const std::regex& pattern, int max_page) const {
    for (const auto& page : facts_.pages) {
      if (page.number > max_page) break;
      for (const auto& line : page.lines)
        if (std::regex_search(line.text, pattern)) return true;
    }
    return false;
  }

  void read_template() {
    auto& t = out_.template_facts;
    const auto creator = facts_.info.count("Creator") ? facts_.info.at("Creator") : std::string();
    static const std::regex acmart_version(R"(acmart\s+\d{4}/\d{2}/\d{2}\s+v([0-9.]+[a-z]?))");
    std::smatch m;
    if (std::regex_search(creator, m, acmart_version)) t.version = m[1];
    for (const auto& font : facts_.fonts)
      if (font.name.find("LinLibertine") != std::string::npos || font.name.find("LinBiolinum") != std::string::npos ||
          font.name.find("Libertine") != std::string::npos)
        t.libertine = true;
    t.acm_reference_format = any_line(std::regex("ACM Reference Format"), 2);
    t.ccs_concepts = any_line(std::regex("CCS Concepts", std::regex::icase), 2);
    t.keywords = any_line(std::regex("^\\s*(Additional Key Words and Phrases|Keywords)", std::regex::icase), 2);
    const bool acmart = creator.find("acmart") != std::string::npos || (t.libertine && t.acm_reference_format);
    t.class_name = acmart ? "acmart" : "unknown";
    if (acmart) t.format = acm_format();
  }

  // acmart's formats differ in paper, columns and body size.
  std::string acm_format() const {
    const auto& first = facts_.pages.front();
    if (near(first.width, 486, 3) && near(first.height, 720, 3)) return "acmsmall";
    if (out_.columns == 2) return near(body_size_, 9) ? "sigconf" : (near(body_size_, 10) ? "sigplan" : "two-column");
    if (out_.columns == 1) return "manuscript";
    return "";
  }

  void read_fonts_and_safety() {
    std::set<std::string> missing;
    for (const auto& font : facts_.fonts) {
      if (font.subtype == "Type3") out_.fonts.type3++;
      if (!font.embedded) missing.insert(font.name);
    }
    out_.fonts.not_embedded.assign(missing.begin(), missing.end());
    out_.fonts.all_embedded = missing.empty();
    out_.encrypted = facts_.encrypted;
    std::set<std::string> kinds;
    for (const auto& hazard : facts_.hazards) kinds.insert(hazard.kind);
    out_.unsafe.assign(kinds.begin(), kinds.end());
  }

  void read_review_mode() {
    out_.anonymous = any_line(std::regex("Anonymous Author\\(s\\)"), 1);
    int numbers = 0;
    for (const auto& page : facts_.pages)
      for (const auto& line : page.lines)
        if (!is_furniture(line, page) && is_line_number(line, page)) ++numbers;
    out_.line_numbers = numbers >= 10 * static_cast<int>(facts_.pages.size());
  }

  void judge() {
    judge_pages();
    judge_layout();
    judge_template();
    judge_fonts_and_safety();
    judge_review();
  }

  void judge_pages() {
    const int body = static_cast<int>(out_.body_pages.size());
    const std::string counted = out_.references_start ? " (body pages, excluding the bibliography)" : "";
    if (rules_.max_pages && body > rules_.max_pages)
      add("PAGES_OVER", "error",
          "The paper has " + std::to_string(body) + " pages" + counted + "; the limit is " +
              std::to_string(rules_.max_pages) + " pages excluding the bibliography.");
    if (rules_.min_pages && body < rules_.min_pages)
      add("PAGES_UNDER", "error",
          "The paper has " + std::to_string(body) + " pages" + counted + "; at least " +
              std::to_string(rules_.min_pages) + " pages excluding the bibliography are required.");
    if (!out_.references_start)
      add("NO_REFERENCES", "warning", "No reference list was found; every page was counted as body.");
  }

  void judge_layout() {
    const auto expected = paper_named(rules_.paper);
    for (const auto& page : facts_.pages) {
      if (expected && paper_name_of(page.width, page.height) != expected->name) {
        add("PAPER_SIZE", "error",
            "Page " + std::to_string(page.number) + " is " + fixed(page.width, 0) + " x " + fixed(page.height, 0) +
                " pt; the venue requires " + rules_.paper + " paper (" + fixed(expected->width, 0) + " x " +
                fixed(expected->height, 0) + " pt) on every page.");
        break;
      }
    }
    if (rules_.columns && out_.columns && out_.columns != rules_.columns)
      add("COLUMNS", "error",
          "The text is set in " + std::to_string(out_.columns) + " column(s); the venue requires " +
              std::to_string(rules_.columns) + ".");
    const double min_font = rules_.min_font_pt > 0 ? rules_.min_font_pt : template_body_size(rules_.template_name);
    if (min_font > 0 && body_size_ > 0 && body_size_ < min_font - 0.3)
      add("FONT_SIZE", "error",
          "The body text is " + fixed(body_size_) + " pt; the venue requires at least " + fixed(min_font) + " pt.");
    const double side = std::min(out_.margin_left, out_.margin_right);
    if (out_.text_block.x1 > out_.text_block.x0 && side < rules_.min_side_margin_pt)
      add("MARGINS", "error",
          "Text reaches " + fixed(side) + " pt from the " + (out_.margin_left < out_.margin_right ? "left" : "right") +
              " edge of the page; the template keeps at least " + fixed(rules_.min_side_margin_pt, 0) +
              " pt clear (check for overfull lines, wide tables or changed margins).");
  }

  void judge_template() {
    const auto& t = out_.template_facts;
    if (rules_.template_name == "any") return;
    if (t.class_name != "acmart") {
      add("TEMPLATE_CLASS", "error",
          "The paper was not made with the ACM acmart class; use the ACM proceedings template (acmart" +
              std::string(rules_.template_name == "acmart-sigconf" ? ", sigconf format" : "") + ").");
      return;
    }
    if (rules_.template_name == "acmart-sigconf" && t.format != "sigconf")
      add("TEMPLATE_FORMAT", "error",
          "The paper uses acmart's " + (t.format.empty() ? std::string("unrecognised") : t.format) +
              " format; use \\documentclass[sigconf]{acmart}.");
    if (!t.acm_reference_format)
      add("ACM_REFERENCE_FORMAT", "warning", "The 'ACM Reference Format' block is missing from the first page.");
    if (!t.ccs_concepts) add("CCS_CONCEPTS", "warning", "No CCS Concepts were found on the first pages.");
    if (!t.keywords) add("KEYWORDS", "warning", "No Keywords were found on the first pages.");
  }

  void judge_fonts_and_safety() {
    if (!out_.fonts.all_embedded) {
      std::string names;
      for (const auto& n : out_.fonts.not_embedded) names += (names.empty() ? "" : ", ") + n;
      add("FONTS_NOT_EMBEDDED", "error",
          "Fonts are not embedded: " + names + ". Embed all fonts (pdflatex does so by default; check included figures).");
    }
    if (out_.fonts.type3)
      add("TYPE3_FONTS", "warning",
          std::to_string(out_.fonts.type3) + " Type 3 (bitmap) font(s) found; they print and search badly.");
    if (out_.encrypted)
      add("ENCRYPTED", "error", "The PDF is encrypted; upload an unencrypted PDF.");
    for (const auto& kind : out_.unsafe) {
      std::string code = "UNSAFE_" + kind;
      std::transform(code.begin(), code.end(), code.begin(), [](char c) { return c == '-' ? '_' : std::toupper(c); });
      add(code, "error", "The PDF contains " + kind + " content, which proceedings may not carry; remove it.");
    }
  }

  void judge_review() {
    if (rules_.review == Review::single_blind && out_.anonymous)
      add("ANONYMOUS", "error",
          "The paper is anonymised ('Anonymous Author(s)'); the venue is single-blind and must show the authors.");
    if (rules_.review == Review::double_blind && !out_.anonymous)
      add("AUTHORS_SHOWN", "error", "The paper shows its authors; the venue is double-blind.");
    if (out_.line_numbers)
      add("REVIEW_MODE", "error",
          "The paper has line numbers in the margin (acmart 'review' option); remove the option for the final version.");
  }

  const PdfFacts& facts_;
  const CheckRules& rules_;
  Analysis out_;
  double body_size_ = 0;
};

}  // namespace

Analysis analyze(const std::string& file, const PdfFacts& facts, const CheckRules& rules) {
  return Analyzer(file, facts, rules).run();
}

Analysis unreadable(const std::string& file, const std::string& reason) {
  Analysis out;
  out.file = file;
  out.verdict = "error";
  out.error = reason;
  return out;
}

}  // namespace proceedings::check

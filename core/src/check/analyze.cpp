#include "proceedings/text.hpp"
#include "proceedings/check/analyze.hpp"

#include "proceedings/check/acm_formats.hpp"
#include "proceedings/check/acm_rights.hpp"
#include "proceedings/check/layout.hpp"
#include "proceedings/check/page_lines.hpp"
#include "proceedings/check/text_match.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/uploads.hpp"
#include "template_reader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace proceedings::check {

namespace {

// The pages the analysis reads hold only content lines (see page_lines).
bool is_content(const PdfLine& line, const PdfPage&) { return !trim(line.text).empty(); }

// A test for any_line: does the text hold `needle` as written?
auto contains(std::string_view needle) {
  return [needle](const std::string& text) { return text.find(needle) != std::string::npos; };
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

std::string heading_word(const std::string& text) { return match::reference_heading_word(text); }

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

bool word_author(const Analysis& a) { return a.template_facts.class_name == "acm-word"; }

// The page geometry the paper's own template sets: its acmart format's or
// its Word layout's (the submission layout sets none).
const AcmFormat* layout_geometry(const Analysis& a) {
  if (word_author(a)) {
    const AcmFormat* layout = acm_word_layout_named(a.template_facts.format);
    return layout && layout->inner > 0 ? layout : nullptr;
  }
  return acm_format_named(a.template_facts.format);
}

class Analyzer {
 public:
  Analyzer(const std::string& file, const PdfFacts& facts, const CheckRules& rules)
      : facts_(facts), rules_(rules) {
    out_.file = file;
    out_.pages = static_cast<int>(facts.pages.size());
  }

  // Which of the venue's papers this file is, by the matcher every command shares.
  void take_paper() {
    if (rules_.papers.empty()) return;
    const UploadMatch m = match_upload(
        out_.file, [&] { return facts_.pages.empty() ? std::string() : title_text(facts_.pages.front()); }, rules_.papers);
    out_.paper_id = m.paper;
    if (m.matched()) out_.taken_for = "paper '" + m.paper + "' (by " + m.how() + ")";
    else if (m.ambiguous()) out_.taken_for = "no paper: it fits " + std::to_string(m.candidates.size()) + " papers by " + m.how() + ": " + joined(m.candidates, ", ");
    else out_.taken_for = "no paper of papers.yaml (not by file name, submission number or title)";
  }

  Analysis run() {
    body_size_ = dominant_size(facts_.pages);
    out_.body_font_pt = body_size_;
    sorted_ = sort_lines(facts_.pages, body_size_);
    split_body_and_bibliography();
    out_.columns = count_columns(sorted_.pages, out_.body_pages, body_size_);
    measure_text_block();
    measure_paper();
    read_template();
    read_fonts_and_safety();
    read_review_mode();
    place_template_block();
    place_lines();
    judge();
    take_paper();
    if (out_.template_facts.class_name != "unknown")
      for (auto& problem : judge_acm_rights(out_.file, facts_, rules_)) out_.problems.push_back(std::move(problem));
    out_.verdict = std::any_of(out_.problems.begin(), out_.problems.end(),
                               [](const Problem& p) { return p.severity == Severity::error; })
                       ? Verdict::fail
                       : Verdict::pass;
    return out_;
  }

 private:
  void split_body_and_bibliography() {
    const auto& pages = sorted_.pages;
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
    out_.references_start = ReferencesStart{start_page.number, std::round(start_line.box.y0 * 10) / 10, {}};
    references_box_ = start_line.box;
    const double bib_size = bibliography_size(start);
    // In one column, a display set right of the middle is not the right column.
    std::vector<int> all_pages;
    for (const auto& page : pages) all_pages.push_back(page.number);
    const int heading_columns = count_columns(pages, all_pages, body_size_) == 1 ? 1 : 2;
    int entries = 0;
    bool appendix = false;
    for (std::size_t p = 0; p < pages.size(); ++p) {
      const auto& page = pages[p];
      const int here = static_cast<int>(p);
      bool body = here < start.page_index, bib = false;
      if (here >= start.page_index) {
        for (std::size_t l = 0; l < page.lines.size(); ++l) {
          const auto& line = page.lines[l];
          if (!is_content(line, page)) continue;
          if (here == start.page_index && read_before(line, start_line, page, heading_columns)) {
            body = true;
            continue;
          }
          if (!appendix && starts_appendix(p, l, bib_size)) {
            appendix = true;
            out_.evidence.push_back("body text resumes after the references on page " + std::to_string(page.number) +
                                    " at y=" + to_fixed(line.box.y0) + "pt: '" + trim(line.text).substr(0, 40) +
                                    "' (" + to_fixed(line.size) + "pt): an appendix counts as body");
          }
          if (appendix) {
            body = true;
          } else {
            bib = true;
            if (match::starts_with_entry_number(line.text)) ++entries;
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
                             to_fixed(start_line.box.y0) + "pt: " + how + "; text " + to_fixed(body_size_) + "pt, " +
                             "references " + to_fixed(bib_size) + "pt; " + std::to_string(entries) + " [n] entries");
  }

  // Size of the lines right after the start, which are the first entries.
  double bibliography_size(const Located& start) const {
    std::map<double, int> sizes;
    int seen = 0;
    for (std::size_t p = static_cast<std::size_t>(start.page_index); p < sorted_.pages.size() && seen < 12; ++p) {
      const auto& page = sorted_.pages[p];
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
  // smaller, with more of it after (a paragraph, not a float's label, a
  // display or a head left among the entries); or a new heading where the
  // list is set at body size.
  bool starts_appendix(std::size_t p, std::size_t l, double bib_size) const {
    const PdfLine& line = sorted_.pages[p].lines[l];
    if (!heading_word(line.text).empty()) return false;
    if (bib_size >= body_size_ - 0.5) return line.size >= body_size_ + 1;
    return line.size >= body_size_ - 0.3 && body_lines_after(p, l) >= 2;
  }

  // Of the six lines after line l of page p (this page, then the next), how many are at body size.
  int body_lines_after(std::size_t p, std::size_t l) const {
    int found = 0, seen = 0;
    for (std::size_t q = p; q < sorted_.pages.size() && q <= p + 1; ++q)
      for (std::size_t k = q == p ? l + 1 : 0; k < sorted_.pages[q].lines.size() && seen < 6; ++k, ++seen)
        found += sorted_.pages[q].lines[k].size >= body_size_ - 0.3;
    return found;
  }

  void measure_text_block() {
    out_.block = check::measure_text_block(sorted_.pages);
    if (!out_.block.found) return;
    const Box& block = out_.block.odd;
    const auto& page = sorted_.pages.front();
    out_.text_block = block;
    out_.margin_left = block.x0;
    out_.margin_right = page.width - block.x1;
    out_.margin_top = block.y0;
    out_.margin_bottom = page.height - block.y1;
    if (out_.columns == 2) out_.column_gap = measure_column_gap(sorted_.pages, out_.block);
  }

  void measure_paper() {
    std::set<std::string> names;
    for (const auto& page : facts_.pages) {
      std::string name = paper_name_of(page.width, page.height);
      if (name.empty()) name = to_fixed(page.width, 0) + " x " + to_fixed(page.height, 0) + " pt";
      names.insert(name);
    }
    out_.paper = names.size() == 1 ? *names.begin() : "mixed";
  }

  template <class Test>
  bool any_line(Test&& matches, int max_page) const {
    return check::any_line(facts_, matches, max_page);
  }

  void read_template() { out_.template_facts = TemplateReader(facts_, sorted_, body_size_, out_).read(); }

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
    out_.anonymous = any_line(contains("Anonymous Author(s)"), 1);
    int numbers = 0;
    for (const auto& aside : sorted_.set_aside) {
      if (aside.role == LineRole::line_number) ++numbers;
      if (aside.role != LineRole::overlay) continue;
      const std::string text = trim(aside.line.text);
      if (is_draft_overlay(text)) out_.draft = true;
      if (std::find(out_.overlays.begin(), out_.overlays.end(), text) == out_.overlays.end() && out_.overlays.size() < 8)
        out_.overlays.push_back(text);
    }
    out_.line_numbers = numbers >= 10 * static_cast<int>(facts_.pages.size());
    if (!out_.overlays.empty())
      out_.evidence.push_back("left out of the analysis as overlays: '" + out_.overlays.front() + "'" +
                              (out_.overlays.size() > 1 ? " and " + std::to_string(out_.overlays.size() - 1) + " more" : ""));
  }

  // Where the paper's template puts the text block, whether the block is
  // still there, and the lines beyond it.
  void place_template_block() {
    if (!out_.block.found) return;
    const AcmFormat* format = layout_geometry(out_);
    const double width = facts_.pages.front().width;
    if (format) {
      out_.template_block = template_block_of(*format, width);
      out_.text_block_moved = !block_matches(*format, out_.block, width);
    }
    find_intrusions_beyond(format);
  }

  // The lines a notice points the authors to, by column and line.
  void place_lines() {
    const auto page = [&](int number) -> const PdfPage& { return sorted_.pages.at(static_cast<std::size_t>(number - 1)); };
    if (out_.references_start)
      out_.references_start->place = line_place(page(out_.references_start->page), references_box_, out_.columns);
    for (auto& i : out_.intrusions) i.place = line_place(page(i.page), i.box, out_.columns);
  }

  // Pages that do not fill up (floats, a short last page) make the measured
  // bottom shallow; text above the template's bottom margin is not in it.
  void find_intrusions_beyond(const AcmFormat* format) {
    TextBlock limits = out_.block;
    if (format && format->bottom_margin > 0)
      for (Box* b : {&limits.odd, &limits.even})
        b->y1 = std::max(b->y1, format->paper_height - format->bottom_margin - 0.2 * body_size_);
    // A word processor does not align its pages' last lines (LaTeX's
    // \flushbottom), so the page's frame may end up to a line lower.
    if (word_author(out_) && !format)
      for (Box* b : {&limits.odd, &limits.even}) b->y1 += 1.2 * body_size_;
    out_.intrusions = find_intrusions(sorted_.pages, limits);
  }

  TextBlock template_block_of(const AcmFormat& format, double width) const {
    TextBlock t;
    t.found = true;
    t.odd = {format.left_margin(1), out_.block.odd.y0, width - format.right_margin(1), out_.block.odd.y1};
    t.even = {format.left_margin(2), out_.block.even.y0, width - format.right_margin(2), out_.block.even.y1};
    return t;
  }

  // Each row of rules_table that has a judge, in the table's order.
  void judge() {
    std::size_t content_lines = 0;
    for (const auto& page : sorted_.pages) content_lines += page.lines.size();
    const Evidence evidence{facts_, rules_, out_, content_lines};
    for (const Rule& rule : rules_table)
      if (rule.judge)
        for (auto& message : rule.judge(evidence))
          out_.problems.push_back({std::string(rule.code), rule.severity, {}, 0, std::move(message)});
  }

  const PdfFacts& facts_;
  const CheckRules& rules_;
  Box references_box_;  // the line the references start with
  SortedLines sorted_;
  Analysis out_;
  double body_size_ = 0;
};

// The judges: each returns the messages of its row's code, none when the
// paper keeps the rule.
using Messages = std::vector<std::string>;

Messages repaired(const Evidence& e) {
  Messages out;
  for (const auto& repair : e.facts.repairs)
    out.push_back("The PDF is damaged: " + repair +
                  ". Other readers may show it differently; export or print it to PDF again.");
  return out;
}

Messages page_limit(const Evidence& e) {
  if (!e.facts.over_page_limit) return {};
  return {"The PDF has more than " + std::to_string(max_pdf_pages) + " pages; only the first " +
          std::to_string(e.analysis.pages) + " were checked. Upload the paper alone."};
}

// The pages the limit counts: a venue whose limit includes the bibliography counts every page.
struct PageCount {
  int pages;
  std::string counted;       // which pages, as the message says it
  std::string limit_counts;  // what the limit counts
};

PageCount page_count(const Evidence& e) {
  const bool excluded = e.rules.bibliography_excluded;
  const Analysis& a = e.analysis;
  return {excluded ? static_cast<int>(a.body_pages.size()) : a.pages,
          !excluded              ? " (all pages, the bibliography included)"
          : a.references_start ? " (body pages, excluding the bibliography)"
                                 : "",
          excluded ? " pages excluding the bibliography" : " pages including the bibliography"};
}

Messages pages_over(const Evidence& e) {
  const PageCount c = page_count(e);
  if (!e.rules.max_pages || c.pages <= e.rules.max_pages) return {};
  return {"The paper has " + std::to_string(c.pages) + " pages" + c.counted + "; the limit is " +
          std::to_string(e.rules.max_pages) + c.limit_counts + "."};
}

Messages pages_under(const Evidence& e) {
  const PageCount c = page_count(e);
  if (!e.rules.min_pages || c.pages >= e.rules.min_pages) return {};
  return {"The paper has " + std::to_string(c.pages) + " pages" + c.counted + "; at least " +
          std::to_string(e.rules.min_pages) + c.limit_counts + " are required."};
}

Messages no_references(const Evidence& e) {
  if (e.analysis.references_start) return {};
  return {"No reference list was found; every page was counted as body."};
}

Messages paper_size(const Evidence& e) {
  const auto expected = paper_named(e.rules.paper);
  if (!expected) return {};
  for (const auto& page : e.facts.pages)
    if (paper_name_of(page.width, page.height) != expected->name)
      return {"Page " + std::to_string(page.number) + " is " + to_fixed(page.width, 0) + " x " +
              to_fixed(page.height, 0) + " pt; the venue requires " + e.rules.paper + " paper (" +
              to_fixed(expected->width, 0) + " x " + to_fixed(expected->height, 0) + " pt) on every page."};
  return {};
}

Messages columns(const Evidence& e) {
  const int found = e.analysis.columns;
  if (!e.rules.columns || !found || found == e.rules.columns) return {};
  return {"The text is set in " + std::to_string(found) + " column(s); the venue requires " +
          std::to_string(e.rules.columns) + "."};
}

bool class_accepted(const Evidence& e);

// A font-size option (10pt) keeps the format's page: the size is the problem.
Messages larger_than_format(const Evidence& e) {
  const auto& t = e.analysis.template_facts;
  const AcmFormat* format = t.class_name == "acmart" && class_accepted(e) ? acm_format_named(t.format) : nullptr;
  const double body = e.analysis.body_font_pt;
  // Body text measured on the format's columns, not on a front matter alone.
  if (!format || e.analysis.columns != format->columns || body <= format->body_pt + 0.6) return {};
  return {"The body text is " + to_fixed(body) + " pt; acmart's " + format->name + " format sets it in " +
          to_fixed(format->body_pt) + " pt. Remove the font size option (e.g. 10pt) from \\documentclass."};
}

Messages font_size(const Evidence& e) {
  const double min_font = e.rules.min_font_pt > 0 ? e.rules.min_font_pt : template_body_size(e.rules.template_name);
  const double body = e.analysis.body_font_pt;
  if (!(min_font > 0 && body > 0 && body < min_font - 0.3)) return larger_than_format(e);
  return {"The body text is " + to_fixed(body) + " pt; the venue requires at least " + to_fixed(min_font) + " pt."};
}

std::string layout_name(const Analysis& a) {
  return word_author(a) ? "ACM's Interim Layout" : "the " + a.template_facts.format + " format";
}

std::string margins_fix(const Analysis& a) {
  if (word_author(a))
    return "Restore the Interim Layout's page setup: US letter, 0.75 in left and right margins, two columns 0.33 in "
           "apart (Word: Layout > Margins and Columns; LibreOffice: Format > Page Style).";
  return "Keep the template's page layout (remove \\geometry, \\usepackage{fullpage} or changes to \\textwidth).";
}

std::string overfull_fix(const Analysis& a) {
  if (word_author(a))
    return "Let the line wrap: turn on hyphenation and allow long URLs to break (Word: Layout > Hyphenation; "
           "LibreOffice: Format > Paragraph > Text Flow).";
  return "Break or shorten it (\\url or \\allowbreak for long URLs, a line break in verbatim code).";
}

std::string describe(const Intrusion& i) {
  std::string words = i.text.substr(0, 48);
  if (i.text.size() > words.size()) words += "...";
  return "page " + std::to_string(i.page) + ", y=" + to_fixed(i.box.y0) + " pt: '" + words + "'";
}

// Many lines beyond the block are a layout change, not a few overfull lines.
bool systematic_intrusions(const Evidence& e) {
  return !e.analysis.intrusions.empty() && systematic(e.analysis.intrusions, e.content_lines);
}

// The block against the template's (or, without one, the edges), then the
// lines beyond it when there are many.
Messages margins(const Evidence& e) {
  const Analysis& a = e.analysis;
  if (!a.block.found) return {};
  Messages out;
  const AcmFormat* format = layout_geometry(a);
  const Box& odd = a.block.odd;
  const double width = e.facts.pages.front().width;
  if (a.text_block_moved) {
    out.push_back("The text block runs from x=" + to_fixed(odd.x0) + " to " + to_fixed(odd.x1) + " pt (" +
                  to_fixed(odd.width()) + " pt wide); " + layout_name(a) + " sets it from " + to_fixed(format->inner) +
                  " to " + to_fixed(width - format->outer) + " pt (" + to_fixed(width - format->inner - format->outer) +
                  " pt wide): the page margins were changed. " + margins_fix(a));
  } else if (format && format->column_gap > 0 && a.column_gap > 0 && std::fabs(a.column_gap - format->column_gap) > 4) {
    out.push_back("The columns are " + to_fixed(a.column_gap) + " pt apart; " + layout_name(a) + " sets them " +
                  to_fixed(format->column_gap) + " pt (1/3 in) apart. " + margins_fix(a));
  } else if (!format) {
    const double side = std::min({a.margin_left, a.margin_right, a.block.even.x0, width - a.block.even.x1});
    if (side < e.rules.min_side_margin_pt)
      out.push_back("The text block reaches " + to_fixed(side) + " pt from the edge of the page; the template keeps at least " +
                    to_fixed(e.rules.min_side_margin_pt, 0) + " pt clear. " + margins_fix(a));
  }
  if (systematic_intrusions(e)) {
    const auto& found = a.intrusions;
    std::set<int> pages;
    std::set<std::string> sides;
    double deepest = 0;
    for (const auto& i : found) pages.insert(i.page), sides.insert(i.side), deepest = std::max(deepest, i.depth);
    std::string page_list, side_list;
    for (int p : pages) page_list += (page_list.empty() ? "" : ", ") + std::to_string(p);
    for (const auto& side : sides) side_list += (side_list.empty() ? "" : "/") + side;
    out.push_back("Text runs into the " + side_list + " margin on " + std::to_string(found.size()) + " lines on pages " +
                  page_list + " (up to " + to_fixed(deepest) + " pt beyond the text block), e.g. " +
                  describe(found.front()) + ". " + margins_fix(a));
  }
  return out;
}

Messages overfull_line(const Evidence& e) {
  if (systematic_intrusions(e)) return {};
  Messages out;
  for (const auto& i : e.analysis.intrusions)
    out.push_back("A line runs " + to_fixed(i.depth) + " pt into the " + i.side + " margin: " + describe(i) + ". " +
                  overfull_fix(e.analysis));
  return out;
}

bool needs_sigconf(const Evidence& e) { return e.rules.template_name == "acmart-sigconf"; }

// The template rules apply unless the venue takes any template.
bool template_judged(const Evidence& e) { return e.rules.template_name != "any"; }

// The paper's class is one the venue takes, so its format and front matter are judged.
bool class_accepted(const Evidence& e) {
  const auto& t = e.analysis.template_facts;
  return template_judged(e) && (word_author(e.analysis) ? e.rules.word_interim : t.class_name == "acmart");
}

// A Word author is told what to change in Word, not in LaTeX.
Messages template_class(const Evidence& e) {
  if (!template_judged(e) || class_accepted(e)) return {};
  if (word_author(e.analysis))
    return {"The paper was made with a word processor (" + e.analysis.template_facts.producer +
            "); this venue accepts only papers made with ACM's LaTeX class acmart" +
            std::string(needs_sigconf(e) ? " (sigconf format)" : "") + "."};
  return {"The paper was not made with the ACM acmart class; use the ACM proceedings template (acmart" +
          std::string(needs_sigconf(e) ? ", sigconf format" : "") + ")."};
}

Messages template_format(const Evidence& e) {
  if (!class_accepted(e)) return {};
  const auto& t = e.analysis.template_facts;
  if (word_author(e.analysis)) {
    if (t.format == "interim") return {};
    return {std::string(t.format == "submission" ? "The paper is in the one-column layout of ACM's Word submission template"
                                                 : "The paper is not in ACM's Interim Layout") +
            "; the proceedings need the two-column Interim Layout: start again from ACM's Word template and "
            "choose the Interim Layout."};
  }
  if (!needs_sigconf(e) || t.format == "sigconf") return {};
  return {"The paper uses acmart's " + (t.format.empty() ? std::string("unrecognised") : t.format) +
          " format; use \\documentclass[sigconf]{acmart}."};
}

Messages acm_reference_format(const Evidence& e) {
  if (!class_accepted(e) || e.analysis.template_facts.acm_reference_format) return {};
  if (word_author(e.analysis))
    return {"The 'ACM Reference Format' paragraph of the Word template is missing from the first page."};
  return {"The 'ACM Reference Format' block is missing from the first page."};
}

Messages ccs_concepts(const Evidence& e) {
  if (!class_accepted(e) || e.analysis.template_facts.ccs_concepts) return {};
  return {"No CCS Concepts were found on the first pages."};
}

Messages keywords(const Evidence& e) {
  if (!class_accepted(e) || e.analysis.template_facts.keywords) return {};
  return {"No Keywords were found on the first pages."};
}

Messages fonts_not_embedded(const Evidence& e) {
  const FontFacts& fonts = e.analysis.fonts;
  if (fonts.all_embedded) return {};
  std::string names;
  for (const auto& n : fonts.not_embedded) names += (names.empty() ? "" : ", ") + n;
  return {"Fonts are not embedded: " + names +
          ". Embed all fonts (pdflatex does so by default; check included figures)."};
}

Messages type3_fonts(const Evidence& e) {
  if (!e.analysis.fonts.type3) return {};
  return {std::to_string(e.analysis.fonts.type3) + " Type 3 (bitmap) font(s) found; they print and search badly."};
}

Messages encrypted(const Evidence& e) {
  if (!e.analysis.encrypted) return {};
  return {"The PDF is encrypted; upload an unencrypted PDF."};
}

// One judge per hazard kind PdfFacts names (the table lists them in the
// order of their names, as Analysis::unsafe holds them).
Messages unsafe(const Evidence& e, const std::string& kind) {
  const auto& found = e.analysis.unsafe;
  if (std::find(found.begin(), found.end(), kind) == found.end()) return {};
  return {"The PDF contains " + kind + " content, which proceedings may not carry; remove it."};
}

// The review mode is the submission's; a camera-ready paper shows its authors
// (unless the venue's camera_ready: says authors_shown: false).
Messages anonymous(const Evidence& e) {
  if (!e.analysis.anonymous) return {};
  const bool camera_ready = e.rules.stage == Stage::camera_ready;
  if (camera_ready && !e.rules.authors_shown) return {};
  if (e.rules.review == Review::single_blind)
    return {"The paper is anonymised ('Anonymous Author(s)'); the venue is single-blind and must show the authors."};
  if (!camera_ready) return {};
  return {"The paper is anonymised ('Anonymous Author(s)'); the camera-ready version must show the authors."};
}

Messages authors_shown(const Evidence& e) {
  if (e.rules.stage != Stage::submission || e.rules.review != Review::double_blind || e.analysis.anonymous) return {};
  return {"The paper shows its authors; the venue is double-blind."};
}

// Line numbers and draft overlays are what a submission may carry.
Messages review_mode(const Evidence& e) {
  if (e.rules.stage == Stage::submission || !e.analysis.line_numbers) return {};
  return {"The paper has line numbers in the margin (acmart 'review' option); remove the option for the final version."};
}

std::string first_draft_overlay(const Analysis& a) {
  for (const auto& o : a.overlays)
    if (is_draft_overlay(o)) return o;
  return "draft";
}

Messages draft_mode(const Evidence& e) {
  if (e.rules.stage == Stage::submission || !e.analysis.draft) return {};
  return {"The paper is a draft build: it carries the overlay '" + first_draft_overlay(e.analysis) +
          "' (acmart's authordraft option); remove the option for the final version."};
}

Messages watermark(const Evidence& e) {
  if (e.analysis.draft || e.analysis.overlays.empty()) return {};
  return {"Text is printed over or beside the pages ('" + e.analysis.overlays.front() +
          "'): remove watermarks and stamps from the final version."};
}

}  // namespace

// The order of the rows is the order of the problems in every report.
const std::array<Rule, 37> rules_table{{
    // How the file was read
    {"REPAIRED", Severity::warning, repaired},
    {"PAGE_LIMIT", Severity::error, page_limit},
    // Pages
    {"PAGES_OVER", Severity::error, pages_over},
    {"PAGES_UNDER", Severity::error, pages_under},
    {"NO_REFERENCES", Severity::warning, no_references},
    // Layout
    {"PAPER_SIZE", Severity::error, paper_size},
    {"COLUMNS", Severity::error, columns},
    {"FONT_SIZE", Severity::error, font_size},
    {"MARGINS", Severity::error, margins},
    {"OVERFULL_LINE", Severity::warning, overfull_line},
    // Template
    {"TEMPLATE_CLASS", Severity::error, template_class},
    {"TEMPLATE_FORMAT", Severity::error, template_format},
    {"ACM_REFERENCE_FORMAT", Severity::warning, acm_reference_format},
    {"CCS_CONCEPTS", Severity::warning, ccs_concepts},
    {"KEYWORDS", Severity::warning, keywords},
    // Fonts and safety
    {"FONTS_NOT_EMBEDDED", Severity::error, fonts_not_embedded},
    {"TYPE3_FONTS", Severity::warning, type3_fonts},
    {"ENCRYPTED", Severity::error, encrypted},
    {"UNSAFE_EMBEDDED_FILE", Severity::error, [](const Evidence& e) { return unsafe(e, "embedded-file"); }},
    {"UNSAFE_IMPORT_DATA", Severity::error, [](const Evidence& e) { return unsafe(e, "import-data"); }},
    {"UNSAFE_JAVASCRIPT", Severity::error, [](const Evidence& e) { return unsafe(e, "javascript"); }},
    {"UNSAFE_LAUNCH", Severity::error, [](const Evidence& e) { return unsafe(e, "launch"); }},
    {"UNSAFE_REMOTE_GOTO", Severity::error, [](const Evidence& e) { return unsafe(e, "remote-goto"); }},
    {"UNSAFE_RICH_MEDIA", Severity::error, [](const Evidence& e) { return unsafe(e, "rich-media"); }},
    {"UNSAFE_SUBMIT_FORM", Severity::error, [](const Evidence& e) { return unsafe(e, "submit-form"); }},
    // Review mode
    {"ANONYMOUS", Severity::error, anonymous},
    {"AUTHORS_SHOWN", Severity::error, authors_shown},
    {"REVIEW_MODE", Severity::error, review_mode},
    {"DRAFT_MODE", Severity::error, draft_mode},
    {"WATERMARK", Severity::warning, watermark},
    // The ACM rights block: acm_rights.cpp judges these together, after the rows above.
    {"ACM_PLACEHOLDER", Severity::error, nullptr},
    {"ACM_CONFERENCE", Severity::error, nullptr},
    {"ACM_ISBN", Severity::error, nullptr},
    {"ACM_DOI", Severity::error, nullptr},
    {"ACM_RIGHTS", Severity::error, nullptr},
    {"ACM_YEAR", Severity::error, nullptr},
    // A file that could not be analysed (JSON only): batch.cpp's verdict, no judge.
    {"UNREADABLE", Severity::error, nullptr},
}};


Analysis analyze(const std::string& file, const PdfFacts& facts, const CheckRules& rules) {
  return Analyzer(file, facts, rules).run();
}

Analysis unreadable(const std::string& file, const std::string& reason) {
  Analysis out;
  out.file = file;
  out.verdict = Verdict::error;
  out.error = reason;
  return out;
}

}  // namespace proceedings::check

// proceedings check on papers that bend the template as real authors do
// (issue 28 items 10-13), typeset from tests/fixtures/real-like with the
// real acmart class, and the line sorter's rules on lines made by hand.
#include <doctest/doctest.h>

#include <set>

#include "helpers.hpp"
#include "proceedings/check/acm_formats.hpp"
#include "proceedings/check/analyze.hpp"
#include "proceedings/check/page_lines.hpp"
#include "proceedings/check/rules.hpp"
#include "proceedings/error.hpp"
#include "proceedings/model.hpp"

using namespace proceedings;
using namespace proceedings::check;

namespace {

// ExHetAI'25's rules: acmart sigconf, letter, two columns, 5-6 body pages.
const CheckRules& sigconf_venue() {
  static const CheckRules rules = rules_from(*load_workshop(test::source_dir() / "metadata/exhetai-2025").submission);
  return rules;
}

// Any acmart format, no page limits.
CheckRules acmart_venue() {
  CheckRules rules;
  rules.template_name = "acmart";
  return rules;
}

Analysis check_real_like(const std::string& name, const CheckRules& rules = sigconf_venue()) {
  PdfReader reader;
  const auto path = test::fixture("real-like/" + name + ".pdf");
  return analyze(path.string(), reader.read(path), rules);
}

std::set<std::string> codes(const Analysis& a) {
  std::set<std::string> out;
  for (const auto& p : a.problems) out.insert(p.code);
  return out;
}

PdfLine line_at(double x0, double y0, double x1, double y1, const std::string& text, double size = 9) {
  PdfLine line;
  line.box = {x0, y0, x1, y1};
  line.size = size;
  line.text = text;
  return line;
}

// A sigconf-like page: two columns of body text, 54-294 and 318-558.
PdfPage body_page(int number) {
  PdfPage page;
  page.number = number;
  page.width = 612;
  page.height = 792;
  for (int i = 0; i < 50; ++i) {
    page.lines.push_back(line_at(54, 90 + 11 * i, 294, 99 + 11 * i, "body text of the paper " + std::to_string(i)));
    page.lines.push_back(line_at(318, 90 + 11 * i, 558, 99 + 11 * i, "more body text " + std::to_string(i)));
  }
  return page;
}

PdfLine turned(double x0, double y0, double x1, double y1, const std::string& text, double size) {
  PdfLine line = line_at(x0, y0, x1, y1, text, size);
  line.horizontal = false;
  return line;
}

std::map<std::string, LineRole> roles(const SortedLines& sorted) {
  std::map<std::string, LineRole> out;
  for (const auto& aside : sorted.set_aside) out[aside.line.text] = aside.role;
  return out;
}

}  // namespace

TEST_CASE("turned text inside the text is a figure's label; large, marginal or repeated turned text is a watermark") {
  std::vector<PdfPage> pages;
  for (int n = 1; n <= 4; ++n) pages.push_back(body_page(n));
  pages[0].lines.push_back(turned(70, 200, 78, 260, "Throughput (Gbps)", 7));  // a plot's y axis, left column
  pages[1].lines.push_back(turned(330, 400, 338, 440, "Speedup", 8));         // another plot, right column
  pages[2].lines.push_back(turned(20, 250, 40, 560, "arXiv:2501.00001v1 [cs.DC] 1 Jan 2025", 20));  // arXiv's stamp
  pages[3].lines.push_back(turned(150, 200, 450, 600, "CONFIDENTIAL", 60));   // a watermark across the page
  for (auto& page : pages) page.lines.push_back(turned(300, 300, 309, 340, "Preprint", 9));  // on every page
  // A margin figure (sigchi-a's wide margin): its turned label has its caption beside it.
  pages[1].lines.push_back(turned(12, 600, 20, 660, "Latency (ms)", 7));
  pages[1].lines.push_back(line_at(10, 690, 50, 697, "Figure 2: Latency.", 7));
  const auto found = roles(sort_lines(pages, 9));
  CHECK(found.at("Throughput (Gbps)") == LineRole::figure_text);
  CHECK(found.at("Speedup") == LineRole::figure_text);
  CHECK(found.at("arXiv:2501.00001v1 [cs.DC] 1 Jan 2025") == LineRole::overlay);
  CHECK(found.at("CONFIDENTIAL") == LineRole::overlay);
  CHECK(found.at("Preprint") == LineRole::overlay);
  CHECK(found.at("Latency (ms)") == LineRole::figure_text);
}

TEST_CASE("rotated axis labels in figures and tables raise no WATERMARK; a real watermark still does") {
  const Analysis labels = check_real_like("figure-labels");
  CHECK(codes(labels).count("WATERMARK") == 0);
  CHECK(labels.overlays.empty());
  CHECK(labels.verdict == Verdict::pass);
  const Analysis watermark = check_real_like("watermark");
  CHECK(codes(watermark) == std::set<std::string>{"WATERMARK"});
  REQUIRE_FALSE(watermark.overlays.empty());
  CHECK(watermark.overlays.front() == "CONFIDENTIAL");
}

TEST_CASE("running heads an author set at body size are no appendix after the bibliography (manuscript)") {
  const Analysis a = check_real_like("manuscript-longbib", acmart_venue());
  CHECK(a.template_facts.format == "manuscript");
  CHECK(a.pages == 15);
  CHECK(a.body_pages == std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
  CHECK(a.bibliography_pages == std::vector<int>{12, 13, 14, 15});
  // A head at body size is a line apart from the text, on several pages with
  // its folio; lines of the text that repeat at the same height (the
  // pages' first lines here) are not heads.
  std::vector<PdfPage> pages;
  for (int n = 1; n <= 4; ++n) pages.push_back(body_page(n));
  for (auto& page : pages)
    page.lines.push_back(line_at(54, 60, 250, 69, std::to_string(page.number) + " • Z. Ångström, B. Keller and C. Rossi"));
  const SortedLines sorted = sort_lines(pages, 9);
  REQUIRE(sorted.set_aside.size() == 4);
  for (const auto& aside : sorted.set_aside) CHECK(aside.role == LineRole::running_head);
  // A References heading at the very top of a page (an 11 pt paper's) heads the list, not the page.
  std::vector<PdfPage> plain{body_page(1), body_page(2)};
  plain[1].lines.push_back(line_at(318, 64, 390, 76, "REFERENCES", 12));
  CHECK(sort_lines(plain, 9).set_aside.empty());
}

TEST_CASE("[10pt,sigconf] is sigconf with a font size problem, not sigplan") {
  const Analysis a = check_real_like("sigconf-10pt");
  CHECK(a.template_facts.format == "sigconf");
  CHECK(codes(a) == std::set<std::string>{"FONT_SIZE"});
  REQUIRE_FALSE(a.problems.empty());
  CHECK(a.problems.front().message.find("acmart's sigconf format sets it in 9.0 pt") != std::string::npos);
  // sigplan and acmengage keep their names.
  PdfReader reader;
  for (const char* format : {"sigplan", "acmengage"}) {
    const auto path = test::fixture(std::string("format-") + format + ".pdf");
    CHECK(analyze(path.string(), reader.read(path), acmart_venue()).template_facts.format == format);
  }
}

TEST_CASE("a sigchi-a paper whose PDF Creator does not name acmart is still acmart") {
  const Analysis a = check_real_like("sigchi-a-creator", acmart_venue());
  CHECK(a.template_facts.class_name == "acmart");
  CHECK(a.template_facts.format == "sigchi-a");
  CHECK(codes(a).count("TEMPLATE_CLASS") == 0);
  bool said = false;
  for (const auto& e : a.evidence) said |= e.find("does not name acmart") != std::string::npos;
  CHECK(said);
  // Its sidebar in the note margin: the text block reaches into the margin.
  CHECK(a.text_block.x0 < 100);
  // In Latin Modern, with acmart's stamp of the retired format.
  const Analysis stamped = check_real_like("sigchi-a-stamp", acmart_venue());
  CHECK(stamped.template_facts.class_name == "acmart");
  CHECK(stamped.template_facts.format == "sigchi-a");
  CHECK_FALSE(stamped.template_facts.libertine);
  CHECK(codes(stamped).count("TEMPLATE_CLASS") == 0);
}

TEST_CASE("an older acmart's sigplan prints its heads in capitals: its serif title still tells it from sigconf") {
  PageEvidence seen;
  seen.paper_width = 612, seen.paper_height = 792, seen.columns = 2, seen.body_pt = 10;
  seen.block.found = seen.block.odd_measured = seen.block.even_measured = true;
  seen.block.odd = seen.block.even = {54, 60, 558, 720};
  seen.capital_heads = true;  // acmart 1.53's sigplan: "REFERENCES"
  seen.sans_title = false;
  CHECK(match_acm_format(seen).format == "sigplan");
  seen.sans_title = true;  // a sigconf paper at 10 pt
  CHECK(match_acm_format(seen).format == "sigconf");
  seen.capital_heads = false;  // acmart 1.88's sigplan: "References"
  seen.sans_title = false;
  CHECK(match_acm_format(seen).format == "sigplan");
  // A note margin: sigchi-a's page fits with its text reaching into the margin, a letter page does not.
  PageEvidence chi;
  chi.paper_width = 792, chi.paper_height = 612, chi.columns = 1, chi.body_pt = 10;
  chi.block.found = chi.block.odd_measured = true;
  chi.block.odd = chi.block.even = {72, 108, 720, 540};
  CHECK(fits_an_acm_page(chi));
  chi.block.odd.x1 = chi.block.even.x1 = 600;
  CHECK_FALSE(fits_an_acm_page(chi));
}

TEST_CASE("a stray line at body size among the references is no appendix; a paragraph is") {
  // Three pages of body text in two columns; the references start on page 3
  // and fill page 4, where a float's label is set at body size.
  std::vector<PdfPage> pages;
  for (int n = 1; n <= 4; ++n) pages.push_back(body_page(n));
  // Rows from `first_row` on, of the right column only or of both.
  const auto entries_from = [](PdfPage& page, std::size_t first_row, bool right_only) {
    for (std::size_t i = 0; i < page.lines.size(); ++i)
      if (i / 2 >= first_row && (!right_only || i % 2 == 1)) {
        page.lines[i].size = 7;
        page.lines[i].text = "[" + std::to_string(i) + "] A. Author. Title.";
      }
  };
  entries_from(pages[2], 21, true);
  pages[2].lines[41] = line_at(318, 310, 390, 319, "REFERENCES", 9);
  entries_from(pages[3], 0, false);
  pages[3].lines[30] = line_at(330, 255, 420, 264, "images/plot.pdf", 9);
  PdfFacts facts;
  facts.pages = pages;
  const Analysis stray = analyze("stray.pdf", facts, CheckRules{});
  CHECK(stray.body_pages == std::vector<int>{1, 2, 3});
  CHECK(stray.bibliography_pages == std::vector<int>{3, 4});
  // A real appendix: a heading and its paragraph after the list.
  for (std::size_t i = 60; i < 70; ++i) facts.pages[3].lines[i].size = 9;
  facts.pages[3].lines[60].text = "A MORE RESULTS";
  const Analysis appendix = analyze("appendix.pdf", facts, CheckRules{});
  CHECK(appendix.body_pages == std::vector<int>{1, 2, 3, 4});
}

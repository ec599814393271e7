// Every fixture, typeset from tests/fixtures/*.tex with the real acmart class,
// checked against ExHetAI'25's rules: exact verdict, pages and problem codes.
#include <doctest/doctest.h>
#include <unistd.h>

#include <map>
#include <regex>
#include <set>

#include "proceedings/check/acm_formats.hpp"
#include "proceedings/check/analyze.hpp"
#include "check/annotate.hpp"
#include "proceedings/check/layout.hpp"
#include "proceedings/check/page_lines.hpp"
#include "proceedings/check/report.hpp"
#include "proceedings/check/text_match.hpp"
#include "helpers.hpp"
#include "proceedings/model.hpp"

using namespace proceedings;
using namespace proceedings::check;

namespace {

CheckRules exhetai_rules() {
  static const CheckRules rules = rules_from(*load_workshop(test::source_dir() / "metadata/exhetai-2025").submission);
  return rules;
}

Analysis check_fixture(const std::string& name, const CheckRules& rules = exhetai_rules()) {
  PdfReader reader;
  const auto path = test::fixture(name);
  try {
    return analyze(path.string(), reader.read(path), rules);
  } catch (const Error& e) {
    return unreadable(path.string(), e.what());
  }
}

std::set<std::string> error_codes(const Analysis& a) {
  std::set<std::string> codes;
  for (const auto& p : a.problems)
    if (p.severity == Severity::error) codes.insert(p.code);
  return codes;
}

std::set<std::string> warning_codes(const Analysis& a) {
  std::set<std::string> codes;
  for (const auto& p : a.problems)
    if (p.severity == Severity::warning) codes.insert(p.code);
  return codes;
}

struct Expected {
  const char* file;
  const char* verdict;
  int pages;
  int body;
  int bibliography;
  std::set<std::string> errors;
};

}  // namespace

TEST_CASE("each fixture gets its exact verdict, page split and problems") {
  const std::vector<Expected> table{
      {"body4.pdf", "fail", 4, 4, 1, {"PAGES_UNDER"}},
      {"body5.pdf", "pass", 5, 5, 1, {}},
      {"body6.pdf", "pass", 6, 6, 1, {}},
      {"body7.pdf", "fail", 7, 7, 1, {"PAGES_OVER"}},
      {"full6-refs8.pdf", "pass", 8, 6, 2, {}},
      {"appendix.pdf", "fail", 7, 7, 1, {"PAGES_OVER"}},
      {"one-column.pdf", "fail", 6, 5, 2, {"COLUMNS", "TEMPLATE_FORMAT"}},
      {"not-acm.pdf", "fail", 6, 5, 2, {"TEMPLATE_CLASS"}},
      {"a4.pdf", "fail", 5, 5, 1, {"PAPER_SIZE"}},
      {"fonts-not-embedded.pdf", "fail", 5, 5, 1, {"FONTS_NOT_EMBEDDED"}},
      {"review.pdf", "fail", 5, 5, 1, {"ANONYMOUS", "REVIEW_MODE"}},
      {"unsafe.pdf", "fail", 5, 5, 1, {"UNSAFE_JAVASCRIPT", "UNSAFE_LAUNCH"}},
      {"encrypted.pdf", "fail", 5, 5, 1, {"ENCRYPTED"}},
      {"overfull-lines.pdf", "pass", 5, 5, 1, {}},
      {"font-size.pdf", "fail", 5, 5, 1, {"FONT_SIZE"}},
      {"no-front-matter.pdf", "pass", 5, 5, 1, {}},
      {"no-references.pdf", "pass", 5, 5, 0, {}},
      {"geometry.pdf", "fail", 5, 5, 1, {"MARGINS"}},
      {"authordraft.pdf", "fail", 5, 5, 1, {"DRAFT_MODE", "REVIEW_MODE"}},
      {"format-sigplan.pdf", "fail", 5, 5, 1, {"TEMPLATE_FORMAT"}},
      {"format-acmtog.pdf", "fail", 5, 5, 1, {"TEMPLATE_FORMAT"}},
      {"format-acmlarge.pdf", "fail", 6, 5, 2, {"COLUMNS", "TEMPLATE_FORMAT"}},
      {"format-acmsmall.pdf", "fail", 6, 5, 2, {"PAPER_SIZE", "COLUMNS", "TEMPLATE_FORMAT"}},
      {"format-sigchi-a.pdf", "fail", 7, 6, 2, {"PAPER_SIZE", "COLUMNS", "TEMPLATE_FORMAT"}},
      {"format-acmengage.pdf", "fail", 5, 5, 1, {"TEMPLATE_FORMAT"}},
      {"manuscript-review.pdf", "fail", 6, 5, 2, {"COLUMNS", "TEMPLATE_FORMAT", "REVIEW_MODE"}},
      {"type3-fonts.pdf", "pass", 5, 5, 1, {}},
      {"unsafe-more.pdf", "fail", 5, 5, 1,
       {"UNSAFE_SUBMIT_FORM", "UNSAFE_IMPORT_DATA", "UNSAFE_REMOTE_GOTO", "UNSAFE_EMBEDDED_FILE", "UNSAFE_RICH_MEDIA"}},
  };
  for (const auto& e : table) {
    CAPTURE(e.file);
    const Analysis a = check_fixture(e.file);
    CHECK(std::string(verdict_name(a.verdict)) == e.verdict);
    CHECK(a.pages == e.pages);
    CHECK(static_cast<int>(a.body_pages.size()) == e.body);
    CHECK(static_cast<int>(a.bibliography_pages.size()) == e.bibliography);
    CHECK(error_codes(a) == e.errors);
  }
}

TEST_CASE("references starting mid-page: that page is body and bibliography") {
  const Analysis a = check_fixture("body6.pdf");
  REQUIRE(a.references_start);
  CHECK(a.references_start->page == 6);
  CHECK(a.references_start->y > 100);
  CHECK(a.references_start->y < 792 - 60);
  CHECK(a.body_pages == std::vector<int>{1, 2, 3, 4, 5, 6});
  CHECK(a.bibliography_pages == std::vector<int>{6});
  REQUIRE_FALSE(a.evidence.empty());
  CHECK(a.evidence[0].find("heading 'REFERENCES'") != std::string::npos);
  CHECK(a.evidence[0].find("text 9.0pt, references 7.0pt; 20 [n] entries") != std::string::npos);
}

TEST_CASE("a body that fills page 6 with references on pages 7 and 8 passes") {
  const Analysis a = check_fixture("full6-refs8.pdf");
  REQUIRE(a.references_start);
  CHECK(a.references_start->page == 7);
  CHECK(a.references_start->y < 100);  // top of the page
  CHECK(a.bibliography_pages == std::vector<int>{7, 8});
  CHECK(a.evidence[0].find("80 [n] entries") != std::string::npos);
}

TEST_CASE("an appendix after the references counts as body") {
  const Analysis a = check_fixture("appendix.pdf");
  CHECK(a.body_pages == std::vector<int>{1, 2, 3, 4, 5, 6, 7});
  REQUIRE(a.evidence.size() >= 2);
  CHECK(a.evidence[1].find("body text resumes after the references") != std::string::npos);
  CHECK(a.problems[0].message ==
        "The paper has 7 pages (body pages, excluding the bibliography); the limit is 6 pages excluding the "
        "bibliography.");
}

TEST_CASE("the ACM template is recognised with its version and parts") {
  const Analysis a = check_fixture("body5.pdf");
  CHECK(a.template_facts.class_name == "acmart");
  CHECK(a.template_facts.format == "sigconf");
  CHECK(a.template_facts.version == "1.88");
  CHECK(a.template_facts.libertine);
  CHECK(a.template_facts.acm_reference_format);
  CHECK(a.template_facts.ccs_concepts);
  CHECK(a.template_facts.keywords);
  CHECK(a.columns == 2);
  CHECK(a.body_font_pt == doctest::Approx(9.0));
  CHECK(a.paper == "letter");
  CHECK(a.margin_left == doctest::Approx(54).epsilon(0.03));
  CHECK(a.margin_right == doctest::Approx(54).epsilon(0.05));
  CHECK(a.fonts.all_embedded);
  CHECK(a.unsafe.empty());
  CHECK_FALSE(a.anonymous);
  CHECK_FALSE(a.line_numbers);
  CHECK(a.problems.empty());
}

TEST_CASE("non-ACM and one-column papers") {
  const Analysis article = check_fixture("not-acm.pdf");
  CHECK(article.template_facts.class_name == "unknown");
  CHECK(article.body_font_pt == doctest::Approx(10.0));
  CHECK(article.columns == 2);
  const Analysis manuscript = check_fixture("one-column.pdf");
  CHECK(manuscript.columns == 1);
  CHECK(manuscript.template_facts.format == "manuscript");
}

TEST_CASE("fonts, encryption and unsafe content are named") {
  const Analysis fonts = check_fixture("fonts-not-embedded.pdf");
  CHECK_FALSE(fonts.fonts.all_embedded);
  CHECK(fonts.fonts.not_embedded == std::vector<std::string>{"Times-Roman"});
  const Analysis unsafe = check_fixture("unsafe.pdf");
  CHECK(unsafe.unsafe == std::vector<std::string>{"javascript", "launch"});
  CHECK(check_fixture("encrypted.pdf").encrypted);
}

TEST_CASE("the same paper under other rules") {
  CheckRules rules = exhetai_rules();
  rules.review = Review::double_blind;
  // The review mode is the submission's (issue 27 item 1): there a
  // double-blind paper hides its authors and may carry line numbers ...
  rules.stage = Stage::submission;
  CHECK(error_codes(check_fixture("body5.pdf", rules)) == std::set<std::string>{"AUTHORS_SHOWN"});
  CHECK(error_codes(check_fixture("review.pdf", rules)).empty());
  // ... and its camera-ready version shows them, without line numbers.
  rules.stage = Stage::camera_ready;
  CHECK(error_codes(check_fixture("body5.pdf", rules)).empty());
  CHECK(error_codes(check_fixture("review.pdf", rules)) == std::set<std::string>{"ANONYMOUS", "REVIEW_MODE"});
  rules = exhetai_rules();
  rules.paper = "a4";
  CHECK(error_codes(check_fixture("a4.pdf", rules)).empty());
  rules = CheckRules{};  // no venue: only universal rules
  CHECK(check_fixture("not-acm.pdf", rules).verdict == check::Verdict::pass);
  CHECK(warning_codes(check_fixture("not-acm.pdf", exhetai_rules())).empty());
}

TEST_CASE("unreadable files give an error verdict with one clear reason") {
  CHECK(check_fixture("empty.pdf").error == "empty file (0 bytes)");
  CHECK(check_fixture("not-pdf.pdf").error == "not a PDF: no %PDF- header in the first 1024 bytes");
  CHECK(check_fixture("truncated.pdf").error == "truncated PDF: no %%EOF marker at the end (incomplete upload?)");
  CHECK(check_fixture("locked.pdf").error == "encrypted PDF that needs a password to open");
  for (const char* name : {"empty.pdf", "not-pdf.pdf", "truncated.pdf", "locked.pdf"})
    CHECK(check_fixture(name).verdict == check::Verdict::error);
}

TEST_CASE("the JSON report keeps the documented names") {
  const auto j = to_json(check_fixture("body6.pdf"));
  for (const char* key : {"file", "verdict", "pages", "body_pages", "bibliography_pages", "references_start", "paper",
                          "columns", "template", "fonts", "problems"})
    CHECK_MESSAGE(j.contains(key), key);
  CHECK(j["references_start"]["page"] == 6);
  CHECK(j["template"]["class"] == "acmart");
  CHECK(j["template"]["format"] == "sigconf");
  CHECK(j["template"]["version"] == "1.88");
  CHECK(j["fonts"]["all_embedded"] == true);
  CHECK(j["fonts"]["type3"] == 0);
  const auto broken = to_json(check_fixture("empty.pdf"));
  CHECK(broken["verdict"] == "error");
  CHECK(broken["problems"][0]["code"] == "UNREADABLE");
}

TEST_CASE("isolated overfull lines are warnings that name page, height and words") {
  const Analysis a = check_fixture("overfull-lines.pdf");
  CHECK(a.verdict == check::Verdict::pass);
  std::vector<Problem> overfull;
  for (const auto& p : a.problems)
    if (p.code == "OVERFULL_LINE") overfull.push_back(p);
  REQUIRE(overfull.size() == 2);
  CHECK(overfull[0].severity == Severity::warning);
  CHECK(overfull[0].message.find("right margin: page 1, y=") != std::string::npos);
  CHECK(overfull[0].message.find("'$ mpirun -np 64") != std::string::npos);
  CHECK(overfull[1].message.find("page 5") != std::string::npos);
  CHECK(overfull[1].message.find("StandInMeasurements") != std::string::npos);
  REQUIRE(a.intrusions.size() == 2);
  // The fixture's verbatim line is 9.5 pt too wide, the URL 12.5 pt.
  CHECK(a.intrusions[0].depth == doctest::Approx(9.5).epsilon(0.15));
  CHECK(a.intrusions[1].depth == doctest::Approx(12.5).epsilon(0.15));
  // The measured block is the template's, not the overfull lines' union.
  CHECK(a.block.odd.x1 == doctest::Approx(558).epsilon(0.003));
}

TEST_CASE("a changed text block fails MARGINS with both geometries named") {
  const Analysis a = check_fixture("geometry.pdf");
  REQUIRE(error_codes(a) == std::set<std::string>{"MARGINS"});
  const auto& m = a.problems.front().message;
  CHECK(m.find("the sigconf format sets it from 54.0 to 558.0 pt") != std::string::npos);
  CHECK(a.block.odd.x0 == doctest::Approx(36).epsilon(0.02));
}

TEST_CASE("every acmart format is told apart, with its evidence") {
  const std::vector<std::pair<const char*, const char*>> table{
      {"body5.pdf", "sigconf"},          {"format-sigplan.pdf", "sigplan"},   {"format-acmtog.pdf", "acmtog"},
      {"format-acmsmall.pdf", "acmsmall"}, {"format-acmlarge.pdf", "acmlarge"}, {"one-column.pdf", "manuscript"},
      {"format-sigchi-a.pdf", "sigchi-a"}, {"format-acmengage.pdf", "acmengage"}};
  for (const auto& [file, format] : table) {
    CAPTURE(file);
    const Analysis a = check_fixture(file);
    CHECK(a.template_facts.format == format);
    bool told = false;
    for (const auto& e : a.evidence) told |= e.rfind(std::string("template ") + format + ": paper", 0) == 0;
    CHECK(told);
  }
  const Analysis tog = check_fixture("format-acmtog.pdf");
  bool foot = false;
  for (const auto& e : tog.evidence) foot |= e.find("running foot 'ACM Trans. Graph., Vol. 44") != std::string::npos;
  CHECK(foot);
  // acmengage sets sigplan's size on sigconf's page; its running head and
  // the abstract's name are the evidence.
  const Analysis engage = check_fixture("format-acmengage.pdf");
  bool head = false;
  for (const auto& e : engage.evidence)
    head |= e.find("running head 'EngageCSEdu.'") != std::string::npos &&
            e.find("abstract headed 'Synopsis'") != std::string::npos;
  CHECK(head);
  CHECK(engage.problems.front().message == "The paper uses acmart's acmengage format; use \\documentclass[sigconf]{acmart}.");
}

TEST_CASE("the authordraft overlay is left out and the draft mode fails on its own") {
  const Analysis draft = check_fixture("authordraft.pdf");
  const Analysis clean = check_fixture("body5.pdf");
  CHECK(draft.draft);
  CHECK(draft.body_pages == clean.body_pages);
  CHECK(draft.bibliography_pages == clean.bibliography_pages);
  REQUIRE(draft.references_start);
  CHECK(draft.references_start->y == doctest::Approx(clean.references_start->y));
  CHECK(draft.block.odd.x0 == doctest::Approx(clean.block.odd.x0));
  CHECK(draft.intrusions.empty());
  REQUIRE_FALSE(draft.overlays.empty());
  CHECK(draft.overlays.front().find("Unpublished working draft") != std::string::npos);
  CHECK(clean.overlays.empty());
}

namespace {

PdfLine text_line(double x0, double baseline, double x1, const std::string& text = "body text of the paper") {
  PdfLine line;
  line.box = {x0, baseline - 7.2, x1, baseline + 1.8};
  line.size = 9;
  line.text = text;
  return line;
}

// Two-column pages like sigconf's: 54-294 and 318-558, 60 lines a page.
std::vector<PdfPage> two_column_pages(int count) {
  std::vector<PdfPage> pages;
  for (int n = 1; n <= count; ++n) {
    PdfPage page;
    page.number = n;
    page.width = 612;
    page.height = 792;
    for (int i = 0; i < 60; ++i) {
      page.lines.push_back(text_line(54, 90 + 10.9 * i, 294));
      page.lines.push_back(text_line(318, 90 + 10.9 * i, 558));
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace

TEST_CASE("the text block is where most lines end; one overfull line is an isolated intrusion") {
  auto pages = two_column_pages(4);
  pages[2].lines[7] = text_line(318, 90 + 10.9 * 3, 569, "an overfull line");
  const TextBlock block = measure_text_block(pages);
  REQUIRE(block.found);
  CHECK(block.odd.x0 == doctest::Approx(54));
  CHECK(block.odd.x1 == doctest::Approx(558));
  CHECK(block.even.x1 == doctest::Approx(558));
  const auto found = find_intrusions(pages, block);
  REQUIRE(found.size() == 1);
  CHECK(found[0].page == 3);
  CHECK(found[0].side == "right");
  CHECK(found[0].depth == doctest::Approx(11));
  CHECK_FALSE(systematic(found));
}

TEST_CASE("lines in the margin on several pages are systematic") {
  auto pages = two_column_pages(4);
  pages[0].lines[1] = text_line(318, 90, 566);
  pages[1].lines[3] = text_line(318, 101, 566);
  pages[3].lines[5] = text_line(318, 112, 566);
  const auto found = find_intrusions(pages, measure_text_block(pages));
  CHECK(found.size() == 3);
  CHECK(systematic(found));
  // Three on one page is not "several pages".
  auto one_page = two_column_pages(4);
  for (int i : {1, 3, 5}) one_page[1].lines[static_cast<std::size_t>(i)] = text_line(318, 90 + 10.9 * i, 566);
  CHECK_FALSE(systematic(find_intrusions(one_page, measure_text_block(one_page))));
}

TEST_CASE("overfull lines of different lengths on several pages stay isolated (acmart's sigplan sample)") {
  auto pages = two_column_pages(6);
  pages[0].lines[2] = text_line(318, 90 + 10.9 * 2, 568);  // the ACM Reference Format's names, 10 pt
  pages[2].lines[4] = text_line(318, 90 + 10.9 * 4, 603);  // a verbatim line, 45 pt
  pages[2].lines[9] = text_line(318, 90 + 10.9 * 9, 571);
  pages[4].lines[3] = text_line(318, 90 + 10.9 * 3, 579);
  pages[4].lines[6] = text_line(318, 90 + 10.9 * 6, 563);
  std::size_t line_count = 0;
  for (const auto& p : pages) line_count += p.lines.size();
  const auto found = find_intrusions(pages, measure_text_block(pages));
  REQUIRE(found.size() == 5);
  CHECK_FALSE(systematic(found, line_count));
  // The same five lines at one common edge are a changed text block.
  for (auto* l : {&pages[0].lines[2], &pages[2].lines[4], &pages[2].lines[9], &pages[4].lines[3], &pages[4].lines[6]})
    l->box.x1 = 571;
  CHECK(systematic(find_intrusions(pages, measure_text_block(pages)), line_count));
}

TEST_CASE("running heads, line-number gutters and turned or repeated overlays are set aside") {
  auto pages = two_column_pages(3);
  for (auto& page : pages) {
    PdfLine head = text_line(54, 60, 200, "SYN'25, November 2025, St. Louis");
    head.size = 7;
    page.lines.push_back(head);
    for (int i = 0; i < 12; ++i) page.lines.push_back(text_line(30, 90 + 10.9 * i, 40, std::to_string(i + 1)));
    PdfLine mark = text_line(150, 400, 460, "Unpublished working draft.");
    mark.horizontal = false;
    page.lines.push_back(mark);
    PdfLine big = text_line(150, 500, 460, "CONFIDENTIAL");
    big.size = 36;
    page.lines.push_back(big);
  }
  const SortedLines sorted = sort_lines(pages, 9);
  int heads = 0, numbers = 0, overlays = 0;
  for (const auto& aside : sorted.set_aside) {
    heads += aside.role == LineRole::running_head;
    numbers += aside.role == LineRole::line_number;
    overlays += aside.role == LineRole::overlay;
  }
  CHECK(heads == 3);
  CHECK(numbers == 36);
  CHECK(overlays == 6);
  CHECK(sorted.pages[0].lines.size() == 120);
}

TEST_CASE("ACM's Word interim layout, made by LibreOffice, is recognised and judged with Word advice") {
  const Analysis ok = check_fixture("word-interim-pass.pdf");
  CHECK(ok.template_facts.class_name == "acm-word");
  CHECK(ok.template_facts.format == "interim");
  CHECK(ok.template_facts.producer.find("LibreOffice") != std::string::npos);
  CHECK(ok.verdict == check::Verdict::pass);
  CHECK(ok.body_pages.size() == 5);
  bool evidence = false;
  for (const auto& e : ok.evidence) evidence |= e.rfind("template acm-word: made with 'LibreOffice", 0) == 0;
  CHECK(evidence);

  const Analysis long_paper = check_fixture("word-interim-long.pdf");
  CHECK(error_codes(long_paper) == std::set<std::string>{"PAGES_OVER"});

  const Analysis margins = check_fixture("word-interim-margins.pdf");
  REQUIRE(error_codes(margins) == std::set<std::string>{"MARGINS"});
  const auto& message = margins.problems.front().message;
  CHECK(message.find("ACM's Interim Layout sets it from 54.0 to 558.0 pt") != std::string::npos);
  CHECK(message.find("Format > Page Style") != std::string::npos);
  CHECK(message.find("\\geometry") == std::string::npos);

  CheckRules latex_only = exhetai_rules();
  latex_only.word_interim = false;
  const Analysis refused = check_fixture("word-interim-pass.pdf", latex_only);
  REQUIRE(error_codes(refused) == std::set<std::string>{"TEMPLATE_CLASS"});
  CHECK(refused.problems.front().message.find("word processor (LibreOffice") != std::string::npos);
  CHECK(refused.problems.front().message.find("documentclass") == std::string::npos);
  // LaTeX papers are still acmart at a venue that accepts Word papers.
  CHECK(check_fixture("body5.pdf").template_facts.class_name == "acmart");
}

TEST_CASE("the front-matter and reference warnings each have their fixture") {
  CHECK(warning_codes(check_fixture("no-front-matter.pdf")) ==
        std::set<std::string>{"ACM_REFERENCE_FORMAT", "CCS_CONCEPTS", "KEYWORDS"});
  CHECK(warning_codes(check_fixture("no-references.pdf")) == std::set<std::string>{"NO_REFERENCES"});
  CHECK(warning_codes(check_fixture("format-sigchi-a.pdf")) == std::set<std::string>{"WATERMARK"});
  CHECK(check_fixture("font-size.pdf").body_font_pt == doctest::Approx(8.0));
}

TEST_CASE("Type 3 fonts and the other unsafe content each fire their own code") {
  const Analysis bitmap = check_fixture("type3-fonts.pdf");
  CHECK(bitmap.fonts.type3 == 1);
  CHECK(warning_codes(bitmap) == std::set<std::string>{"TYPE3_FONTS"});
  const Analysis unsafe = check_fixture("unsafe-more.pdf");
  CHECK(unsafe.unsafe == std::vector<std::string>{"embedded-file", "import-data", "remote-goto", "rich-media", "submit-form"});
  CHECK(check_fixture("body5.pdf").fonts.type3 == 0);
}

TEST_CASE("manuscript,review: the line numbers are set aside, not read as overfull lines") {
  const Analysis a = check_fixture("manuscript-review.pdf");
  const Analysis clean = check_fixture("one-column.pdf");
  CHECK(a.template_facts.format == "manuscript");
  CHECK(a.line_numbers);
  CHECK(a.intrusions.empty());
  CHECK(warning_codes(a).count("OVERFULL_LINE") == 0);
  // The block is the format's own, on odd and on even pages.
  CHECK(a.block.odd.x0 == doctest::Approx(clean.block.odd.x0).epsilon(0.01));
  CHECK(a.block.even.x0 == doctest::Approx(clean.block.even.x0).epsilon(0.01));
  CHECK(a.block.odd.x1 == doctest::Approx(clean.block.odd.x1).epsilon(0.01));
}

TEST_CASE("a line-number gutter is a narrow column of numbers beside the text that counts up") {
  // One column like acmart's manuscript format: text from 110 to 502 pt,
  // left-aligned numbers at 84 pt, which is not near the paper's edge.
  std::vector<PdfPage> pages(2);
  for (int n = 0; n < 2; ++n) {
    pages[n].number = n + 1;
    pages[n].width = 612;
    pages[n].height = 792;
    for (int i = 0; i < 40; ++i) pages[n].lines.push_back(text_line(110, 90 + 15.9 * i, 502));
  }
  // Numbers 95-104: the digit count changes at 100, so their right edges differ.
  for (int i = 0; i < 10; ++i)
    pages[0].lines.push_back(text_line(84, 90 + 10.9 * i, 84 + (95 + i < 100 ? 5.6 : 8.3), std::to_string(95 + i)));
  // A table's column of figures under the text is content, though it counts up.
  for (int i = 0; i < 6; ++i) pages[1].lines.push_back(text_line(200, 300 + 10.9 * i, 208, std::to_string(10 + i)));
  // A column of one figure beside the text does not count up: content.
  for (int i = 0; i < 6; ++i) pages[1].lines.push_back(text_line(84, 200 + 10.9 * i, 92, "42"));
  const SortedLines sorted = sort_lines(pages, 9);
  int numbers = 0;
  for (const auto& aside : sorted.set_aside) numbers += aside.role == LineRole::line_number;
  CHECK(numbers == 10);
  CHECK(sorted.pages[0].lines.size() == 40);
  CHECK(sorted.pages[1].lines.size() == 52);
}

TEST_CASE("a Word paper in one column is ACM's submission layout, not the Interim Layout") {
  const Analysis a = check_fixture("word-interim-one-column.pdf");
  CHECK(a.template_facts.class_name == "acm-word");
  CHECK(a.template_facts.format == "submission");
  CHECK(error_codes(a) == std::set<std::string>{"COLUMNS", "TEMPLATE_FORMAT"});
  CHECK(warning_codes(a).count("OVERFULL_LINE") == 0);
  for (const auto& p : a.problems)
    if (p.code == "TEMPLATE_FORMAT") {
      CHECK(p.message.find("one-column layout of ACM's Word submission template") != std::string::npos);
      CHECK(p.message.find("documentclass") == std::string::npos);
    }
}

namespace {

PageEvidence letter_two_columns(double x0, double x1, double body_pt) {
  PageEvidence seen;
  seen.paper_width = 612;
  seen.paper_height = 792;
  seen.columns = 2;
  seen.body_pt = body_pt;
  seen.block.found = seen.block.odd_measured = seen.block.even_measured = true;
  seen.block.odd = seen.block.even = {x0, 80, x1, 710};
  return seen;
}

}  // namespace

TEST_CASE("formats on the same page size are told apart by the closer geometry and by what only one prints") {
  // acmtog set for a conference (SIGGRAPH's papers) prints no journal foot:
  // its 52 pt margins, against sigconf's 54 pt, decide.
  CHECK(match_acm_format(letter_two_columns(51.6, 560.4, 9)).format == "acmtog");
  CHECK(match_acm_format(letter_two_columns(53.8, 558.4, 9)).format == "sigconf");
  // sigplan and acmengage share page, columns and size.
  PageEvidence engage = letter_two_columns(53.8, 558.2, 10);
  CHECK(match_acm_format(engage).format == "sigplan");
  engage.synopsis = true;
  CHECK(match_acm_format(engage).format == "acmengage");
  engage.synopsis = false;
  engage.running_heads = {"EngageCSEdu. https://doi.org/10.1145/3700000.3700001"};
  const FormatMatch by_head = match_acm_format(engage);
  CHECK(by_head.format == "acmengage");
  CHECK(by_head.evidence.front().find("running head 'EngageCSEdu.") != std::string::npos);
}

TEST_CASE("an 'Abstract' heading is a conference format's, whatever the author did to the page") {
  // A sigconf paper the author set in one column at 11 pt with 1 in margins
  // (a real paper did): its geometry is closest to acmlarge's, but acmart
  // heads the abstract only in its conference formats.
  PageEvidence changed = letter_two_columns(71.8, 540.2, 11);
  changed.columns = 1;
  changed.capital_heads = true;
  changed.sans_title = true;
  CHECK(match_acm_format(changed).format == "acmlarge");
  changed.abstract_heading = true;
  const FormatMatch headed = match_acm_format(changed);
  CHECK(headed.format == "sigconf");
  CHECK(headed.evidence.front().find("abstract headed 'Abstract'") != std::string::npos);
  // A journal paper's own geometry still wins over a stray heading.
  PageEvidence small;
  small.paper_width = 486;
  small.paper_height = 720;
  small.columns = 1;
  small.body_pt = 10;
  small.block.found = small.block.odd_measured = small.block.even_measured = true;
  small.block.odd = small.block.even = {46, 60, 440, 660};
  small.running_heads = {"J. ACM, Vol. 37, No. 4, Article 111. Publication date: August 2018."};
  small.abstract_heading = true;
  CHECK(match_acm_format(small).format == "acmsmall");
}

TEST_CASE("a Word paper is known by the word processor its PDF names, whatever wrote the PDF") {
  PdfReader reader;
  const auto path = test::fixture("word-interim-pass.pdf");
  for (const auto& [producer, creator] : std::vector<std::pair<std::string, std::string>>{
           {"Adobe PDF Library 23.1.96", "Acrobat PDFMaker 23 for Word"},
           {"Acrobat Distiller 23.0 (Windows)", "Microsoft Word - paper.docx"},
           {"macOS Version 14.2 (Build 23C64) Quartz PDFContext", "Microsoft Word"},
           {"Microsoft\u00ae Word for Microsoft 365", "Microsoft\u00ae Word for Microsoft 365"}}) {
    CAPTURE(producer);
    PdfFacts facts = reader.read(path);
    facts.info["Producer"] = producer;
    facts.info["Creator"] = creator;
    const Analysis a = analyze(path.string(), facts, exhetai_rules());
    CHECK(a.template_facts.class_name == "acm-word");
    CHECK(a.template_facts.format == "interim");
    CHECK(a.verdict == check::Verdict::pass);
  }
  // A TeX producer is never a word processor, whatever the Creator says.
  PdfFacts tex = reader.read(path);
  tex.info["Producer"] = "pdfTeX-1.40.25";
  tex.info["Creator"] = "LaTeX with hyperref";
  CHECK(analyze(path.string(), tex, exhetai_rules()).template_facts.class_name != "acm-word");
}

TEST_CASE("a Word paper whose columns stand further apart than the Interim Layout's fails MARGINS") {
  const Analysis ok = check_fixture("word-interim-pass.pdf");
  CHECK(ok.column_gap == doctest::Approx(24).epsilon(0.05));
  const Analysis wide = check_fixture("word-interim-gutter.pdf");
  CHECK(wide.column_gap == doctest::Approx(54).epsilon(0.03));
  REQUIRE(error_codes(wide) == std::set<std::string>{"MARGINS"});
  const auto& message = wide.problems.front().message;
  CHECK(message.find("The columns are 54.") == 0);
  CHECK(message.find("ACM's Interim Layout sets them 24.0 pt (1/3 in) apart") != std::string::npos);
  CHECK(message.find("Format > Page Style") != std::string::npos);
  // acmart's own columns are measured as well (sigconf: 2pc).
  CHECK(check_fixture("body5.pdf").column_gap == doctest::Approx(24).epsilon(0.05));
}

// The hand-written matchers keep the meaning of the regexes they replace; each
// case is checked against std::regex itself as well as against the expected answer.
TEST_CASE("the line matchers agree with the regexes they replace") {
  const std::regex heading(R"(^\s*(?:\d+\.?\s*)?(references|bibliography|works cited|literature cited)\s*$)",
                           std::regex::icase);
  const std::regex entry(R"(^\s*\[\d+\])");
  const std::regex keywords("^\\s*(Additional Key Words and Phrases|Keywords)", std::regex::icase);
  const std::regex draft(R"(unpublished working draft|not for distribution|^\s*draft\s*$)", std::regex::icase);
  const std::regex synopsis(R"(^\s*synopsis\s*$)", std::regex::icase);
  const std::vector<std::string> lines = {
      "", " ", "References", "REFERENCES", "  references  ", "7 References", "7. References", "7.References",
      "12.  Bibliography\t", "Works Cited", "works  cited", "Literature cited", ". References", "7.. References",
      "References and notes", "A References", "Reference", "7 References.", "\x0bReferences\r",
      "[1]", "  [12] A. Author", "[]", "[1", "[a]", "x [1]", "[ 1]", "\t[007]x",
      "Keywords: x", "  KEYWORDS", "Additional Key Words and Phrases: y", "Key words", "x Keywords",
      "Draft", "  draft ", "drafts", "a draft", "Unpublished working draft. Not for distribution.",
      "NOT FOR DISTRIBUTION", "unpublished  working draft", "Synopsis", " SYNOPSIS\t", "synopsis:"};
  for (const auto& line : lines) {
    CAPTURE(line);
    std::smatch m;
    const std::string word = std::regex_match(line, m, heading) ? m[1].str() : "";
    CHECK(match::reference_heading_word(line) == word);
    CHECK(match::starts_with_entry_number(line) == std::regex_search(line, entry));
    CHECK(match::starts_with_keywords(line) == std::regex_search(line, keywords));
    CHECK(match::is_draft_overlay_text(line) == std::regex_search(line, draft));
    CHECK(match::is_alone_icase(line, "synopsis") == std::regex_search(line, synopsis));
    CHECK(match::contains_icase(line, "ccs concepts") == std::regex_search(line, std::regex("CCS Concepts", std::regex::icase)));
  }
  CHECK(match::reference_heading_word("7. REFERENCES ") == "REFERENCES");
  CHECK(match::reference_heading_word("7 References.").empty());
  CHECK(match::starts_with_entry_number("  [12] A. Author"));
  CHECK_FALSE(match::starts_with_entry_number("x [1]"));
  CHECK(match::is_draft_overlay_text("  draft "));
  CHECK_FALSE(match::is_draft_overlay_text("a draft"));
}

TEST_CASE("the running-head matchers agree with the regexes they replace") {
  const std::regex folio(R"(^(\d+|\d+:\d+|[ivxlc]+|Article \d+|Page \d+( of \d+)?)$)", std::regex::icase);
  const std::regex foot(R"(Vol\.\s*\S*,\s*No\.\s*\S*,\s*Article\s*\S*\.?\s*Publication date)");
  const std::vector<std::string> lines = {
      "", " ", "3", "12", "3 ", "1:12", "1:", ":12", "1:2:3", "iv", "XII", "ivx1", "Article 7", "ARTICLE 7",
      "Article", "Article 7a", "Article  7", "Page 3", "page 3 of 12", "Page 3 OF 12", "Page 3 of", "Page of 3",
      "Page", "x3", "\xC3\xA9", "ACM Trans. Graph., Vol. 44, No. 6, Article 1. Publication date: August 2025.",
      "Vol. 44, No. 6, Article 1. Publication date", "Vol.44,No.6,Article1.Publication date",
      "Vol. 44, No. 6, Article 1.Publication date", "Vol. 44,No. 6, Article 1 Publication date",
      "Vol. a,b, No. 6, Article 1. Publication date", "Vol. a,b,No.6,x, No. c,d, Article 1. Publication date",
      "Vol. 44 , No. 6, Article 1. Publication date", "Vol. 44, No. 6, Article 1 2. Publication date",
      "Vol. 44, No. 6 Article 1. Publication date", "Vol. Vol. 44, No. 6, Article\t\t Publication date",
      "Vol. 44, No. 6, Article 1.xPublication date", "Vol. 44, No. 6, ArticlePublication dates",
      "Vol. 44, No. 6, Article 1. Publication Date", "vol. 44, no. 6, article 1. publication date",
      "Vol. 1, No. 2, Vol. 3, No. 4, Article 5. Publication date", "https://doi.org/10.1145/3600000.3600001",
      "HTTPS://DOI.ORG/10.1145/x", "Doi.Org/", "ddoi.org/", "doi.org", "doi,org/", "d"};
  const std::regex doi_host(R"(doi\.org/)", std::regex::icase);
  for (const auto& line : lines) {
    CAPTURE(line);
    CHECK(match::is_folio(line) == std::regex_match(line, folio));
    CHECK(match::has_journal_foot(line) == std::regex_search(line, foot));
    CHECK(match::contains_icase(line, "doi.org/") == std::regex_search(line, doi_host));
  }
  CHECK(match::is_folio("Page 3 of 12"));
  CHECK_FALSE(match::is_folio("Page 3 of"));
  CHECK(match::has_journal_foot("ACM Trans. Graph., Vol. 44, No. 6, Article 1. Publication date: August 2025."));
  CHECK_FALSE(match::has_journal_foot("Vol. 44, No. 6 Article 1. Publication date"));
}

TEST_CASE("the rights-block matchers agree with the regexes they replace") {
  const std::regex copyright(R"(^\s*\(c\)\s*((?:19|20)\d{2})\b.*)");
  const std::regex year_only(R"(^\s*((?:19|20)\d{2})\.(\s*ACM\s*ISBN.*|\s*)$)");
  const std::regex isbn(R"(ACM\s*ISBN)");
  const std::regex placeholder(
      R"(978-x-xxxx|x/YY/MM|nnnnnnn|XXXXXXX|XXXX-X|Woodstock '18|June 03-05,? 2018|Woodstock, NY)");
  const std::vector<std::string> lines = {
      "", "(c) 2025 Copyright held by the owner/author(s).", "  (c)2025", "(c) 2025", "(c) 20251", "(c) 2025_x",
      "(c) 2025.", "(C) 2025", "(c) 1899", "(c) 2025\nx", "(c) 2025 x\r", "x (c) 2025", "(c) 25",
      "2025.", " 2025. ", "2025. ACM ISBN 979-8-4007-1/25/06", "2025.ACMISBN", "2025. ACM  ISBN\n", "2025",
      "2025 .", "2025. ACM", "1999.\t", "2125.", "ACM ISBN 978-x-xxxx-xxxx-x/YY/MM", "ACMISBN", "ACM  ISB",
      "acm isbn", "June 03-05, 2018, Woodstock, NY", "June 03-05 2018", "June 03-05,, 2018", "Woodstock '18",
      "https://doi.org/XXXXXXX.XXXXXXX", "nnnnnn", "XXXX-", "XXXX-X"};
  for (const auto& line : lines) {
    CAPTURE(line);
    std::smatch m;
    const bool printed = std::regex_match(line, m, copyright) || std::regex_match(line, m, year_only);
    CHECK(match::copyright_year(line) == (printed ? std::stoi(m[1]) : 0));
    CHECK(match::has_acm_isbn(line) == std::regex_search(line, isbn));
    CHECK(match::has_acm_placeholder(line) == std::regex_search(line, placeholder));
  }
  CHECK(match::copyright_year("(c) 2025 Copyright held by the owner/author(s).") == 2025);
  CHECK(match::copyright_year("(c) 20251") == 0);
}

TEST_CASE("an annotated copy frames the template's text block only where the block itself was moved") {
  const auto frames = [](const Analysis& a) {
    int count = 0;
    for (const auto& mark : marks_for(a)) count += mark.text.rfind("The template's text block", 0) == 0;
    return count;
  };
  const Analysis moved = check_fixture("geometry.pdf");
  CHECK(moved.text_block_moved);
  CHECK(frames(moved) == std::min(moved.pages, 2));
  // MARGINS for the gap between the columns: the block's sides are the template's.
  const Analysis gutter = check_fixture("word-interim-gutter.pdf");
  CHECK(std::any_of(gutter.problems.begin(), gutter.problems.end(), [](const Problem& p) { return p.code == "MARGINS"; }));
  CHECK(gutter.template_block.found);
  CHECK_FALSE(gutter.text_block_moved);
  CHECK(frames(gutter) == 0);
}

TEST_CASE("the analysis runs the rules table row by row: problems come in its order, each with its row's severity") {
  std::map<std::string, std::size_t> row;
  for (std::size_t i = 0; i < rules_table.size(); ++i) row[std::string(rules_table[i].code)] = i;
  std::size_t problems = 0;
  for (const char* name : {"unsafe.pdf", "unsafe-more.pdf", "authordraft.pdf", "overfull-lines.pdf", "geometry.pdf",
                           "no-front-matter.pdf", "a4.pdf", "acm-default.pdf", "format-sigchi-a.pdf", "type3-fonts.pdf"}) {
    CAPTURE(name);
    const Analysis a = check_fixture(name);
    std::size_t last = 0;
    for (const auto& p : a.problems) {
      CAPTURE(p.code);
      REQUIRE(row.count(p.code));
      CHECK(row[p.code] >= last);
      CHECK(p.severity == rules_table[row[p.code]].severity);
      last = row[p.code];
      ++problems;
    }
  }
  CHECK(problems > 20);
  // Only the ACM rights block (judged together in acm_rights.cpp) and unreadable files have no judge here.
  for (const Rule& rule : rules_table) {
    CAPTURE(rule.code);
    const bool judged_elsewhere =
        (rule.code.rfind("ACM_", 0) == 0 && rule.code != "ACM_REFERENCE_FORMAT") || rule.code == "UNREADABLE";
    CHECK((rule.judge == nullptr) == judged_elsewhere);
  }
}

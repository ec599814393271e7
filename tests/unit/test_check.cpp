// Every fixture, typeset from tests/fixtures/*.tex with the real acmart class,
// checked against ExHetAI'25's rules: exact verdict, pages and problem codes.
#include <doctest/doctest.h>
#include <unistd.h>

#include <set>

#include "check/analyze.hpp"
#include "check/report.hpp"
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
    if (p.severity == "error") codes.insert(p.code);
  return codes;
}

std::set<std::string> warning_codes(const Analysis& a) {
  std::set<std::string> codes;
  for (const auto& p : a.problems)
    if (p.severity == "warning") codes.insert(p.code);
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
  };
  for (const auto& e : table) {
    CAPTURE(e.file);
    const Analysis a = check_fixture(e.file);
    CHECK(a.verdict == e.verdict);
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
  REQUIRE(a.evidence.size() == 2);
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
  CHECK(error_codes(check_fixture("body5.pdf", rules)) == std::set<std::string>{"AUTHORS_SHOWN"});
  CHECK(error_codes(check_fixture("review.pdf", rules)) == std::set<std::string>{"REVIEW_MODE"});
  rules = exhetai_rules();
  rules.paper = "a4";
  CHECK(error_codes(check_fixture("a4.pdf", rules)).empty());
  rules = CheckRules{};  // no venue: only universal rules
  CHECK(check_fixture("not-acm.pdf", rules).verdict == "pass");
  CHECK(warning_codes(check_fixture("not-acm.pdf", exhetai_rules())).empty());
}

TEST_CASE("unreadable files give an error verdict with one clear reason") {
  CHECK(check_fixture("empty.pdf").error == "empty file (0 bytes)");
  CHECK(check_fixture("not-pdf.pdf").error == "not a PDF: no %PDF- header in the first 1024 bytes");
  CHECK(check_fixture("truncated.pdf").error == "truncated PDF: no %%EOF marker at the end (incomplete upload?)");
  CHECK(check_fixture("locked.pdf").error == "encrypted PDF that needs a password to open");
  for (const char* name : {"empty.pdf", "not-pdf.pdf", "truncated.pdf", "locked.pdf"})
    CHECK(check_fixture(name).verdict == "error");
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

#include <doctest/doctest.h>
#include <unistd.h>

#include <map>
#include <set>
#include <sstream>

#include "proceedings/check/codes.hpp"
#include "proceedings/check/rules.hpp"
#include "helpers.hpp"
#include "proceedings/files.hpp"

using namespace proceedings;
using namespace proceedings::check;

TEST_CASE("page ranges on the command line") {
  CheckRules r;
  apply_page_range(r, "5-6");
  CHECK((r.min_pages == 5 && r.max_pages == 6));
  apply_page_range(r, "4-");
  CHECK((r.min_pages == 4 && r.max_pages == 0));
  apply_page_range(r, "-8");
  CHECK((r.min_pages == 0 && r.max_pages == 8));
  apply_page_range(r, "6");
  CHECK((r.min_pages == 0 && r.max_pages == 6));
  CHECK(test::error_line([&] { apply_page_range(r, "7-5"); }) == "--pages: '7-5' has its minimum above its maximum");
  CHECK(test::error_line([&] { apply_page_range(r, "five"); }) ==
        "--pages: 'five' is not a page range like 5-6, 5-, -6 or 6");
  CHECK(test::error_line([&] { apply_page_range(r, "-"); }) != "");
}

TEST_CASE("paper sizes are named within 2 pt") {
  CHECK(paper_name_of(612, 792) == "letter");
  CHECK(paper_name_of(611, 793.5) == "letter");
  CHECK(paper_name_of(595.28, 841.89) == "a4");
  CHECK(paper_name_of(486, 720) == "");
}

TEST_CASE("venue rules become check rules") {
  SubmissionRules venue;
  venue.template_name = "acmart-sigconf";
  venue.min_pages = 5;
  venue.max_pages = 6;
  venue.review = Review::double_blind;
  const CheckRules r = rules_from(venue);
  CHECK(r.template_name == "acmart-sigconf");
  CHECK((r.min_pages == 5 && r.max_pages == 6));
  CHECK(r.review == Review::double_blind);
  CHECK(r.min_side_margin_pt == 48);
  CHECK(template_body_size("acmart-sigconf") == 9.0);
}

namespace {

// code -> severity of every row of docs/commands/check.md's code tables
// ("| code | severity | ..."): each `CODE` in a row's first cell.
std::map<std::string, std::string> documented_codes() {
  std::istringstream doc(read_file(test::source_dir() / "docs/commands/check.md"));
  std::map<std::string, std::string> codes;
  bool in_table = false;
  for (std::string line; std::getline(doc, line);) {
    if (line.rfind("| code | severity |", 0) == 0) in_table = true;
    if (line.rfind("|", 0) != 0) in_table = false;
    if (!in_table || line.rfind("| `", 0) != 0) continue;
    const auto first_end = line.find(" | ", 1);
    const auto second_end = line.find(" | ", first_end + 3);
    const std::string cell = line.substr(0, first_end);
    const std::string severity = line.substr(first_end + 3, second_end - first_end - 3);
    for (auto open = cell.find('`'); open != std::string::npos; open = cell.find('`', cell.find('`', open + 1) + 1))
      codes[cell.substr(open + 1, cell.find('`', open + 1) - open - 1)] = severity;
  }
  return codes;
}

}  // namespace

TEST_CASE("docs/commands/check.md documents every code of the rules table, with its severity, and no other") {
  const auto documented = documented_codes();
  CHECK(documented.size() > 30);
  for (const Rule& rule : rules_table) {
    CAPTURE(rule.code);
    const auto row = documented.find(std::string(rule.code));
    REQUIRE(row != documented.end());
    CHECK(row->second == std::string(severity_name(rule.severity)));
  }
  for (const auto& [code, severity] : documented) {
    CAPTURE(code);
    CHECK(rule_named(code).has_value());
  }
}

TEST_CASE("a problem takes its severity from the rules table; a code not in it is refused") {
  CHECK(problem("OVERFULL_LINE", "m").severity == Severity::warning);
  CHECK(problem("PAGES_OVER", "m").severity == Severity::error);
  CHECK(problem("PAGES_OVER", "m").message == "m");
  CHECK_THROWS_AS(problem("NO_SUCH_CODE", "m"), std::logic_error);
  std::set<std::string_view> seen;
  for (const Rule& rule : rules_table) CHECK(seen.insert(rule.code).second);
}

TEST_CASE("verdicts are spelled as the reports and the JSON spell them") {
  CHECK(std::string(verdict_name(Verdict::pass)) == "pass");
  CHECK(std::string(verdict_name(Verdict::fail)) == "fail");
  CHECK(std::string(verdict_name(Verdict::error)) == "error");
}

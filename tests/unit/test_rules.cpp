#include <doctest/doctest.h>
#include <unistd.h>

#include "check/rules.hpp"
#include "helpers.hpp"

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

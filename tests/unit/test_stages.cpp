// Stages (issue 27 item 1): the venue says what the submission and the
// camera-ready stage require, and `check` applies one of them. A
// double-blind venue passes correct camera-ready papers.
#include <doctest/doctest.h>

#include <set>

#include "helpers.hpp"
#include "proceedings/check/analyze.hpp"
#include "proceedings/check/rules.hpp"
#include "proceedings/model.hpp"
#include "proceedings/pdf.hpp"

using namespace proceedings;

namespace {

// tests/fixtures/acm-record.tex's record, as a venue that ACM publishes.
const char* acm_block = R"(acm:
  proceedings_title: "Proceedings of the Synthetic Workshops"
  conference: "Workshops of the Synthetic Conference on Test Papers"
  short_name: "SYN Workshops '25"
  dates: "November 16–21, 2025"
  location: "St. Louis, MO, USA"
  year: 2025
  month: 11
  isbn: "979-8-4007-1234-0"
  doi: "10.1145/3731599"
)";

const char* papers_yaml = R"(papers:
  - id: acm-record
    title: "A Synthetic Stand-in Paper for Format Checks"
    authors: [Ada]
    doi: "10.1145/3731599.3767342"
    rights: acmlicensed
)";

Workshop venue(const std::string& stages) {
  test::TempDir dir;
  dir.write("workshop.yaml", std::string(test::minimal_workshop_yaml) + stages + acm_block);
  dir.write("papers.yaml", papers_yaml);
  return load_workshop(dir.path);
}

// The old form: one `submission:` block, double-blind.
const char* old_double_blind = R"(submission:
  template: acmart-sigconf
  review: double-blind
)";

std::set<std::string> codes(const std::string& fixture, const check::CheckRules& rules) {
  PdfReader reader;
  const auto path = test::fixture(fixture);
  std::set<std::string> out;
  for (const auto& p : check::analyze(path.string(), reader.read(path), rules).problems)
    if (p.severity == Severity::error) out.insert(p.code);
  return out;
}

}  // namespace

TEST_CASE("stage names") {
  CHECK(std::string(stage_name(Stage::submission)) == "submission");
  CHECK(std::string(stage_name(Stage::camera_ready)) == "camera-ready");
  CHECK(stage_named("camera-ready") == Stage::camera_ready);
  CHECK(stage_named("submission") == Stage::submission);
  CHECK_FALSE(stage_named("final"));
}

TEST_CASE("a double-blind venue of the old form passes a correct camera-ready paper") {
  const Workshop w = venue(old_double_blind);
  // acm-record.pdf shows its authors and carries the venue's real rights block.
  const auto camera = codes("acm-record.pdf", check::rules_for_venue(w, Stage::camera_ready));
  CHECK(camera.count("AUTHORS_SHOWN") == 0);
  CHECK(camera.count("ACM_PLACEHOLDER") == 0);
  CHECK(camera.count("ACM_RIGHTS") == 0);
  // At submission the same paper gives its authors away.
  CHECK(codes("acm-record.pdf", check::rules_for_venue(w, Stage::submission)).count("AUTHORS_SHOWN") == 1);
}

TEST_CASE("an anonymous review copy passes at submission and fails at camera-ready") {
  const Workshop w = venue(old_double_blind);
  // review.pdf: sigconf with acmart's review and anonymous options (line numbers, no authors).
  const auto submission = codes("review.pdf", check::rules_for_venue(w, Stage::submission));
  CHECK(submission.count("AUTHORS_SHOWN") == 0);
  CHECK(submission.count("ANONYMOUS") == 0);
  CHECK(submission.count("REVIEW_MODE") == 0);
  const auto camera = codes("review.pdf", check::rules_for_venue(w, Stage::camera_ready));
  CHECK(camera.count("ANONYMOUS") == 1);
  CHECK(camera.count("REVIEW_MODE") == 1);
}

TEST_CASE("acmart's placeholders are allowed at submission, errors at camera-ready") {
  const Workshop w = venue(old_double_blind);
  CHECK(codes("acm-sample.pdf", check::rules_for_venue(w, Stage::submission)).count("ACM_PLACEHOLDER") == 0);
  CHECK(codes("acm-sample.pdf", check::rules_for_venue(w, Stage::camera_ready)).count("ACM_PLACEHOLDER") == 1);
  // A venue may refuse them at submission too.
  const Workshop strict = venue(std::string(old_double_blind) + "  placeholders: false\n");
  CHECK(codes("acm-sample.pdf", check::rules_for_venue(strict, Stage::submission)).count("ACM_PLACEHOLDER") == 1);
}

TEST_CASE("camera_ready: grants its own page limit and keeps the submission's format") {
  const Workshop w = venue(R"(submission:
  template: acmart-sigconf
  pages: {min: 5, max: 6, excluding: bibliography}
  review: double-blind
camera_ready:
  pages: {max: 7, excluding: bibliography}
)");
  REQUIRE(w.camera_ready);
  const auto submission = check::rules_for_venue(w, Stage::submission);
  const auto camera = check::rules_for_venue(w, Stage::camera_ready);
  CHECK(submission.max_pages == 6);
  CHECK(submission.min_pages == 5);
  CHECK(camera.max_pages == 7);
  CHECK(camera.min_pages == 0);
  CHECK(camera.template_name == "acmart-sigconf");
  CHECK(check::rules_key(submission) != check::rules_key(camera));
  // body7.pdf has 7 body pages: one over at submission, within the extra page at camera-ready.
  CHECK(codes("body7.pdf", submission).count("PAGES_OVER") == 1);
  CHECK(codes("body7.pdf", camera).count("PAGES_OVER") == 0);
}

TEST_CASE("camera_ready: a misspelt field is refused with file and line") {
  test::TempDir dir;
  dir.write("workshop.yaml", std::string(test::minimal_workshop_yaml) + "camera_ready:\n  authors_shown: maybe\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("authors_shown") != std::string::npos);
  dir.write("workshop.yaml", std::string(test::minimal_workshop_yaml) + "camera_ready:\n  pagse: {max: 7}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("pagse") != std::string::npos);
}

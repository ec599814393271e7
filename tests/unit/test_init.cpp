// Issue 27 items 5 and 9: `proceedings init` (a new venue's files from flags,
// a preset and the event's page), import web's reading of the event's date,
// and "did you mean" for misspelt names (core's closest_name, used by the
// YAML readers and the command line).
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "import/web_event.hpp"
#include "import/web_page.hpp"
#include "init/job.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "proceedings/program_checks.hpp"
#include "proceedings/suggest.hpp"

using namespace proceedings;
namespace fs = std::filesystem;

namespace {

// import web's reader, as the command line hands it to init.
init::PageVenue read_with_import_web(const std::string& page, const std::string& timezone) {
  import::WebEvent e = import::read_event(import::load_page(page), timezone);
  return {std::move(e.workshop), std::move(e.notes)};
}

init::InitJob examl_job(const fs::path& folder) {
  init::InitJob job;
  job.folder = folder.string();
  job.name = "ExaML: The Workshop on Machine Learning at Exascale";
  job.acronym = "ExaML'26";
  job.date = "2026-11-16";
  job.timezone = "America/Chicago";
  job.place = "St. Louis, Missouri, USA";
  job.organizers = {"Ada Lovelace, Analytical Engines Inc. <ada@example.org>", "Grace Hopper"};
  job.written_on = "2026-12-06";
  return job;
}

std::string event_date_of(const std::string& page_text) {
  return import::read_event(import::read_page(page_text, "cfp.md"), "").workshop.date;
}

}  // namespace

TEST_CASE("closest_name: one suggestion within a few edits, none for a tie or a far name") {
  const std::vector<std::string> fields{"id", "acronym", "name", "kind", "host", "location", "date", "timezone", "organizers"};
  CHECK(closest_name("acronim", fields) == "acronym");
  CHECK(closest_name("Timezone", fields) == "timezone");        // case aside
  CHECK(closest_name("orgnaizers", fields) == "organizers");    // two letters swapped: one edit
  CHECK(closest_name("locaton", fields) == "location");
  CHECK(closest_name("date", fields) == "");                    // known: no suggestion
  CHECK(closest_name("sponsors", fields) == "");                // nothing close
  CHECK(closest_name("kindss", {"kind", "kinds"}) == "kinds");  // nearer wins
  CHECK(closest_name("kindd", {"kind", "kinds"}) == "");        // one edit from both: a tie
  CHECK(closest_name("ab", {"ac", "ad"}) == "");                // a tie suggests neither
  CHECK(closest_name("--ven", {"--venue", "--version"}) == "--venue");  // the only name it begins
  CHECK(did_you_mean("chekc", {"check", "meta", "build"}) == "; did you mean 'check'?");
  CHECK(edit_distance("venue", "veneu") == 1);
}

TEST_CASE("a misspelt field of workshop.yaml or papers.yaml is named with the field it most likely is") {
  test::TempDir dir;
  dir.write("workshop.yaml", std::string(test::minimal_workshop_yaml) + "timezon: America/Chicago\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("field 'timezon' is not a known field; did you mean 'timezone'?") !=
        std::string::npos);
  dir.write("workshop.yaml", test::minimal_workshop_yaml);
  dir.write("papers.yaml", "papers:\n  - {id: a, title: T, authors: [X], abstrct: text}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("did you mean 'abstract'?") != std::string::npos);
  dir.write("papers.yaml", "papers:\n  - {id: a, title: T, authors: [X], sponsor: Y}\n");
  const std::string far = test::error_line([&] { load_workshop(dir.path); });
  CHECK(far.find("field 'papers[0].sponsor' is not a known field") != std::string::npos);
  CHECK(far.find("did you mean") == std::string::npos);
}

TEST_CASE("init writes the three files of a venue the loader accepts, every field commented") {
  test::TempDir dir;
  const fs::path venue = dir.path / "examl";
  const init::InitResult r = init::run_init(examl_job(venue), read_with_import_web);
  CHECK(r.written.size() == 3);
  const Workshop w = load_workshop(venue);
  CHECK(w.id == "examl-2026");
  CHECK(w.acronym == "ExaML'26");
  CHECK(w.date == "2026-11-16");
  CHECK(w.location == "St. Louis, Missouri, USA");
  REQUIRE(w.organizers.size() == 2);
  CHECK(w.organizers[0].email() == "ada@example.org");
  CHECK(w.organizers[0].affiliation() == "Analytical Engines Inc.");
  CHECK(w.papers.empty());
  CHECK_FALSE(w.acm);
  CHECK(check_program(w).empty());  // the venue checks `booklet --check` runs
  const std::string yaml = read_file(venue / "workshop.yaml");
  for (const char* key : {"id:", "acronym:", "name:", "kind:", "date:", "timezone:", "location:"}) {
    const auto at = yaml.find(std::string("\n") + key);
    REQUIRE(at != std::string::npos);
    CHECK(yaml.substr(at, yaml.find('\n', at + 1) - at).find("  # ") != std::string::npos);  // its comment beside it
  }
  CHECK(yaml.find("\ncontact: {name: \"ExaML'26 chairs\", email: ada@example.org}") != std::string::npos);  // notify's From
  CHECK(read_file(venue / "message.md").find("Ada Lovelace and Grace Hopper") != std::string::npos);
  CHECK(read_file(venue / "message.md").find("on November 16, 2026.") != std::string::npos);
  CHECK(read_file(venue / "papers.yaml").find("proceedings import") != std::string::npos);
}

TEST_CASE("init --preset sc-workshop: the SC Workshops ACM record of the date's year, sigconf rules at both stages") {
  test::TempDir dir;
  init::InitJob job = examl_job(dir.path / "v");
  job.preset = "sc-workshop";
  job.review = "double-blind";
  job.acm_dates = "November 15–20, 2026";
  job.acm_location = "Chicago, IL, USA";
  init::run_init(job, read_with_import_web);
  const Workshop w = load_workshop(dir.path / "v");
  REQUIRE(w.acm);
  CHECK(w.acm->proceedings_title ==
        "Proceedings of the SC '26 Workshops of the International Conference for High Performance Computing, Networking, "
        "Storage and Analysis");
  CHECK(w.acm->short_name == "SC Workshops '26");
  CHECK(w.acm->dates == "November 15–20, 2026");
  CHECK(w.acm->location == "Chicago, IL, USA");
  CHECK(w.acm->year == 2026);
  CHECK(w.host == "SC26");
  REQUIRE(w.submission);
  CHECK(w.submission->template_name == "acmart-sigconf");
  CHECK(w.submission->paper == "letter");
  CHECK(w.submission->columns == 2);
  CHECK(w.submission->min_pages == 5);
  CHECK(w.submission->max_pages == 6);
  CHECK(w.submission->bibliography_excluded);
  CHECK(w.submission->review == Review::double_blind);
}

TEST_CASE("init --preset sc-workshop without SC's dates and place does not invent them: acm: is left commented out") {
  test::TempDir dir;
  init::InitJob job = examl_job(dir.path / "v");
  job.preset = "sc-workshop";
  const init::InitResult r = init::run_init(job, read_with_import_web);
  CHECK_FALSE(load_workshop(dir.path / "v").acm);
  const std::string yaml = read_file(dir.path / "v/workshop.yaml");
  CHECK(yaml.find("#   short_name: \"SC Workshops '26\"") != std::string::npos);
  CHECK(yaml.find("November 16–21, 2026") == std::string::npos);
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].find("--acm-dates") != std::string::npos);
}

TEST_CASE("init never overwrites: an existing file is a usage error and nothing is written") {
  test::TempDir dir;
  dir.write("message.md", "our own words\n");
  init::InitJob job = examl_job(dir.path);
  const std::string line = test::error_line([&] { init::run_init(job, read_with_import_web); });
  CHECK(line.find("message.md: exists already") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path / "workshop.yaml"));
  CHECK(read_file(dir.path / "message.md") == "our own words\n");
  try {
    init::run_init(job, read_with_import_web);
  } catch (const Error& e) {
    CHECK(e.status() == Exit::usage);
  }
}

TEST_CASE("init takes the time zone from the place when --timezone is not given, and says so") {
  test::TempDir dir;
  init::InitJob job = examl_job(dir.path / "v");
  job.timezone.clear();
  const init::InitResult r = init::run_init(job, read_with_import_web);
  CHECK(load_workshop(dir.path / "v").timezone == "America/Chicago");
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0] == "timezone: America/Chicago, the zone of St. Louis, Missouri, USA (--timezone names another)");
  job = examl_job(dir.path / "w");
  job.timezone.clear();
  job.place = "Atlantis";
  CHECK(test::error_line([&] { init::run_init(job, read_with_import_web); }).find("--timezone") != std::string::npos);
}

TEST_CASE("init names every value a workshop.yaml needs that neither the flags nor the page give") {
  test::TempDir dir;
  init::InitJob job;
  job.folder = dir.path.string();
  job.name = "A Workshop";
  const std::string line = test::error_line([&] { init::run_init(job, read_with_import_web); });
  CHECK(line.find("--short") != std::string::npos);
  CHECK(line.find("--date") != std::string::npos);
  CHECK(line.find("--timezone") != std::string::npos);
  CHECK(line.find("--organizer") != std::string::npos);
  CHECK(line.find("--name") == std::string::npos);
  CHECK_FALSE(fs::exists(dir.path / "workshop.yaml"));
  job = examl_job(dir.path);
  job.date = "2026-02-30";
  CHECK(test::error_line([&] { init::run_init(job, read_with_import_web); }).find("--date: '2026-02-30'") == 0);
}

TEST_CASE("init --from a CfP page: name, acronym, date and organizers from the page, flags first") {
  test::TempDir dir;
  dir.write("cfp.md",
            "# ExaML'26: The Workshop on Machine Learning at Exascale\n\n"
            "In conjunction with SC26, St. Louis, Missouri, on November 16, 2026.\n\n"
            "## Organizers\n\n- Ada Lovelace, Analytical Engines Inc.\n- Grace Hopper, Navy\n\n"
            "## Important Dates\n\n- Paper submission: August 1, 2026\n");
  init::InitJob job;
  job.folder = (dir.path / "v").string();
  job.from = (dir.path / "cfp.md").string();
  job.timezone = "America/Chicago";
  job.written_on = "2026-12-06";
  init::run_init(job, read_with_import_web);
  const Workshop w = load_workshop(dir.path / "v");
  CHECK(w.name == "ExaML'26: The Workshop on Machine Learning at Exascale");
  CHECK(w.acronym == "ExaML'26");
  CHECK(w.id == "examl-2026");
  CHECK(w.date == "2026-11-16");
  REQUIRE(w.organizers.size() == 2);
  CHECK(w.organizers[1].name == "Grace Hopper");
  REQUIRE(w.dates.size() == 1);
  CHECK(w.dates[0].date == "2026-08-01");
  CHECK(read_file(dir.path / "v/workshop.yaml").find("from " + job.from) != std::string::npos);
}

TEST_CASE("import web reads the event's date however the page writes it, with no keyword before it") {
  const std::string head = "# ExaML'26: The Workshop on Machine Learning at Exascale\n\n";
  for (const char* date : {"November 16, 2026", "Monday, November 16, 2026", "16 November 2026", "Nov. 16, 2026",
                           "Nov 16, 2026", "2026-11-16", "November 16th, 2026"}) {
    INFO(date);
    CHECK(event_date_of(head + "Held with SC26 in St. Louis, Missouri. " + date + "\n") == "2026-11-16");
    CHECK(event_date_of(head + date + "\n") == "2026-11-16");
    CHECK(event_date_of(head + "## " + date + "\n") == "2026-11-16");
    CHECK(event_date_of(head + "When: " + date + "\n") == "2026-11-16");
  }
  // a deadline is not the event's date; the event's own date wins wherever it stands
  CHECK(event_date_of(head + "Submission deadline: August 1, 2026\n\nThe workshop meets on November 16, 2026.\n") ==
        "2026-11-16");
  CHECK(event_date_of(head + "## Important Dates\n\n- Paper submission: August 1, 2026\n- Workshop: November 16, 2026\n") ==
        "2026-11-16");
  CHECK(event_date_of(head + "Paper submission deadline: August 1, 2026\n") == "");
}

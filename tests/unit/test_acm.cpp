// The ACM record (workshop.yaml's acm: block, papers' doi and rights), the
// importers, the ACM CSV and the rights-block checks.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "proceedings/check/acm_rights.hpp"
#include "proceedings/check/analyze.hpp"
#include "export/acm_csv.hpp"
#include "helpers.hpp"
#include "proceedings/csv.hpp"
#include "proceedings/model.hpp"
#include "proceedings/papers_yaml.hpp"

using namespace proceedings;
using proceedings::check::AcmChecks;
using proceedings::check::CheckRules;

namespace {

const char* acm_block = R"(acm:
  proceedings_title: "Proceedings of the Test Workshops"
  conference: "Workshops of the Test Conference"
  short_name: "TW '25"
  dates: "November 16–21, 2025"
  location: "St. Louis, MO, USA"
  year: 2025
  month: 11
  isbn: "979-8-4007-1234-0"
  doi: "10.1145/3731599"
)";

std::string load_error(const std::string& workshop, const std::string& papers = "") {
  test::TempDir dir;
  dir.write("workshop.yaml", workshop);
  if (!papers.empty()) dir.write("papers.yaml", papers);
  return test::error_line([&] { load_workshop(dir.path); });
}

}  // namespace

TEST_CASE("ExHetAI'25 carries the SC Workshops '25 record; AIExScale'25, published on arXiv, none") {
  const Workshop w = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  REQUIRE(w.acm);
  CHECK(w.acm->short_name == "SC Workshops '25");
  CHECK(w.acm->dates == "November 16–21, 2025");
  CHECK(w.acm->location == "St. Louis, MO, USA");
  CHECK(w.acm->year == 2025);
  CHECK(w.acm->publisher == "Association for Computing Machinery");
  CHECK(w.acm->isbn.empty());  // not public where we could verify it
  CHECK_FALSE(load_workshop(test::source_dir() / "metadata/aiexscale-2025").acm);
}

TEST_CASE("the acm block and the papers' doi and rights load") {
  test::TempDir dir;
  dir.write("workshop.yaml", std::string(test::minimal_workshop_yaml) + acm_block);
  dir.write("papers.yaml", R"(papers:
  - {id: a, title: A, authors: [Ada], doi: "10.1145/3731599.3767342", rights: acmlicensed, submission: "hotcrp:7"}
)");
  const Workshop w = load_workshop(dir.path);
  REQUIRE(w.acm);
  CHECK(w.acm->isbn == "979-8-4007-1234-0");
  CHECK(w.acm->month == 11);
  CHECK(w.papers[0].rights == "acmlicensed");
  CHECK(w.papers[0].submission == "hotcrp:7");
  CHECK(w.papers[0].doi == "10.1145/3731599.3767342");
}

TEST_CASE("acm record mistakes name file, line and field") {
  const std::string base = test::minimal_workshop_yaml;
  std::string bad_isbn = base + acm_block;
  bad_isbn.replace(bad_isbn.find("979-8-4007-1234-0"), 17, "979-8-4007-1234-6");
  CHECK(load_error(bad_isbn).find("workshop.yaml:16: field 'acm.isbn' '979-8-4007-1234-6' is not an ISBN-13") !=
        std::string::npos);
  std::string placeholder = base + acm_block;
  placeholder.replace(placeholder.find("979-8-4007-1234-0"), 17, "978-x-xxxx-xxxx-x");
  CHECK(load_error(placeholder).find("field 'acm.isbn'") != std::string::npos);
  std::string no_short = base + acm_block;
  no_short.erase(no_short.find("  short_name"), no_short.find("  dates") - no_short.find("  short_name"));
  CHECK(load_error(no_short).find("field 'acm' needs 'short_name'") != std::string::npos);
  std::string bad_year = base + acm_block;
  bad_year.replace(bad_year.find("year: 2025"), 10, "year: 25");
  CHECK(load_error(bad_year).find("field 'acm.year' must be the publication year") != std::string::npos);
  CHECK(load_error(base + acm_block + "  sponsor: SIGHPC\n").find("field 'acm.sponsor' is not a known field") !=
        std::string::npos);

  const std::string rights = load_error(base + acm_block, "papers:\n  - id: a\n    title: A\n    authors: [Ada]\n    rights: acm-licensed\n");
  CHECK(rights.find("papers.yaml:5: field 'papers[0].rights' 'acm-licensed' is not a rights type") != std::string::npos);
  const std::string other_volume =
      load_error(base + acm_block, "papers:\n  - {id: a, title: A, authors: [Ada], doi: \"10.1145/3712345.3712001\"}\n");
  CHECK(other_volume.find("not in the volume 10.1145/3731599") != std::string::npos);
  CHECK(load_error(base, "papers:\n  - {id: a, title: A, authors: [Ada], doi: \"10.1145/nnnnnnn.nnnnnnn\"}\n")
            .find("acmart's placeholder") != std::string::npos);
  CHECK(load_error(base, "papers:\n  - {id: a, title: A, authors: [Ada], doi: \"doi:10.1145/1\"}\n")
            .find("field 'papers[0].doi'") != std::string::npos);
}

TEST_CASE("papers.yaml written with rights and submission loads back unchanged") {
  Paper p;
  p.id = "omnifed";
  p.title = "OmniFed: A Modular Framework";
  p.authors.emplace_back();
  p.authors.back().name = "Sahil Tyagi";
  p.doi = "10.1145/3731599.3767342";
  p.rights = "rightsretained";
  p.submission = "hotcrp:12";
  test::TempDir dir;
  dir.write("workshop.yaml", test::minimal_workshop_yaml);
  dir.write("papers.yaml", papers_yaml({p}, "# header\n"));
  const Workshop w = load_workshop(dir.path);
  REQUIRE(w.papers.size() == 1);
  CHECK(w.papers[0].rights == "rightsretained");
  CHECK(w.papers[0].submission == "hotcrp:12");
  CHECK(w.papers[0].doi == p.doi);
}

namespace {

// The record tests/fixtures/acm-record.tex was typeset for.
CheckRules record_rules() {
  CheckRules rules = check::rules_from(*load_workshop(test::source_dir() / "metadata/exhetai-2025").submission);
  rules.acm_checks = AcmChecks::record;
  AcmRecord acm;
  acm.proceedings_title = "Proceedings of the Synthetic Workshops";
  acm.conference = "Workshops of the Synthetic Conference on Test Papers";
  acm.short_name = "SYN Workshops '25";
  acm.dates = "November 16–21, 2025";
  acm.location = "St. Louis, MO, USA";
  acm.year = 2025;
  acm.month = 11;
  acm.isbn = "979-8-4007-1234-0";
  acm.doi = "10.1145/3731599";
  rules.acm = acm;
  Paper paper;
  paper.id = "acm-record";
  paper.title = "A Synthetic Stand-in Paper for Format Checks";
  paper.doi = "10.1145/3731599.3767342";
  paper.rights = "acmlicensed";
  rules.papers = {paper};
  return rules;
}

check::Analysis checked(const std::string& fixture, const CheckRules& rules) {
  PdfReader reader;
  const auto path = test::fixture(fixture);
  return check::analyze(path.string(), reader.read(path), rules);
}

std::set<std::string> acm_codes(const check::Analysis& a) {
  std::set<std::string> codes;
  for (const auto& p : a.problems)
    if (p.code.rfind("ACM_", 0) == 0 && p.code != "ACM_REFERENCE_FORMAT") codes.insert(p.code);
  return codes;
}

std::string message(const check::Analysis& a, const std::string& code) {
  for (const auto& p : a.problems)
    if (p.code == code) return p.message;
  return "";
}

}  // namespace

TEST_CASE("acmart's untouched defaults and its sample's Woodstock block are ACM_PLACEHOLDER errors") {
  const CheckRules rules = check::rules_from(*load_workshop(test::source_dir() / "metadata/exhetai-2025").submission);
  const auto defaults = checked("acm-default.pdf", rules);
  CHECK(defaults.verdict == check::Verdict::fail);
  CHECK(acm_codes(defaults) == std::set<std::string>{"ACM_PLACEHOLDER"});
  const std::string said = message(defaults, "ACM_PLACEHOLDER");
  CHECK(said.find("page 1, y=") != std::string::npos);
  CHECK(said.find("ACM ISBN 978-x-xxxx-xxxx-x/YY/MM") != std::string::npos);
  CHECK(said.find("10.1145/nnnnnnn.nnnnnnn") != std::string::npos);
  const auto sample = checked("acm-sample.pdf", rules);
  CHECK(acm_codes(sample) == std::set<std::string>{"ACM_PLACEHOLDER"});
  CHECK(message(sample, "ACM_PLACEHOLDER").find("Woodstock '18") != std::string::npos);
  // A paper with its own (or no) values is not flagged.
  CHECK(acm_codes(checked("body5.pdf", rules)).empty());
  CHECK(acm_codes(checked("acm-record.pdf", rules)).empty());
}

TEST_CASE("at a venue ACM does not publish the rights-block checks are off") {
  CheckRules rules = record_rules();
  rules.acm_checks = AcmChecks::off;
  CHECK(acm_codes(checked("acm-default.pdf", rules)).empty());
  CHECK(acm_codes(checked("acm-nonacm.pdf", rules)).empty());
}

TEST_CASE("a rights block that matches the record passes; each field changed in the record fires its code") {
  const auto ok = checked("acm-record.pdf", record_rules());
  CHECK(ok.verdict == check::Verdict::pass);
  CHECK(acm_codes(ok).empty());

  CheckRules dates = record_rules();
  dates.acm->dates = "November 17–21, 2025";
  const auto conference = checked("acm-record.pdf", dates);
  CHECK(acm_codes(conference) == std::set<std::string>{"ACM_CONFERENCE"});
  CHECK(message(conference, "ACM_CONFERENCE").find("'SYN Workshops '25, November 16-21, 2025, St. Louis, MO, USA'") !=
        std::string::npos);  // the printed line as evidence
  CheckRules short_name = record_rules();
  short_name.acm->short_name = "SYN '25";
  CHECK(acm_codes(checked("acm-record.pdf", short_name)) == std::set<std::string>{"ACM_CONFERENCE"});

  CheckRules isbn = record_rules();
  isbn.acm->isbn = "979-8-4007-1871-7";
  const auto wrong_isbn = checked("acm-record.pdf", isbn);
  CHECK(acm_codes(wrong_isbn) == std::set<std::string>{"ACM_ISBN"});
  CHECK(message(wrong_isbn, "ACM_ISBN").find("'ACM ISBN 979-8-4007-1234-0/25/11") != std::string::npos);

  CheckRules doi = record_rules();
  doi.papers[0].doi = "10.1145/3731599.3767999";
  const auto wrong_doi = checked("acm-record.pdf", doi);
  CHECK(acm_codes(wrong_doi) == std::set<std::string>{"ACM_DOI"});
  CHECK(message(wrong_doi, "ACM_DOI").find("prints the DOI 10.1145/3731599.3767342, which is not its own") !=
        std::string::npos);
  CheckRules volume = record_rules();
  volume.papers[0].doi.clear();
  volume.acm->doi = "10.1145/3700000";
  CHECK(acm_codes(checked("acm-record.pdf", volume)) == std::set<std::string>{"ACM_DOI"});

  CheckRules rights = record_rules();
  rights.papers[0].rights = "rightsretained";
  const auto wrong_rights = checked("acm-record.pdf", rights);
  CHECK(acm_codes(wrong_rights) == std::set<std::string>{"ACM_RIGHTS"});
  CHECK(message(wrong_rights, "ACM_RIGHTS").find("rights text of 'acmlicensed'") != std::string::npos);

  CheckRules year = record_rules();
  year.acm->year = 2026;
  const auto wrong_year = checked("acm-record.pdf", year);
  CHECK(acm_codes(wrong_year) == std::set<std::string>{"ACM_YEAR"});
  CHECK(message(wrong_year, "ACM_YEAR").find("The copyright year is 2025") != std::string::npos);
}

TEST_CASE("the printed rights type is read from acmart's own text") {
  PdfReader reader;
  const auto licensed = check::read_rights_block(reader.read(test::fixture("acm-record.pdf")).pages.front());
  CHECK(licensed.rights == std::vector<std::string>{"acmlicensed"});
  CHECK(licensed.year == 2025);
  CHECK(licensed.dois == std::vector<std::string>{"10.1145/3731599.3767342", "10.1145/3731599.3767342"});
  const auto kept = check::read_rights_block(reader.read(test::fixture("acm-rightsretained.pdf")).pages.front());
  CHECK(kept.rights == std::vector<std::string>{"rightsretained"});
  CheckRules rules = record_rules();
  rules.papers[0].id = "acm-rightsretained";
  rules.papers[0].doi = "10.1145/3731599.3767343";
  rules.papers[0].rights = "rightsretained";
  CHECK(acm_codes(checked("acm-rightsretained.pdf", rules)).empty());
  rules.papers[0].rights = "acmlicensed";
  CHECK(acm_codes(checked("acm-rightsretained.pdf", rules)) == std::set<std::string>{"ACM_RIGHTS"});
}

TEST_CASE("a nonacm paper or one without a rights statement at an ACM venue is an ACM_RIGHTS error") {
  const auto nonacm = checked("acm-nonacm.pdf", record_rules());
  CHECK(acm_codes(nonacm) == std::set<std::string>{"ACM_RIGHTS"});
  CHECK(message(nonacm, "ACM_RIGHTS").find("no ACM rights block") != std::string::npos);
  CheckRules rules = record_rules();
  rules.papers[0].id = "body5";  // \setcopyright{none}, the SYN'25 conference, no ISBN or DOI
  const auto none = checked("body5.pdf", rules);
  CHECK(acm_codes(none).count("ACM_RIGHTS") == 1);
  CHECK(message(none, "ACM_RIGHTS").find("prints no ACM rights statement") != std::string::npos);
}

TEST_CASE("the bundled ExHetAI'25 papers carry SC Workshops '25's block and pass its record") {
  const Workshop w = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  const CheckRules rules = check::rules_for_venue(w);
  CHECK(rules.acm_checks == AcmChecks::record);
  for (const auto& p : w.papers) {
    CAPTURE(p.id);
    const auto a = checked("../manuscripts/exhetai-2025/" + p.id + ".pdf", rules);
    CHECK(acm_codes(a).empty());
  }
}

// Issue 24 item 7: a cell a spreadsheet would evaluate ("=cmd|' /C calc'!A0",
// "@SUM(1+1)") is written with a leading ', read back with core's CSV reader.
TEST_CASE("export acm-csv: cells that start like a formula get a leading quote") {
  test::TempDir dir;
  dir.write("workshop.yaml", std::string(test::minimal_workshop_yaml) + acm_block);
  dir.write("papers.yaml", R"yaml(papers:
  - id: a
    title: "= cmd|' /C calc'!A0"
    authors:
      - {name: "+Plus Minus", affiliation: "@SUM(1+1)"}
      - "-2+3"
      - {name: Ada Lovelace, affiliations: [{institution: "Analytical Engines", city: "=HYPERLINK(\"http://x.example\")"}]}
)yaml");
  const Workshop w = load_workshop(dir.path);
  const auto& columns = exporter::acm_csv_columns();
  const auto rows = parse_csv(exporter::csv_text(columns, exporter::acm_csv_rows(w, {{"a", {1, 12}}})), "acm.csv");
  REQUIRE(rows.size() == 4);
  auto cell = [&](std::size_t row, const std::string& column) {
    return rows[row].cells.at(std::find(columns.begin(), columns.end(), column) - columns.begin());
  };
  CHECK(cell(1, "theTitle") == "'= cmd|' /C calc'!A0");
  CHECK(cell(1, "first_name") == "'+Plus");
  CHECK(cell(1, "last_name") == "Minus");
  CHECK(cell(1, "institution") == "'@SUM(1+1)");
  CHECK(cell(2, "last_name") == "'-2+3");
  CHECK(cell(3, "city") == "'=HYPERLINK(\"http://x.example\")");
  // Text that only holds such a sign further on, and the numbers, are as they were.
  CHECK(cell(3, "institution") == "Analytical Engines");
  CHECK(cell(3, "author_sequence_no") == "3");
  CHECK(cell(3, "end_page") == "12");
  // Tab and carriage return lead a formula too (the loader refuses them in names; the writer does not rely on it).
  CHECK(exporter::formula_safe("\tx") == "'\tx");
  CHECK(exporter::formula_safe("\r=1") == "'\r=1");
  CHECK(exporter::formula_safe("a-b") == "a-b");
  CHECK(exporter::formula_safe("").empty());
}

// Issue 25 item 12: ACM's enhanced CSV, 31 columns in the order of the public
// EasyChair-to-ACM converter (annaritz/easychair-to-acm-erights, 2021).
TEST_CASE("export acm-csv: ACM's enhanced layout of 31 columns, paper type, tracking number and the marked contact") {
  const std::vector<std::string> enhanced{
      "proceeding ID", "event_tracking_number", "paper_type", "theTitle", "prefix", "first_name", "middle_name",
      "last_name", "suffix", "author_sequence_no", "contact_author", "ACM_profile_id", "ACM_client_no", "orcid",
      "email", "department_school_lab", "institution", "city", "state_province", "country",
      "secondary_department_school_lab", "secondary_institution", "secondary_city", "secondary_state_province",
      "secondary_country", "section_title", "section_seq_no", "published_article_number", "start_page", "end_page",
      "article_seq_no"};
  CHECK(exporter::acm_csv_columns() == enhanced);
  test::TempDir dir;
  dir.write("workshop.yaml", std::string(test::minimal_workshop_yaml) + acm_block +
                                 "  event_id: \"12711\"\n  paper_type: Short Paper\n");
  // As import writes a HotCRP export whose second author is the contact.
  dir.write("papers.yaml", R"yaml(papers:
  - id: a
    title: "Green Stencils"
    authors:
      - {name: Ana Ruiz, affiliations: [{institution: UPV, city: Valencia, country: Spain}]}
      - {name: Bob Li, email: bob@lab.example, contact: true, affiliations: [{department: [HPC Group], institution: ORNL, city: Oak Ridge, state: TN, country: USA}]}
    submission: "hotcrp:17"
    type: Full Paper
  - id: b
    title: "A Poster"
    authors: [{name: Cy Young, email: cy@x.example}, Dee Dow, {name: Ana Sofía Núñez García, given: Ana Sofía, family: Núñez García}, {name: Li Wei, family: Li}]
    submission: "easychair:4"
)yaml");
  const Workshop w = load_workshop(dir.path);
  const auto text = exporter::csv_text(exporter::acm_csv_columns(), exporter::acm_csv_rows(w, {{"a", {1, 6}}}));
  const auto rows = parse_csv(text, "acm.csv");
  REQUIRE(rows.size() == 7);
  for (const auto& r : rows) CHECK(r.cells.size() == 31);
  CHECK(rows[0].cells == enhanced);
  const std::vector<std::string> bob{"12711", "17", "Full Paper", "Green Stencils", "", "Bob", "", "Li", "", "2", "yes",
                                     "", "", "", "bob@lab.example", "HPC Group", "ORNL", "Oak Ridge", "TN", "USA",
                                     "", "", "", "", "", "", "", "", "1", "6", "1"};
  CHECK(rows[2].cells == bob);
  CHECK(rows[1].cells[10] == "no");  // Ana, first but not the contact
  CHECK(rows[1].cells[19] == "Spain");
  // No author marked: the first is the contact; no type: the venue's.
  CHECK(rows[3].cells[1] == "4");
  CHECK(rows[3].cells[2] == "Short Paper");
  CHECK(rows[3].cells[10] == "yes");
  CHECK(rows[4].cells[10] == "no");
  // The author's own split (HotCRP's given_name/family_name), a family name written first (issue 25 item 9).
  CHECK(std::vector<std::string>(rows[5].cells.begin() + 5, rows[5].cells.begin() + 8) ==
        std::vector<std::string>{"Ana Sofía", "", "Núñez García"});
  CHECK(std::vector<std::string>(rows[6].cells.begin() + 5, rows[6].cells.begin() + 8) ==
        std::vector<std::string>{"Wei", "", "Li"});
  // The contact flag survives core's papers.yaml writer.
  CHECK(papers_yaml(w.papers, "").find("contact: true") != std::string::npos);
  CHECK(papers_yaml(w.papers, "").find("type: Full Paper") != std::string::npos);
}

TEST_CASE("export acm-csv: a contact author without an e-mail is an error, an author without a country a warning") {
  test::TempDir dir;
  dir.write("workshop.yaml", std::string(test::minimal_workshop_yaml) + acm_block);
  dir.write("papers.yaml", R"yaml(papers:
  - {id: mailless, title: T, authors: [Ann Adams, {name: Bob Li, contact: true, affiliation: {institution: X, country: USA}}]}
  - {id: fine, title: U, authors: [{name: Cy Young, email: cy@x.example, affiliations: [{institution: Y, country: USA}]}]}
)yaml");
  const auto problems = exporter::acm_csv_problems(load_workshop(dir.path));
  std::map<std::string, std::vector<const Diagnostic*>> by_code;
  for (const auto& d : problems) by_code[d.code].push_back(&d);
  REQUIRE(by_code["ACM_CONTACT_EMAIL"].size() == 1);
  CHECK(by_code["ACM_CONTACT_EMAIL"][0]->severity == Severity::error);
  CHECK(by_code["ACM_CONTACT_EMAIL"][0]->message.find("paper 'mailless': its contact author Bob Li has no e-mail") == 0);
  CHECK(by_code["ACM_CONTACT_EMAIL"][0]->file == (dir.path / "papers.yaml").string());
  REQUIRE(by_code["ACM_COUNTRY"].size() == 1);
  CHECK(by_code["ACM_COUNTRY"][0]->severity == Severity::warning);
  CHECK(by_code["ACM_COUNTRY"][0]->message.find("paper 'mailless': no country for Ann Adams") == 0);
  REQUIRE(by_code["ACM_EVENT_ID"].size() == 1);  // acm_block has no event_id
  CHECK(by_code["ACM_EVENT_ID"][0]->severity == Severity::warning);
  CHECK(count_errors(problems) == 1);
}

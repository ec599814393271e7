#include <doctest/doctest.h>
#include <unistd.h>

#include "helpers.hpp"
#include "proceedings/model.hpp"
#include "proceedings/files.hpp"
#include "proceedings/papers_yaml.hpp"
#include "proceedings/merge.hpp"
#include "proceedings/names.hpp"
#include "proceedings/process.hpp"
#include "proceedings/text.hpp"

#include <sstream>

using namespace proceedings;

TEST_CASE("ExHetAI'25 metadata loads with its rules, program and papers") {
  const Workshop w = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  CHECK(w.acronym == "ExHetAI'25");
  CHECK(w.date == "2025-11-16");
  CHECK(w.timezone == "America/Chicago");
  REQUIRE(w.organizers.size() == 3);
  CHECK(w.organizers[1].name == "Seyong Lee");
  REQUIRE(w.committees.size() == 1);
  CHECK(w.committees[0].members.size() == 12);
  REQUIRE(w.submission);
  CHECK(w.submission->template_name == "acmart-sigconf");
  CHECK(w.submission->paper == "letter");
  CHECK(w.submission->columns == 2);
  CHECK(w.submission->min_pages == 5);
  CHECK(w.submission->max_pages == 6);
  CHECK(w.submission->bibliography_excluded);
  CHECK(w.submission->review == Review::single_blind);
  REQUIRE(w.sessions.size() == 7);
  CHECK(w.sessions[0].start.minutes == 9 * 60);
  CHECK(w.sessions[4].chairs == std::vector<std::string>{"Seyong Lee"});
  CHECK(w.sessions[4].talks[1].paper_id == "wages");
  CHECK(w.sessions[4].talks[1].start->minutes == 11 * 60 + 30);
  CHECK_FALSE(w.sessions[6].end.has_value());  // the page gives the closing no end
  REQUIRE(w.papers.size() == 4);
  CHECK(w.papers[2].id == "omnifed");
  CHECK(w.papers[2].authors.size() == 4);
  CHECK(w.papers[2].authors[3].name == "Feiyi Wang");
}

TEST_CASE("AIExScale'25 metadata keeps the page's times as published") {
  const Workshop w = load_workshop(test::source_dir() / "metadata/aiexscale-2025");
  CHECK(w.kind == "symposium");
  CHECK(w.organizers[1].name == "Loïc Pottier");
  CHECK(w.organizers[1].email() == "pottier1@llnl.gov");
  CHECK_FALSE(w.submission.has_value());
  REQUIRE(w.sessions.size() == 8);
  CHECK(w.sessions[1].talks[0].kind == "keynote");
  CHECK(w.sessions[7].start.text == "12:20 AM");
  CHECK(w.sessions[7].start.minutes == 20);  // the slip, kept for the program check to report
}

TEST_CASE("clock times in the forms the public pages use") {
  CHECK(parse_clock_time("9am")->minutes == 540);
  CHECK(parse_clock_time("9:10am")->minutes == 550);
  CHECK(parse_clock_time("12:30pm")->minutes == 750);
  CHECK(parse_clock_time("12:20 AM")->minutes == 20);
  CHECK(parse_clock_time("09:30 AM")->minutes == 570);
  CHECK(parse_clock_time("14:05")->minutes == 845);
  CHECK_FALSE(parse_clock_time("9"));
  CHECK_FALSE(parse_clock_time("25:00"));
  CHECK_FALSE(parse_clock_time("13:00 PM"));
  CHECK_FALSE(parse_clock_time("9:75"));
  CHECK_FALSE(parse_clock_time("noon"));
}

namespace {
const char* minimal = test::minimal_workshop_yaml;
}

TEST_CASE("metadata mistakes name the file, the line and the field") {
  test::TempDir dir;
  const auto file = (dir.path / "workshop.yaml").string();

  dir.write("workshop.yaml", std::string(minimal) + "program:\n  sessions:\n    - {title: X, start: '9am', chiars: [A]}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }) ==
        file + ":10: field 'program.sessions[0].chiars' is not a known field; did you mean 'chairs'?");

  dir.write("workshop.yaml", std::string(minimal) + "program:\n  sessions:\n    - {title: X, start: 'nine'}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }) ==
        file + ":10: field 'program.sessions[0].start' is not a time like 09:10 or 9:10 AM: 'nine'");

  dir.write("workshop.yaml", std::string(minimal) + "submission: {paper: legal}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }) ==
        file + ":8: field 'submission.paper' must be letter or a4");

  dir.write("workshop.yaml", std::string(minimal) + "submission: {pages: {min: 7, max: 6}}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("needs 0 <= min <= max") != std::string::npos);

  dir.write("workshop.yaml", "id: w\nacronym: [unclosed\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).rfind(file + ":", 0) == 0);

  dir.write("workshop.yaml", std::string(minimal).replace(std::string(minimal).find("2025-11-16"), 10, "16/11/2025"));
  CHECK(test::error_line([&] { load_workshop(dir.path); }) ==
        file + ":5: field 'date' must be a date YYYY-MM-DD, not '16/11/2025'");
}

TEST_CASE("a talk may only name a paper that papers.yaml lists") {
  test::TempDir dir;
  dir.write("workshop.yaml", std::string(minimal) +
                                 "program:\n  sessions:\n    - title: P\n      start: '9am'\n      talks:\n"
                                 "        - {title: T, paper: ghost}\n");
  dir.write("papers.yaml", "papers:\n  - {id: real, title: R, authors: [Ada]}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }) ==
        (dir.path / "workshop.yaml").string() + ": talk 'T' names paper 'ghost', which papers.yaml does not list");

  dir.write("papers.yaml", "papers:\n  - {id: a, title: A, authors: [Ada]}\n  - {id: a, title: B, authors: [Bo]}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("id 'a' is used twice") != std::string::npos);
}

TEST_CASE("a folder without workshop.yaml is a usage error") {
  test::TempDir dir;
  try {
    load_workshop(dir.path);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.status() == Exit::usage);
    CHECK(std::string(e.what()) == "is not a workshop folder: no workshop.yaml in it");
  }
}

// issue 24 item 14: a papers.yaml kept on Windows (CR LF) lost its comments
// and the style of its titles, and came back with mixed line ends, when a
// write added one line; the same file with LF changed that one line.
TEST_CASE("papers.yaml with CR LF line ends: a write that adds one line adds one line, in CR LF") {
  const std::string lf =
      "# Accepted papers, kept by hand\n"
      "\n"
      "papers:\n"
      "  - id: wages  # the program's id\n"
      "    title: 'WAGES: Workload-Aware GPU Sharing'\n"
      "    authors: [Tianyu Wang, {name: Gourav Rattihalli, affiliation: Hand Lab}]\n"
      "\n"
      "  # the second paper\n"
      "  - id: omnifed\n"
      "    title: >-\n"
      "      OmniFed: A Federated\n"
      "      Framework\n"
      "    authors:\n"
      "      - Sahil Tyagi\n";
  auto crlf = [](const std::string& text) {
    std::string out;
    for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
  };
  for (const bool windows : {false, true}) {
    CAPTURE(windows);
    test::TempDir dir;
    dir.write("workshop.yaml", test::minimal_workshop_yaml);
    dir.write("papers.yaml", windows ? crlf(lf) : lf);
    Workshop w = load_workshop(dir.path);
    REQUIRE(w.papers.size() == 2);
    CHECK(w.papers[1].title == "OmniFed: A Federated Framework");
    w.papers[0].arxiv = "2599.00002";
    const std::string expected =
        "# Accepted papers, kept by hand\n"
        "\n"
        "papers:\n"
        "  - id: wages  # the program's id\n"
        "    title: 'WAGES: Workload-Aware GPU Sharing'\n"
        "    authors: [Tianyu Wang, {name: Gourav Rattihalli, affiliation: Hand Lab}]\n"
        "    arxiv: \"2599.00002\"\n"
        "\n"
        "  # the second paper\n"
        "  - id: omnifed\n"
        "    title: >-\n"
        "      OmniFed: A Federated\n"
        "      Framework\n"
        "    authors:\n"
        "      - Sahil Tyagi\n";
    CHECK(updated_papers_yaml(read_file(dir.path / "papers.yaml"), w.papers) == (windows ? crlf(expected) : expected));
    // As Notepad saves it: a byte order mark before the first line.
    const std::string bom = "\xEF\xBB\xBF";
    const std::string no_header = lf.substr(lf.find("papers:"));
    dir.write("papers.yaml", bom + (windows ? crlf(no_header) : no_header));
    const std::string expected_no_header = expected.substr(expected.find("papers:"));
    CHECK(updated_papers_yaml(read_file(dir.path / "papers.yaml"), w.papers) ==
          bom + (windows ? crlf(expected_no_header) : expected_no_header));
  }
}

// ---- issue 25 items 9, 10, 11: names and affiliations arrive whole ----

TEST_CASE("issue 25 item 9: a family name written first loads, and the author's own split gives ACM's names") {
  test::TempDir dir;
  dir.write("workshop.yaml", test::minimal_workshop_yaml);
  dir.write("papers.yaml",
            "papers:\n"
            "  - id: p1\n"
            "    title: T\n"
            "    authors:\n"
            "      - {name: Li Wei, family: Li}\n"  // refused before: "'Li' is not the end of the name"
            "      - {name: Ana Sofía Núñez García, given: Ana Sofía, family: Núñez García}\n"
            "      - {name: Wei Li Zhang, given: Wei Li}\n"
            "      - Rafael Ferreira da Silva\n"
            "      - {name: Mary Ann Smith, middle: Ann}\n");
  const Workshop w = load_workshop(dir.path);
  const auto& a = w.papers.at(0).authors;
  CHECK(family_name(a[0]) == "Li");
  CHECK(given_name(a[0]) == "Wei");
  CHECK(index_name(a[0]) == "Li, Wei");
  CHECK(acm_name_parts(a[0]) == AcmNameParts{"Wei", "", "Li"});
  CHECK(acm_name_parts(a[1]) == AcmNameParts{"Ana Sofía", "", "Núñez García"});  // not "Ana" + middle "Sofía"
  CHECK(acm_name_parts(a[2]) == AcmNameParts{"Wei Li", "", "Zhang"});
  CHECK(acm_name_parts(a[3]) == AcmNameParts{"Rafael", "", "Ferreira da Silva"});
  CHECK(acm_name_parts(a[4]) == AcmNameParts{"Mary", "Ann", "Smith"});
  // given: and family: must be whole words at an end of the name.
  dir.write("papers.yaml", "papers:\n  - {id: p1, title: T, authors: [{name: Li Weiss, given: Wei}]}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("'Wei' is neither the start nor the end") != std::string::npos);
}

TEST_CASE("issue 25 item 9: person_named keeps a split only where the name alone would be split otherwise") {
  const Person ana = person_named("Ana Sofía", "Núñez");
  CHECK(ana.name == "Ana Sofía Núñez");
  CHECK(ana.given.empty());  // the name says as much: papers.yaml keeps the plain name
  CHECK(acm_name_parts(ana) == AcmNameParts{"Ana Sofía", "", "Núñez"});
  const Person garcia = person_named("Ana Sofía", "Núñez García");
  CHECK(garcia.family == "Núñez García");
  CHECK(acm_name_parts(garcia) == AcmNameParts{"Ana Sofía", "", "Núñez García"});
  CHECK(person_named("", "Plato").name == "Plato");
}

TEST_CASE("issue 25 item 10: an affiliation in one line is read into its parts, as meta reads a PDF's") {
  Affiliation ornl = affiliation_from_text("Oak Ridge National Laboratory, Oak Ridge, TN, USA");
  CHECK(ornl.institution == "Oak Ridge National Laboratory");
  CHECK(ornl.city == "Oak Ridge");
  CHECK(ornl.state == "TN");
  CHECK(ornl.country == "USA");
  CHECK(ornl.departments.empty());
  const Affiliation uc = affiliation_from_text("Department of Computer Science, University of Chicago, Chicago, IL 60637, USA");
  CHECK(uc.departments == std::vector<std::string>{"Department of Computer Science"});
  CHECK(uc.institution == "University of Chicago");
  CHECK(uc.city == "Chicago");
  CHECK(uc.country == "USA");
  const Affiliation kth = affiliation_from_text("Dept. of Computer Science, KTH, Stockholm, Sweden");
  CHECK(kth.departments == std::vector<std::string>{"Dept. of Computer Science"});
  CHECK(kth.institution == "KTH");
  CHECK(kth.city == "Stockholm");
  CHECK(kth.country == "Sweden");
  // Without a country at its end nothing is guessed: the text is the institution.
  CHECK(affiliation_from_text("Inria, Bordeaux Sud-Ouest") == Affiliation{"", {}, "Inria, Bordeaux Sud-Ouest", "", "", "", "", ""});
  CHECK(affiliation_from_text("KTH") == Affiliation{"", {}, "KTH", "", "", "", "", ""});
  CHECK(is_country("P.R. China"));
  CHECK(!is_country("Oak Ridge"));
}

TEST_CASE("issue 25 item 11: names in another typography are the same name") {
  CHECK(same_name("Sarah O'Connell", "Sarah O\u2019Connell"));
  CHECK(same_name("Pedro Valero-Lara", "Pedro Valero\u2013Lara"));
  CHECK(same_name("Zo\u00eb \u00c5ngstr\u00f6m", "Zoe\u0308 A\u030angstro\u0308m"));  // NFC vs NFD
  CHECK(same_name("Nguy\u1ec5n V\u0103n", "Nguye\u0302\u0303n Va\u0306n"));            // two marks on one letter
  CHECK(same_name("Nguy\u1ec7n", "Nguye\u0323\u0302n"));
  CHECK(same_name("Nguy\u1ec7n", "Nguye\u0302\u0323n"));  // marks out of canonical order
  CHECK(same_name("Ana\u00a0Mar\u00eda  L\u00f3pez", "Ana Mar\u00eda L\u00f3pez"));
  CHECK(!same_name("Sarah O'Connell", "Sara O'Connell"));
  CHECK(!same_name("Zo\u00eb", "Zoe"));  // an accent is not typography
}

TEST_CASE("issue 25 item 11: composed_latin agrees with Python's unicodedata NFC on every Latin letter") {
  // Python writes, for every letter of the Latin blocks with a canonical
  // decomposition, its NFD and its NFC (hex code points), and the NFD with its
  // marks reversed where there are two (NFC puts them in canonical order first).
  const std::string script = R"(
import unicodedata as u
def hexes(s): return ' '.join('%X' % ord(c) for c in s)
for lo, hi in ((0xC0, 0x250), (0x1E00, 0x1F00)):
    for cp in range(lo, hi):
        d = u.normalize('NFD', chr(cp))
        if len(d) < 2: continue
        print(hexes(d) + ';' + hexes(u.normalize('NFC', d)))
        if len(d) == 3:
            r = d[0] + d[2] + d[1]
            print(hexes(r) + ';' + hexes(u.normalize('NFC', r)))
)";
  const ProgramRun run = run_program("python3", {"-c", script}, fs::temp_directory_path(), std::chrono::seconds(60));
  auto text = [](const std::string& hexes) {
    std::string out;
    std::istringstream in(hexes);
    for (std::string h; in >> h;) append_utf8(out, static_cast<char32_t>(std::stoul(h, nullptr, 16)));
    return out;
  };
  std::istringstream lines(run.out);
  int compared = 0;
  for (std::string line; std::getline(lines, line); ++compared) {
    const auto semi = line.find(';');
    INFO(line);
    CHECK(composed_latin(text(line.substr(0, semi))) == text(line.substr(semi + 1)));
  }
  CHECK(compared > 600);
}

TEST_CASE("issue 25 item 10: meta --write's fill-in gives an affiliation kept as text its empty parts") {
  Person mine{"Bo Li", {Affiliation{"", {}, "Oak Ridge National Laboratory, Oak Ridge, TN, USA", "", "", "", "", ""}},
              {}, {"bo@ornl.example"}, "", ""};
  Person pdf{"Bo Li", {Affiliation{"", {"CSMD"}, "Oak Ridge National Laboratory", "", "Oak Ridge", "TN", "", "USA"}},
             {}, {}, "", ""};
  const auto filled = fill_in(mine, pdf);
  CHECK(filled.size() == 1);
  CHECK(mine.affiliations.at(0) == pdf.affiliations.at(0));  // was left as the one text: affiliations were "not empty"
  // What a person wrote stays; only empty parts are filled.
  Person edited{"Bo Li", {Affiliation{"", {}, "Oak Ridge National Laboratory", "", "Knoxville", "", "", ""}}, {}, {}, "", ""};
  fill_in(edited, pdf);
  CHECK(edited.affiliations.at(0).city == "Knoxville");
  CHECK(edited.affiliations.at(0).country == "USA");
  // Another institution is not touched.
  Person other{"Bo Li", {Affiliation{"", {}, "KTH", "", "", "", "", ""}}, {}, {}, "", ""};
  CHECK(fill_in(other, pdf).empty());
  CHECK(other.affiliations.at(0) == Affiliation{"", {}, "KTH", "", "", "", "", ""});
}

TEST_CASE("issue 25 item 1: one name folder in core, for every script") {
  // Before, core's fold_name folded every Greek, Cyrillic or CJK name to "" (so any two
  // matched) and meta kept a second folder of its own for Greek and Cyrillic.
  CHECK(fold_name("Γιάννης Παπαδόπουλος") == fold_name("ΓΙΑΝΝΗΣ ΠΑΠΑΔΟΠΟΥΛΟΣ"));
  CHECK(fold_name("Γιάννης") != fold_name("Νίκος"));
  CHECK(fold_name("Дмитрий Иванов") == fold_name("ДМИТРИЙ ИВАНОВ"));
  CHECK(fold_name("李伟") != fold_name("王芳"));
  CHECK(fold_name("李伟") == fold_name("李 伟"));
  CHECK(fold_name("Zoe\u0308 A\u030angstro\u0308m") == fold_name("Zoë Ångström"));
  CHECK(fold_words("Jean-Loïc D. Pottier") == "jean loic d  pottier");
  CHECK(fold_name("Sarah O\u2019Connell") == "sarahoconnell");
}

TEST_CASE("next_code_point decodes what append_utf8 writes, core's one UTF-8 decoder") {
  std::string text;
  const std::vector<char32_t> points{U'a', 0xE9, 0x3B1, 0x2019, 0x674E, 0x1D45B};
  for (char32_t c : points) append_utf8(text, c);
  std::vector<char32_t> read;
  for (std::size_t i = 0; i < text.size();) read.push_back(next_code_point(text, i));
  CHECK(read == points);
  std::size_t at = 0;
  CHECK(next_code_point(std::string("\xE2\x80"), at) == 0x80);  // cut short: what its bytes carry (0x2, then 0x00)
  CHECK(at == 2);
}

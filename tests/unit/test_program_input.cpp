// Issue 24's hardening of the program's input and writers: YAML that expands
// or carries control characters, speakers whose names have no ASCII slug,
// clashes reported once, and time zones past the TZif files' last change.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <sstream>

#include "booklet/jekyll.hpp"
#include "helpers.hpp"
#include "proceedings/model.hpp"
#include "proceedings/process.hpp"
#include "proceedings/program_checks.hpp"
#include "proceedings/timezone.hpp"
#include "proceedings/yaml_input.hpp"

using namespace proceedings;

namespace {

std::string workshop_with(const std::string& more) { return std::string(test::minimal_workshop_yaml) + more; }

int count_code(const std::vector<ProgramFinding>& findings, const std::string& code) {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const ProgramFinding& f) { return f.code == code; }));
}

// One line of `zdump -v`: "America/Chicago  Sun Mar 14 07:59:59 2038 UT = Sun Mar 14 01:59:59 2038 CST isdst=0 gmtoff=-21600".
struct ZdumpLine {
  std::int64_t utc = 0;
  std::string abbreviation;
  bool dst = false;
  int offset = 0;
};

std::optional<ZdumpLine> parse_zdump(const std::string& line) {
  std::istringstream in(line);
  std::string zone, weekday, month, time, year, ut;
  int day = 0;
  if (!(in >> zone >> weekday >> month >> day >> time >> year >> ut) || ut != "UT") return std::nullopt;
  static const std::string months = "JanFebMarAprMayJunJulAugSepOctNovDec";
  const auto m = months.find(month);
  if (m == std::string::npos || time.size() != 8) return std::nullopt;
  ZdumpLine out;
  out.utc = days_from_civil(std::stoi(year), static_cast<int>(m / 3) + 1, day) * 86400 + std::stoi(time.substr(0, 2)) * 3600 +
            std::stoi(time.substr(3, 2)) * 60 + std::stoi(time.substr(6, 2));
  std::string equals, local_weekday, local_month, local_day, local_time, local_year, isdst, gmtoff;
  in >> equals >> local_weekday >> local_month >> local_day >> local_time >> local_year >> out.abbreviation >> isdst >> gmtoff;
  if (isdst.rfind("isdst=", 0) != 0 || gmtoff.rfind("gmtoff=", 0) != 0) return std::nullopt;
  out.dst = isdst == "isdst=1";
  out.offset = std::stoi(gmtoff.substr(7));
  return out;
}

int current_year() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  return utc.tm_year + 1900;
}

}  // namespace

// Item 18: the TZif reader stopped at the file's last listed change (2037 in
// Debian's tzdata, earlier with "slim" files) and ignored the rule after it.
TEST_CASE("time zones agree with zdump at every change from this year to 2045, past 2037 too") {
  const std::string years = std::to_string(current_year()) + ",2046";
  for (const char* name : {"America/Chicago", "Europe/Berlin", "Australia/Sydney", "America/New_York", "Asia/Tokyo",
                           "America/Mexico_City", "Pacific/Auckland", "Europe/London"}) {
    CAPTURE(name);
    const TimeZone zone = TimeZone::load(name);
    const auto run = run_program("zdump", {"-v", "-c", years, name}, std::filesystem::current_path(), std::chrono::seconds(20));
    std::istringstream lines(run.out);
    int compared = 0, past_2037 = 0;
    for (std::string line; std::getline(lines, line);) {
      const auto z = parse_zdump(line);
      if (!z) continue;
      CAPTURE(line);
      const Offset ours = zone.offset_at(z->utc);
      CHECK(ours.seconds == z->offset);
      CHECK(ours.dst == z->dst);
      ++compared;
      past_2037 += z->utc >= days_from_civil(2038, 1, 20) * 86400;
    }
    CHECK(compared >= (std::string(name) == "Asia/Tokyo" || std::string(name) == "America/Mexico_City" ? 0 : 40));
    if (compared > 0) CHECK(past_2037 > 0);
  }
  // The case the issue names: 2038-07-15 09:00 in Chicago is daylight time.
  const TimeZone chicago = TimeZone::load("America/Chicago");
  const Offset july_2038 = chicago.offset_at(chicago.to_utc(2038, 7, 15, 9 * 60));
  CHECK(july_2038.seconds == -5 * 3600);
  CHECK(july_2038.abbreviation == "CDT");
  const auto changes = chicago.transitions_in_year(2040);
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].utc == days_from_civil(2040, 3, 11) * 86400 + 8 * 3600);  // 2:00 CST on the second Sunday of March
  CHECK(changes[1].utc == days_from_civil(2040, 11, 4) * 86400 + 7 * 3600);  // 2:00 CDT on the first Sunday of November
}

// Item 21: the top-level fields name their own line, and an unknown zone its file.
TEST_CASE("a bad date or time zone is reported at its line in workshop.yaml") {
  test::TempDir dir;
  const auto file = (dir.path / "workshop.yaml").string();
  std::string yaml = test::minimal_workshop_yaml;
  dir.write("workshop.yaml", "# a comment\n# another\n" + yaml.replace(yaml.find("America/Chicago"), 15, "Mars/Olympus"));
  CHECK(test::error_line([&] { load_workshop(dir.path); }) ==
        file + ":8: field 'timezone' 'Mars/Olympus' is not an IANA time zone this system knows (see /usr/share/zoneinfo)");
}

// Item 3: aliases are refused before they expand, in every YAML the tool reads.
TEST_CASE("YAML aliases are refused with the file and line") {
  CHECK(test::error_line([] { load_yaml("a: &x [1, 2]\nb: *x\n", "list.yaml"); }) ==
        "list.yaml:2: uses a YAML alias (*name); aliases are not accepted: write the value out where it is used");
  CHECK(test::error_line([] { load_yaml("base: &b {k: v}\nother:\n  <<: *b\n", "list.yaml"); }).rfind("list.yaml:3: uses a YAML alias", 0) == 0);
  CHECK(load_yaml("a: &x [1, 2]\n", "list.yaml")["a"].size() == 2);  // an anchor alone repeats nothing

  test::TempDir dir;
  dir.write("workshop.yaml", workshop_with("program:\n  sessions:\n    - title: S\n      start: '9:00'\n      talks:\n"
                                           "        - &t {title: T, speakers: [A]}\n        - *t\n"));
  CHECK(test::error_line([&] { load_workshop(dir.path); }).rfind((dir.path / "workshop.yaml").string() + ":14: uses a YAML alias", 0) == 0);
}

// Item 3: a person booked twice in many talks of two sessions is one finding, not one per pair of talks.
TEST_CASE("one DOUBLE_BOOKED finding per pair of sessions, naming everyone booked twice") {
  auto session = [](const std::string& title, const std::string& room) {
    std::string text = "    - title: " + title + "\n      start: '10:00'\n      end: '11:00'\n      room: " + room +
                       "\n      chairs: [Chair " + title + "]\n      talks:\n";
    for (int i = 0; i < 20; ++i)
      text += "        - {title: " + title + std::to_string(i) + ", start: '10:00', end: '11:00', speakers: [Ada, Bo]}\n";
    return text;
  };
  test::TempDir dir;
  dir.write("workshop.yaml", workshop_with("program:\n  room: R1\n  sessions:\n" + session("SA", "R1") + session("SB", "R2")));
  const auto findings = check_program(load_workshop(dir.path));
  // The talks clash within SA, within SB and across the two: three pairs of sessions, where there were
  // 2 people x (190 + 190 + 400) pairs of talks. Across the two rooms it is a warning (issue 30 item 5).
  CHECK(count_code(findings, "DOUBLE_BOOKED") == 2);
  CHECK(count_code(findings, "TWO_ROOMS") == 1);
  for (const auto& f : findings)
    if (f.code == "DOUBLE_BOOKED" || f.code == "TWO_ROOMS") CHECK(f.message.rfind("Ada and Bo are in talk", 0) == 0);
}

// Item 15 (and item 6's load-time half): control characters are refused in every field, at load.
TEST_CASE("control characters are refused at load with the file, line and field") {
  test::TempDir dir;
  const auto file = (dir.path / "workshop.yaml").string();
  const auto papers = (dir.path / "papers.yaml").string();
  auto error_with = [&](const std::string& workshop, const std::string& papers_yaml = "") {
    dir.write("workshop.yaml", workshop);
    if (papers_yaml.empty()) std::filesystem::remove(dir.path / "papers.yaml");
    else dir.write("papers.yaml", papers_yaml);
    return test::error_line([&] { load_workshop(dir.path); });
  };
  const std::string session = "program:\n  sessions:\n    - title: S\n      start: '9:00'\n      talks:\n";
  CHECK(error_with(workshop_with(session + "        - {title: \"A\\rB\"}\n")) ==
        file + ":13: field 'program.sessions[0].talks[0].title' holds a carriage return (U+000D)");
  CHECK(error_with(workshop_with(session + "        - {title: \"A\\0B\"}\n")) ==
        file + ":13: field 'program.sessions[0].talks[0].title' holds the control character U+0000");
  CHECK(error_with(workshop_with(session + "        - {title: \"A\\eB\"}\n")) ==
        file + ":13: field 'program.sessions[0].talks[0].title' holds the control character U+001B");
  CHECK(error_with(workshop_with(session + "        - {title: \"A\\x7fB\"}\n")) ==
        file + ":13: field 'program.sessions[0].talks[0].title' holds the control character U+007F");
  CHECK(error_with(workshop_with(session + "        - {title: \"A\\x85B\"}\n")) ==
        file + ":13: field 'program.sessions[0].talks[0].title' holds the control character U+0085");
  CHECK(error_with(workshop_with(session + "        - {title: \"A\\nB\"}\n")) ==
        file + ":13: field 'program.sessions[0].talks[0].title' holds a line break (U+000A): the field must be one line");
  CHECK(error_with(workshop_with(session + "        - {title: \"A\\tB\"}\n")) ==
        file + ":13: field 'program.sessions[0].talks[0].title' holds a tab (U+0009): the field must be one line of text");
  // An abstract may have paragraphs and tabs, never a carriage return.
  CHECK(error_with(workshop_with(session + "        - {title: T, abstract: \"One.\\n\\n\\tTwo.\"}\n")) == "");
  CHECK(error_with(workshop_with(session + "        - {title: T, abstract: \"One.\\r\\nTwo.\"}\n")) ==
        file + ":13: field 'program.sessions[0].talks[0].abstract' holds a carriage return (U+000D)");
  // The mail header injection of item 6, stopped where papers.yaml is read.
  CHECK(error_with(workshop_with(""), "papers:\n  - id: p\n    title: P\n    authors:\n"
                                      "      - {name: Eve, email: \"eve@x.example\\r\\nBcc: victim@example.com\"}\n") ==
        papers + ":5: field 'papers[0].authors[0].email' holds a carriage return (U+000D)");
  CHECK(error_with(workshop_with(""), "papers:\n  - id: p\n    title: P\n    authors: [\"Eve\\u0085Smith\"]\n") ==
        papers + ":4: field 'papers[0].authors[0]' holds the control character U+0085");
  // Text in other scripts is not a control character.
  CHECK(error_with(workshop_with(session + "        - {title: \"Ωμέγα — 李明 ½\", speakers: [Nguyễn Văn An]}\n")) == "");
}

// Item 11: names with no ASCII letters had the slug "": one page /speakers/.html for all of them.
TEST_CASE("every speaker has a non-empty slug of their own, the same in every run") {
  test::TempDir dir;
  dir.write("workshop.yaml", workshop_with("program:\n  sessions:\n    - title: S\n      start: '9:00'\n      talks:\n"
                                           "        - {title: 机器学习, speakers: [李明, 王芳]}\n"
                                           "        - {title: Δύο, speakers: [Loïc Pottier, Loic Pottier, 李明]}\n"));
  const Workshop w = load_workshop(dir.path);
  const TimeZone zone = TimeZone::load(w.timezone);
  const auto templates = test::source_dir() / "templates" / "booklet";
  const auto tree = booklet::jekyll_tree(w, zone, templates, "", "");
  std::set<std::string> speaker_pages;
  for (const auto& [file, content] : tree)
    if (file.rfind("speakers/", 0) == 0) speaker_pages.insert(file);
  CHECK(speaker_pages.size() == 4);  // 李明, 王芳, Loïc Pottier, Loic Pottier
  CHECK(speaker_pages.count("speakers/.html") == 0);
  CHECK(speaker_pages.count("speakers/loic-pottier.html") == 1);
  for (const auto& page : speaker_pages) CHECK(page.size() > std::string("speakers/.html").size());
  CHECK(booklet::jekyll_tree(w, zone, templates, "", "") == tree);  // stable
  // The data links each talk's speakers to those pages.
  const std::string& data = tree.at("_data/program.yml");
  for (const auto& page : speaker_pages) {
    const std::string slug = page.substr(9, page.size() - 9 - 5);
    CHECK(data.find("\"url\": \"/speakers/" + slug + "\"") != std::string::npos);
  }
}

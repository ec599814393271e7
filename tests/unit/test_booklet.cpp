// proceedings booklet: every validation rule on a program that breaks it,
// time zones against GNU date's own reading of the system zone data, and
// the calendar and schedule files it writes.
#include <doctest/doctest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <tuple>
#include <set>
#include <sstream>

#include "booklet/calendar.hpp"
#include "booklet/frab.hpp"
#include "booklet/schedule.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/program_checks.hpp"
#include "helpers.hpp"
#include "proceedings/model.hpp"
#include "proceedings/names.hpp"
#include "proceedings/process.hpp"
#include "proceedings/timezone.hpp"

using namespace proceedings;
using namespace proceedings::booklet;

namespace {

const char* head = R"(id: t
acronym: T
name: Test
kind: workshop
date: 2025-11-16
timezone: America/Chicago
organizers: [Ann Chair]
)";

std::vector<ProgramFinding> findings_of(const std::string& program, const std::string& papers = "") {
  test::TempDir dir;
  dir.write("workshop.yaml", std::string(head) + "program:\n  room: Room 1\n  sessions:\n" + program);
  if (!papers.empty()) dir.write("papers.yaml", papers);
  return check_program(load_workshop(dir.path));
}

std::set<std::string> codes(const std::vector<ProgramFinding>& list) {
  std::set<std::string> out;
  for (const auto& f : list) out.insert(f.code);
  return out;
}

const ProgramFinding* find(const std::vector<ProgramFinding>& list, const std::string& code) {
  for (const auto& f : list)
    if (f.code == code) return &f;
  return nullptr;
}

// GNU date reads the zone files independently of our reader: the oracle.
std::string utc_by_date(const std::string& zone, const std::string& local) {
  return run_program("date", {"-u", "-d", "TZ=\"" + zone + "\" " + local, "+%Y%m%dT%H%M%SZ"}, std::filesystem::current_path(),
                     std::chrono::seconds(10))
      .out.substr(0, 16);
}

std::string utc_stamp(std::int64_t t) {
  return run_program("date", {"-u", "-d", "@" + std::to_string(t), "+%Y%m%dT%H%M%SZ"}, std::filesystem::current_path(),
                     std::chrono::seconds(10))
      .out.substr(0, 16);
}

// Unfolded content lines of an iCalendar file.
std::vector<std::string> ics_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::istringstream in(ics);
  for (std::string line; std::getline(in, line);) {
    REQUIRE(!line.empty());
    REQUIRE(line.back() == '\r');
    line.pop_back();
    if (line[0] == ' ') lines.back() += line.substr(1);
    else lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("each validation rule has a program that breaks it") {
  auto f = findings_of("    - {title: A, start: '10:00', end: '09:00', chairs: [X]}\n");
  REQUIRE(find(f, "ENDS_BEFORE_START"));
  CHECK(find(f, "ENDS_BEFORE_START")->message == "session 'A' ends at 09:00 (9:00), not after it starts at 10:00 (10:00)");

  f = findings_of("    - {title: A, start: '11:00', end: '11:30', chairs: [X]}\n    - {title: B, start: '10:00', end: '10:30', chairs: [X]}\n");
  REQUIRE(find(f, "TIME_BACKWARDS"));
  CHECK(find(f, "TIME_BACKWARDS")->message ==
        "session 'B' starts at 10:00 (10:00), before the session listed above it, 'A', at 11:00 (11:00)");

  f = findings_of("    - {title: A, start: '10:00', end: '11:00', chairs: [X]}\n    - {title: B, start: '10:30', end: '11:30', chairs: [Y]}\n");
  REQUIRE(find(f, "OVERLAP"));
  CHECK(find(f, "OVERLAP")->message.starts_with("session 'B' starts at 10:30 (10:30) while 'A' runs until 11:00 in Room 1 ("));
  CHECK(find(f, "OVERLAP")->message.ends_with("workshop.yaml:11)"));  // A's place: the finding names both sessions
  CHECK(find(f, "OVERLAP")->line == 12);

  f = findings_of("    - {title: Late, start: '12:20 AM', end: '12:40 AM', chairs: [X]}\n");
  REQUIRE(find(f, "OUTSIDE_DAY"));
  CHECK(find(f, "OUTSIDE_DAY")->severity == Severity::warning);

  f = findings_of(
      "    - title: A\n      start: '10:00'\n      end: '11:00'\n      chairs: [X]\n      talks:\n"
      "        - {title: T1, start: '10:00', end: '10:40', speakers: [Bo]}\n"
      "        - {title: T2, start: '10:30', end: '11:00', speakers: [Bo]}\n");
  CHECK(codes(f) == std::set<std::string>{"OVERLAP", "DOUBLE_BOOKED"});
  CHECK(find(f, "DOUBLE_BOOKED")->message ==
        "Bo is in talk 'T1' in session 'A' and talk 'T2' in session 'A' at the same time (10:30)");

  f = findings_of(
      "    - title: A\n      start: '10:00'\n      end: '10:30'\n      chairs: [X]\n      talks:\n"
      "        - {title: T1, start: '10:20', end: '10:50'}\n");
  CHECK(codes(f) == std::set<std::string>{"OUTSIDE_SESSION"});

  f = findings_of("    - {title: Talks, start: '10:00', end: '10:30', talks: [{title: TBD, speakers: [Bo]}]}\n");
  CHECK(codes(f) == std::set<std::string>{"NO_CHAIR", "TITLE_TBD"});
  CHECK(find(f, "NO_CHAIR")->message == "session 'Talks' has no chair");

  f = findings_of("    - {title: Closing, kind: closing, start: '12:30'}\n");
  CHECK(codes(f) == std::set<std::string>{"NO_END"});
  CHECK(find(f, "NO_END")->message ==
        "session 'Closing' has no end time; calendars and apps give it 10 minutes (program.default_length, at most until the next session)");

  f = findings_of("    - {title: P, kind: papers, start: '10:00', end: '10:30', chairs: [X], talks: [{title: T, kind: paper}]}\n",
                  "papers:\n  - {id: p1, title: Paper One, authors: [Ann]}\n");
  CHECK(codes(f) == std::set<std::string>{"TALK_WITHOUT_PAPER", "PAPER_NOT_SCHEDULED"});
  CHECK(find(f, "PAPER_NOT_SCHEDULED")->message == "accepted paper 'p1' (Paper One) is not in the program");

  // A chair may speak in the session they chair.
  f = findings_of(
      "    - title: A\n      start: '10:00'\n      end: '11:00'\n      chairs: [Bo]\n      talks:\n"
      "        - {title: T1, start: '10:00', end: '10:30', speakers: [Bo]}\n");
  CHECK(f.empty());
}

TEST_CASE("a slip the chair confirms is a warning that says so; a confirmation of nothing is named") {
  const std::string program =
      "    - {title: A, start: '11:00', end: '11:30', chairs: [X]}\n"
      "    - {title: B, start: '12:20 AM', chairs: [X], confirmed: [TIME_BACKWARDS, OUTSIDE_DAY]}\n";
  auto f = findings_of(program);
  REQUIRE(find(f, "TIME_BACKWARDS"));
  CHECK(find(f, "TIME_BACKWARDS")->severity == Severity::warning);
  CHECK(find(f, "TIME_BACKWARDS")->message.find("(confirmed by the chair: TIME_BACKWARDS") != std::string::npos);
  CHECK(count_errors({f.begin(), f.end()}) == 0);
  CHECK(find(f, "TIME_BACKWARDS")->file.ends_with("workshop.yaml"));
  CHECK(!find(f, "CONFIRMED_UNUSED"));

  // Without the confirmation the same program has an error.
  f = findings_of("    - {title: A, start: '11:00', end: '11:30', chairs: [X]}\n    - {title: B, start: '12:20 AM', chairs: [X]}\n");
  CHECK(count_errors({f.begin(), f.end()}) == 1);

  // The slip fixed, the confirmation left behind: named, so it cannot hide a later slip.
  f = findings_of("    - {title: A, start: '11:00', end: '11:30', chairs: [X]}\n"
                  "    - {title: B, start: '12:20 PM', end: '12:30 PM', chairs: [X], confirmed: [TIME_BACKWARDS]}\n");
  REQUIRE(find(f, "CONFIRMED_UNUSED"));
  CHECK(find(f, "CONFIRMED_UNUSED")->message ==
        "session 'B' confirms TIME_BACKWARDS, but the program check finds no TIME_BACKWARDS there: remove it from 'confirmed'");

  // Only codes: anything else is an error naming the line.
  const std::string wrong = test::error_line([] { findings_of("    - {title: B, start: '10:00', confirmed: [yes please]}\n"); });
  CHECK(wrong.find("workshop.yaml:") != std::string::npos);
  CHECK(wrong.find("field 'program.sessions[0].confirmed[0]' must be a program check's code, like TIME_BACKWARDS") !=
        std::string::npos);
}

TEST_CASE("quotes in the booklet's notes open and close as a typesetter sets them") {
  CHECK(typographic_quotes("session 'Closing Remarks' starts at 12:20 AM") == "session ‘Closing Remarks’ starts at 12:20 AM");
  CHECK(typographic_quotes("'A' (\"B\") AIExScale'25, the chair's") == "‘A’ (“B”) AIExScale’25, the chair’s");
}

TEST_CASE("the bundled programs: findings as the public pages give them") {
  const auto ex = check_program(load_workshop(test::source_dir() / "metadata/exhetai-2025"));
  CHECK(codes(ex) == std::set<std::string>{"NO_ROOM", "NO_END", "NO_CHAIR", "TITLE_TBD"});
  for (const auto& f : ex) CHECK(f.severity == Severity::warning);
  const auto ai = check_program(load_workshop(test::source_dir() / "metadata/aiexscale-2025"));
  REQUIRE(find(ai, "TIME_BACKWARDS"));
  CHECK(find(ai, "TIME_BACKWARDS")->message ==
        "session 'Closing Remarks' starts at 12:20 AM (0:20), before the session listed above it, 'Moderated Discussion', "
        "at 11:30 AM (11:30)");
  CHECK(find(ai, "NO_MODERATOR"));
}

TEST_CASE("time zones agree with GNU date, across daylight-saving changes") {
  const TimeZone chicago = TimeZone::load("America/Chicago");
  CHECK(utc_stamp(chicago.to_utc(2025, 11, 16, 9 * 60)) == "20251116T150000Z");  // ExHetAI opening
  CHECK(utc_stamp(chicago.to_utc(2025, 11, 21, 8 * 60 + 30)) == "20251121T143000Z");  // AIExScale welcome
  for (const auto& [date, minutes, text] : std::vector<std::tuple<std::array<int, 3>, int, std::string>>{
           {{2025, 3, 9}, 90, "2025-03-09 01:30"},   // before the spring change (CST)
           {{2025, 3, 9}, 210, "2025-03-09 03:30"},  // after it (CDT)
           {{2025, 11, 2}, 180, "2025-11-02 03:00"},  // after the autumn change (CST)
           {{2025, 7, 1}, 600, "2025-07-01 10:00"}}) {
    CAPTURE(text);
    CHECK(utc_stamp(chicago.to_utc(date[0], date[1], date[2], minutes)) == utc_by_date("America/Chicago", text));
  }
  const auto changes = chicago.transitions_in_year(2025);
  REQUIRE(changes.size() == 2);
  CHECK(utc_stamp(changes[0].utc) == "20250309T080000Z");
  CHECK(changes[0].after.abbreviation == "CDT");
  CHECK(changes[1].after.seconds == -6 * 3600);
  CHECK(TimeZone::load("Asia/Tokyo").transitions_in_year(2025).empty());
  CHECK(test::error_line([] { TimeZone::load("Mars/Olympus"); }).find("not a time zone known to this system") != std::string::npos);
  CHECK(test::error_line([] { TimeZone::load("../etc/passwd"); }).find("not an IANA time zone name") != std::string::npos);
}

constexpr std::int64_t kPublished = 1763000000;  // 2025-11-13T02:13:20Z

TEST_CASE("the calendar: real zone, right instants, stable UIDs, RFC 5545 lines") {
  Workshop w = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  w.ics_domain = "exhetai.example.org";
  const TimeZone zone = TimeZone::load(w.timezone);
  const std::string ics = icalendar(w, zone, kPublished);
  CHECK(ics == icalendar(w, zone, kPublished + 3600, ics));  // unchanged: the same bytes, old stamps kept
  for (std::size_t at = 0, next; (next = ics.find("\r\n", at)) != std::string::npos; at = next + 2)
    CHECK(next - at <= 75);
  const auto lines = ics_lines(ics);
  std::set<std::string> uids;
  int events = 0;
  std::string summary_with_speakers;
  for (const auto& line : lines) {
    if (line == "BEGIN:VEVENT") ++events;
    if (line.rfind("UID:", 0) == 0) CHECK(uids.insert(line).second);
    if (line.rfind("SUMMARY:WAGES", 0) == 0) summary_with_speakers = line;
    if (line.rfind("DTSTART;", 0) == 0) CHECK(line.rfind("DTSTART;TZID=America/Chicago:20251116T", 0) == 0);
  }
  // One event per talk, the sessions without talks (opening, break, closing) as their own: 6 talks + 3.
  CHECK(events == 9);
  CHECK(summary_with_speakers ==
        "SUMMARY:WAGES: Workload-Aware GPU Sharing System for Energy-Efficient Serverless LLM Serving — Tianyu Wang\\, "
        "Gourav Rattihalli\\, Aditya Dhakal\\, Xulong Tang\\, and Dejan Milojicic");
  CHECK(std::count(lines.begin(), lines.end(), "DTSTAMP:20251113T021320Z") == 9);
  CHECK(std::count(lines.begin(), lines.end(), "SEQUENCE:0") == 9);
  // The closing has no published end: the venue's default length (10 minutes), and the description says so.
  const auto closing = std::find(lines.begin(), lines.end(), "UID:exhetai-2025-closing@exhetai.example.org");
  REQUIRE(closing != lines.end());
  CHECK(*(closing + 2) == "DTEND;TZID=America/Chicago:20251116T124000");
  // The opening at 9:00 in Chicago is 15:00 UTC, read with GNU date from the file's own TZID and time.
  const auto opening = std::find(lines.begin(), lines.end(), "UID:exhetai-2025-opening@exhetai.example.org");
  REQUIRE(opening != lines.end());
  const std::string start = *std::find_if(opening, lines.end(), [](const std::string& l) { return l.rfind("DTSTART;", 0) == 0; });
  const std::string local = start.substr(start.find(':') + 1);
  CHECK(utc_by_date("America/Chicago", local.substr(0, 4) + "-" + local.substr(4, 2) + "-" + local.substr(6, 2) + " " +
                                           local.substr(9, 2) + ":" + local.substr(11, 2)) == "20251116T150000Z");
  // The VTIMEZONE holds 2025's two changes with their offsets.
  const std::string tz = ics.substr(ics.find("BEGIN:VTIMEZONE"), ics.find("END:VTIMEZONE") - ics.find("BEGIN:VTIMEZONE"));
  CHECK(tz.find("BEGIN:DAYLIGHT\r\nDTSTART:20250309T020000\r\nTZOFFSETFROM:-0600\r\nTZOFFSETTO:-0500\r\nTZNAME:CDT") != std::string::npos);
  CHECK(tz.find("BEGIN:STANDARD\r\nDTSTART:20251102T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0600\r\nTZNAME:CST") != std::string::npos);
  CHECK(ics_escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne");
  CHECK(ics_line(std::string(80, 'x')) == std::string(75, 'x') + "\r\n " + std::string(5, 'x') + "\r\n");
  const std::string accents = ics_line(std::string(74, 'x') + "é");  // never split inside a letter
  CHECK(accents.substr(0, 76) == std::string(74, 'x') + "\r\n");
}

TEST_CASE("the calendar: a changed event gets a higher SEQUENCE, a new stamp, and replaces the old one") {
  Workshop w = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  const TimeZone zone = TimeZone::load(w.timezone);
  const std::string first = icalendar(w, zone, kPublished);
  CHECK(first.find("UID:" + entry_guid("exhetai-2025-papers-1-2") + "\r\n") != std::string::npos);  // UUIDs without ics_domain
  w.sessions[4].talks[1].title = "WAGES (corrected title)";
  const std::string second = icalendar(w, zone, kPublished + 86400, first);
  const auto lines = ics_lines(second);
  const auto changed = std::find(lines.begin(), lines.end(), "UID:" + entry_guid("exhetai-2025-papers-1-2"));
  REQUIRE(changed != lines.end());
  const auto end = std::find(changed, lines.end(), "END:VEVENT");
  CHECK(std::find(changed, end, "SEQUENCE:1") != end);
  CHECK(std::find(changed, end, "LAST-MODIFIED:20251114T021320Z") != end);
  CHECK(std::count(lines.begin(), lines.end(), "SEQUENCE:0") == 8);  // the others unchanged
  const std::string third = icalendar(w, zone, kPublished + 2 * 86400, second);
  CHECK(third == second);
  w.sessions[4].talks[1].title = "WAGES (corrected again)";
  CHECK(icalendar(w, zone, kPublished + 3 * 86400, third).find("SEQUENCE:2") != std::string::npos);
}

TEST_CASE("default length: up to the next session, or the venue's length; never zero") {
  Workshop w = load_workshop(test::source_dir() / "metadata/aiexscale-2025");
  w.default_length = 15;
  for (const Entry* e : events(schedule(w))) {
    CAPTURE(e->title);
    REQUIRE(e->end);
    CHECK(*e->end > *e->start);
  }
  const auto entries = schedule(w);
  CHECK(*entries.front().end == 8 * 60 + 35);  // the welcome runs until the featured speaker starts
  CHECK(entries.front().end_assumed);
  CHECK(!entries.front().published_end());
}

TEST_CASE("frab XML: rooms from the program, frab's event types, a version that follows the content") {
  Workshop w = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  const TimeZone zone = TimeZone::load(w.timezone);
  const std::string before = frab_xml(w, zone);
  CHECK(before.find("<acronym>exhetai-2025</acronym>") != std::string::npos);
  CHECK(before.find("<room name=\"Room TBA\">") != std::string::npos);
  CHECK(before.find("<type>invited</type>") == std::string::npos);
  CHECK(before.find("<type>lecture</type>") != std::string::npos);
  CHECK(before.find("<url>") == std::string::npos);  // none known: left out, not empty
  CHECK(before.find("<duration>00:00</duration>") == std::string::npos);
  w.room = "Room 231";
  w.sessions[1].room = "Hall A";
  const std::string after = frab_xml(w, zone);
  CHECK(after.find("<room name=\"Room 231\">") != std::string::npos);
  CHECK(after.find("<room name=\"Hall A\">") != std::string::npos);
  auto version = [](const std::string& xml) {
    const auto at = xml.find("<version>");
    return xml.substr(at, xml.find("</version>") - at);
  };
  CHECK(version(after) != version(before));
  CHECK(version(frab_xml(w, zone)) == version(after));
  CHECK(url_slug("ExHetAI'25 Ünïcode") == "exhetai-25-unicode");
}

TEST_CASE("frab XML: well formed, every talk once, times with the zone's offset") {
  const Workshop w = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  const std::string xml = frab_xml(w, TimeZone::load(w.timezone));
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "frab.xml", nullptr, XML_PARSE_NONET);
  REQUIRE(doc);
  std::multiset<std::string> titles;
  std::vector<std::string> dates;
  std::function<void(xmlNode*)> walk = [&](xmlNode* n) {
    for (; n; n = n->next) {
      if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST "event"))
        for (xmlNode* c = n->children; c; c = c->next) {
          if (c->type != XML_ELEMENT_NODE) continue;
          xmlChar* text = xmlNodeGetContent(c);
          if (!xmlStrcmp(c->name, BAD_CAST "title")) titles.insert(reinterpret_cast<char*>(text));
          if (!xmlStrcmp(c->name, BAD_CAST "date")) dates.push_back(reinterpret_cast<char*>(text));
          xmlFree(text);
        }
      walk(n->children);
    }
  };
  walk(xmlDocGetRootElement(doc));
  xmlFreeDoc(doc);
  for (const auto& s : w.sessions)
    for (const auto& t : s.talks) {
      CAPTURE(t.title);
      CHECK(titles.count(t.title) == 1);
    }
  CHECK(titles.count("Morning Break") == 1);
  CHECK(dates.front() == "2025-11-16T09:00:00-06:00");
  CHECK(xml.find("<time_zone_name>America/Chicago</time_zone_name>") != std::string::npos);
}

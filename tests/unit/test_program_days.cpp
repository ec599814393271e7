// Issue 30 item 5: programs over days and rooms. workshop.yaml's
// program.days, the dates and rooms every writer shows, the checks (one
// session per room at a time, one person in two rooms), and a volume's
// program merged from its workshops'.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "booklet/calendar.hpp"
#include "booklet/frab.hpp"
#include "booklet/html.hpp"
#include "booklet/jekyll.hpp"
#include "booklet/pdf_booklet.hpp"
#include "build/plan.hpp"
#include "build/typeset.hpp"
#include "helpers.hpp"
#include "proceedings/model.hpp"
#include "proceedings/program.hpp"
#include "proceedings/program_checks.hpp"
#include "proceedings/timezone.hpp"
#include "proceedings/workshop_yaml.hpp"

using namespace proceedings;
using namespace proceedings::booklet;

namespace {

const char* head = R"(id: d
acronym: D
name: Days
kind: symposium
date: 2025-11-16
timezone: America/Chicago
organizers: [Ann Chair]
)";

// Two days, three rooms: Room 1 is the program's, Room 2 a session's, Room 3 the second day's.
const char* two_days = R"(program:
  room: Room 1
  days:
    - date: 2025-11-16
      sessions:
        - {id: a, title: A, start: "9:00", end: "10:00", chairs: [X]}
        - {id: b, title: B, start: "9:00", end: "10:00", room: Room 2, chairs: [Y]}
        - {id: c, title: C, start: "10:00", end: "11:00", chairs: [X]}
    - date: 2025-11-17
      room: Room 3
      sessions:
        - {id: d, title: D, start: "9:00", end: "10:00", chairs: [X]}
        - {id: e, title: E, start: "10:00", end: "10:30", room: Room 1, chairs: [Z]}
)";

Workshop load(const test::TempDir& dir, const std::string& program) {
  dir.write("workshop.yaml", std::string(head) + program);
  return load_workshop(dir.path);
}

const ProgramFinding* find(const std::vector<ProgramFinding>& list, const std::string& code) {
  for (const auto& f : list)
    if (f.code == code) return &f;
  return nullptr;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("program.days: each session's date, its room (own, day's, program's) and the line it was read at") {
  test::TempDir dir;
  const Workshop w = load(dir, two_days);
  REQUIRE(w.sessions.size() == 5);
  std::vector<std::string> got;
  for (const auto& s : w.sessions) got.push_back(s.id + " " + date_of(w, s) + " " + room_of(w, s));
  CHECK(got == std::vector<std::string>{"a 2025-11-16 Room 1", "b 2025-11-16 Room 2", "c 2025-11-16 Room 1", "d 2025-11-17 Room 3",
                                        "e 2025-11-17 Room 1"});
  CHECK(w.sessions[0].read_at.line == 13);
  CHECK(w.sessions[4].read_at.line == 20);
  CHECK(w.sessions[4].read_at.file == (dir.path / "workshop.yaml").string());
  const auto entries = schedule(w);
  CHECK(program_dates(entries) == std::vector<std::string>{"2025-11-16", "2025-11-17"});
  CHECK(program_rooms(entries) == std::vector<std::string>{"Room 1", "Room 2", "Room 3"});
  CHECK(by_days_and_rooms(entries));
  CHECK(day_heading("2025-11-17") == "Monday, November 17, 2025");
  CHECK(day_heading("2024-02-29") == "Thursday, February 29, 2024");
  // The one-day form: the venue's date, as before; a program on one day in one room is not laid out by days.
  const Workshop one = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  CHECK(one.sessions.front().date.empty());
  CHECK(date_of(one, one.sessions.front()) == "2025-11-16");
  CHECK(!by_days_and_rooms(schedule(one)));
}

TEST_CASE("program.days: mistakes are usage errors at their line") {
  test::TempDir dir;
  CHECK(test::error_line([&] { load(dir, "program:\n  sessions: []\n  days: []\n"); })
            .find("workshop.yaml:9: field 'program' has either 'sessions' (one day) or 'days', not both") != std::string::npos);
  std::string twice = two_days;
  twice.replace(twice.find("2025-11-17"), 10, "2025-11-16");
  CHECK(test::error_line([&] { load(dir, twice); })
            .find("workshop.yaml:16: field 'program.days[1].date' is 2025-11-16, a day listed above too") != std::string::npos);
  std::string no_sessions = "program:\n  days:\n    - {date: 2025-11-16}\n";
  CHECK(test::error_line([&] { load(dir, no_sessions); }).find("needs 'sessions'") != std::string::npos);
  std::string same_id = two_days;
  same_id.replace(same_id.find("{id: d,"), 7, "{id: a,");
  CHECK(test::error_line([&] { load(dir, same_id); }).find("id 'a' is used by session 1 too") != std::string::npos);
}

TEST_CASE("the check: parallel rooms are no clash; one room at one time is, naming both sessions and lines") {
  test::TempDir dir;
  auto findings = check_program(load(dir, two_days));
  CHECK(!find(findings, "OVERLAP"));
  CHECK(!find(findings, "TIME_BACKWARDS"));
  // Listed room by room: Room 2's 9:00 after Room 1's 10:00 is not a slip; in Room 1 it still is.
  std::string by_room = two_days;
  by_room.replace(by_room.find("        - {id: b,"), 0, "        - {id: z, title: Z, start: \"11:00\", end: \"11:30\", chairs: [X]}\n");
  findings = check_program(load(dir, by_room));
  REQUIRE(find(findings, "TIME_BACKWARDS"));
  CHECK(find(findings, "TIME_BACKWARDS")->message == "session 'C' starts at 10:00 (10:00), before the session listed above it, 'Z', at 11:00 (11:00)");
  CHECK(std::count_if(findings.begin(), findings.end(), [](const ProgramFinding& f) { return f.code == "TIME_BACKWARDS"; }) == 1);
  // A session in Room 2 on day 1 while B runs there, listed after C (not next to B).
  std::string clash = two_days;
  clash.insert(clash.find("    - date: 2025-11-17"), "        - {id: f, title: F, start: \"9:30\", end: \"10:30\", room: Room 2, chairs: [W]}\n");
  findings = check_program(load(dir, clash));
  const ProgramFinding* overlap = find(findings, "OVERLAP");
  REQUIRE(overlap);
  CHECK(overlap->severity == Severity::error);
  CHECK(overlap->file == (dir.path / "workshop.yaml").string());
  CHECK(overlap->line == 16);
  CHECK(overlap->message == "session 'F' starts at 9:30 (9:30) while 'B' runs until 10:00 in Room 2 (" +
                                (dir.path / "workshop.yaml").string() + ":14)");
  // The same times on another day are no clash.
  std::string other_day = two_days;
  other_day.insert(other_day.find("        - {id: e,"), "        - {id: f, title: F, start: \"9:30\", end: \"10:30\", room: Room 2, chairs: [W]}\n");
  CHECK(!find(check_program(load(dir, other_day)), "OVERLAP"));
}

TEST_CASE("the check: one person in two rooms at once is a warning, in one room an error, on two days nothing") {
  test::TempDir dir;
  std::string two_rooms = two_days;
  two_rooms.replace(two_rooms.find("room: Room 2, chairs: [Y]"), 25, "room: Room 2, chairs: [X]");
  auto findings = check_program(load(dir, two_rooms));
  const ProgramFinding* warning = find(findings, "TWO_ROOMS");
  REQUIRE(warning);
  CHECK(warning->severity == Severity::warning);
  CHECK(warning->message == "X is in session 'A' (Room 1) and session 'B' (Room 2) at the same time (9:00)");
  CHECK(!find(findings, "DOUBLE_BOOKED"));
  // Z chairs E on day 2 at 10:00 and, in a second session in Room 1 at the same time, speaks: one room, an error.
  std::string one_room = two_days + std::string("        - {id: g, title: G, start: \"10:00\", end: \"10:30\", room: Room 3, chairs: [Z]}\n");
  findings = check_program(load(dir, one_room));
  CHECK(find(findings, "TWO_ROOMS"));
  std::string same_room = two_days + std::string("        - {id: g, title: G, start: \"10:00\", end: \"10:30\", room: Room 1, chairs: [Z]}\n");
  findings = check_program(load(dir, same_room));
  CHECK(find(findings, "DOUBLE_BOOKED"));
  CHECK(find(findings, "DOUBLE_BOOKED")->severity == Severity::error);
  // X chairs A at 9:00 on day 1 and D at 9:00 on day 2: no finding about X.
  findings = check_program(load(dir, two_days));
  CHECK(!find(findings, "DOUBLE_BOOKED"));
  CHECK(!find(findings, "TWO_ROOMS"));
}

TEST_CASE("the length of a session without an end runs to the next one in its own day and room") {
  test::TempDir dir;
  const Workshop w = load(dir, R"(program:
  room: Room 1
  default_length: 30
  days:
    - date: 2025-11-16
      sessions:
        - {id: a, title: A, start: "9:00"}
        - {id: b, title: B, start: "9:10", end: "10:00", room: Room 2}
        - {id: c, title: C, start: "9:20", end: "10:00"}
    - date: 2025-11-17
      sessions:
        - {id: d, title: D, start: "8:00"}
)");
  const auto entries = schedule(w);
  CHECK(*entries[0].end == 9 * 60 + 20);  // until C in Room 1, not B in Room 2
  CHECK(*entries[3].end == 8 * 60 + 30);  // the next day starts nothing earlier: its own length
  CHECK(entries[3].date == "2025-11-17");
}

TEST_CASE("writers: frab XML has a <day> per date and a <room> per room used that day, each day at its own offset") {
  test::TempDir dir;
  // Over the end of daylight saving time in Chicago (2025-11-02 02:00): CDT on day 1, CST on day 2.
  std::string program = two_days;
  for (auto [from, to] : {std::pair{"2025-11-16", "2025-11-01"}, std::pair{"2025-11-17", "2025-11-02"}})
    program.replace(program.find(from), 10, to);
  const Workshop w = load(dir, program);
  const TimeZone zone = TimeZone::load(w.timezone);
  const std::string xml = frab_xml(w, zone);
  CHECK(count(xml, "<day ") == 2);
  CHECK(xml.find("<day index=\"1\" date=\"2025-11-01\" start=\"2025-11-01T09:00:00-05:00\" end=\"2025-11-01T11:00:00-05:00\">") != std::string::npos);
  CHECK(xml.find("<day index=\"2\" date=\"2025-11-02\" start=\"2025-11-02T09:00:00-06:00\" end=\"2025-11-02T10:30:00-06:00\">") != std::string::npos);
  CHECK(xml.find("<start>2025-11-01</start>") != std::string::npos);
  CHECK(xml.find("<end>2025-11-02</end>") != std::string::npos);
  CHECK(xml.find("<days>2</days>") != std::string::npos);
  CHECK(count(xml, "<room name=") == 4);  // day 1: Room 1, Room 2; day 2: Room 1, Room 3 (in the program's order)
  CHECK(xml.find("<date>2025-11-02T09:00:00-06:00</date>") != std::string::npos);
}

TEST_CASE("writers: the calendar puts each event on its date, in its room, with a VTIMEZONE over New Year") {
  test::TempDir dir;
  std::string program = two_days;
  for (auto [from, to] : {std::pair{"2025-11-16", "2025-12-31"}, std::pair{"2025-11-17", "2026-01-01"}})
    program.replace(program.find(from), 10, to);
  const Workshop w = load(dir, program);
  const std::string ics = icalendar(w, TimeZone::load(w.timezone), 0);
  CHECK(ics.find("DTSTART;TZID=America/Chicago:20251231T090000\r\n") != std::string::npos);
  CHECK(ics.find("DTSTART;TZID=America/Chicago:20260101T090000\r\n") != std::string::npos);
  CHECK(ics.find("LOCATION:Room 3\r\n") != std::string::npos);
  CHECK(ics.find("DTSTART:20251102T020000\r\n") != std::string::npos);  // 2025's change to CST
  CHECK(ics.find("DTSTART:20261101T020000\r\n") != std::string::npos);  // and 2026's
}

TEST_CASE("writers: the web page is a grid by day with a column per room; one day in one room keeps its list") {
  test::TempDir dir;
  const Workshop w = load(dir, two_days);
  const TimeZone zone = TimeZone::load(w.timezone);
  const std::string html = program_html(w, zone, test::source_dir() / "templates/booklet");
  CHECK(count(html, "<table class=\"grid\">") == 2);
  CHECK(html.find("<h2 id=\"day-2025-11-17-title\"><time datetime=\"2025-11-17\">Monday, November 17, 2025</time></h2>") != std::string::npos);
  CHECK(html.find("<thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Room 1</th><th scope=\"col\">Room 2</th></tr></thead>") != std::string::npos);
  CHECK(html.find("<thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Room 1</th><th scope=\"col\">Room 3</th></tr></thead>") != std::string::npos);
  CHECK(html.find("@media (max-width: 45rem)") != std::string::npos);
  CHECK(html.find("datetime=\"2025-11-17T09:00:00-06:00\"") != std::string::npos);
  // A, in Room 1 from 9:00 to 10:00, spans one row (9:00-10:00); C follows it in the same column.
  CHECK(html.find("<td class=\"session\">\n<div class=\"entry kind-talks\" id=\"a\">") != std::string::npos);
  const Workshop one = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  const std::string list = program_html(one, zone, test::source_dir() / "templates/booklet");
  CHECK(list.find("class=\"grid\"") == std::string::npos);
  CHECK(list.find("<section class=\"session kind-opening\" id=\"opening\"") != std::string::npos);
}

TEST_CASE("writers: Jekyll data with days and rooms; the PDF booklet with a day per spread") {
  test::TempDir dir;
  const Workshop w = load(dir, two_days);
  const TimeZone zone = TimeZone::load(w.timezone);
  const auto tree = jekyll_tree(w, zone, test::source_dir() / "templates/booklet", "", "");
  const std::string& data = tree.at("_data/program.yml");
  CHECK(data.find("\"rooms\": [\"Room 1\", \"Room 2\", \"Room 3\"]") != std::string::npos);
  CHECK(data.find("  - \"date\": \"2025-11-17\"\n    \"date_text\": \"Monday, November 17, 2025\"\n    \"rooms\": [\"Room 3\", \"Room 1\"]") !=
        std::string::npos);
  CHECK(tree.at("_includes/program.html").find("program.days") != std::string::npos);
  const auto values = booklet_values(w, false);
  CHECK(values.at("MANY_DAYS") == "\\manydaystrue");
  CHECK(count(values.at("DAYS"), "\\programday{") == 2);
  CHECK(values.at("DAYS").find("\\programday{Monday, November 17, 2025}{2}") != std::string::npos);
  CHECK(values.at("DAYS").find("\\dayrow{\\mbox{9:00--10:00}}{Room 2}{B}{}") != std::string::npos);
  CHECK(values.at("DATE") == "November 16, 2025 to November 17, 2025");
  const Workshop one = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  CHECK(booklet_values(one, false).at("MANY_DAYS").empty());
  CHECK(booklet_values(one, false).at("DAYS").empty());
}

TEST_CASE("the book's program page heads each day of a program over several") {
  test::TempDir dir;
  build::BookPlan plan;
  plan.workshop = load(dir, two_days);
  const auto values = build::front_matter_values(plan, "");
  CHECK(values.at("PROGRAM_INTRO") == "November 16, 2025 to November 17, 2025. Times are local (America/Chicago).");
  const std::string& program = values.at("PROGRAM");
  CHECK(count(program, "\\programday{") == 2);
  CHECK(program.find("\\programday{Monday, November 17, 2025}\n\\session{9:00--10:00}{D}") != std::string::npos);
  plan.workshop = load_workshop(test::source_dir() / "metadata/exhetai-2025");
  CHECK(build::front_matter_values(plan, "").at("PROGRAM").find("\\programday") == std::string::npos);
  CHECK(build::front_matter_values(plan, "").at("PROGRAM_INTRO") == "November 16, 2025. Times are local (America/Chicago).");
}

TEST_CASE("workshop.yaml written back keeps the days") {
  test::TempDir dir;
  const Workshop w = load(dir, two_days);
  test::TempDir again;
  again.write("workshop.yaml", workshop_yaml(w, "a test"));
  const Workshop reread = load_workshop(again.path);
  REQUIRE(reread.sessions.size() == w.sessions.size());
  for (std::size_t i = 0; i < w.sessions.size(); ++i) {
    CHECK(date_of(reread, reread.sessions[i]) == date_of(w, w.sessions[i]));
    CHECK(room_of(reread, reread.sessions[i]) == room_of(w, w.sessions[i]));
    CHECK(reread.sessions[i] == w.sessions[i]);
  }
}

TEST_CASE("a volume's program: the union of its workshops', dates and rooms explicit, clashes across workshops named") {
  test::TempDir one, two, volume;
  one.write("workshop.yaml", "id: one\nacronym: ONE'25\nname: One\nkind: workshop\ndate: 2025-11-16\ntimezone: America/Chicago\n"
                             "organizers: [A]\nprogram:\n  room: Room 1\n  sessions:\n"
                             "    - {id: s, title: Morning, start: \"9:00\", end: \"12:00\", chairs: [P]}\n");
  two.write("workshop.yaml", "id: two\nacronym: TWO'25\nname: Two\nkind: workshop\ndate: 2025-11-17\ntimezone: America/Chicago\n"
                             "organizers: [B]\nprogram:\n  room: Room 1\n  sessions:\n"
                             "    - {id: s, title: Morning, start: \"9:00\", end: \"12:00\", chairs: [P]}\n");
  Workshop head;
  head.folder = volume.path;
  head.id = "vol";
  head.acronym = "VOL";
  head.name = "Volume";
  head.date = "2025-11-16";
  head.timezone = "America/Chicago";
  const Workshop merged = merged_program(head, {load_workshop(one.path), load_workshop(two.path)});
  REQUIRE(merged.sessions.size() == 2);
  CHECK(merged.sessions[0].id == "one-s");
  CHECK(merged.sessions[1].id == "two-s");
  CHECK(merged.sessions[0].venue == "ONE'25");
  CHECK(date_of(merged, merged.sessions[1]) == "2025-11-17");
  CHECK(room_of(merged, merged.sessions[1]) == "Room 1");
  CHECK(check_program(merged).empty());  // the same room on two days, the same chair on two days
  const std::string xml = frab_xml(merged, TimeZone::load("America/Chicago"));
  CHECK(count(xml, "<day ") == 2);
  CHECK(xml.find("<track>TWO'25</track>") != std::string::npos);
  // The same session has the same calendar UID and frab guid in the workshop's own files and in the volume's.
  const TimeZone chicago = TimeZone::load("America/Chicago");
  const auto uid_line = [](const std::string& ics) { return ics.substr(ics.find("UID:"), ics.find("\r\n", ics.find("UID:")) - ics.find("UID:")); };
  CHECK(icalendar(merged, chicago, 0).find(uid_line(icalendar(load_workshop(two.path), chicago, 0))) != std::string::npos);
  // Both workshops booked into Room 1 on the same day: OVERLAP at the second, naming the first's file and line.
  two.write("workshop.yaml", "id: two\nacronym: TWO'25\nname: Two\nkind: workshop\ndate: 2025-11-16\ntimezone: America/Chicago\n"
                             "organizers: [B]\nprogram:\n  room: Room 1\n  sessions:\n"
                             "    - {id: s, title: Late Morning, start: \"10:00\", end: \"12:00\", chairs: [Q]}\n");
  const auto findings = check_program(merged_program(head, {load_workshop(one.path), load_workshop(two.path)}));
  const ProgramFinding* overlap = find(findings, "OVERLAP");
  REQUIRE(overlap);
  CHECK(overlap->file == (two.path / "workshop.yaml").string());
  CHECK(overlap->line == 11);
  CHECK(overlap->message == "session 'Late Morning' starts at 10:00 (10:00) while 'Morning' runs until 12:00 in Room 1 (" +
                                (one.path / "workshop.yaml").string() + ":11)");
  // Two workshops whose rooms are not announced yet are no clash; two sessions of one such workshop are.
  for (auto* dir : {&one, &two})
    dir->write("workshop.yaml", "id: " + dir->path.filename().string() + "\nacronym: " + dir->path.filename().string() + "\nname: X\nkind: workshop\ndate: 2025-11-16\n"
                                "timezone: America/Chicago\norganizers: [A]\nprogram:\n  sessions:\n"
                                "    - {id: s, title: S, start: \"9:00\", end: \"12:00\", chairs: [P" + dir->path.filename().string() + "]}\n"
                                "    - {id: t, title: T, start: \"10:00\", end: \"11:00\", chairs: [Q" + dir->path.filename().string() + "]}\n");
  const auto unannounced = check_program(merged_program(head, {load_workshop(one.path), load_workshop(two.path)}));
  CHECK(std::count_if(unannounced.begin(), unannounced.end(), [](const ProgramFinding& f) { return f.code == "OVERLAP"; }) == 2);
  // One time zone per volume.
  two.write("workshop.yaml", "id: two\nacronym: TWO'25\nname: Two\nkind: workshop\ndate: 2025-11-17\ntimezone: Europe/Berlin\n"
                             "organizers: [B]\n");
  CHECK(test::error_line([&] { merged_program(head, {load_workshop(one.path), load_workshop(two.path)}); })
            .find("workshop.yaml: is in the time zone Europe/Berlin, the volume (" + volume.path.string() + ") in America/Chicago") !=
        std::string::npos);
}

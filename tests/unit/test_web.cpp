// `import web`: event pages (HTML, Jekyll/Markdown, text) read into the model
// and merged into a venue. The expected values are the pages' own text, read
// by eye from tests/fixtures/web (trimmed copies of the two seed events' public
// pages, the ExHetAI'25 page as a site builder's HTML, and variants.html, a page
// written for these tests in the other forms event pages print).
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>

#include "helpers.hpp"
#include "import/web_event.hpp"
#include "import/web_merge.hpp"
#include "import/web_page.hpp"
#include "proceedings/files.hpp"
#include "import/job.hpp"
#include "proceedings/model.hpp"
#include "proceedings/names.hpp"
#include "proceedings/papers_yaml.hpp"
#include "proceedings/workshop_yaml.hpp"
#include "proceedings/program.hpp"

using namespace proceedings;
using namespace proceedings::import;

namespace {

fs::path web_fixture(const std::string& name) { return test::source_dir() / "tests/fixtures/web" / name; }

// `import web` through the library's job.
ImportWebResult import_web(const fs::path& venue, const std::string& page, bool write = true) {
  ImportWebJob job;
  job.venue = venue.string();
  job.page = page;
  job.write = write;
  return run_import_web(job);
}

bool has(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

std::string time_of(const std::optional<ClockTime>& t) { return t ? t->text : "(none)"; }

std::string people_of_talk(const Workshop& w, const Talk& t) {
  std::string out;
  for (const auto& p : people_of(w, t)) out += p.name + " (" + p.affiliation() + "); ";
  return out;
}

// The program of `got` equals the bundled one field by field: ids, titles,
// kinds, times as published, chairs, rooms; each talk's title, kind, slug,
// times, the paper it presents (by title) and its speakers with affiliations.
void expect_same_program(const Workshop& got, const Workshop& want) {
  REQUIRE(got.sessions.size() == want.sessions.size());
  for (std::size_t i = 0; i < want.sessions.size(); ++i) {
    const Session& g = got.sessions[i];
    const Session& w = want.sessions[i];
    INFO("session " << i + 1 << " '" << w.title << "'");
    CHECK(g.id == w.id);
    CHECK(g.title == w.title);
    CHECK(g.kind == w.kind);
    CHECK(g.start.text == w.start.text);
    CHECK(g.start.minutes == w.start.minutes);
    CHECK(time_of(g.end) == time_of(w.end));
    CHECK(g.chairs == w.chairs);
    CHECK(g.room == w.room);
    REQUIRE(g.talks.size() == w.talks.size());
    for (std::size_t j = 0; j < w.talks.size(); ++j) {
      const Talk& gt = g.talks[j];
      const Talk& wt = w.talks[j];
      INFO("talk '" << wt.title << "'");
      CHECK(gt.title == wt.title);
      CHECK(gt.kind == wt.kind);
      CHECK(gt.slug == wt.slug);
      CHECK(time_of(gt.start) == time_of(wt.start));
      CHECK(time_of(gt.end) == time_of(wt.end));
      const Paper* gp = paper_of(got, gt);
      const Paper* wp = paper_of(want, wt);
      CHECK((gp ? gp->title : "") == (wp ? wp->title : ""));
      CHECK(people_of_talk(got, gt) == people_of_talk(want, wt));
    }
  }
}

// Imports `page` into an empty folder, checks the program against the bundled
// venue, that the output names `slip` (when given), and that a second import changes nothing.
void import_reproduces(const fs::path& page, const std::string& venue_id, const std::string& slip) {
  test::TempDir dir;
  const fs::path venue = dir.path / "venue";
  const auto first = import_web(venue, page.string());
  REQUIRE(first.status == Exit::ok);
  if (!slip.empty()) CHECK(has(first.notes, slip));
  const Workshop got = load_workshop(venue);
  const Workshop want = load_workshop(test::source_dir() / "metadata" / venue_id);
  expect_same_program(got, want);
  CHECK(got.id == want.id);
  CHECK(got.acronym == want.acronym);
  CHECK(got.name == want.name);
  CHECK(got.kind == want.kind);
  CHECK(got.date == want.date);
  CHECK(got.timezone == want.timezone);
  REQUIRE(got.organizers.size() == want.organizers.size());
  for (std::size_t i = 0; i < want.organizers.size(); ++i) CHECK(got.organizers[i] == want.organizers[i]);
  const std::string workshop = read_file(venue / "workshop.yaml");
  const auto again = import_web(venue, page.string());
  CHECK(again.status == Exit::ok);
  CHECK(again.changes.empty());
  CHECK(again.conflicts.empty());
  CHECK(read_file(venue / "workshop.yaml") == workshop);
}

}  // namespace

TEST_CASE("import web: the ExHetAI'25 page as text reproduces the bundled program") {
  import_reproduces(web_fixture("exhetai-2025.txt"), "exhetai-2025", "");
}

TEST_CASE("import web: the ExHetAI'25 page as a site builder's HTML reproduces the bundled program") {
  import_reproduces(web_fixture("exhetai-2025.html"), "exhetai-2025", "");
}

TEST_CASE("import web: the AIExScale'25 Jekyll page reproduces the bundled program and reports the 12:20 AM slip") {
  import_reproduces(web_fixture("aiexscale-2025.md"), "aiexscale-2025", "TIME_BACKWARDS: session 'Closing Remarks' starts at 12:20 AM");
}

TEST_CASE("import web: the seed pages themselves, when ../shared/seeds is there") {
  const fs::path seeds = test::source_dir().parent_path() / "shared" / "seeds";
  if (!fs::exists(seeds)) {
    MESSAGE("skipped: " << seeds.string() << " is absent");
    return;
  }
  for (const auto& entry : fs::directory_iterator(seeds)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("000_", 0) == 0) import_reproduces(entry.path(), "exhetai-2025", "");
    if (name.rfind("001_", 0) == 0) import_reproduces(entry.path(), "aiexscale-2025", "12:20 AM");
  }
}

TEST_CASE("import web: the same program from HTML, Markdown and text") {
  const Page html = read_page("<html><body><h2>Program</h2><p><b>9:00 AM - 9:30 AM</b> - Keynote: Big Ideas<br>"
                              "<a href=\"/speakers/ada-l\">Ada Lovelace</a> (Analytical Engines Ltd)</p></body></html>",
                              "page.html");
  const Page markdown = read_page("---\ntitle: \"X\"\n---\n## Program\n### 9:00 AM - 9:30 AM - Keynote: Big Ideas\n"
                                  "<a href=\"/speakers/ada-l\">Ada Lovelace</a> (Analytical Engines Ltd)\n",
                                  "page.md");
  const Page text = read_page("Program\n9:00 AM - 9:30 AM - Keynote: Big Ideas\nAda Lovelace (Analytical Engines Ltd)\n", "page.txt");
  for (const Page* page : {&html, &markdown, &text}) {
    INFO(page->source);
    const Workshop w = read_event(*page, "UTC").workshop;
    REQUIRE(w.sessions.size() == 1);
    const Session& s = w.sessions[0];
    CHECK(s.title == "Keynote");
    CHECK(s.start.text == "9:00 AM");
    CHECK(time_of(s.end) == "9:30 AM");
    REQUIRE(s.talks.size() == 1);
    CHECK(s.talks[0].title == "Big Ideas");
    CHECK(s.talks[0].kind == "keynote");
    REQUIRE(s.talks[0].speakers.size() == 1);
    CHECK(s.talks[0].speakers[0].name == "Ada Lovelace");
    CHECK(s.talks[0].speakers[0].affiliation() == "Analytical Engines Ltd");
  }
}

TEST_CASE("import web: other forms of times, chairs, panels, breaks, names and dates") {
  const WebEvent e = read_event(load_page(web_fixture("variants.html").string()), "");
  const Workshop& w = e.workshop;
  CHECK(w.acronym == "HPCW'26");
  CHECK(w.id == "hpcw-2026");
  CHECK(w.date == "2026-06-22");
  CHECK(w.timezone == "Europe/Paris");  // CEST
  REQUIRE(w.sessions.size() == 8);
  // "9:00-9:15 a.m.": the start takes the end's a.m.
  CHECK(w.sessions[0].kind == "opening");
  CHECK(w.sessions[0].start.minutes == 9 * 60);
  CHECK(w.sessions[0].end->minutes == 9 * 60 + 15);
  CHECK(w.sessions[0].talks.empty());
  CHECK(w.sessions[1].talks.at(0).kind == "keynote");
  CHECK(w.sessions[1].talks.at(0).speakers.at(0).affiliation() == "Navy Research Lab");
  CHECK(w.sessions[2].kind == "break");  // "10:30–11:00 — Coffee Break", no a.m./p.m.
  CHECK(w.sessions[2].start.minutes == 10 * 60 + 30);
  // A session heading with its chair, and the timed talks inside its span.
  const Session& s1 = w.sessions[3];
  CHECK(s1.title == "Session 1: Programming Models");
  CHECK(s1.chairs == std::vector<std::string>{"Alan Kay"});
  CHECK(s1.end->minutes == 12 * 60 + 30);
  REQUIRE(s1.talks.size() == 3);
  CHECK(s1.talks[0].title == "Portable Kernels with SYCL");
  CHECK(s1.talks[0].speakers.at(0).name == "Ana Núñez");
  CHECK(s1.talks[0].speakers.at(0).affiliation() == "Universidad de Chile");
  CHECK(s1.talks[1].speakers.size() == 2);  // "Cy Doe and Dee Roe": no affiliations
  CHECK(s1.talks[1].speakers.at(1).affiliations.empty());
  CHECK(s1.talks[2].start->minutes == 12 * 60);
  // "12:30-1:30 p.m.": 12:30 is noon, not midnight.
  CHECK(w.sessions[4].kind == "break");
  CHECK(w.sessions[4].start.minutes == 12 * 60 + 30);
  CHECK(w.sessions[4].end->minutes == 13 * 60 + 30);
  // A panel: moderator as the session's chair, panelists as speakers.
  const Session& panel = w.sessions[5];
  CHECK(panel.kind == "discussion");
  CHECK(panel.chairs == std::vector<std::string>{"Alan Kay"});
  REQUIRE(panel.talks.size() == 1);
  CHECK(panel.talks[0].speakers.size() == 3);
  CHECK(w.sessions[6].talks.at(0).kind == "invited");
  CHECK(w.sessions[7].kind == "closing");
  // The second day is said, not silently merged.
  CHECK(std::any_of(e.notes.begin(), e.notes.end(), [](const std::string& n) { return n.find("2 days") != std::string::npos; }));
  // People: "Name – Affiliation – x [at] y [dot] org", a name alone; committees; dates "What: date".
  REQUIRE(w.organizers.size() == 2);
  CHECK(w.organizers[0].name == "Alan Kay");
  CHECK(w.organizers[0].affiliation() == "Viewpoints Research Institute");
  CHECK(w.organizers[0].email() == "alan@example.org");
  CHECK(w.organizers[1].name == "Barbara Liskov");
  CHECK(w.organizers[1].affiliations.empty());
  REQUIRE(w.committees.size() == 1);
  CHECK(w.committees[0].name == "Program Committee");
  CHECK(w.committees[0].members.size() == 2);
  REQUIRE(w.dates.size() == 2);
  CHECK(w.dates[0].what == "Paper submission");
  CHECK(w.dates[0].date == "2026-03-01");
  CHECK(w.dates[1].what == "Notification");
  CHECK(w.dates[1].date == "2026-04-10");
}

TEST_CASE("import web: a page without a program is an input error naming it") {
  test::TempDir dir;
  dir.write("empty.html", "<html><body><h1>A Workshop on Nothing</h1><p>Coming soon.</p></body></html>");
  try {
    import_web(dir.path / "v", (dir.path / "empty.html").string(), false);
    FAIL("read a program from a page without one");
  } catch (const Error& e) {
    CHECK(e.status() == Exit::input);  // exit status 3
    CHECK(e.line().find("empty.html") != std::string::npos);
    CHECK(e.line().find("no program") != std::string::npos);
  }
  CHECK(!fs::exists(dir.path / "v" / "workshop.yaml"));
}

TEST_CASE("import web: the merge keeps a person's edit, takes the page's change, lists a conflict") {
  test::TempDir dir;
  const fs::path venue = dir.path / "venue";
  const std::string page = read_file(web_fixture("aiexscale-2025.md"));
  dir.write("page.md", page);
  const std::string page_file = (dir.path / "page.md").string();
  REQUIRE(import_web(venue, page_file).status == Exit::ok);
  // A person fixes the slip; the page changes the break's end.
  std::string yaml = read_file(venue / "workshop.yaml");
  const auto slip = yaml.find("start: 12:20 AM");
  REQUIRE(slip != std::string::npos);
  yaml.replace(slip, 15, "start: 12:20 PM");
  write_file_atomic(venue / "workshop.yaml", yaml);
  std::string changed = page;
  changed.replace(changed.find("10:00 AM - 10:30 AM - Break"), 27, "10:00 AM - 10:45 AM - Break");
  dir.write("page.md", changed);
  auto r = import_web(venue, page_file);
  CHECK(r.status == Exit::ok);
  Workshop w = load_workshop(venue);
  CHECK(w.sessions.back().start.text == "12:20 PM");  // the person's edit stays
  CHECK(w.sessions[3].end->text == "10:45 AM");       // the page's change is taken
  // Now both change the same field: a conflict, workshop.yaml kept, exit status 1.
  yaml = read_file(venue / "workshop.yaml");
  yaml.replace(yaml.find("end: 10:45 AM"), 13, "end: 10:40 AM");
  write_file_atomic(venue / "workshop.yaml", yaml);
  changed.replace(changed.find("10:00 AM - 10:45 AM - Break"), 27, "10:00 AM - 10:50 AM - Break");
  dir.write("page.md", changed);
  r = import_web(venue, page_file);
  CHECK(r.status == Exit::failed);
  CHECK(has(r.conflicts, "workshop.yaml: program.break.end differs"));
  CHECK(load_workshop(venue).sessions[3].end->text == "10:40 AM");
  // Without --write nothing is written.
  const std::string before = read_file(venue / "workshop.yaml");
  changed.replace(changed.find("Break"), 5, "Coffee Break");
  dir.write("page.md", changed);
  r = import_web(venue, page_file, false);
  CHECK(has(r.changes, "workshop.yaml: program.break.title"));
  CHECK(r.written.empty());
  CHECK(read_file(venue / "workshop.yaml") == before);
}

TEST_CASE("import web: speaker and talk page slugs as event sites spell them") {
  CHECK(url_slug("Loïc Pottier") == "loic-pottier");
  CHECK(url_slug("Rafael Ferreira da Silva") == "rafael-ferreira-da-silva");
  CHECK(url_slug("How Complex AI Workflows Are Driving the Future?") == "how-complex-ai-workflows-are-driving-the-future");
  CHECK(zone_for_abbreviation("cst") == "America/Chicago");
  CHECK(zone_for_abbreviation("XYZ").empty());
  CHECK(zone_for_place("to be held in St-Louis, Missouri.") == "America/Chicago");
}

TEST_CASE("import web: a Markdown table and a table of HTML cells, speakers as 'Name, Affiliation'") {
  const Page markdown = read_page("## Schedule\n\n| Time | Talk | Speaker |\n|------|------|---------|\n"
                                  "| 1:00-1:45 PM | Keynote: Data at Rest | Lin Wu, Argonne National Laboratory |\n"
                                  "| 1:45-2:00 PM | Coffee Break | |\n",
                                  "agenda.md");
  const Page html = read_page("<h2>Schedule</h2><table><tr><td>1:00-1:45 PM</td><td>Keynote: Data at Rest</td>"
                              "<td>Lin Wu, Argonne National Laboratory</td></tr><tr><td>1:45-2:00 PM</td><td>Coffee Break</td>"
                              "<td></td></tr></table>",
                              "agenda.html");
  for (const Page* page : {&markdown, &html}) {
    INFO(page->source);
    const Workshop w = read_event(*page, "America/Chicago").workshop;
    REQUIRE(w.sessions.size() == 2);
    CHECK(w.sessions[0].start.minutes == 13 * 60);  // "1:00-1:45 PM": the start is p.m. too
    CHECK(w.sessions[0].start.text == "1:00 PM");
    REQUIRE(w.sessions[0].talks.size() == 1);
    CHECK(w.sessions[0].talks[0].title == "Data at Rest");
    REQUIRE(w.sessions[0].talks[0].speakers.size() == 1);
    CHECK(w.sessions[0].talks[0].speakers[0].name == "Lin Wu");
    CHECK(w.sessions[0].talks[0].speakers[0].affiliation() == "Argonne National Laboratory");
    CHECK(w.sessions[1].kind == "break");
  }
}

TEST_CASE("import web: a page with a 300 kB line or 100000 nested elements is read, not crashed on") {
  const std::string long_line(300000, 'a');
  for (const auto& [bytes, name] : {std::pair{"## Program\n### 9:00 AM - " + long_line + "\n", std::string("long.md")},
                                    std::pair{"<h2>Organizers</h2><ul><li>" + long_line + " at y.org</li></ul>", std::string("long.html")},
                                    std::pair{"Program\n9:00 AM - Talk\n" + long_line + "\n", std::string("long.txt")}}) {
    INFO(name);
    const Page page = read_page(bytes, name);
    for (const auto& l : page.lines) CHECK(l.text.size() <= 2000);
    CHECK_NOTHROW(read_event(page, "UTC"));
  }
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div><b>";
  CHECK_NOTHROW(read_event(read_page(deep + "x", "deep.html"), "UTC"));
  CHECK(test::error_line([] { read_page(std::string("\xff\xfe Program", 10), "latin.md"); }).find("latin.md") != std::string::npos);
  // HTML in its own charset (ISO-8859-1 here: the byte EF for "ï") is read as such.
  const Page latin = read_page("<html><head><meta charset=\"iso-8859-1\"></head><body><h2>Organizers</h2>"
                               "<ul><li>Lo\xef" "c Pottier, LLNL</li></ul></body></html>",
                               "latin.html");
  CHECK(read_event(latin, "UTC").workshop.organizers.at(0).name == "Lo\u00efc Pottier");
}

TEST_CASE("import web: a.m./p.m. spelled in the ways pages spell them") {
  const Page page = read_page("Program\n8:00 A.M. - 9 a.m. Registration\n9AM-10:15AM Opening Remarks\n"
                              "10:15 - 11:30am Keynote: One\nAda Lovelace\n11:30 AM - Noon Coffee Break\n"
                              "noon - 1:30 pm Lunch\n1:30-2:00PM Keynote: Two\nBo Li\n",
                              "times.txt");
  const Workshop w = read_event(page, "UTC").workshop;
  REQUIRE(w.sessions.size() == 6);
  const std::vector<std::pair<int, int>> want{{8 * 60, 9 * 60},        {9 * 60, 10 * 60 + 15},  {10 * 60 + 15, 11 * 60 + 30},
                                              {11 * 60 + 30, 12 * 60}, {12 * 60, 13 * 60 + 30}, {13 * 60 + 30, 14 * 60}};
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO("session " << i + 1 << " '" << w.sessions[i].title << "'");
    CHECK(w.sessions[i].start.minutes == want[i].first);
    REQUIRE(w.sessions[i].end);
    CHECK(w.sessions[i].end->minutes == want[i].second);
  }
  CHECK(w.sessions[0].title == "Registration");
  CHECK(w.sessions[0].kind == "break");
  CHECK(w.sessions[0].start.text == "8:00 AM");
  CHECK(w.sessions[2].start.text == "10:15am");  // "10:15 - 11:30am"
  CHECK(w.sessions[3].kind == "break");
  CHECK(w.sessions[4].kind == "break");
}

TEST_CASE("import web: a change on the page rewrites only its session in a hand-kept workshop.yaml") {
  test::TempDir dir;
  const fs::path venue = dir.path / "venue";
  fs::create_directories(venue);
  fs::copy_file(test::source_dir() / "metadata/aiexscale-2025/workshop.yaml", venue / "workshop.yaml");
  const std::string original = read_file(venue / "workshop.yaml");
  std::string page = read_file(web_fixture("aiexscale-2025.md"));
  dir.write("page.md", page);
  const std::string page_file = (dir.path / "page.md").string();
  auto r = import_web(venue, page_file);
  REQUIRE(r.status == Exit::ok);
  CHECK(r.changes.empty());
  CHECK(r.conflicts.empty());
  CHECK(read_file(venue / "workshop.yaml") == original);
  page.replace(page.find("10:00 AM - 10:30 AM - Break"), 27, "10:00 AM - 10:25 AM - Break");
  dir.write("page.md", page);
  r = import_web(venue, page_file);
  REQUIRE(r.status == Exit::ok);
  const std::string now = read_file(venue / "workshop.yaml");
  CHECK(load_workshop(venue).sessions[3].end->text == "10:25 AM");
  // Every other session keeps its text, comments and quotes included.
  for (const char* kept : {"    # The page gives the welcome a start time only.\n",
                           "        - {title: Moderated Discussion, kind: discussion, slug: moderated-discussion}\n",
                           "    # Published as \"12:20 AM\", a slip for 12:20 PM; kept as published so that\n",
                           "      start: \"09:30 AM\"\n", "# `slug`: the talk's page on the symposium's site (/talks/<slug>).\n"})
    CHECK(now.find(kept) != std::string::npos);
  CHECK(now.find("{id: break, title: Break, kind: break, start: \"10:00 AM\", end: \"10:30 AM\"}") == std::string::npos);
  CHECK(now.size() > original.size() - 40);
}

TEST_CASE("import web: a 'Session chair:' line after a break chairs the talks that follow it") {
  const Page page = read_page("Program\n10:00 - 10:30 AM Coffee Break\nSession chair: Ivy Peng\n"
                              "10:30 - 10:50 AM Fast Kernels\nAn Li, Bo Wu\n10:50 - 11:10 AM Slow Kernels\nCy Ng and Di Ho\n"
                              "11:10 - 11:30 AM Odd Kernels\nEd Yu, Fa Oz\nSession chair: Jo Kim\n",
                              "chairs.txt");
  const Workshop w = read_event(page, "UTC").workshop;
  REQUIRE(w.sessions.size() == 3);
  CHECK(w.sessions[0].kind == "break");
  CHECK(w.sessions[0].chairs.empty());
  CHECK(w.sessions[1].kind == "papers");
  CHECK(w.sessions[1].chairs == std::vector<std::string>{"Ivy Peng"});
  CHECK(w.sessions[1].talks.size() == 2);
  CHECK(w.sessions[2].chairs == std::vector<std::string>{"Jo Kim"});  // its own line wins
}

TEST_CASE("import web: a program under a heading with a note, or under none") {
  for (const char* text : {"<h1>Tiny Workshop 2027</h1><h2>Program (all times CET):</h2><p>9:00-9:30 Opening</p>"
                           "<p>9:30-10:00 Keynote: Small Things<br>Ann Lee</p>",
                           "<h1>Tiny Workshop 2027</h1><p>9:00-9:30 Opening</p><p>9:30-10:00 Keynote: Small Things<br>Ann Lee</p>"}) {
    INFO(text);
    const Workshop w = read_event(read_page(text, "tiny.html"), "UTC").workshop;
    REQUIRE(w.sessions.size() == 2);
    CHECK(w.sessions[0].kind == "opening");
    CHECK(w.sessions[1].talks.at(0).speakers.at(0).name == "Ann Lee");
  }
}

TEST_CASE("import web: a schedule table with start and end in their own columns, a 'by' line") {
  const Page page = read_page("<h2>Schedule</h2><table><tr><th>Start</th><th>End</th><th>What</th></tr>"
                              "<tr><td>14:00</td><td>14:45</td><td>Keynote: Streams<br>by Max Planck (MPI)</td></tr>"
                              "<tr><td>14:45</td><td>15:15</td><td>Afternoon Break</td></tr></table>",
                              "table.html");
  const Workshop w = read_event(page, "UTC").workshop;
  REQUIRE(w.sessions.size() == 2);
  CHECK(w.sessions[0].start.minutes == 14 * 60);
  REQUIRE(w.sessions[0].end);
  CHECK(w.sessions[0].end->minutes == 14 * 60 + 45);
  CHECK(w.sessions[0].talks.at(0).title == "Streams");
  CHECK(w.sessions[0].talks.at(0).speakers.at(0).name == "Max Planck");
  CHECK(w.sessions[0].talks.at(0).speakers.at(0).affiliation() == "MPI");
  CHECK(w.sessions[1].kind == "break");
  CHECK(w.sessions[1].id == "break-pm");
  const Page prose = read_page("Program\n9:00 AM - 9:30 AM - Keynote: Joins\nAnn Lee\nBy combining X and Y, we join.\n", "p.txt");
  const Talk t = read_event(prose, "UTC").workshop.sessions.at(0).talks.at(0);
  CHECK(t.speakers.size() == 1);
  CHECK(t.abstract == "By combining X and Y, we join.");
  CHECK(w.sessions[1].end->minutes == 15 * 60 + 15);
}

TEST_CASE("import web: speakers on the time's own line, after a dash or 'by'") {
  const Page page = read_page("## Program\n- **9:15 AM – 10:00 AM**: Keynote: *Deep Joins* — Jane Doe (University of Utah)\n"
                              "- **10:00 AM – 10:30 AM**: Scaling Graphs by Ann Lee and Bo Wu\n"
                              "- **10:30 AM – 11:00 AM**: Tools - A Survey\n",
                              "list.md");
  const Workshop w = read_event(page, "UTC").workshop;
  REQUIRE(w.sessions.size() == 3);
  const Talk& keynote = w.sessions[0].talks.at(0);
  CHECK(keynote.title == "Deep Joins");
  REQUIRE(keynote.speakers.size() == 1);
  CHECK(keynote.speakers[0].name == "Jane Doe");
  CHECK(keynote.speakers[0].affiliation() == "University of Utah");
  CHECK(w.sessions[1].talks.at(0).title == "Scaling Graphs");
  CHECK(w.sessions[1].talks.at(0).speakers.size() == 2);
  CHECK(w.sessions[2].talks.at(0).title == "Tools - A Survey");  // "A Survey" is not a person
}

// issue 24 item 12: an import never writes a venue its own loader refuses.
TEST_CASE("import web: talk links the loader would refuse as slugs are normalised and said, and the venue loads") {
  test::TempDir dir;
  const std::string long_slug(119, 'a');
  dir.write("page.md", "# SLUG 2025\n\n# Slug Workshop on Things\n\n**Date: November 21, 2025**, held in St. Louis, Missouri.\n\n"
                       "## Program\n\n### 8:30 AM - 9:00 AM - <a href=\"/talks/Keynote.2025\">Keynote: Big Ideas</a>\nAda Lovelace\n\n"
                       "### 9:00 AM - 9:30 AM - <a href=\"/talks/%2e%2e%2fx\">Invited Talk: Dots</a>\nBob Roe\n\n"
                       "### 9:30 AM - 10:00 AM - <a href=\"/talks/" + long_slug + "\">Invited Talk: Long</a>\nCy Doe\n\n"
                       "### 10:00 AM - 10:30 AM - <a href=\"/talks/%2e%2e\">Invited Talk: Nothing Left</a>\nDee Ray\n\n"
                       "## Organizers\n- Ada Lovelace (Analytical Engines Inc)\n");
  const fs::path venue = dir.path / "venue";
  const auto result = import_web(venue, (dir.path / "page.md").string());
  CHECK(result.status == Exit::ok);
  const Workshop w = load_workshop(venue);  // threw "must be 1 to 100 letters, digits, '-' and '_'" before
  REQUIRE(w.sessions.size() == 4);
  CHECK(w.sessions[0].talks.at(0).slug == "Keynote-2025");
  CHECK(w.sessions[1].talks.at(0).slug == "x");
  CHECK(w.sessions[2].talks.at(0).slug == std::string(100, 'a'));
  CHECK(w.sessions[3].talks.at(0).slug.empty());
  CHECK(has(result.notes, "the talk link '/talks/Keynote.2025' names the page 'Keynote.2025', not 1 to 100 letters, "
                          "digits, '-' and '_': slug 'Keynote-2025' kept"));
  CHECK(has(result.notes, "the talk link '/talks/%2e%2e' names the page '%2e%2e', not 1 to 100 letters, digits, '-' and "
                          "'_': no slug kept"));
}

TEST_CASE("import web: what the loader would refuse is not written; the error names the page and the field") {
  test::TempDir dir;
  const std::string acronym(120, 'A');  // the workshop's id is made of it: past the loader's 100 characters
  dir.write("page.md", "# " + acronym + " 2025\n\n# A Workshop on Things\n\n**Date: November 21, 2025**, held in St. Louis, "
                       "Missouri.\n\n## Program\n\n### 8:30 AM - 9:00 AM - Keynote: Big Ideas\nAda Lovelace\n\n"
                       "## Organizers\n- Ada Lovelace (Analytical Engines Inc)\n");
  const fs::path venue = dir.path / "venue";
  const std::string message = test::error_line([&] { import_web(venue, (dir.path / "page.md").string()); });
  CHECK(message.find((dir.path / "page.md").string() + ": the import would write " + (venue / "workshop.yaml").string() +
                     ":3, which proceedings refuses (field 'id'") != std::string::npos);
  CHECK(message.find("nothing was written") != std::string::npos);
  CHECK(!fs::exists(venue / "workshop.yaml"));
}

// issue 24 item 6 (import half): control characters from a page never reach the venue.
TEST_CASE("import web: a control character in the page is refused with the page's line") {
  CHECK(test::error_line([] { read_page("Program\n9:00 AM - 9:30 AM - Keynote: Big Ideas\nAda \x1b[31mLovelace\n", "p.txt"); })
            .find("p.txt:3: holds the control character U+001B in 'Ada ?[31mLovelace'") != std::string::npos);
  static const char with_nul[] = "## Program\n### 9:00 AM - Talk\nAda\0Lovelace\n";
  CHECK(test::error_line([] { read_page(std::string(with_nul, sizeof with_nul - 1), "p.md"); })
            .find("p.md:3: holds the control character U+0000") != std::string::npos);
  CHECK(test::error_line([] { read_page("<html><body><h2>Program</h2>\n<p>9:00 AM - Talk</p>\n<p>Ada&#27;Lovelace \xc2\x85</p></body></html>", "p.html"); })
            .find("p.html:3: holds the control character") != std::string::npos);
  // Tabs and line ends are white space, as before.
  CHECK_NOTHROW(read_page("Program\r\n9:00 AM - 9:30 AM -\tKeynote\r\n", "p.txt"));
}

// issue 24 item 22 (web half): talks listed under a session's time were dropped.
TEST_CASE("import web: talks written as a bulleted list under a session's time are its talks") {
  const Page page = read_page("## Program\n\n### 9:30 AM - 10:30 AM - Paper Session 1 (Chair: Grace Hopper)\n"
                              "- FlowLite: Lightweight Workflows for Exascale AI - Zoë Ångström, Jiří Novák\n"
                              "- Tensor Cores for Sparse Solvers - Bo Li (KTH)\n\n"
                              "### 10:30 AM - 11:00 AM - Break\n\n"
                              "### 11:00 AM - 12:00 PM - Research Talks\n"
                              "* *Graph Workflows at Scale*, Dee Ray (Argonne National Laboratory)\n"
                              "* *Provenance for Everyone*, Eli Fox (Inria)\n\n"
                              "### 12:00 PM - 12:30 PM - Session 3: Systems\nA session on systems, introduced by its chair.\n",
                              "list.md");
  const WebEvent event = read_event(page, "UTC");
  const Workshop& w = event.workshop;
  REQUIRE(w.sessions.size() == 4);
  CHECK(w.sessions[0].title == "Paper Session 1");
  CHECK(w.sessions[0].kind == "papers");
  CHECK(w.sessions[0].chairs == std::vector<std::string>{"Grace Hopper"});
  REQUIRE(w.sessions[0].talks.size() == 2);
  CHECK(w.sessions[0].talks[0].title == "FlowLite: Lightweight Workflows for Exascale AI");
  CHECK(w.sessions[0].talks[0].speakers.size() == 2);
  CHECK(!w.sessions[0].talks[0].start);  // listed without a time of its own
  CHECK(w.sessions[0].talks[1].speakers.at(0).affiliation() == "KTH");
  CHECK(w.sessions[2].title == "Research Talks");
  REQUIRE(w.sessions[2].talks.size() == 2);
  CHECK(w.sessions[2].talks[1].title == "Provenance for Everyone");
  CHECK(w.sessions[2].talks[1].speakers.at(0).name == "Eli Fox");
  // Text under a session heading that is no talk is said, not dropped quietly.
  CHECK(has(event.notes, "not read, under session 'Session 3: Systems': 'A session on systems, introduced by its chair.'"));
}

// issue 24 item 2's bound on an imported abstract, for a page's prose under a talk.
TEST_CASE("import web: a talk's text past 10 000 bytes is cut, and the cut is said") {
  std::string text = "Program\n9:00 AM - 9:30 AM - Keynote: Big Ideas\n";
  for (int i = 0; i < 400; ++i) text += "This is sentence " + std::to_string(i) + " of a long text about ideas and more ideas.\n";
  const WebEvent event = read_event(read_page(text, "long.txt"), "UTC");
  const Talk& talk = event.workshop.sessions.at(0).talks.at(0);
  CHECK(talk.abstract.size() <= 10000);
  CHECK(talk.abstract.size() > 9000);
  CHECK(talk.abstract.rfind("This is sentence 0 of", 0) == 0);
  CHECK(has(event.notes, "the text under 'Big Ideas' is longer than 10000 bytes"));
}

// ---- issue 25 item 1: one Person writer for papers.yaml and workshop.yaml ----

namespace {

// A person with every field of Person set, in the forms that are hard to keep:
// a family name written first, two departments, commas and quotes in texts.
Person every_field_person(const std::string& name, const std::string& given, const std::string& family) {
  Person p;
  p.name = name;
  p.given = given;
  p.family = family;
  p.affiliations.push_back(Affiliation{"Professor", {"Lab A, Group [B]", "Dept: C"}, "Oak Ridge National Laboratory",
                                       "1 Bethel Valley Rd", "Oak Ridge", "TN", "37830", "USA"});
  p.affiliations.push_back(Affiliation{"", {}, "Tsinghua University", "", "Beijing", "", "", "China"});
  p.additional.push_back(Affiliation{"", {"School of 'Computing'"}, "KTH", "", "Stockholm", "", "", "Sweden"});
  p.emails = {"li.wei@example.org", "wei@example.com"};
  p.orcid = "0000-0002-1825-0097";
  p.contact = true;
  return p;
}

Session every_field_session(const Person& speaker) {
  Talk t{"Keynote: Graphs, \"Fast\"", "keynote", {speaker, Person{"Ana Sofía Núñez", {}, {}, {}, {}, {}}},
         "",  // a paper talk names its paper instead of speakers: below
         parse_clock_time("9:10 AM"), parse_clock_time("9:40 AM"), "An abstract: with a colon, # and [brackets].",
         "keynote-graphs"};
  Talk paper_talk{"The Paper", "paper", {}, "thepaper", parse_clock_time("9:40 AM"), parse_clock_time("10:00 AM"), "", ""};
  Session s;
  s.id = "morning";
  s.title = "Morning, with a comma";
  s.kind = "papers";
  s.start = *parse_clock_time("9:10 AM");
  s.end = parse_clock_time("10:00 AM");
  s.chairs = {"Li Wei", "O'Connell, Sarah"};
  s.talks = {t, paper_talk};
  s.room = "Room 101";
  s.confirmed = {"TIME_BACKWARDS"};
  return s;
}

}  // namespace

TEST_CASE("issue 25 item 1: every field of Person, Paper, Session and Talk survives each writer and the loader") {
  const Person li = every_field_person("Li Wei", "Wei", "Li");  // family name first
  Person ana = every_field_person("Ana Sofía Núñez García", "Ana Sofía", "Núñez García");
  ana.middle = "Sofía";  // as EasyChair gives a middle name apart
  Paper paper{"thepaper", "The Paper: \"Quoted\", with [brackets]", {li, ana, Person{"Bo", {}, {}, {}, {}, {}}},
              "src/thepaper", "2501.01234", "10.1145/3731599.3767342", "Line one.\nLine two: colon.", "acmlicensed",
              "hotcrp:17", "Short Paper"};
  test::TempDir dir;

  SUBCASE("papers.yaml") {
    dir.write("workshop.yaml", test::minimal_workshop_yaml);
    dir.write("papers.yaml", papers_yaml({paper}, "# header\n"));
    const Workshop w = load_workshop(dir.path);
    REQUIRE(w.papers.size() == 1);
    CHECK(w.papers[0].authors[0] == li);
    CHECK(w.papers[0].authors[1] == ana);
    CHECK(w.papers[0] == paper);
  }

  SUBCASE("papers.yaml updated in place (import --write, meta --write)") {
    dir.write("workshop.yaml", test::minimal_workshop_yaml);
    const std::string original = "# kept\npapers:\n  - {id: thepaper, title: Old, authors: [Li Wei, Bo]}\n";
    dir.write("papers.yaml", updated_papers_yaml(original, {paper}));
    CHECK(read_file(dir.path / "papers.yaml").rfind("# kept\n", 0) == 0);
    const Workshop w = load_workshop(dir.path);
    REQUIRE(w.papers.size() == 1);
    CHECK(w.papers[0] == paper);
  }

  Workshop w;
  w.id = "w";
  w.acronym = "W'26";
  w.name = "A Workshop: on Names, Affiliations";
  w.kind = "workshop";
  w.date = "2026-11-16";
  w.timezone = "America/Chicago";
  w.location = "St. Louis, MO, USA";
  w.website = "https://example.org/w";
  w.organizers = {li, ana};
  w.committees = {Committee{"Program Committee", {ana, li, Person{"Cy Doe", {}, {}, {}, {}, {}}}}};
  w.dates = {ImportantDate{"Papers due", "2026-08-01", "AoE, firm"}};
  w.room = "Hall 3";
  w.default_length = 15;
  w.sessions = {every_field_session(li)};
  w.papers = {paper};

  auto check_loaded = [&](const Workshop& got) {
    CHECK(got.organizers == w.organizers);
    REQUIRE(got.committees.size() == 1);
    CHECK(got.committees[0].name == w.committees[0].name);
    CHECK(got.committees[0].members == w.committees[0].members);
    REQUIRE(got.sessions.size() == 1);
    CHECK(got.sessions[0].talks == w.sessions[0].talks);
    CHECK(got.sessions[0] == w.sessions[0]);
    CHECK(got.room == w.room);
    CHECK(got.default_length == w.default_length);
  };

  SUBCASE("workshop.yaml of a new venue (import web)") {
    dir.write("workshop.yaml", workshop_yaml(w, "test"));
    dir.write("papers.yaml", papers_yaml({paper}, ""));
    check_loaded(load_workshop(dir.path));
  }

  SUBCASE("workshop.yaml updated in place (import web's re-import)") {
    dir.write("workshop.yaml", std::string(test::minimal_workshop_yaml) + "# kept\ncommittees:\n  - name: PC\n    members: [Ada]\n");
    dir.write("papers.yaml", papers_yaml({paper}, ""));
    const Workshop before = load_workshop(dir.path);
    Workshop after = before;
    after.organizers = w.organizers;
    after.committees = w.committees;
    after.room = w.room;
    after.default_length = w.default_length;
    after.sessions = w.sessions;
    dir.write("workshop.yaml", updated_workshop_yaml(read_file(dir.path / "workshop.yaml"), before, after));
    const std::string text = read_file(dir.path / "workshop.yaml");
    CHECK(text.find("# kept") != std::string::npos);
    check_loaded(load_workshop(dir.path));
    // A filled-in ORCID alone is written too (the comparison is the whole person).
    const Workshop again = load_workshop(dir.path);
    Workshop filled = again;
    filled.organizers[1].orcid = "0000-0001-5109-3700";
    dir.write("workshop.yaml", updated_workshop_yaml(text, again, filled));
    CHECK(load_workshop(dir.path).organizers[1].orcid == "0000-0001-5109-3700");
  }
}

TEST_CASE("updated_workshop_yaml keeps CR LF, the byte order mark and comments (issue 25 item 1)") {
  test::TempDir dir;
  const std::string lf = std::string(test::minimal_workshop_yaml) + "# kept\ncommittees:\n  - name: PC\n    members: [Ada]\n";
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  dir.write("workshop.yaml", lf);
  dir.write("papers.yaml", "papers: []\n");
  const Workshop before = load_workshop(dir.path);
  Workshop after = before;
  Person bob;
  bob.name = "Bob Li";
  after.committees[0].members.push_back(bob);
  const std::string lf_out = updated_workshop_yaml(lf, before, after);
  std::string expected = "\xEF\xBB\xBF";
  for (char c : lf_out) expected += c == '\n' ? std::string("\r\n") : std::string(1, c);
  CHECK(updated_workshop_yaml(crlf, before, after) == expected);
  CHECK(lf_out.find("# kept\n") != std::string::npos);
  CHECK(lf_out.find("Bob Li") != std::string::npos);
}

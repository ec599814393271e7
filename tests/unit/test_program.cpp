// Core's shared pieces: names, dates, the one program rendering, the
// diagnostics and exit statuses, the install locations; and the writers
// (book, booklet) rendering the same program the same way.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>

#include "build/plan.hpp"
#include "build/typeset.hpp"
#include "booklet/html.hpp"
#include "helpers.hpp"
#include "proceedings/diagnostic.hpp"
#include "proceedings/exit_status.hpp"
#include "proceedings/install.hpp"
#include "proceedings/model.hpp"
#include "proceedings/names.hpp"
#include "proceedings/program.hpp"
#include "proceedings/timezone.hpp"

using namespace proceedings;

namespace {

Person person(const std::string& name, const std::string& family = "") {
  Person p;
  p.name = name;
  p.family = family;
  return p;
}

// A workshop with one three-author paper presented at 9:05 in a session chaired by two.
Workshop program_workshop(const test::TempDir& dir) {
  dir.write("workshop.yaml", std::string(test::minimal_workshop_yaml) +
                                 "program:\n  sessions:\n"
                                 "    - title: Morning\n      start: '9:05am'\n      end: '10:30 AM'\n"
                                 "      chairs: [Ann Lee, Bo Chan]\n"
                                 "      talks:\n        - {title: The Paper, paper: p1, start: '09:05', end: '9:25'}\n");
  dir.write("papers.yaml",
            "papers:\n  - {id: p1, title: The Paper, authors: [Rafael Ferreira da Silva, Zoë Ångström, Bob Zed]}\n");
  return load_workshop(dir.path);
}

}  // namespace

TEST_CASE("names: family names with particles and compound surnames; an explicit family wins") {
  CHECK(family_name("Rafael Ferreira da Silva") == "Ferreira da Silva");
  CHECK(family_name("Ludwig van Beethoven") == "van Beethoven");
  CHECK(family_name("Pedro Valero-Lara") == "Valero-Lara");
  CHECK(family_sort_key("Rafael Ferreira da Silva").rfind("ferreira", 0) == 0);  // under F, not S
  // Spanish double surname without a particle: only an explicit family name can say it.
  CHECK(family_name(person("Gabriel García Márquez")) == "Márquez");
  CHECK(family_name(person("Gabriel García Márquez", "García Márquez")) == "García Márquez");
  CHECK(family_sort_key(person("Gabriel García Márquez", "García Márquez")).rfind("garcia marquez", 0) == 0);
  CHECK(index_name(person("Rafael Ferreira da Silva")) == "Ferreira da Silva, Rafael");
  CHECK(index_name(person("Gabriel García Márquez", "García Márquez")) == "García Márquez, Gabriel");
  CHECK(index_name(person("Plato")) == "Plato");
  CHECK(fold_name("Loïc Pottier") == "loicpottier");
  CHECK(fold_words("Jean-Loïc D. Pottier") == "jean loic d  pottier");
}

TEST_CASE("names: family: in papers.yaml must start or end the name (issue 25 item 9: family name first)") {
  test::TempDir dir;
  dir.write("workshop.yaml", test::minimal_workshop_yaml);
  dir.write("papers.yaml", "papers:\n  - {id: p1, title: T, authors: [{name: Gabriel García Márquez, family: García Márquez}]}\n");
  CHECK(load_workshop(dir.path).papers.at(0).authors.at(0).family == "García Márquez");
  dir.write("papers.yaml", "papers:\n  - {id: p1, title: T, authors: [{name: Gabriel García Márquez, family: Lopez}]}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("'Lopez' is neither the start nor the end of the name") != std::string::npos);
}

TEST_CASE("program: one time format, one name list, one date") {
  CHECK(clock_text(9 * 60 + 5) == "9:05");
  CHECK(clock_text(13 * 60 + 30) == "13:30");
  CHECK(clock_text(0) == "0:00");
  CHECK(time_span(540, 550, "–") == "9:00–9:10");
  CHECK(time_span(540, std::nullopt, "–") == "9:00");
  CHECK(time_span(std::nullopt, 550, "–").empty());
  CHECK(name_list(std::vector<std::string>{}).empty());
  CHECK(name_list(std::vector<std::string>{"A"}) == "A");
  CHECK(name_list(std::vector<std::string>{"A", "B"}) == "A and B");
  CHECK(name_list(std::vector<std::string>{"A", "B", "C"}) == "A, B, and C");
  CHECK(long_date("2025-11-16") == "November 16, 2025");
  CHECK(long_date("2025-13-01") == "2025-13-01");
  CHECK(long_date("soon") == "soon");
}

TEST_CASE("program: the book's program page and the booklet's web page print the same times and names") {
  test::TempDir dir;
  const Workshop w = program_workshop(dir);
  build::BookPlan plan;
  plan.workshop = w;
  plan.papers.push_back({w.papers.at(0), {}, {}, "Morning", 3, 1});
  const std::string book_program = build::front_matter_values(plan, "").at("PROGRAM");
  const std::string page =
      booklet::program_html(w, TimeZone::load(w.timezone), test::source_dir() / "templates" / "booklet");
  for (const std::string& text : {std::string("9:05"), std::string("9:25")}) {
    CHECK(book_program.find(text) != std::string::npos);
    CHECK(page.find(">" + text + "<") != std::string::npos);
  }
  CHECK(book_program.find("09:05") == std::string::npos);
  CHECK(page.find(">09:05<") == std::string::npos);
  CHECK(book_program.find("Ann Lee and Bo Chan") != std::string::npos);
  CHECK(page.find("Ann Lee and Bo Chan") != std::string::npos);
  // Three authors: the serial comma in both.
  CHECK(book_program.find("Zoë Ångström, and Bob Zed") != std::string::npos);
  CHECK(page.find("Zoë Ångström, and Bob Zed") != std::string::npos);
}

TEST_CASE("diagnostics: severities by name, the worst exit status") {
  std::vector<Diagnostic> found;
  CHECK(worst_exit(found) == Exit::ok);
  found.push_back({"NO_END", Severity::warning, "workshop.yaml", 0, "no end"});
  CHECK(worst_exit(found) == Exit::ok);
  found.push_back({"TIME_BACKWARDS", Severity::error, "workshop.yaml", 12, "backwards"});
  CHECK(worst_exit(found) == Exit::failed);
  CHECK(count_errors(found) == 1);
  CHECK(std::string(severity_name(Severity::warning)) == "warning");
}

TEST_CASE("exit statuses: one table, help sentences wrapped between statuses") {
  CHECK(exit_status_text({{Exit::ok, "all pass"}, {Exit::usage, ""}}) == "Exit status: 0 all pass, 2 usage error.");
  const std::string all = exit_status_text(every_exit_status(), 60);
  CHECK(all.find("5 another run is writing the same output folder.") != std::string::npos);
  std::size_t start = 0;
  while (start < all.size()) {
    const std::size_t end = all.find('\n', start);
    const std::string line = all.substr(start, end == std::string::npos ? std::string::npos : end - start);
    CHECK(line.size() <= 60);
    CHECK(!std::isdigit(static_cast<unsigned char>(line.back())));  // never "N" alone at a line's end
    if (end == std::string::npos) break;
    start = end + 1;
  }
}

TEST_CASE("install: templates from the option, the environment, or beside the executable; the venue from the folder") {
  test::TempDir dir;
  CHECK(templates_folder(dir.path.string()) == dir.path);
  CHECK(test::error_line([&] { templates_folder((dir.path / "none").string()); }).find("--templates:") == 0);
  setenv("PROCEEDINGS_TEMPLATES", dir.path.c_str(), 1);
  CHECK(templates_folder("") == dir.path);
  unsetenv("PROCEEDINGS_TEMPLATES");
  // This test binary is neither installed nor the build folder's `proceedings`: no templates, and a
  // message that says where they were looked for, never a fall-back into the source tree.
  CHECK(test::error_line([] { templates_folder(""); }).find("share/proceedings/templates") != std::string::npos);
  CHECK(venue_folder("metadata/x") == "metadata/x");
  const auto here = std::filesystem::current_path();
  std::filesystem::current_path(dir.path);
  CHECK(test::error_line([] { venue_folder(""); }).find("--venue: not given, and the current folder has no workshop.yaml") == 0);
  dir.write("workshop.yaml", test::minimal_workshop_yaml);
  CHECK(venue_folder("") == ".");
  std::filesystem::current_path(here);
}

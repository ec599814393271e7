// Core's one merge module (proceedings/merge.hpp) and import's use of it:
// keys that are real, decisions read as words, every person field merged
// three-way (issue 25 items 1, 2, 3, 5, 6, 8, 15).
#include <doctest/doctest.h>
#include <unistd.h>

#include <string>

#include "helpers.hpp"
#include "import/formats.hpp"
#include "import/merge.hpp"
#include "proceedings/error.hpp"
#include "proceedings/merge.hpp"
#include "proceedings/names.hpp"

using namespace proceedings;
using namespace proceedings::import;

namespace {

Person person(const std::string& name, const std::string& email = "", const std::string& orcid = "") {
  Person p;
  p.name = name;
  if (!email.empty()) p.emails.push_back(email);
  p.orcid = orcid;
  return p;
}

Submission submission(const std::string& number, const std::string& title, std::vector<Person> authors) {
  Submission s;
  s.system = "hotcrp";
  s.number = number;
  s.title = title;
  s.decision = "accepted";
  s.status = "accepted";
  s.authors = std::move(authors);
  return s;
}

bool has_line(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& l : lines)
    if (l.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("Decisions are matched as words, by each system's own vocabulary (issue 25 item 6)") {
  CHECK_FALSE(decision_accepts("csv", "Not accepted", "", {}));
  CHECK_FALSE(decision_accepts("csv", "Reject (unaccepted)", "", {}));
  CHECK_FALSE(decision_accepts("csv", "unacceptable", "", {}));
  CHECK(decision_accepts("csv", "Accepted", "", {}));
  CHECK(decision_accepts("csv", "Accept (short paper)", "", {}));
  // HotCRP: the status (the outcome's sign) decides over the decision's name
  CHECK(decision_accepts("hotcrp", "poster", "accepted", {}));
  CHECK_FALSE(decision_accepts("hotcrp", "accepted", "rejected", {}));
  CHECK_FALSE(decision_accepts("hotcrp", "not accepted", "", {}));
  // EasyChair's decision column says "accept" and nothing else for an accepted paper
  CHECK(decision_accepts("easychair", "accept", "", {}));
  CHECK_FALSE(decision_accepts("easychair", "probably accept", "", {}));
  // --decision names exact values, not substrings
  CHECK(decision_accepts("csv", "Short Paper", "", {"short paper"}));
  CHECK_FALSE(decision_accepts("csv", "Short Paper Rejected", "", {"short paper"}));
  CHECK_FALSE(decision_accepts("csv", "Not accepted", "", {"accepted"}));
}

TEST_CASE("A sheet's decision 'Not accepted' imports nothing (issue 25 item 6)") {
  const std::string sheet = "Title,Authors,Decision\nKept Out,Ana (X),Not accepted\nTaken In,Bo (Y),Accepted\n";
  const auto found = read_mapped_csv(sheet, "sheet.csv", {{"title", "Title"}, {"authors", "Authors"}, {"decision", "Decision"}});
  const MergeResult r = merge_submissions({}, {}, found, {});
  REQUIRE(r.papers.size() == 1);
  CHECK(r.papers[0].title == "Taken In");
}

TEST_CASE("Two submissions with one number in one export are refused (issue 25 item 5)") {
  const test::TempDir dir;
  dir.write("hotcrp.json", R"([{"pid": 3, "title": "One", "status": "accepted", "authors": [{"name": "Ana"}]},
                               {"pid": 3, "title": "Two", "status": "accepted", "authors": [{"name": "Bo"}]}])");
  const std::string message = test::error_line([&] { read_exports({dir.path / "hotcrp.json"}, {}); });
  CHECK(message.find("hotcrp.json") != std::string::npos);
  CHECK(message.find("lists submission hotcrp:3 twice") != std::string::npos);
  CHECK_THROWS_AS(refuse_duplicate_keys({"csv:a", "csv:b", "csv:a"}, "f.csv"), Error);
  CHECK_NOTHROW(refuse_duplicate_keys({"csv:a", "csv:b"}, "f.csv"));
}

TEST_CASE("A mapped CSV without a number column keys on the title (issue 25 item 5)") {
  const ColumnMap map{{"title", "Title"}, {"authors", "Authors"}};
  const auto first = read_mapped_csv("Title,Authors\nAlpha Paper,Ana (X)\nBeta Paper,Bo (Y)\n", "a.csv", map);
  const auto resorted = read_mapped_csv("Title,Authors\nBeta Paper,Bo (Y)\nAlpha Paper,Ana (X)\n", "a.csv", map);
  REQUIRE(first.size() == 2);
  REQUIRE(resorted.size() == 2);
  CHECK(first[0].key() == resorted[1].key());
  CHECK(first[1].key() == resorted[0].key());
  CHECK(first[0].key() != first[1].key());
  // A re-sorted sheet re-imported over the first: each paper keeps its own title and authors
  const MergeResult once = merge_submissions({}, {}, first, {});
  const MergeResult twice = merge_submissions(once.papers, once.state, resorted, {});
  CHECK(twice.conflicts.empty());
  CHECK(twice.changes.empty());
  REQUIRE(twice.papers.size() == 2);
  for (const auto& p : twice.papers) CHECK(p.authors.front().name == (p.title == "Alpha Paper" ? "Ana" : "Bo"));
  // Two sheets, each with its own first row, are two papers, not one
  const auto other = read_mapped_csv("Title,Authors\nGamma Paper,Cy (Z)\n", "b.csv", map);
  const MergeResult both = merge_submissions(once.papers, once.state, other, {});
  CHECK(both.papers.size() == 3);
}

TEST_CASE("fill_in fills every empty person field and overwrites none (issue 25 item 1)") {
  Person mine = person("Bob Li", "bob@mine.example");
  Person theirs = person("Bob Li", "bob@theirs.example", "0000-0002-1825-0097");
  theirs.family = "Li";
  Affiliation kth;
  kth.institution = "KTH";
  theirs.additional.push_back(kth);
  const auto filled = fill_in(mine, theirs);
  CHECK(mine.emails == std::vector<std::string>{"bob@mine.example"});
  CHECK(mine.orcid == "0000-0002-1825-0097");
  CHECK(mine.family == "Li");
  REQUIRE(mine.additional.size() == 1);
  CHECK(has_line(filled, "orcid set to '0000-0002-1825-0097'"));
  CHECK_FALSE(has_line(filled, "email"));
}

TEST_CASE("A re-import that adds an author keeps every edit to the others (issue 25 items 2, 15)") {
  const MergeResult first = merge_submissions({}, {}, {submission("3", "WattWatch", {person("Ana Núñez"), person("Bob Li", "bob@old.example")})}, {});
  std::vector<Paper> edited = first.papers;
  Person& bob = edited[0].authors[1];
  bob.emails = {"bob@new.example"};
  bob.orcid = "0000-0002-1825-0097";
  bob.family = "Li";
  const MergeResult again = merge_submissions(
      edited, first.state,
      {submission("3", "WattWatch", {person("Ana Núñez"), person("Bob Li", "bob@old.example"), person("Cy Doe")})}, {});
  REQUIRE(again.papers[0].authors.size() == 3);
  const Person& kept = again.papers[0].authors[1];
  CHECK(kept.emails == std::vector<std::string>{"bob@new.example"});
  CHECK(kept.orcid == "0000-0002-1825-0097");
  CHECK(kept.family == "Li");
  CHECK(again.conflicts.empty());
  CHECK(has_line(again.changes, "change paper wattwatch (hotcrp:3): authors: 'Ana Núñez; Bob Li' → 'Ana Núñez; Bob Li; Cy Doe'"));
}

TEST_CASE("A person field changed in both places stays a conflict until resolved (issue 25 item 3)") {
  const MergeResult first = merge_submissions({}, {}, {submission("3", "WattWatch", {person("Bob Li", "bob@old.example")})}, {});
  std::vector<Paper> edited = first.papers;
  edited[0].authors[0].emails = {"bob@mine.example"};
  const std::vector<Submission> changed{submission("3", "WattWatch", {person("Bob Li", "bob@theirs.example")})};
  const MergeResult once = merge_submissions(edited, first.state, changed, {});
  REQUIRE(once.conflicts.size() == 1);
  CHECK(has_line(once.conflicts, "email of Bob Li differs"));
  CHECK(has_line(once.conflicts, "--take-export wattwatch.authors.1.emails"));
  const MergeResult twice = merge_submissions(once.papers, once.state, changed, {});
  CHECK(twice.conflicts.size() == 1);
  const MergeResult taken = merge_submissions(twice.papers, twice.state, changed, {}, {{"wattwatch.authors.1.emails"}, {}, {}});
  CHECK(taken.conflicts.empty());
  CHECK(taken.papers[0].authors[0].emails == std::vector<std::string>{"bob@theirs.example"});
  const MergeResult kept = merge_submissions(twice.papers, twice.state, changed, {}, {{}, {"wattwatch"}, {}});
  CHECK(kept.conflicts.empty());
  CHECK(kept.papers[0].authors[0].emails == std::vector<std::string>{"bob@mine.example"});
  const MergeResult after = merge_submissions(kept.papers, kept.state, changed, {});
  CHECK(after.conflicts.empty());
  CHECK(after.papers[0].authors[0].emails == std::vector<std::string>{"bob@mine.example"});
}

TEST_CASE("Titles and names in other scripts keep their own keys (issue 25 item 5)") {
  CHECK(title_key("量子计算的调度") != title_key("稀疏矩阵求解器"));
  CHECK_FALSE(title_key("量子计算的调度").empty());
  CHECK(person_key("李伟") != person_key("王芳"));
  CHECK(person_key("Zoë Ångström") == person_key("Zoe Angstrom"));
  CHECK(person_key("Zoe\u0308 A\u030Angstro\u0308m") == person_key("Zoë Ångström"));  // NFD and NFC
  CHECK(person_key("Bob\u00A0Li") == person_key("Bob Li"));
  const auto found = read_mapped_csv("Title,Authors\n量子计算的调度,李伟 (X)\n稀疏矩阵求解器,王芳 (Y)\n", "cjk.csv",
                                     {{"title", "Title"}, {"authors", "Authors"}});
  REQUIRE(found.size() == 2);
  CHECK(found[0].key() != found[1].key());
  const MergeResult r = merge_submissions({}, {}, found, {});
  REQUIRE(r.papers.size() == 2);
  CHECK(r.papers[0].id != r.papers[1].id);
}

TEST_CASE("person_key is core's one name folder, fold_name (issue 25 item 1)") {
  // Greek and Cyrillic names in capitals or with tonos are the same person, as for meta --venue.
  CHECK(person_key("ΓΙΆΝΝΗΣ ΠΑΠΑΔΌΠΟΥΛΟΣ") == person_key("Γιάννης Παπαδόπουλος"));
  CHECK(person_key("ИВАН ПЕТРОВ") == person_key("Иван Петров"));
  for (const char* name : {"Sarah O\u2019Connell", "Zoë Ångström", "李伟", "Jean-Luc Picard"})
    CHECK(person_key(name) == fold_name(name));
}

TEST_CASE("Who is the contact author is merged like any other field (issue 25 item 2)") {
  auto with_contact = [](Person p) { return p.contact = true, p; };
  const MergeResult first = merge_submissions(
      {}, {}, {submission("3", "WattWatch", {with_contact(person("Ana Núñez")), person("Bob Li")})}, {});
  // The chair makes Bob the contact; a re-import that adds an author keeps that choice
  std::vector<Paper> edited = first.papers;
  edited[0].authors[0].contact = false;
  edited[0].authors[1].contact = true;
  const MergeResult again = merge_submissions(
      edited, first.state,
      {submission("3", "WattWatch", {with_contact(person("Ana Núñez")), person("Bob Li"), person("Cy Doe")})}, {});
  REQUIRE(again.papers[0].authors.size() == 3);
  CHECK_FALSE(again.papers[0].authors[0].contact);
  CHECK(again.papers[0].authors[1].contact);
  CHECK_FALSE(again.papers[0].authors[2].contact);
  CHECK(again.conflicts.empty());
  // HotCRP moves the contact on a paper nobody edited: taken, said per field
  const MergeResult moved = merge_submissions(
      first.papers, first.state, {submission("3", "WattWatch", {person("Ana Núñez"), with_contact(person("Bob Li"))})}, {});
  CHECK_FALSE(moved.papers[0].authors[0].contact);
  CHECK(moved.papers[0].authors[1].contact);
  CHECK(has_line(moved.changes, "contact author: 'Ana Núñez' → 'Bob Li'"));
}

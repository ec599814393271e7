// `check --format banal`: the JSON HotCRP's CheckFormat reads, measured on
// the project's typeset fixtures (tests/fixtures/*.tex) and checked field by
// field against what the fixture's source sets (acmart sigconf: US letter,
// 9 pt on 11 pt, two columns; the a4, one-column and font-size variants).
#include <doctest/doctest.h>

#include <chrono>
#include <numeric>
#include <sstream>

#include "check/banal.hpp"
#include "helpers.hpp"
#include "proceedings/check/analyze.hpp"

using namespace proceedings;
using namespace proceedings::check;
using json = nlohmann::ordered_json;

namespace {

struct Banal {
  json report;
  Analysis analysis;
};

Banal banal_of(const std::string& name) {
  PdfReader reader;
  const std::string file = test::fixture(name).string();
  const PdfFacts facts = reader.read(file);
  Analysis a = analyze(file, facts, CheckRules{});
  return {banal_report(facts, a, 1700000000), std::move(a)};
}

std::string types(const json& report) {
  std::string out;
  for (const auto& page : report["pages"]) out += page.contains("type") ? page["type"].get<std::string>()[0] : 'B';
  return out;
}

int sum_of_page_words(const json& report) {
  int n = 0;
  for (const auto& page : report["pages"]) n += page.value("w", 0);
  return n;
}

}  // namespace

TEST_CASE("banal: an acmart sigconf paper in banal's units") {
  const auto [r, a] = banal_of("body5.pdf");
  CHECK(r["at"] == 1700000000);
  CHECK(r["papersize"] == json({792, 612}));  // [height, width] in points: US letter
  CHECK(r["bodyfontsize"] == 9);
  CHECK(r["leading"] == 11);
  CHECK(r["columns"] == 2);
  REQUIRE(r["pages"].size() == 5);
  CHECK(types(r) == "BBBBB");  // banal leaves out "type" on body pages
  // sigconf's side margins are 3/4 in: 54 pt snapped outward to banal's 4 pt grid
  CHECK(r["m"][1] == 52);
  CHECK(r["m"][3] == 52);
  for (const auto& side : r["m"]) CHECK(side.get<int>() % 4 == 0);
  // HotCRP reads only the top-level count: the sum of the pages' counts
  CHECK(r["w"].get<int>() > 4000);
  CHECK(r["w"] == sum_of_page_words(r));
  CHECK(r["pages"][0]["fs"] == 1);  // "1 INTRODUCTION" on page 1
}

TEST_CASE("banal: a page differs from the document only where banal prints an override") {
  const auto [r, a] = banal_of("body5.pdf");
  for (const auto& page : r["pages"]) {
    if (page.contains("m")) CHECK(page["m"] != r["m"]);
    if (page.contains("columns")) CHECK(page["columns"] != r["columns"]);
    if (page.contains("bodyfontsize")) CHECK(page["bodyfontsize"] != r["bodyfontsize"]);
  }
  // the last page is half full: only its left column holds text
  CHECK(r["pages"][4]["columns"] == 1);
}

TEST_CASE("banal: the bibliography pages are typed bib, and their words are not counted") {
  const auto [r, a] = banal_of("full6-refs8.pdf");
  REQUIRE(r["pages"].size() == 8);
  CHECK(types(r) == "BBBBBBbb");
  CHECK(a.body_pages.size() == 6);  // HotCRP's body-page count is check's
  CHECK(!r["pages"][6].contains("w"));
  CHECK(!r["pages"][7].contains("w"));
}

TEST_CASE("banal: an appendix after the references is typed appendix") {
  const auto [r, a] = banal_of("appendix.pdf");
  const std::string t = types(r);
  REQUIRE(!t.empty());
  CHECK(t.back() == 'a');
  CHECK(t.find('a') > t.find_last_of('B'));
}

TEST_CASE("banal: paper size, columns and body size of the variants") {
  CHECK(banal_of("a4.pdf").report["papersize"] == json({842, 595}));
  CHECK(banal_of("one-column.pdf").report["columns"] == 1);
  CHECK(banal_of("font-size.pdf").report["bodyfontsize"] == 8);
}

TEST_CASE("banal: dangerous content under mubanal's names, which HotCRP reports") {
  const auto unsafe = banal_of("unsafe.pdf").report["unsafe"];
  CHECK(unsafe.contains("javascript"));
  CHECK(unsafe.contains("launch"));
  const auto more = banal_of("unsafe-more.pdf").report["unsafe"];
  CHECK(more.contains("submitform"));
  CHECK(more.contains("richmedia"));
  CHECK(!banal_of("body5.pdf").report.contains("unsafe"));
}

TEST_CASE("banal: banal's failure form for a file that cannot be read") {
  CHECK(banal_failure(42).dump() == R"({"at":42,"error":true,"pages":[]})");
  for (const char* name : {"empty.pdf", "not-pdf.pdf", "truncated.pdf"}) {
    std::ostringstream out, err;
    CHECK(print_banal(test::fixture(name), {}, out, err) == Exit::input);
    const json j = json::parse(out.str());
    CHECK(j["error"] == true);
    CHECK(j["pages"].empty());
    CHECK(j["at"].is_number_integer());
    CHECK(err.str().find(name) != std::string::npos);
  }
}

TEST_CASE("banal: print_banal prints one JSON line; --hold only delays the exit") {
  std::ostringstream out, err;
  const auto start = std::chrono::steady_clock::now();
  CHECK(print_banal(test::fixture("body5.pdf"), {6, 0.4}, out, err) == Exit::ok);
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(400));
  CHECK(err.str().empty());
  const std::string printed = out.str();
  CHECK(printed.back() == '\n');
  CHECK(std::count(printed.begin(), printed.end(), '\n') == 1);
  const json j = json::parse(printed);
  CHECK(!j.contains("error"));
  CHECK(j["pages"].size() == 5);
}

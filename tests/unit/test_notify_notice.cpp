// notify's wording (issue 27 item 6): every check code is an action in the
// author's terms, with the page and line where the problem is and never the
// check's geometry (x=, y=, "pt wide"), on fixtures typeset with the real acmart.
#include <doctest/doctest.h>

#include <string>

#include "helpers.hpp"
#include "notify/notice.hpp"
#include "proceedings/check/analyze.hpp"
#include "proceedings/check/codes.hpp"
#include "proceedings/check/report.hpp"
#include "proceedings/check/rules.hpp"
#include "proceedings/model.hpp"
#include "proceedings/workshop_yaml.hpp"

using namespace proceedings;

namespace {

// One fixture's result as `check --json --venue metadata/exhetai-2025` prints it.
nlohmann::json checked(const std::string& name) {
  static const check::CheckRules rules = check::rules_for_venue(load_workshop(test::source_dir() / "metadata/exhetai-2025"));
  PdfReader reader;
  const auto path = test::fixture(name);
  return check::to_json(check::analyze(path.string(), reader.read(path), rules));
}

std::string all_text(const notify::Actions& a) {
  std::string out;
  for (const auto& s : a.required) out += s + "\n";
  for (const auto& s : a.advised) out += s + "\n";
  return out;
}

void require_no_geometry(const std::string& text) {
  CHECK(text.find("x=") == std::string::npos);
  CHECK(text.find("y=") == std::string::npos);
  CHECK(text.find("pt wide") == std::string::npos);
  CHECK(text.find("pt into") == std::string::npos);
}

}  // namespace

TEST_CASE("issue 27 item 6: every check code has the author's action: worded by notify or already one in the check") {
  for (const auto& rule : check::rules_table) {
    INFO(rule.code);
    CHECK(notify::worded_by_notify(rule.code) != notify::passed_on_as_written(rule.code));
  }
}

TEST_CASE("issue 27 item 6: a paper over the limit is told the page and line where its references start") {
  const nlohmann::json result = checked("body7.pdf");
  REQUIRE(result["references_start"]["line"].get<int>() > 0);
  const notify::Actions actions = notify::author_actions(result);
  REQUIRE(actions.required.size() == 1);
  const std::string& text = actions.required.front();
  const std::string where = "page 7: the references start at line " + std::to_string(result["references_start"]["line"].get<int>());
  CHECK_MESSAGE(text.rfind(where, 0) == 0, text);
  CHECK_MESSAGE(text.find("after the 6-page limit") != std::string::npos, text);
  require_no_geometry(text);
}

TEST_CASE("issue 27 item 6: changed margins and overfull lines as actions with pages and lines") {
  const std::string margins = all_text(notify::author_actions(checked("geometry.pdf")));
  CHECK_MESSAGE(margins.find("\\geometry") != std::string::npos, margins);
  require_no_geometry(margins);

  const nlohmann::json overfull = checked("overfull-lines.pdf");
  REQUIRE(overfull["intrusions"].size() == 2);
  const notify::Actions actions = notify::author_actions(overfull);
  REQUIRE(actions.advised.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& place = overfull["intrusions"][i];
    INFO(actions.advised[i]);
    CHECK(place["line"].get<int>() > 0);
    CHECK(actions.advised[i].rfind("page " + std::to_string(place["page"].get<int>()) + ", line " +
                                       std::to_string(place["line"].get<int>()) + " of the ", 0) == 0);
    CHECK(actions.advised[i].find("\\url") != std::string::npos);
    require_no_geometry(actions.advised[i]);
  }
}

TEST_CASE("issue 27 item 6: an unreadable upload is told so") {
  const nlohmann::json result = {{"file", "x.pdf"}, {"verdict", "error"}, {"error", "truncated PDF: no %%EOF marker"},
                                 {"problems", {{{"code", "UNREADABLE"}, {"severity", "error"}, {"message", "truncated PDF"}}}}};
  const notify::Actions actions = notify::author_actions(result);
  REQUIRE(actions.required.size() == 1);
  CHECK(actions.required.front().find("We could not open the PDF you uploaded (truncated PDF") == 0);
}

TEST_CASE("issue 27 item 6: the venue's contact is read, checked and written back by core's one writer") {
  test::TempDir dir;
  dir.write("workshop.yaml", std::string(test::minimal_workshop_yaml) +
                                 "contact: {name: \"W'25 proceedings chairs\", email: chairs@w.example.org}\n");
  const Workshop w = load_workshop(dir.path);
  REQUIRE(w.contact);
  CHECK(w.contact->name == "W'25 proceedings chairs");
  CHECK(w.contact->email() == "chairs@w.example.org");
  test::TempDir again;
  const std::string written = workshop_yaml(w, "a test");
  CHECK(written.find("contact: {name: \"W'25 proceedings chairs\", email: chairs@w.example.org}\n") != std::string::npos);
  again.write("workshop.yaml", written.substr(0, written.find("\nprogram:")));  // a venue without a program yet
  CHECK(load_workshop(again.path).contact == w.contact);

  test::TempDir no_email;
  no_email.write("workshop.yaml", std::string(test::minimal_workshop_yaml) + "contact: {name: Chairs}\n");
  CHECK(test::error_line([&] { load_workshop(no_email.path); }).find("needs 'email'") != std::string::npos);
  test::TempDir misspelt;
  misspelt.write("workshop.yaml", std::string(test::minimal_workshop_yaml) + "contact: {name: Chairs, mail: a@b.org}\n");
  CHECK(test::error_line([&] { load_workshop(misspelt.path); }).find("contact.mail") != std::string::npos);
}

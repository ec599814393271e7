// `import`'s readers (HotCRP JSON, EasyChair XML and CSV, a mapped CSV) on
// hostile and oversized exports, written inline: what they refuse, where
// they say it is, and what they no longer drop (issue 24, items 2, 6, 22).
#include <doctest/doctest.h>
#include <unistd.h>

#include <string>

#include "helpers.hpp"
#include "import/formats.hpp"
#include "import/web_page.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/names.hpp"

using namespace proceedings;
using namespace proceedings::import;

namespace {

// The one line the CLI would print for what `read` throws; "" when it throws nothing.
template <class Read>
std::string refusal(Read read) {
  try {
    read();
  } catch (const Error& e) {
    CHECK(e.status() == Exit::usage);
    return e.line();
  }
  return "";
}

bool holds(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string easychair_xml(const std::string& prolog, const std::string& title, const std::string& email = "a@b.example") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog +
         "<erights_record>\n<paper>\n<event_tracking_number>4</event_tracking_number>\n<paper_title>" + title +
         "</paper_title>\n<authors><author><first_name>Ana</first_name><last_name>Núñez</last_name>"
         "<email_address>" + email + "</email_address><sequence_no>1</sequence_no></author></authors>\n"
         "</paper>\n</erights_record>\n";
}

std::string hotcrp_json(const std::string& author_fields, const std::string& abstract = R"("A study.")") {
  return R"([{"pid": 7, "title": "FlowLite", "decision": "accepted", "abstract": )" + abstract +
         R"(, "authors": [{"first": "Eve", "last": "Doe", )" + author_fields + "}]}]";
}

}  // namespace

TEST_CASE("EasyChair XML with a DTD is refused before it is parsed, naming the line (item 2)") {
  // An internal entity used three times: harmless here, a billion laughs with more uses.
  const std::string prolog = "<!DOCTYPE erights_record [\n<!ENTITY big \"laugh laugh laugh\">\n]>\n";
  const std::string xml = easychair_xml(prolog, "&big;&big;&big;");
  const std::string message = refusal([&] { read_easychair_xml(xml, "acm.xml"); });
  CHECK(holds(message, "acm.xml:2: "));
  CHECK(holds(message, "DTD"));
  // Character references need no DTD, and still read.
  const auto papers = read_easychair_xml(easychair_xml("", "Caf&#233; &amp; Co"), "acm.xml");
  REQUIRE(papers.size() == 1);
  CHECK(papers[0].title == "Café & Co");
}

TEST_CASE("An imported field longer than its limit is refused, naming the record (item 2)") {
  const std::string long_title(1001, 'T');
  const std::string message = refusal([&] { read_easychair_xml(easychair_xml("", long_title), "acm.xml"); });
  CHECK(holds(message, "acm.xml:3 (paper 4): the title is 1001 characters long; an import takes at most 1000"));
  CHECK(refusal([&] { read_easychair_xml(easychair_xml("", std::string(1000, 'T')), "acm.xml"); }).empty());
  // Characters, not bytes: 1000 two-byte letters are within the limit.
  std::string accents;
  for (int i = 0; i < 1000; ++i) accents += "é";
  CHECK(refusal([&] { read_easychair_xml(easychair_xml("", accents), "acm.xml"); }).empty());

  const std::string long_abstract = "\"" + std::string(10001, 'a') + "\"";
  CHECK(holds(refusal([&] { read_hotcrp_json(hotcrp_json(R"("email": "e@x.example")", long_abstract), "h.json"); }),
              "h.json: paper 1 (pid 7): the abstract is 10001 characters long; an import takes at most 10000"));
}

TEST_CASE("Control characters in imported e-mails and names are refused, naming the file and record (item 6)") {
  SUBCASE("HotCRP JSON") {
    const std::string json = hotcrp_json(R"("email": "eve@x.example\r\nBcc: victim@example.com")");
    CHECK(holds(refusal([&] { read_hotcrp_json(json, "hotcrp.json"); }),
                "hotcrp.json: paper 1 (pid 7): author 1's e-mail holds the control character U+000D at character 14"));
    const std::string name = R"([{"pid": 3, "title": "T", "authors": [{"name": "Eve\u001b[31m Doe"}]}])";
    CHECK(holds(refusal([&] { read_hotcrp_json(name, "hotcrp.json"); }),
                "hotcrp.json: paper 1 (pid 3): author 1's name holds the control character U+001B"));
    const std::string nul = R"([{"pid": 3, "title": "T", "authors": [{"name": "Eve", "affiliation": "Lab\u0000"}]}])";
    CHECK(holds(refusal([&] { read_hotcrp_json(nul, "hotcrp.json"); }), "affiliation holds the control character U+0000"));
    const std::string c1 = R"([{"pid": 3, "title": "T", "authors": [{"name": "Eve\u0085Doe"}]}])";
    CHECK(holds(refusal([&] { read_hotcrp_json(c1, "hotcrp.json"); }), "U+0085"));
  }
  SUBCASE("EasyChair XML: a CR/LF written as character references leaves no single address") {
    const std::string xml = easychair_xml("", "T", "eve@x.example&#13;&#10;Bcc: victim@example.com");
    CHECK(holds(refusal([&] { read_easychair_xml(xml, "acm.xml"); }),
                "acm.xml:3 (paper 4): author 1's e-mail 'eve@x.example Bcc: victim@example.com' is not one e-mail address"));
  }
  SUBCASE("EasyChair's CSV pair: the author's row is named") {
    const std::string subs = "#,title,decision\n5,Title,accept\n";
    const std::string authors = "submission #,first name,last name,email\n5,Eve,Doe,\"eve@x.example\r\nBcc: v@x.example\"\n";
    CHECK(holds(refusal([&] { read_easychair_csv(subs, "submission.csv", authors, "author.csv"); }),
                "author.csv:2 (submission 5): the author's e-mail holds the control character U+000D"));
  }
  SUBCASE("A mapped CSV") {
    const std::string csv = "Title,Author 1,Email 1\nT,\"Eve\nDoe\",e@x.example\n";
    CHECK(holds(refusal([&] { read_mapped_csv(csv, "sheet.csv", {{"title", "Title"}, {"author", "Author {n}"}, {"email", "Email {n}"}}); }),
                "sheet.csv:2: author 1's name holds the control character U+000A"));
  }
}

TEST_CASE("Line breaks are kept in an abstract only, as LF (item 6)") {
  const auto papers = read_hotcrp_json(hotcrp_json(R"("email": "e@x.example")", R"("First.\r\nSecond,\tthird.")"), "h.json");
  REQUIRE(papers.size() == 1);
  CHECK(papers[0].abstract == "First.\nSecond, third.");
  // A title's line break is white space, folded as before.
  const auto titled = read_hotcrp_json(R"([{"pid": 1, "title": "Two\r\nlines"}])", "h.json");
  CHECK(titled[0].title == "Two lines");
}

TEST_CASE("A mapped CSV keeps every numbered author, not the first 100 (item 22)") {
  std::string header = "Title", row = "Many Hands";
  for (int n = 1; n <= 150; ++n) {
    header += ",Author " + std::to_string(n);
    row += ",Person Number" + std::to_string(n);
  }
  const auto papers = read_mapped_csv(header + "\n" + row + "\n", "sheet.csv", {{"title", "Title"}, {"author", "Author {n}"}});
  REQUIRE(papers.size() == 1);
  REQUIRE(papers[0].authors.size() == 150);
  CHECK(papers[0].authors.back().name == "Person Number150");
  // A pattern without {n} is one column: one author, not the same one a hundred times.
  const auto one = read_mapped_csv("Title,Speaker\nT,Ada Lovelace\n", "sheet.csv", {{"title", "Title"}, {"author", "Speaker"}});
  REQUIRE(one.size() == 1);
  CHECK(one[0].authors.size() == 1);
}

TEST_CASE("fuzz regressions: import inputs that once stopped the program") {
  const auto regression = [](const char* name) { return read_file(test::source_dir() / "tests/fuzz-regressions" / name); };
  // "[6e0606 ...": nlohmann's number overflow is not a parse_error; it went past the reader (found by fuzz_hotcrp).
  CHECK(holds(refusal([&] { read_hotcrp_json(regression("hotcrp-number-overflow.json"), "h.json"); }), "h.json: not valid JSON"));
  CHECK(holds(refusal([&] { read_hotcrp_json("[6e0606]", "h.json"); }), "h.json: not valid JSON"));
  // A block element inside a link ended the link's line: substr past the end (found by fuzz_web).
  CHECK_NOTHROW(import::read_page(regression("web-block-inside-link.html"), "page.html"));
  const Page page = import::read_page("<p><a href=\"/talks/x\">Keynote<div>Big Ideas</div></a></p>", "page.html");
  REQUIRE(page.lines.size() == 2);
  CHECK(page.lines[0].text == "Keynote");
  CHECK(page.lines[1].text == "Big Ideas");
}

// ---- issue 25 items 9 and 10: names and affiliations arrive whole ----

TEST_CASE("issue 25 item 9: HotCRP's and EasyChair's name parts are the author's own split") {
  const auto hotcrp = read_hotcrp_json(
      R"([{"pid": 3, "title": "T", "decision": "accepted", "authors": [
           {"given_name": "Ana Sofía", "family_name": "Núñez García"},
           {"given_name": "Ana Sofía", "family_name": "Núñez"},
           {"first": "Rafael", "last": "Ferreira da Silva"}]}])",
      "hotcrp.json");
  const auto& a = hotcrp.at(0).authors;
  CHECK(a[0].name == "Ana Sofía Núñez García");
  CHECK(family_name(a[0]) == "Núñez García");  // the guess from the name alone was "García"
  CHECK(acm_name_parts(a[0]) == AcmNameParts{"Ana Sofía", "", "Núñez García"});
  CHECK(acm_name_parts(a[1]) == AcmNameParts{"Ana Sofía", "", "Núñez"});  // not "Ana" + middle "Sofía"
  CHECK(acm_name_parts(a[2]) == AcmNameParts{"Rafael", "", "Ferreira da Silva"});
  const auto easychair = read_easychair_xml(
      "<erights_record><paper><event_tracking_number>4</event_tracking_number><paper_title>T</paper_title><authors>"
      "<author><first_name>Mary</first_name><middle_name>Ann</middle_name><last_name>de la Cruz Smith</last_name>"
      "<sequence_no>1</sequence_no></author></authors></paper></erights_record>",
      "acm.xml");
  const Person& mary = easychair.at(0).authors.at(0);
  CHECK(mary.name == "Mary Ann de la Cruz Smith");
  CHECK(family_name(mary) == "de la Cruz Smith");
  CHECK(acm_name_parts(mary) == AcmNameParts{"Mary", "Ann", "de la Cruz Smith"});  // EasyChair splits the middle name
}

TEST_CASE("issue 25 item 10: an affiliation an export gives as one line arrives in its parts") {
  const auto papers = read_hotcrp_json(hotcrp_json(R"("affiliation": "Oak Ridge National Laboratory, Oak Ridge, TN, USA")"),
                                       "hotcrp.json");
  const Affiliation& a = papers.at(0).authors.at(0).affiliations.at(0);
  CHECK(a.institution == "Oak Ridge National Laboratory");
  CHECK(a.city == "Oak Ridge");
  CHECK(a.state == "TN");
  CHECK(a.country == "USA");  // the ACM CSV's country column; empty before
  const auto cell = split_author_cell("Bo Li (KTH, Stockholm, Sweden), Cy Doe (Inria)");
  CHECK(cell.at(0).affiliations.at(0).institution == "KTH");
  CHECK(cell.at(0).affiliations.at(0).country == "Sweden");
  CHECK(cell.at(1).affiliations.at(0).institution == "Inria");
}

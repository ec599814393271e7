// core's Regex: the <regex> meanings the callers rely on, and bounded work on hostile text.
#include <doctest/doctest.h>

#include <chrono>
#include <regex>  // only to compare meanings with the engine it replaced

#include "proceedings/regex.hpp"

using namespace proceedings;

TEST_CASE("regex: whole match, search, groups, unmatched groups") {
  Regex date(R"((\d{4})-(\d{2})-(\d{2}))");
  Match m;
  REQUIRE(date.match(std::string_view("2025-11-16"), m));
  CHECK(m.str(1) == "2025");
  CHECK(m[3].str() == "16");
  CHECK_FALSE(date.matches("2025-11-16 "));
  CHECK_FALSE(date.matches(" 2025-11-16"));
  std::string text = "on 2025-11-16, at noon";
  REQUIRE(date.search(text, m));
  CHECK(m.position(0) == 3);
  CHECK(m.prefix() == "on ");
  CHECK(m.suffix() == ", at noon");
  Regex optional(R"((a)?b)");
  REQUIRE(optional.match(std::string_view("b"), m));
  CHECK_FALSE(m[1].matched);
  CHECK(m.str(1).empty());
}

TEST_CASE("regex: '$' is the end of the text, as in <regex>, not also before a final newline") {
  CHECK_FALSE(Regex("a$").contains("a\n"));
  CHECK(Regex("a$", Regex::multiline).contains("a\nb"));
  CHECK(std::regex_search("a\n", std::regex("a$")) == Regex("a$").contains("a\n"));
}

TEST_CASE("regex: case-insensitive, lookahead, backreference") {
  CHECK(Regex("noon", Regex::icase).contains("12 NOON"));
  CHECK(Regex(R"(\d(?=am))").contains("9am"));
  CHECK(Regex(R"(\s*([-*_=])(\s*\1){2,}\s*)").matches("- - -"));
  CHECK_FALSE(Regex(R"(\s*([-*_=])(\s*\1){2,}\s*)").matches("- * -"));
}

TEST_CASE("regex: replace expands $&, $n and $$ like std::regex_replace") {
  const std::string text = "[one](http://a) and [two](http://b)";
  const std::regex old_link(R"(\[([^\]]*)\]\(([^)\s]*)\))");
  const Regex link(R"(\[([^\]]*)\]\(([^)\s]*)\))");
  CHECK(link.replace(text, "<a href=\"$2\">$1</a>") == std::regex_replace(text, old_link, "<a href=\"$2\">$1</a>"));
  CHECK(Regex("b").replace("abc", "[$&]$$") == "a[b]$c");
  CHECK(Regex("x*").replace("ab", "-") == std::regex_replace(std::string("ab"), std::regex("x*"), "-"));
}

TEST_CASE("regex: every match, left to right") {
  auto found = Regex(R"(\d+)").all("a1b22c333");
  REQUIRE(found.size() == 3);
  CHECK(found[2].str() == "333");
  CHECK(found[1].position() == 3);
}

TEST_CASE("regex: a 50 000-character line costs bounded time and no stack (std::regex overflows here)") {
  // The report linter's pattern on one long line: libstdc++'s engine recursed per character and crashed.
  const Regex missing(R"(\\missing\{([^}]*)|\\textbf\{Missing:\}\s*([^\n}]*))");
  const std::string line = "\\textbf{Missing:} " + std::string(50000, 'x');
  Match m;
  REQUIRE(missing.search(line, m));
  CHECK(m.length(2) == 50000);
  // Catastrophic backtracking stops at the match limit instead of running for ages.
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(Regex("(a+)+$").contains(std::string(40, 'a') + "b"));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("regex: a pattern that does not compile is the program's error, named") {
  CHECK_THROWS_WITH_AS(Regex("(unclosed"), doctest::Contains("does not compile"), std::exception);
}

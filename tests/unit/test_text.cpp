// Core's small text helpers, each written once (issue 26 item 8).
#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "proceedings/error.hpp"
#include "proceedings/model.hpp"
#include "proceedings/names.hpp"
#include "proceedings/program.hpp"
#include "proceedings/text.hpp"

using namespace proceedings;

namespace {

// Sets SOURCE_DATE_EPOCH (unsets it for nullopt) for one scope, then puts back what was there.
class EpochVariable {
 public:
  explicit EpochVariable(const std::optional<std::string>& value) {
    if (const char* before = std::getenv("SOURCE_DATE_EPOCH")) before_ = before;
    if (value) ::setenv("SOURCE_DATE_EPOCH", value->c_str(), 1);
    else ::unsetenv("SOURCE_DATE_EPOCH");
  }
  ~EpochVariable() {
    if (before_) ::setenv("SOURCE_DATE_EPOCH", before_->c_str(), 1);
    else ::unsetenv("SOURCE_DATE_EPOCH");
  }
  EpochVariable(const EpochVariable&) = delete;
  EpochVariable& operator=(const EpochVariable&) = delete;

 private:
  std::optional<std::string> before_;
};

Exit status_of_reading_epoch() {
  try {
    source_date_epoch_from_environment();
  } catch (const Error& e) {
    CHECK(e.where() == "SOURCE_DATE_EPOCH");
    return e.status();
  }
  return Exit::ok;
}

}  // namespace

TEST_CASE("ascii_lower lowers ASCII letters and leaves UTF-8 bytes alone") {
  CHECK(ascii_lower("DECISION: Accept") == "decision: accept");
  CHECK(ascii_lower("ÅNGSTRÖM.PDF") == "Ångstr\xc3\x96m.pdf");
  CHECK(ascii_lower("") == "");
}

TEST_CASE("joined puts the separator between the parts only") {
  CHECK(joined({}, "; ") == "");
  CHECK(joined({"a"}, "; ") == "a");
  CHECK(joined({"a", "", "c"}, ", ") == "a, , c");
}

TEST_CASE("name_list: the serial comma from three names on") {
  CHECK(name_list(std::vector<std::string>{}) == "");
  CHECK(name_list(std::vector<std::string>{"Ann Lee"}) == "Ann Lee");
  CHECK(name_list(std::vector<std::string>{"Ann Lee", "Bo Chan"}) == "Ann Lee and Bo Chan");
  CHECK(name_list(std::vector<std::string>{"Ann Lee", "Bo Chan", "Cy Dorn"}) == "Ann Lee, Bo Chan, and Cy Dorn");
  std::vector<Person> people(4);
  for (std::size_t i = 0; i < people.size(); ++i) people[i].name = std::string(1, static_cast<char>('A' + i));
  CHECK(name_list(people) == "A, B, C, and D");
}

TEST_CASE("affiliation_from_text: a country given apart fills only one the line does not name") {
  const Affiliation parsed = affiliation_from_text("Oak Ridge National Laboratory, Oak Ridge, TN, USA", "Germany");
  CHECK(parsed.institution == "Oak Ridge National Laboratory");
  CHECK(parsed.country == "USA");
  const Affiliation filled = affiliation_from_text("  Some Lab  ", " Germany ");
  CHECK(filled.institution == "Some Lab");
  CHECK(filled.country == "Germany");
  CHECK(affiliation_from_text("Some Lab", "") == affiliation_from_text("Some Lab"));
}

TEST_CASE("SOURCE_DATE_EPOCH: one reader, digits only, a usage error otherwise") {
  {
    const EpochVariable unset(std::nullopt);
    CHECK_FALSE(source_date_epoch_from_environment().has_value());
  }
  {
    const EpochVariable empty(std::string(""));
    CHECK_FALSE(source_date_epoch_from_environment().has_value());
  }
  {
    const EpochVariable set(std::string("1763251200"));
    CHECK(source_date_epoch_from_environment() == 1763251200);
    CHECK(source_date_epoch(Workshop{}) == "1763251200");
  }
  for (const std::string bad : {"12abc", " 12", "-5", "1.5", "1234567890123456789", "today"}) {
    const EpochVariable set(bad);
    CAPTURE(bad);
    CHECK(status_of_reading_epoch() == Exit::usage);
    // The book's typesetting reads it through the same function: before, it passed "12abc" on to TeX.
    CHECK_THROWS_AS(source_date_epoch(Workshop{}), Error);
  }
}

TEST_CASE("control_character_at: C0, DEL and C1 (as UTF-8), nothing else") {
  const std::string text = std::string("a\tb\x7F") + "\xC2\x85" + "\xC2\xA9" + "\xE2\x80\xA8";
  CHECK(control_character_at(text, 0) == std::nullopt);
  CHECK(control_character_at(text, 1) == 0x09u);
  CHECK(control_character_at(text, 3) == 0x7Fu);
  CHECK(control_character_at(text, 4) == 0x85u);     // NEL, a C1 character
  CHECK(control_character_at(text, 6) == std::nullopt);  // ©
  CHECK(control_character_at(text, 8) == std::nullopt);  // U+2028 is a separator, not a control
  CHECK(control_character_at(std::string_view("\0", 1), 0) == 0u);
  CHECK(code_point_name(0x1B) == "U+001B");
}

TEST_CASE("utf8_characters: code points, a broken byte as U+FFFD") {
  CHECK(utf8_characters("Aé李😀") == std::vector<char32_t>{U'A', U'é', U'李', U'😀'});
  CHECK(utf8_characters("a\xE9z") == std::vector<char32_t>{U'a', 0xFFFD, U'z'});
  CHECK(utf8_characters("\xE6\x9D") == std::vector<char32_t>{0xFFFD, 0xFFFD});
}

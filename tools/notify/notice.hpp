#pragma once
// What a notice tells the authors about one paper: each problem `check`
// found, in plain words with the page and line where it is and what to do,
// never the measurements the check works with (points, coordinates).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace proceedings::notify {

// One paragraph per problem of `result` (one paper's object in the JSON that
// `check --json` prints), errors and warnings apart.
struct Actions {
  std::vector<std::string> required;  // errors: the paper cannot go into the proceedings until they are fixed
  std::vector<std::string> advised;   // warnings
};
Actions author_actions(const nlohmann::json& result);

// "page 6, line 12 of the left column" for a place the check located
// ({"page", "line", "column"}); "page 6" when the line is unknown; the
// column only for a two-column paper.
std::string place_text(const nlohmann::json& place, int columns);

// The check codes notify words itself; the others' messages are already an
// action in plain words and are passed on as written.
bool worded_by_notify(std::string_view code);
// Every code whose check message is passed on as written.
bool passed_on_as_written(std::string_view code);

}  // namespace proceedings::notify

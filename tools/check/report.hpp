#pragma once
// Report: the analyses as a table for people or one JSON object for programs.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "check/analyze.hpp"

namespace proceedings::check {

nlohmann::json to_json(const Analysis& analysis);
std::string json_report(const std::vector<Analysis>& analyses);
std::string table_report(const std::vector<Analysis>& analyses);

}  // namespace proceedings::check

#pragma once
// Report: the analyses as a table for people or one JSON object for programs.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "proceedings/check/analyze.hpp"

namespace proceedings::check {

nlohmann::json to_json(const Analysis& analysis);
std::string json_report(const std::vector<Analysis>& analyses);
std::string table_report(const std::vector<Analysis>& analyses);

// The same reports written paper by paper as results arrive, so that a
// batch of thousands keeps nothing but the current paper: the table prints
// each paper's problems and evidence under its row, the JSON is one
// document {"papers": [...]} closed by finish().
class StreamReport {
 public:
  // `stage` ("camera-ready", "submission"), when given, heads the table and is the JSON's "stage".
  StreamReport(std::ostream& out, bool json, const std::vector<std::string>& file_names, const std::string& stage = "");
  void add(const Analysis& analysis);
  void finish();

 private:
  std::ostream& out_;
  bool json_;
  std::size_t name_width_ = 4;
  std::size_t count_ = 0;
};

}  // namespace proceedings::check

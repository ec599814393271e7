#include "fetch/list.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings::fetch {

namespace {

// A CSV cell without surrounding spaces and quotes.
std::string cell(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\"");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\"") - b + 1);
}

void check_item(const Item& item, const std::string& where) {
  static const std::regex id(R"([A-Za-z0-9][A-Za-z0-9_-]{0,99})");
  static const std::regex url(R"(https?://[^\s]+)", std::regex::icase);
  static const std::regex sha(R"([0-9a-f]{64})");
  if (!std::regex_match(item.id, id))
    throw usage_error(where, "id '" + item.id + "' must be letters, digits, '-' and '_' (it becomes a file name)");
  if (!std::regex_match(item.url, url)) throw usage_error(where, "'" + item.url + "' is not an http or https URL");
  if (!item.sha256.empty() && !std::regex_match(item.sha256, sha))
    throw usage_error(where, "'" + item.sha256 + "' is not a SHA-256 in lowercase hex");
}

std::vector<Item> read_csv(const std::filesystem::path& file) {
  std::istringstream in(read_file(file));
  std::vector<Item> items;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (cell(line).empty() || cell(line)[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string value; std::getline(row, value, ',');) cells.push_back(cell(value));
    if (number == 1 && !cells.empty() && cells[0] == "id") continue;  // header
    const std::string where = file.string() + ":" + std::to_string(number);
    if (cells.size() < 2 || cells.size() > 3) throw usage_error(where, "expected id,url[,sha256]");
    Item item{cells[0], cells[1], cells.size() == 3 ? cells[2] : ""};
    std::transform(item.sha256.begin(), item.sha256.end(), item.sha256.begin(), ::tolower);
    check_item(item, where);
    items.push_back(item);
  }
  return items;
}

std::vector<Item> read_yaml(const std::filesystem::path& file) {
  YAML::Node root;
  try {
    root = YAML::Load(read_file(file));
  } catch (const YAML::ParserException& e) {
    throw usage_error(file.string() + ":" + std::to_string(e.mark.line + 1), "not valid YAML: " + e.msg);
  }
  if (!root.IsSequence()) throw usage_error(file.string(), "must be a list of {id, url, sha256}");
  std::vector<Item> items;
  for (const auto& node : root) {
    const std::string where = file.string() + ":" + std::to_string(node.Mark().line + 1);
    if (!node.IsMap() || !node["id"] || !node["url"]) throw usage_error(where, "each entry needs id and url");
    Item item{node["id"].as<std::string>(), node["url"].as<std::string>(), node["sha256"] ? node["sha256"].as<std::string>() : ""};
    check_item(item, where);
    items.push_back(item);
  }
  return items;
}

}  // namespace

std::vector<Item> read_list(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  auto items = ext == ".yaml" || ext == ".yml" ? read_yaml(file) : read_csv(file);
  std::set<std::string> seen;
  for (const auto& item : items)
    if (!seen.insert(item.id).second) throw usage_error(file.string(), "id '" + item.id + "' is listed twice");
  if (items.empty()) throw usage_error(file.string(), "lists nothing to fetch");
  return items;
}

}  // namespace proceedings::fetch

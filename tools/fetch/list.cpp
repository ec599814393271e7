#include "fetch/list.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "proceedings/error.hpp"
#include "proceedings/csv.hpp"
#include "proceedings/files.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"
#include "proceedings/yaml_input.hpp"

namespace proceedings::fetch {

namespace {

void check_item(const Item& item, const std::string& where) {
  static const Regex id(R"([A-Za-z0-9][A-Za-z0-9_-]{0,99})");
  static const Regex url(R"(https?://[^\s]+)", Regex::icase);
  static const Regex sha(R"([0-9a-f]{64})");
  if (!id.matches(item.id))
    throw usage_error(where, "id '" + item.id + "' must be letters, digits, '-' and '_' (it becomes a file name)");
  if (!url.matches(item.url)) throw usage_error(where, "'" + item.url + "' is not an http or https URL");
  if (!item.sha256.empty() && !sha.matches(item.sha256))
    throw usage_error(where, "'" + item.sha256 + "' is not a SHA-256 in lowercase hex");
}

std::vector<Item> read_csv(const std::filesystem::path& file) {
  std::vector<Item> items;
  bool first = true;
  for (const CsvRow& row : parse_csv(read_file(file), file.string())) {
    std::vector<std::string> cells;
    for (const auto& value : row.cells) cells.push_back(trim(value));
    const bool header = first && !cells.empty() && cells[0] == "id";
    first = false;
    const bool blank = cells.size() == 1 && cells[0].empty();
    if (header || blank || cells[0].rfind('#', 0) == 0) continue;
    const std::string where = file.string() + ":" + std::to_string(row.line);
    if (cells.size() < 2 || cells.size() > 3) throw usage_error(where, "expected id,url[,sha256]");
    Item item{cells[0], cells[1], cells.size() == 3 ? cells[2] : ""};
    item.sha256 = ascii_lower(item.sha256);
    check_item(item, where);
    items.push_back(item);
  }
  return items;
}

std::vector<Item> read_yaml(const std::filesystem::path& file) {
  const YAML::Node root = load_yaml(read_file(file), file.string());
  if (!root.IsSequence()) throw usage_error(file.string(), "must be a list of {id, url, sha256}");
  std::vector<Item> items;
  for (const auto& node : root) {
    const std::string where = file.string() + ":" + std::to_string(node.Mark().line + 1);
    if (!node.IsMap() || !node["id"] || !node["url"]) throw usage_error(where, "each entry needs id and url");
    for (const char* key : {"id", "url", "sha256"})
      if (node[key] && !node[key].IsScalar()) throw usage_error(where, std::string(key) + " must be text");
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

#include "proceedings/yaml_update.hpp"

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "proceedings/error.hpp"
#include "proceedings/yaml_input.hpp"
#include "model/yaml_text.hpp"

namespace proceedings {

namespace {

using yaml_text::joined;
using yaml_text::lines_of;

std::size_t indent_of(const std::string& line) {
  const auto at = line.find_first_not_of(' ');
  return at == std::string::npos ? line.size() : at;
}

bool is_blank_or_comment(const std::string& line) {
  const auto at = line.find_first_not_of(' ');
  return at == std::string::npos || line[at] == '#';
}

// One field of a list item, its lines as if the item had no "- " marker.
struct Field {
  std::string key;
  std::vector<std::string> lines;
};

struct Item {
  std::size_t content_indent = 0;  // column of the first key after "- "
  std::vector<Field> fields;
  std::vector<std::string> trailer;  // blank and comment lines after the last field
};

struct List {
  std::size_t first = 0, end = 0;  // line range of the items
  std::size_t item_indent = 0;
  std::vector<Item> items;
};

std::string key_of(const std::string& line, std::size_t indent) {
  if (line.size() <= indent || is_blank_or_comment(line)) return {};
  const auto colon = line.find(':', indent);
  if (colon == std::string::npos) return {};
  const std::string key = line.substr(indent, colon - indent);
  return key.find_first_of(" \"'[{") == std::string::npos ? key : "";
}

Item read_item(std::vector<std::string> lines, std::size_t item_indent) {
  Item item;
  item.content_indent = item_indent + 2;
  lines[0][item_indent] = ' ';  // the "- " marker, as spaces
  for (const auto& line : lines) {
    const std::string key = indent_of(line) == item.content_indent ? key_of(line, item.content_indent) : "";
    if (!key.empty()) item.fields.push_back({key, {}});
    if (!item.fields.empty()) item.fields.back().lines.push_back(line);
  }
  if (item.fields.empty()) return item;  // not a mapping: the caller falls back
  auto& last = item.fields.back().lines;
  while (last.size() > 1 && is_blank_or_comment(last.back())) {
    item.trailer.insert(item.trailer.begin(), last.back());
    last.pop_back();
  }
  return item;
}

// The block list under `list_key:` at column 0, or nullopt.
std::optional<List> find_list(const std::vector<std::string>& lines, const std::string& list_key) {
  const auto span = yaml_text::block_span(lines, list_key);
  if (!span || lines[span->first] != list_key + ":") return std::nullopt;
  List list;
  std::size_t i = span->first + 1;
  while (i < span->second && is_blank_or_comment(lines[i])) ++i;
  if (i == span->second || lines[i].compare(indent_of(lines[i]), 2, "- ") != 0) return std::nullopt;
  list.item_indent = indent_of(lines[i]);
  list.first = i;
  std::vector<std::string> current;
  for (; i < span->second; ++i) {
    const std::string& line = lines[i];
    const bool starts_item = indent_of(line) == list.item_indent && line.compare(list.item_indent, 2, "- ") == 0;
    if (starts_item && !current.empty()) {
      list.items.push_back(read_item(current, list.item_indent));
      current.clear();
    }
    if (!starts_item && indent_of(line) <= list.item_indent && !is_blank_or_comment(line)) return std::nullopt;
    current.push_back(line);
  }
  if (!current.empty()) list.items.push_back(read_item(current, list.item_indent));
  list.end = i;
  for (const auto& item : list.items)
    if (item.fields.empty()) return std::nullopt;
  return list;
}

// A node's value without its style: yaml-cpp keeps flow or block style on
// the node, so its own Dump would tell [a, b] from "- a\n- b".
std::string value_text(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return "'" + node.Scalar() + "'";
    case YAML::NodeType::Sequence: {
      std::string out = "[";
      for (const auto& item : node) out += value_text(item) + ",";
      return out + "]";
    }
    case YAML::NodeType::Map: {
      std::string out = "{";
      for (const auto& item : node) out += value_text(item.first) + ":" + value_text(item.second) + ",";
      return out + "}";
    }
    default: return "~";
  }
}

// The field's value in a canonical form, so that [a, b] equals "- a\n- b".
std::string canonical(const Field& field) {
  try {
    return value_text(load_yaml(joined(field.lines), "papers.yaml", {"abstract"}));
  } catch (const YAML::Exception&) {
  } catch (const Error&) {  // an alias or a control character, which load_workshop refuses in the file
  }
  return "\x01" + joined(field.lines);  // unparsable alone: equal only to itself
}

std::vector<std::string> reindented(const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
  std::vector<std::string> out;
  for (const auto& line : lines) {
    if (is_blank_or_comment(line) && line.find_first_not_of(' ') == std::string::npos) {
      out.push_back(line);
      continue;
    }
    const std::size_t have = indent_of(line);
    const std::size_t keep = have >= from ? have - from : 0;
    out.push_back(std::string(to + keep, ' ') + line.substr(have));
  }
  return out;
}

std::string id_of(const Item& item, const std::string& id_key) {
  for (const auto& f : item.fields)
    if (f.key == id_key) return canonical(f);
  return {};
}

std::vector<std::string> merged_item(const Item& original, const Item& rendered, const List& list) {
  std::map<std::string, const Field*> fresh;
  for (const auto& f : rendered.fields) fresh[f.key] = &f;
  std::vector<std::string> lines;
  auto take = [&](const Field& f) {
    const auto moved = reindented(f.lines, rendered.content_indent, original.content_indent);
    lines.insert(lines.end(), moved.begin(), moved.end());
  };
  for (const auto& f : original.fields) {
    const auto it = fresh.find(f.key);
    if (it == fresh.end()) continue;  // gone from the record
    if (canonical(f) == canonical(*it->second)) lines.insert(lines.end(), f.lines.begin(), f.lines.end());
    else take(*it->second);
    fresh.erase(it);
  }
  for (const auto& f : rendered.fields)
    if (fresh.count(f.key)) take(f);
  if (!lines.empty()) lines[0].replace(list.item_indent, 2, "- ");
  lines.insert(lines.end(), original.trailer.begin(), original.trailer.end());
  return lines;
}

std::string merged_lf(const std::string& original, const std::string& rendered, const std::string& list_key,
                      const std::string& id_key) {
  const auto old_lines = lines_of(original), new_lines = lines_of(rendered);
  const auto old_list = find_list(old_lines, list_key), new_list = find_list(new_lines, list_key);
  if (!old_list || !new_list) return rendered;
  std::map<std::string, const Item*> by_id;
  for (const auto& item : old_list->items) by_id[id_of(item, id_key)] = &item;
  std::vector<std::string> out(old_lines.begin(), old_lines.begin() + static_cast<std::ptrdiff_t>(old_list->first));
  for (const auto& item : new_list->items) {
    const auto match = by_id.find(id_of(item, id_key));
    const Item blank{old_list->item_indent + 2, {}, {}};
    const auto lines = merged_item(match != by_id.end() ? *match->second : blank, item, *old_list);
    out.insert(out.end(), lines.begin(), lines.end());
  }
  out.insert(out.end(), old_lines.begin() + static_cast<std::ptrdiff_t>(old_list->end), old_lines.end());
  return joined(out);
}

}  // namespace

std::string keep_unchanged_yaml(const std::string& original, const std::string& rendered, const std::string& list_key,
                                const std::string& id_key) {
  return yaml_text::keeping_line_ends(original, [&](const std::string& text) {
    return merged_lf(text, yaml_text::lf_only(rendered), list_key, id_key);
  });
}

}  // namespace proceedings

#pragma once
// The one reader of YAML that comes from outside: workshop.yaml, papers.yaml,
// fetch lists. Each is parsed here, so every such file gets the same limits.
#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

namespace proceedings {

// `text` parsed as YAML, read from `file` (named in errors with the line).
// Refused, as usage errors naming file:line and the field:
// - aliases (*name): each repeats a subtree, so a few kilobytes of them
//   expand to gigabytes;
// - control characters in any key or value (C0, DEL, C1): they break the
//   calendars, TeX and mail headers the values reach. TAB and LF are allowed
//   only in the values of `multiline_keys` (an abstract); CR never.
YAML::Node load_yaml(const std::string& text, const std::string& file, const std::set<std::string>& multiline_keys = {});

}  // namespace proceedings

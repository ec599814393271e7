#include "proceedings/template.hpp"

#include <algorithm>

#include "proceedings/error.hpp"

namespace proceedings {

std::string fill_template(const std::string& text, const std::map<std::string, std::string>& values,
                          const std::string& template_name) {
  std::string out;
  std::size_t last = 0;
  for (std::size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", last)) {
    // "{{{" opens a TeX group around a slot: the slot starts at the last pair.
    while (at + 2 < text.size() && text[at + 2] == '{') ++at;
    const std::size_t end = text.find("}}", at);
    if (end == std::string::npos) break;
    const std::string key = text.substr(at + 2, end - at - 2);
    const bool slot = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!slot) {  // TeX braces, not a slot
      out += text.substr(last, at + 2 - last);
      last = at + 2;
      continue;
    }
    const auto value = values.find(key);
    if (value == values.end()) throw usage_error(template_name, "slot {{" + key + "}} has no value");
    out += text.substr(last, at - last) + value->second;
    last = end + 2;
  }
  return out + text.substr(last);
}

}  // namespace proceedings

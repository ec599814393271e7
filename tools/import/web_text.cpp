#include "import/web_text.hpp"

#include <cstring>
#include <map>

#include "proceedings/regex.hpp"

namespace proceedings::import::web {

bool matches(const std::string& text, const char* pattern) {
  static thread_local std::map<const char*, Regex> compiled;
  auto it = compiled.find(pattern);
  if (it == compiled.end()) it = compiled.emplace(pattern, Regex(pattern, Regex::icase)).first;
  return it->second.contains(text);
}

// Dashes as '-', "a.m." as "am", non-breaking spaces as spaces: one spelling for the readers' patterns.
std::string normalized(std::string s) {
  for (const char* dash : {"\u2013", "\u2014", "\u2012", "\u2212"})
    for (std::size_t at; (at = s.find(dash)) != std::string::npos;) s.replace(at, std::strlen(dash), "-");
  for (std::size_t at; (at = s.find("\u00a0")) != std::string::npos;) s.replace(at, 2, " ");
  static const Regex dotted(R"(\b([AaPp])\.\s?([Mm])\.)");
  return regex_replace(s, dotted, "$1$2");
}

}  // namespace proceedings::import::web

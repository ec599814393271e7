#pragma once
// One spelling for an event page's lines before the readers' patterns see
// them, and the case-insensitive search those readers share.
#include <string>

namespace proceedings::import::web {

// Case-insensitive search; each pattern (a literal) is compiled once.
bool matches(const std::string& text, const char* pattern);

// Dashes as '-', "a.m." as "am", non-breaking spaces as spaces.
std::string normalized(std::string s);

}  // namespace proceedings::import::web

#pragma once
// Small text helpers every reader needs.
#include <string>

namespace proceedings {

// Without leading and trailing spaces, tabs and line ends.
std::string trim(const std::string& text);

// Runs of spaces, tabs and line ends as one space, and trimmed.
std::string collapse_whitespace(const std::string& text);

// Text made safe inside HTML elements and quoted attributes (& < > ").
std::string html_escape(const std::string& text);

}  // namespace proceedings

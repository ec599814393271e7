#pragma once
// Templates are files with {{SLOT}} names (capitals, digits, underscores).
#include <map>
#include <string>

namespace proceedings {

// Replaces every {{SLOT}} in `text`; a slot without a value is a usage Error
// naming the template, so a template edit cannot silently print "{{SLOT}}".
// Other double braces are left alone (TeX groups, CSS).
std::string fill_template(const std::string& text, const std::map<std::string, std::string>& values,
                          const std::string& template_name);

}  // namespace proceedings

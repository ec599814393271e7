#pragma once
#include <libxml/tree.h>

#include <string>

namespace proceedings {

// The text inside an element, whitespace collapsed.
std::string element_text(xmlNode* node);

}  // namespace proceedings

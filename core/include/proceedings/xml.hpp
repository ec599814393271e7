#pragma once
#include <libxml/tree.h>

#include <memory>
#include <string>

namespace proceedings {

// The text inside an element, whitespace collapsed.
std::string element_text(xmlNode* node);

struct XmlDocFree {
  void operator()(xmlDoc* doc) const;
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocFree>;

// XML from outside (an export, a feed) as a tree: nothing fetched from the
// network, and no DTD. A document type declaration is where entities are
// declared, and one entity used many times makes a small file a huge text
// (a "billion laughs"); no export this tool reads needs one, so a file that
// has one is refused before it is parsed (a usage Error naming FILE:LINE).
// A file that is not well-formed XML is a usage Error naming FILE.
XmlDocument read_untrusted_xml(const std::string& text, const std::string& file);

// The same reading for XML that is optional evidence (a PDF's XMP packet, a
// source's CCSXML): null when it is not well-formed or has a DTD.
XmlDocument read_untrusted_xml_or_null(const std::string& text);

}  // namespace proceedings

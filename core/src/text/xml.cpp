#include <libxml/parser.h>

#include <algorithm>
#include <optional>

#include "proceedings/error.hpp"
#include "proceedings/xml.hpp"

namespace proceedings {

namespace {

bool starts_at(const std::string& text, std::size_t at, const char* prefix) {
  return text.compare(at, std::char_traits<char>::length(prefix), prefix) == 0;
}

// Where the prolog's `<!DOCTYPE` (or any other `<!` declaration) starts: the
// prolog is an XML declaration, comments, processing instructions and white
// space, and only there may a document type declaration stand.
std::optional<std::size_t> prolog_declaration(const std::string& text) {
  std::size_t at = starts_at(text, 0, "\xEF\xBB\xBF") ? 3 : 0;
  while (at < text.size()) {
    if (text[at] == ' ' || text[at] == '\t' || text[at] == '\r' || text[at] == '\n') {
      ++at;
    } else if (starts_at(text, at, "<?")) {
      const auto end = text.find("?>", at + 2);
      if (end == std::string::npos) return std::nullopt;
      at = end + 2;
    } else if (starts_at(text, at, "<!--")) {
      const auto end = text.find("-->", at + 4);
      if (end == std::string::npos) return std::nullopt;
      at = end + 3;
    } else {
      return starts_at(text, at, "<!") ? std::optional(at) : std::nullopt;
    }
  }
  return std::nullopt;
}

std::string line_of(const std::string& text, std::size_t at) {
  return std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

void XmlDocFree::operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }

namespace {

// Without XML_PARSE_NOENT and XML_PARSE_DTDLOAD: no entity is expanded, no DTD read.
XmlDocument parse_without_dtd(const std::string& text, const std::string& file) {
  return XmlDocument(xmlReadMemory(text.data(), static_cast<int>(text.size()), file.c_str(), "UTF-8",
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}

bool has_dtd(const XmlDocument& doc) { return doc->intSubset || doc->extSubset; }

}  // namespace

XmlDocument read_untrusted_xml_or_null(const std::string& text) {
  if (prolog_declaration(text)) return nullptr;
  XmlDocument doc = parse_without_dtd(text, "untrusted.xml");
  if (doc && has_dtd(doc)) return nullptr;
  return doc;
}

XmlDocument read_untrusted_xml(const std::string& text, const std::string& file) {
  const std::string refusal = "declares a DTD (<!DOCTYPE ...>), where entities are declared; XML read from outside may not "
                              "have one (an entity used many times makes a small file a huge text)";
  if (const auto at = prolog_declaration(text)) throw usage_error(file + ":" + line_of(text, *at), refusal);
  XmlDocument doc = parse_without_dtd(text, file);
  if (!doc) throw usage_error(file, "is not well-formed XML");
  if (has_dtd(doc)) throw usage_error(file, refusal);
  return doc;
}

}  // namespace proceedings

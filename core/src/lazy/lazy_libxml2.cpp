// libxml2, for XMP packets, EasyChair's XML, web pages, arXiv's Atom feed and
// the frab writer, opened on first use: linked, it would load ICU (two
// libraries, one of them 30 MB of data) and liblzma at every start. These
// are the functions the project calls; a new call needs its line here (the
// link fails until it has one). See lazy_library.hpp.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "lazy/lazy_library.hpp"

namespace {

constexpr const char* what = "libxml2 (libxml2.so.2, Debian package libxml2)";

void* libxml2() {
  static void* const handle = proceedings::open_library({"libxml2.so.2"}, what);
  return handle;
}

}  // namespace

#define FORWARD(type, name, parameters, arguments) \
  PROCEEDINGS_FORWARD_FUNCTION(libxml2, what, type, name, parameters, arguments)

extern "C" {

// xmlFree is a variable holding libxml2's deallocator; ours calls the library's.
static void free_with_libxml2(void* memory) {
  static const auto real = *static_cast<xmlFreeFunc*>(proceedings::library_symbol(libxml2(), what, "xmlFree"));
  real(memory);
}
xmlFreeFunc xmlFree = free_with_libxml2;

FORWARD(xmlDocPtr, xmlReadMemory, (const char* buffer, int size, const char* url, const char* encoding, int options),
        (buffer, size, url, encoding, options))
FORWARD(htmlDocPtr, htmlReadMemory, (const char* buffer, int size, const char* url, const char* encoding, int options),
        (buffer, size, url, encoding, options))
FORWARD(void, xmlFreeDoc, (xmlDocPtr doc), (doc))
FORWARD(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc* doc), (doc))
FORWARD(xmlChar*, xmlNodeGetContent, (const xmlNode* node), (node))
FORWARD(xmlChar*, xmlGetProp, (const xmlNode* node, const xmlChar* name), (node, name))
FORWARD(long, xmlGetLineNo, (const xmlNode* node), (node))
FORWARD(int, xmlStrcmp, (const xmlChar* a, const xmlChar* b), (a, b))
FORWARD(int, xmlStrEqual, (const xmlChar* a, const xmlChar* b), (a, b))

FORWARD(xmlBufferPtr, xmlBufferCreate, (), ())
FORWARD(void, xmlBufferFree, (xmlBufferPtr buffer), (buffer))
FORWARD(const xmlChar*, xmlBufferContent, (const xmlBuffer* buffer), (buffer))

FORWARD(xmlTextWriterPtr, xmlNewTextWriterMemory, (xmlBufferPtr buffer, int compression), (buffer, compression))
FORWARD(void, xmlFreeTextWriter, (xmlTextWriterPtr writer), (writer))
FORWARD(int, xmlTextWriterSetIndent, (xmlTextWriterPtr writer, int indent), (writer, indent))
FORWARD(int, xmlTextWriterStartDocument,
        (xmlTextWriterPtr writer, const char* version, const char* encoding, const char* standalone),
        (writer, version, encoding, standalone))
FORWARD(int, xmlTextWriterEndDocument, (xmlTextWriterPtr writer), (writer))
FORWARD(int, xmlTextWriterStartElement, (xmlTextWriterPtr writer, const xmlChar* name), (writer, name))
FORWARD(int, xmlTextWriterEndElement, (xmlTextWriterPtr writer), (writer))
FORWARD(int, xmlTextWriterWriteElement, (xmlTextWriterPtr writer, const xmlChar* name, const xmlChar* content),
        (writer, name, content))
FORWARD(int, xmlTextWriterWriteAttribute, (xmlTextWriterPtr writer, const xmlChar* name, const xmlChar* content),
        (writer, name, content))
FORWARD(int, xmlTextWriterWriteString, (xmlTextWriterPtr writer, const xmlChar* content), (writer, content))

}  // extern "C"

#pragma once
// Metadata from a PDF: its Info dictionary, its XMP packet and the layout of
// its first page, each field with the source it came from.
#include <string>

#include "proceedings/paper_meta.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings::meta {

PaperMeta read_pdf_meta(const PdfFacts& facts, const std::string& file);

// Fields of an XMP packet: dc:title, dc:creator, dc:description, keywords.
struct XmpFields {
  std::string title;
  std::vector<std::string> creators;
  std::string description;
  std::vector<std::string> keywords;
};
XmpFields parse_xmp(const std::string& packet);

}  // namespace proceedings::meta

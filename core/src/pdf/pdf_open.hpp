#pragma once
// What every MuPDF reader of an outside PDF does before it reads pages: the
// page tree walked rather than trusted, the pages bounded, and qpdf's
// rewrite of a file MuPDF gives up on.
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include <filesystem>
#include <string>

namespace proceedings::detail {

struct PageTree {
  int pages = 0;       // leaves read (at most the limit)
  int said = 0;        // the root's /Count
  bool over_limit = false;  // the tree holds more pages than the limit
  std::string repair;  // what was off and how it was set right, or empty
};

// Walks `doc`'s page tree (each node at most once on a path, a bounded
// number of visits) and, where a /Count disagrees with the leaves under it
// or the tree holds more than `max_pages` pages, makes the root's /Kids the
// first `max_pages` leaves in order, in memory only, so that MuPDF's page
// numbers are the tree's. Throws an input Error naming `file` for a tree
// that cannot be walked (a cycle, a node that is not a page).
PageTree settle_page_tree(fz_context* ctx, pdf_document* doc, int max_pages, const std::string& file);

// `file` as qpdf reads and writes it again: every object it reaches in a
// fresh cross-reference table, references to objects that are missing
// written as null (as the PDF rules read them). Throws an input Error when
// qpdf cannot read the file, or reads it only by repairing damage.
std::string rewritten_by_qpdf(const std::filesystem::path& file);

// `bytes` opened as a PDF by MuPDF; the bytes must outlive the document.
pdf_document* open_pdf_bytes(fz_context* ctx, const std::string& bytes);

}  // namespace proceedings::detail

#include "pdf/pdf_open.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <vector>

#include "pdf/mupdf_guard.hpp"
#include "proceedings/error.hpp"

namespace proceedings::detail {

namespace {

constexpr std::size_t max_depth = 64;  // pdfTeX nests 6 kids a node: 64 levels hold any real file

// A kid of a page tree node: another node, or a page.
struct Kid {
  pdf_obj* dict = nullptr;
  pdf_obj* kids = nullptr;
  int num = 0;  // its object number, 0 for a direct object
  int length = 0;
  int said = 0;  // a node's /Count
  bool node = false;
  bool page = false;
};

Kid look_at(fz_context* ctx, pdf_obj* ref, const std::string& file) {
  Kid kid;
  guarded(ctx, file, "cannot read the page tree", [&] {
    kid.num = pdf_to_num(ctx, ref);
    kid.dict = pdf_resolve_indirect_chain(ctx, ref);
    if (!pdf_is_dict(ctx, kid.dict)) return;
    kid.kids = pdf_dict_get(ctx, kid.dict, PDF_NAME(Kids));
    kid.node = pdf_is_array(ctx, kid.kids) && !pdf_name_eq(ctx, pdf_dict_get(ctx, kid.dict, PDF_NAME(Type)), PDF_NAME(Page));
    kid.page = !kid.node;
    if (kid.node) {
      kid.length = pdf_array_len(ctx, kid.kids);
      kid.said = pdf_dict_get_int(ctx, kid.dict, PDF_NAME(Count));
    }
  });
  return kid;
}

struct Frame {
  Kid node;
  int next = 0;               // the next kid to visit
  std::size_t first_leaf = 0;  // leaves found before this node
};

struct Walk {
  std::vector<pdf_obj*> leaves;  // the references as the tree holds them
  bool counts_agree = true;
};

Walk walk(fz_context* ctx, const Kid& root, int max_pages, const std::string& file) {
  // A tree of shared nodes can name far more pages than the file has bytes;
  // the visits are bounded as well as the pages.
  const long max_visits = 8L * max_pages + 1024;
  long visits = 0;
  Walk found;
  std::vector<Frame> stack{{root, 0, 0}};
  while (!stack.empty() && found.leaves.size() <= static_cast<std::size_t>(max_pages)) {
    Frame& top = stack.back();
    if (top.next == top.node.length) {
      if (found.leaves.size() - top.first_leaf != static_cast<std::size_t>(top.node.said)) found.counts_agree = false;
      stack.pop_back();
      continue;
    }
    pdf_obj* ref = nullptr;
    guarded(ctx, file, "cannot read the page tree", [&] { ref = pdf_array_get(ctx, top.node.kids, top.next); });
    ++top.next;
    if (++visits > max_visits)
      throw input_error(file, "the page tree has more than " + std::to_string(max_visits) + " entries");
    const Kid kid = look_at(ctx, ref, file);
    if (kid.page) {
      found.leaves.push_back(ref);
      continue;
    }
    if (!kid.node) throw input_error(file, "the page tree holds an object that is not a page (object " + std::to_string(kid.num) + ")");
    if (stack.size() >= max_depth) throw input_error(file, "the page tree is nested more than 64 levels deep");
    for (const auto& frame : stack)
      if (kid.num != 0 && frame.node.num == kid.num)
        throw input_error(file, "the page tree holds a cycle (object " + std::to_string(kid.num) + " is its own ancestor)");
    stack.push_back({kid, 0, found.leaves.size()});
  }
  return found;
}

// The root's /Kids become `leaves` themselves; each page keeps its /Parent,
// so what it inherits (sizes, resources) stays as it was.
void flatten(fz_context* ctx, pdf_document* doc, pdf_obj* root, const std::vector<pdf_obj*>& leaves,
             const std::string& file) {
  guarded(ctx, file, "cannot mend the page tree", [&] {
    pdf_obj* kids = pdf_new_array(ctx, doc, static_cast<int>(leaves.size()));
    fz_try(ctx) {
      for (pdf_obj* leaf : leaves) pdf_array_push(ctx, kids, leaf);
      pdf_dict_put(ctx, root, PDF_NAME(Kids), kids);  // after the pushes: the old array owns the leaves
      pdf_dict_put_int(ctx, root, PDF_NAME(Count), static_cast<int64_t>(leaves.size()));
    }
    fz_always(ctx) { pdf_drop_obj(ctx, kids); }
    fz_catch(ctx) { fz_rethrow(ctx); }
  });
}

}  // namespace

PageTree settle_page_tree(fz_context* ctx, pdf_document* doc, int max_pages, const std::string& file) {
  pdf_obj* pages = nullptr;
  guarded(ctx, file, "cannot read the page tree", [&] { pages = pdf_dict_getp(ctx, pdf_trailer(ctx, doc), "Root/Pages"); });
  const Kid root = look_at(ctx, pages, file);
  if (!root.node) throw input_error(file, "PDF has no pages (no page tree)");
  Walk found = walk(ctx, root, max_pages, file);
  PageTree tree;
  tree.said = root.said;
  tree.over_limit = found.leaves.size() > static_cast<std::size_t>(max_pages);
  if (tree.over_limit) found.leaves.resize(static_cast<std::size_t>(max_pages));
  tree.pages = static_cast<int>(found.leaves.size());
  if (tree.pages == 0) throw input_error(file, "PDF has no pages");
  if (found.counts_agree && !tree.over_limit) return tree;
  flatten(ctx, doc, root.dict, found.leaves, file);
  if (tree.over_limit) return tree;
  tree.repair = tree.said != tree.pages
                    ? "its page tree says /Count " + std::to_string(tree.said) + " but holds " +
                          std::to_string(tree.pages) + " pages; all " + std::to_string(tree.pages) + " were read"
                    : "a node of its page tree gives a wrong /Count; the pages were read in the tree's order";
  return tree;
}

std::string rewritten_by_qpdf(const std::filesystem::path& file) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  std::shared_ptr<Buffer> bytes;
  try {
    pdf.processFile(file.c_str());
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    // Each object on its own: qpdf 11.3 keeps the object streams as they
    // were, and with them the entries MuPDF could not resolve.
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.write();
    bytes = writer.getBufferSharedPointer();
  } catch (const std::exception& e) {
    throw input_error(file.string(), std::string("qpdf cannot read it either: ") + e.what());
  }
  // qpdf rebuilds what is broken and says so in a warning: such a file is
  // damaged, as it would be for MuPDF.
  if (pdf.anyWarnings())
    throw input_error(file.string(), "qpdf reads it only by repairing damage: " + pdf.getWarnings().front().getMessageDetail());
  return std::string(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
}

pdf_document* open_pdf_bytes(fz_context* ctx, const std::string& bytes) {
  pdf_document* doc = nullptr;
  fz_stream* stream = fz_open_memory(ctx, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  fz_try(ctx) { doc = pdf_open_document_with_stream(ctx, stream); }
  fz_always(ctx) { fz_drop_stream(ctx, stream); }
  fz_catch(ctx) { fz_rethrow(ctx); }
  return doc;
}

}  // namespace proceedings::detail

#include "proceedings/pdf.hpp"

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <set>
#include <unordered_map>

#include "pdf/mupdf_guard.hpp"
#include "pdf/pdf_open.hpp"
#include "pdf/pdf_text.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/regex.hpp"

namespace proceedings {

using detail::guarded;

namespace {

void ignore_message(void*, const char*) {}

void check_envelope(const std::filesystem::path& file) {
  const std::string problem = pdf_envelope_problem(file);
  if (!problem.empty()) throw input_error(file.string(), problem);
}

std::string name_of(fz_context* ctx, pdf_obj* obj) {
  const char* n = pdf_to_name(ctx, obj);
  return n ? n : "";
}

}  // namespace

std::string pdf_envelope_problem(const std::filesystem::path& file) {
  if (const std::string why = not_a_regular_file(file); !why.empty()) return why;  // a FIFO would block the open
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) return "cannot be opened for reading";
  const auto size = static_cast<long long>(in.tellg());
  if (size == 0) return "empty file (0 bytes)";
  std::string head(static_cast<std::size_t>(std::min<long long>(size, 1024)), '\0');
  in.seekg(0);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  if (head.find("%PDF-") == std::string::npos) return "not a PDF: no %PDF- header in the first 1024 bytes";
  std::string tail(static_cast<std::size_t>(std::min<long long>(size, 1024)), '\0');
  in.seekg(size - static_cast<long long>(tail.size()));
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  if (tail.find("%%EOF") == std::string::npos)
    return "truncated PDF: no %%EOF marker at the end (incomplete upload?)";
  // startxref gives the offset of the last cross-reference section: a table
  // ("xref") or a stream ("N G obj"). Anything else means a cut or splice.
  static const Regex startxref(R"(startxref\s+(\d{1,15})\s+%%EOF)");
  const std::vector<Match> found = startxref.all(tail);
  if (found.empty()) return "damaged PDF: no startxref before the final %%EOF";
  const long long offset = std::stoll(found.back().str(1));
  if (offset >= size) return "damaged PDF: startxref points past the end of the file (truncated or spliced?)";
  std::string at(static_cast<std::size_t>(std::min<long long>(size - offset, 32)), '\0');
  in.seekg(offset);
  in.read(at.data(), static_cast<std::streamsize>(at.size()));
  static const Regex section(R"(^\s*(?:xref|\d+\s+\d+\s+obj))");
  if (!section.contains(at))
    return "damaged PDF: startxref does not point at a cross-reference section (truncated or spliced?)";
  return {};
}

struct PdfReader::Impl {
  fz_context* ctx = nullptr;

  Impl() {
    ctx = fz_new_context(nullptr, nullptr, FZ_STORE_DEFAULT);
    if (!ctx) throw Error(Exit::internal, "mupdf", "cannot create a context (out of memory)");
    fz_set_warning_callback(ctx, ignore_message, nullptr);
    fz_set_error_callback(ctx, ignore_message, nullptr);
  }
  ~Impl() { fz_drop_context(ctx); }

  pdf_document* open(const std::string& file) {
    pdf_document* doc = nullptr;
    guarded(ctx, file, "cannot open PDF", [&] { doc = pdf_open_document(ctx, file.c_str()); });
    return doc;
  }

  void read_info(pdf_document* doc, PdfFacts& facts) {
    pdf_obj* info = pdf_dict_get(ctx, pdf_trailer(ctx, doc), PDF_NAME(Info));
    const int n = pdf_dict_len(ctx, info);
    for (int i = 0; i < n; ++i) {
      const std::string key = name_of(ctx, pdf_dict_get_key(ctx, info, i));
      pdf_obj* value = pdf_dict_get_val(ctx, info, i);
      if (pdf_is_string(ctx, value)) facts.info[key] = pdf_to_text_string(ctx, value);
    }
  }

  void read_xmp(pdf_document* doc, PdfFacts& facts) {
    pdf_obj* meta = pdf_dict_get(ctx, pdf_dict_get(ctx, pdf_trailer(ctx, doc), PDF_NAME(Root)), PDF_NAME(Metadata));
    if (!pdf_is_stream(ctx, meta)) return;
    fz_buffer* buf = pdf_load_stream(ctx, meta);
    unsigned char* data = nullptr;
    const size_t len = fz_buffer_storage(ctx, buf, &data);
    facts.xmp.assign(reinterpret_cast<const char*>(data), len);
    fz_drop_buffer(ctx, buf);
  }

  static const char* hazard_of_action(const std::string& s) {
    if (s == "JavaScript") return "javascript";
    if (s == "Launch") return "launch";
    if (s == "SubmitForm") return "submit-form";
    if (s == "ImportData") return "import-data";
    if (s == "GoToR" || s == "GoToE") return "remote-goto";
    if (s == "RichMediaExecute") return "rich-media";
    return nullptr;
  }

  void inspect_font(pdf_obj* font, PdfFacts& facts) {
    PdfFont f;
    f.subtype = name_of(ctx, pdf_dict_get(ctx, font, PDF_NAME(Subtype)));
    f.name = detail::without_subset_prefix(name_of(ctx, pdf_dict_get(ctx, font, PDF_NAME(BaseFont))));
    pdf_obj* described = font;
    if (f.subtype == "Type0") described = pdf_array_get(ctx, pdf_dict_get(ctx, font, PDF_NAME(DescendantFonts)), 0);
    pdf_obj* descriptor = pdf_dict_get(ctx, described, PDF_NAME(FontDescriptor));
    f.embedded = f.subtype == "Type3" || pdf_dict_get(ctx, descriptor, PDF_NAME(FontFile)) ||
                 pdf_dict_get(ctx, descriptor, PDF_NAME(FontFile2)) ||
                 pdf_dict_get(ctx, descriptor, PDF_NAME(FontFile3));
    if (f.name.empty()) f.name = "(unnamed " + f.subtype + " font)";
    facts.fonts.push_back(std::move(f));
  }

  // One pass over every object: fonts and hazards wherever they hang.
  void scan_objects(pdf_document* doc, PdfFacts& facts, const std::string& file) {
    const int count = pdf_xref_len(ctx, doc);
    for (int num = 1; num < count; ++num) {
      pdf_obj* obj = nullptr;
      guarded(ctx, file, "damaged object " + std::to_string(num), [&] {
        obj = pdf_load_object(ctx, doc, num);
        inspect_tree(obj, num, facts, 0);
      });
      pdf_drop_obj(ctx, obj);
    }
  }

  // Actions often sit inline (an annotation's /A, the catalog's
  // /OpenAction), so nested dictionaries and arrays are walked too; indirect
  // references are not followed, since every object gets its own visit.
  void inspect_tree(pdf_obj* obj, int num, PdfFacts& facts, int depth) {
    if (depth > 32) return;
    if (pdf_is_dict(ctx, obj)) {
      inspect_dict(obj, num, facts);
      const int n = pdf_dict_len(ctx, obj);
      for (int i = 0; i < n; ++i) {
        pdf_obj* value = pdf_dict_get_val(ctx, obj, i);
        if (!pdf_is_indirect(ctx, value)) inspect_tree(value, num, facts, depth + 1);
      }
    } else if (pdf_is_array(ctx, obj)) {
      const int n = pdf_array_len(ctx, obj);
      for (int i = 0; i < n; ++i) {
        pdf_obj* value = pdf_array_get(ctx, obj, i);
        if (!pdf_is_indirect(ctx, value)) inspect_tree(value, num, facts, depth + 1);
      }
    }
  }

  void inspect_dict(pdf_obj* obj, int num, PdfFacts& facts) {
    const std::string type = name_of(ctx, pdf_dict_get(ctx, obj, PDF_NAME(Type)));
    if (type == "Font" && pdf_dict_get(ctx, obj, PDF_NAME(Subtype)) &&
        name_of(ctx, pdf_dict_get(ctx, obj, PDF_NAME(Subtype))) != "CIDFontType0" &&
        name_of(ctx, pdf_dict_get(ctx, obj, PDF_NAME(Subtype))) != "CIDFontType2")
      inspect_font(obj, facts);
    if (type == "EmbeddedFile") facts.hazards.push_back({"embedded-file", num});
    if (const char* h = hazard_of_action(name_of(ctx, pdf_dict_get(ctx, obj, PDF_NAME(S)))))
      facts.hazards.push_back({h, num});
    else if (pdf_dict_get(ctx, obj, PDF_NAME(JS)))
      facts.hazards.push_back({"javascript", num});
    if (name_of(ctx, pdf_dict_get(ctx, obj, PDF_NAME(Subtype))) == "RichMedia")
      facts.hazards.push_back({"rich-media", num});
  }

  void read_links(pdf_page* page, PdfPage& out, const std::string& file) {
    fz_link* links = nullptr;
    guarded(ctx, file, "cannot read links", [&] { links = fz_load_links(ctx, &page->super); });
    for (fz_link* link = links; link; link = link->next)
      if (link->uri && fz_is_external_link(ctx, link->uri))
        out.links.push_back({{link->rect.x0, link->rect.y0, link->rect.x1, link->rect.y1}, link->uri});
    fz_drop_link(ctx, links);
  }

  PdfPage read_page(pdf_document* doc, detail::PageTextScanner& scanner, int index, bool with_text,
                    const std::string& file) {
    PdfPage out;
    out.number = index + 1;
    pdf_page* page = nullptr;
    fz_rect bounds{};
    guarded(ctx, file, "cannot read page " + std::to_string(index + 1), [&] {
      page = pdf_load_page(ctx, doc, index);
      bounds = fz_bound_page(ctx, &page->super);
    });
    struct Drop {
      fz_context* ctx;
      pdf_page* page;
      ~Drop() { fz_drop_page(ctx, &page->super); }
    } drop{ctx, page};
    out.width = bounds.x1 - bounds.x0;
    out.height = bounds.y1 - bounds.y0;
    read_links(page, out, file);
    if (with_text) {
      auto scanned = scanner.scan(page);
      out.lines = std::move(scanned.lines);
      out.images = scanned.images;
      out.pictures = std::move(scanned.pictures);
    }
    return out;
  }

  // The document is dropped on every path out, including a thrown Error.
  // A document read from qpdf's rewrite holds the bytes it was opened from.
  struct OpenDocument {
    fz_context* ctx;
    pdf_document* doc = nullptr;
    std::string bytes;
    explicit OpenDocument(fz_context* c) : ctx(c) {}
    OpenDocument(const OpenDocument&) = delete;
    OpenDocument& operator=(const OpenDocument&) = delete;
    ~OpenDocument() { pdf_drop_document(ctx, doc); }
  };

  std::unique_ptr<OpenDocument> open_file(const std::string& file) {
    auto opened = std::make_unique<OpenDocument>(ctx);
    opened->doc = open(file);
    return opened;
  }

  std::unique_ptr<OpenDocument> open_rewritten(const std::filesystem::path& path) {
    auto opened = std::make_unique<OpenDocument>(ctx);
    opened->bytes = detail::rewritten_by_qpdf(path);
    guarded(ctx, path.string(), "cannot open qpdf's rewrite", [&] { opened->doc = detail::open_pdf_bytes(ctx, opened->bytes); });
    return opened;
  }

  // What makes a file unreadable whichever reader tries: a password, or a
  // cross-reference table so broken that it had to be rebuilt.
  void refuse_locked_or_rebuilt(pdf_document* doc, const std::string& file) {
    bool locked = false;
    guarded(ctx, file, "cannot decrypt", [&] {
      locked = pdf_needs_password(ctx, doc) && !pdf_authenticate_password(ctx, doc, "");
    });
    if (locked)
      throw input_error(file, "encrypted PDF that needs a password to open");
    if (pdf_was_repaired(ctx, doc))
      throw input_error(file, "damaged PDF: its cross-reference table is broken and had to be rebuilt");
  }

  // `read` on the file as MuPDF opens it; where MuPDF fails past the
  // checks above (an object it cannot find, a page it cannot load), `read`
  // again on qpdf's rewrite, and `repaired` says why. A file neither reader
  // can read keeps MuPDF's reason.
  template <typename Read>
  auto read_with_repair(const std::filesystem::path& path, std::string& repaired, Read read) {
    const std::string file = path.string();
    check_envelope(path);
    std::string failure;
    std::unique_ptr<OpenDocument> opened;
    try {
      opened = open_file(file);
    } catch (const Error& e) {
      failure = e.what();
    }
    if (opened) {
      refuse_locked_or_rebuilt(opened->doc, file);
      try {
        return read(opened->doc);
      } catch (const Error& e) {
        if (e.status() != Exit::input) throw;
        failure = e.what();
      }
    }
    std::unique_ptr<OpenDocument> rewritten;
    try {
      rewritten = open_rewritten(path);
      refuse_locked_or_rebuilt(rewritten->doc, file);
    } catch (const Error& e) {
      throw input_error(file, failure + "; " + e.what());
    }
    repaired = "MuPDF could not read it (" + failure + "); qpdf could, and its rewrite was read";
    return read(rewritten->doc);
  }

  // The pages as the page tree holds them, bounded; a /Count that is off noted in `repairs`.
  detail::PageTree settle_pages(pdf_document* doc, int max_pages, const std::string& file,
                                std::vector<std::string>& repairs) {
    detail::PageTree tree = detail::settle_page_tree(ctx, doc, max_pages, file);
    if (!tree.repair.empty()) repairs.push_back(tree.repair);
    return tree;
  }

  int page_count(const std::filesystem::path& path) {
    const std::string file = path.string();
    std::string repaired;
    return read_with_repair(path, repaired, [&](pdf_document* doc) {
      std::vector<std::string> repairs;
      const detail::PageTree tree = settle_pages(doc, max_pdf_pages, file, repairs);
      if (tree.over_limit)
        throw input_error(file, "has more than " + std::to_string(max_pdf_pages) + " pages, more than any paper");
      return tree.pages;
    });
  }

  PdfFacts read(const std::filesystem::path& path, const PdfReadOptions& options) {
    std::string repaired;
    PdfFacts facts = read_with_repair(path, repaired, [&](pdf_document* doc) {
      std::vector<std::string> repairs;
      PdfFacts read = read_document(doc, path.string(), options, repairs);
      read.repairs = std::move(repairs);
      return read;
    });
    if (!repaired.empty()) facts.repairs.insert(facts.repairs.begin(), repaired);
    return facts;
  }

  PdfFacts read_document(pdf_document* doc, const std::string& file, const PdfReadOptions& options,
                         std::vector<std::string>& repairs) {
    PdfFacts facts;
    const int version = pdf_version(ctx, doc);
    facts.version = std::to_string(version / 10) + "." + std::to_string(version % 10);
    facts.encrypted = pdf_dict_get(ctx, pdf_trailer(ctx, doc), PDF_NAME(Encrypt)) != nullptr;
    guarded(ctx, file, "cannot read document information", [&] { read_info(doc, facts); });
    guarded(ctx, file, "cannot read XMP metadata", [&] { read_xmp(doc, facts); });
    const detail::PageTree tree = settle_pages(doc, options.max_pages, file, repairs);
    facts.over_page_limit = tree.over_limit;
    detail::PageTextScanner scanner(ctx, doc, file);
    for (int i = 0; i < tree.pages; ++i) facts.pages.push_back(read_page(doc, scanner, i, options.text, file));
    scan_objects(doc, facts, file);
    return facts;
  }
};

PdfReader::PdfReader() : impl_(std::make_unique<Impl>()) {}
PdfReader::~PdfReader() = default;

PdfFacts PdfReader::read(const std::filesystem::path& file, const PdfReadOptions& options) {
  return impl_->read(file, options);
}

int PdfReader::page_count(const std::filesystem::path& file) { return impl_->page_count(file); }

}  // namespace proceedings

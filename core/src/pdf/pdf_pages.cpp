#include "proceedings/pdf_pages.hpp"

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include <cmath>
#include <functional>

#include "pdf/mupdf_guard.hpp"
#include "pdf/pdf_open.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings {

using detail::guarded;

namespace {

void ignore_message(void*, const char*) {}

// A MuPDF context for one call, dropped on every path out.
struct Context {
  fz_context* ctx;
  Context() : ctx(fz_new_context(nullptr, nullptr, FZ_STORE_DEFAULT)) {
    if (!ctx) throw Error(Exit::internal, "mupdf", "cannot create a context (out of memory)");
    fz_set_warning_callback(ctx, ignore_message, nullptr);
    fz_set_error_callback(ctx, ignore_message, nullptr);
  }
  ~Context() { fz_drop_context(ctx); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
};

// Runs its cleanup on every path out, a thrown Error included.
struct Dropper {
  std::function<void()> cleanup;
  ~Dropper() { cleanup(); }
};

std::string buffer_bytes(fz_context* ctx, fz_buffer* buf) {
  unsigned char* data = nullptr;
  const size_t len = fz_buffer_storage(ctx, buf, &data);
  return std::string(reinterpret_cast<const char*>(data), len);
}

// MuPDF takes annotation rectangles in page space (points, top left, y
// down) and maps them to the PDF's user space itself.
fz_rect page_rect(const Box& box) {
  return fz_make_rect(static_cast<float>(box.x0), static_cast<float>(box.y0), static_cast<float>(box.x1),
                      static_cast<float>(box.y1));
}

void add_mark(fz_context* ctx, pdf_page* page, const PdfMark& mark) {
  const bool square = mark.kind == PdfMark::square;
  pdf_annot* annot = pdf_create_annot(ctx, page, square ? PDF_ANNOT_SQUARE : PDF_ANNOT_TEXT);
  const fz_rect rect = page_rect(square ? mark.box : Box{mark.box.x0, mark.box.y0, mark.box.x0 + 20, mark.box.y0 + 20});
  pdf_set_annot_rect(ctx, annot, rect);
  pdf_set_annot_color(ctx, annot, 3, mark.rgb);
  if (square) pdf_set_annot_border(ctx, annot, 1.5f);
  else pdf_set_annot_icon_name(ctx, annot, "Comment");
  pdf_set_annot_contents(ctx, annot, mark.text.c_str());
  pdf_update_annot(ctx, annot);
  pdf_drop_annot(ctx, annot);
}

// `work` (MuPDF calls only) on `path` as MuPDF opens it, its page tree
// settled as PdfReader settles it, so that page numbers mean the same;
// where MuPDF fails, on qpdf's rewrite of it, as PdfReader reads it.
template <typename Work>
void on_document(fz_context* ctx, const std::filesystem::path& path, const std::string& doing, Work work) {
  const std::string file = path.string();
  std::string bytes, failure;
  for (const bool rewritten : {false, true}) {
    pdf_document* doc = nullptr;
    const Dropper drop{[&] { pdf_drop_document(ctx, doc); }};
    try {
      if (rewritten) bytes = detail::rewritten_by_qpdf(path);
      guarded(ctx, file, doing, [&] {
        doc = rewritten ? detail::open_pdf_bytes(ctx, bytes) : pdf_open_document(ctx, file.c_str());
      });
      detail::settle_page_tree(ctx, doc, max_pdf_pages, file);
      guarded(ctx, file, doing, [&] { work(doc); });
      return;
    } catch (const Error& e) {
      if (rewritten) throw input_error(file, failure + "; " + e.what());
      failure = e.what();
    }
  }
}

}  // namespace

void write_annotated_copy(const std::filesystem::path& in, const std::filesystem::path& out,
                          const std::vector<PdfMark>& marks) {
  Context c;
  fz_context* ctx = c.ctx;
  fz_buffer* buf = nullptr;
  const Dropper drop{[&] { fz_drop_buffer(ctx, buf); }};
  on_document(ctx, in, "cannot annotate", [&](pdf_document* doc) {
    fz_drop_buffer(ctx, buf);  // what a failed first try made
    buf = nullptr;
    const int pages = pdf_count_pages(ctx, doc);
    for (const auto& mark : marks) {
      if (mark.page < 1 || mark.page > pages) continue;
      pdf_page* page = pdf_load_page(ctx, doc, mark.page - 1);
      fz_try(ctx) { add_mark(ctx, page, mark); }
      fz_always(ctx) { fz_drop_page(ctx, &page->super); }
      fz_catch(ctx) { fz_rethrow(ctx); }
    }
    buf = fz_new_buffer(ctx, 1 << 16);
    fz_output* output = fz_new_output_with_buffer(ctx, buf);
    fz_try(ctx) {
      pdf_write_options options = pdf_default_write_options;
      options.do_garbage = 1;
      pdf_write_document(ctx, doc, output, &options);
      fz_close_output(ctx, output);
    }
    fz_always(ctx) { fz_drop_output(ctx, output); }
    fz_catch(ctx) { fz_rethrow(ctx); }
  });
  write_file_atomic(out, buffer_bytes(ctx, buf));
}

std::string render_page_png(const std::filesystem::path& path, int page, double dpi, double max_pixels) {
  Context c;
  fz_context* ctx = c.ctx;
  fz_buffer* png = nullptr;
  const Dropper drop{[&] { fz_drop_buffer(ctx, png); }};
  on_document(ctx, path, "cannot render page " + std::to_string(page), [&](pdf_document* doc) {
    fz_drop_buffer(ctx, png);
    png = nullptr;
    pdf_page* loaded = pdf_load_page(ctx, doc, page - 1);
    fz_pixmap* pix = nullptr;
    fz_try(ctx) {
      const fz_rect bounds = fz_bound_page(ctx, &loaded->super);
      const float zoom = static_cast<float>(image_zoom(bounds.x1 - bounds.x0, bounds.y1 - bounds.y0, dpi, max_pixels));
      pix = fz_new_pixmap_from_page(ctx, &loaded->super, fz_scale(zoom, zoom), fz_device_rgb(ctx), 0);
      png = fz_new_buffer_from_pixmap_as_png(ctx, pix, fz_default_color_params);
    }
    fz_always(ctx) {
      fz_drop_pixmap(ctx, pix);
      fz_drop_page(ctx, &loaded->super);
    }
    fz_catch(ctx) { fz_rethrow(ctx); }
  });
  return buffer_bytes(ctx, png);
}

double image_zoom(double width, double height, double dpi, double max_pixels) {
  const double zoom = dpi / 72.0;
  const double pixels = width * height * zoom * zoom;
  return pixels > max_pixels && pixels > 0 ? zoom * std::sqrt(max_pixels / pixels) : zoom;
}

}  // namespace proceedings

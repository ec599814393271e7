// PDF readers on the same PDFs, doing what `check` needs from a reader:
// every character's text, position and font size on every page. MuPDF's
// structured-text device and Poppler's text list (with fonts), against the
// project's own scanner on MuPDF's object layer (which also reads fonts,
// hazards and metadata). Median of repeated runs per document.
#include <mupdf/fitz.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "proceedings/error.hpp"
#include "proceedings/pdf.hpp"

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Returns the number of characters seen, so the work cannot be optimised away.
long mupdf_pass(fz_context* ctx, const char* file) {
  // volatile: both live across fz_try's setjmp.
  volatile long chars = 0;
  fz_document* volatile doc = nullptr;
  fz_try(ctx) {
    doc = fz_open_document(ctx, file);
    const int pages = fz_count_pages(ctx, doc);
    for (int i = 0; i < pages; ++i) {
      fz_stext_page* text = fz_new_stext_page_from_page_number(ctx, doc, i, nullptr);
      for (fz_stext_block* b = text->first_block; b; b = b->next)
        if (b->type == FZ_STEXT_BLOCK_TEXT)
          for (fz_stext_line* l = b->u.t.first_line; l; l = l->next)
            for (fz_stext_char* c = l->first_char; c; c = c->next) chars = chars + (c->size > 0);
      fz_drop_stext_page(ctx, text);
    }
  }
  fz_always(ctx) { fz_drop_document(ctx, doc); }
  fz_catch(ctx) { return -1; }
  return chars;
}

long poppler_pass(const std::string& file) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file));
  if (!doc || doc->is_locked()) return -1;
  long chars = 0;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    for (const auto& box : page->text_list(poppler::page::text_list_include_font))
      chars += static_cast<long>(box.text().size()) * (box.get_font_size() > 0);
  }
  for (const auto& font : doc->fonts()) chars += font.is_embedded();
  return chars;
}

long scanner_pass(proceedings::PdfReader& reader, const fs::path& file) {
  try {
    long lines = 0;
    for (const auto& page : reader.read(file).pages) lines += static_cast<long>(page.lines.size());
    return lines;
  } catch (const proceedings::Error&) {
    return -1;
  }
}

template <typename Pass>
double time_ms(Pass pass, int repeats) {
  std::vector<double> runs;
  for (int i = 0; i < repeats; ++i) {
    const auto start = Clock::now();
    if (pass() < 0) return -1;
    runs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return median(runs);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench_readers DIR\n");
    return 2;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(argv[1]))
    if (e.path().extension() == ".pdf" && fs::file_size(e.path()) > 0) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  fz_context* ctx = fz_new_context(nullptr, nullptr, FZ_STORE_DEFAULT);
  fz_register_document_handlers(ctx);
  fz_set_warning_callback(ctx, [](void*, const char*) {}, nullptr);
  fz_set_error_callback(ctx, [](void*, const char*) {}, nullptr);
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  proceedings::PdfReader reader;
  std::printf("PDF readers: text with positions and font sizes of every page, median of 9 runs\n");
  std::printf("%-28s %10s %12s %12s\n", "document", "MuPDF ms", "Poppler ms", "scanner ms");
  double mu_total = 0, pop_total = 0, own_total = 0;
  int counted = 0;
  for (const auto& file : files) {
    const double own = time_ms([&] { return scanner_pass(reader, file); }, 9);
    if (own < 0) continue;  // damaged or locked fixtures: not a reading-speed question
    const double mu = time_ms([&] { return mupdf_pass(ctx, file.c_str()); }, 9);
    const double pop = time_ms([&] { return poppler_pass(file.string()); }, 9);
    if (mu < 0 || pop < 0) continue;
    std::printf("%-28s %10.2f %12.2f %12.2f\n", file.filename().c_str(), mu, pop, own);
    mu_total += mu;
    pop_total += pop;
    own_total += own;
    ++counted;
  }
  if (counted)
    std::printf("mean: MuPDF %.2f ms, Poppler %.2f ms, scanner %.2f ms per document\n", mu_total / counted,
                pop_total / counted, own_total / counted);
  fz_drop_context(ctx);
  return 0;
}

// Accuracy of `meta`. First on the generated corpus of acmart papers
// (build/meta-corpus, truth from scripts/make-meta-corpus.py): per field, for
// PDFs and for sources. Then on the fixtures: does each PDF give exactly what
// its LaTeX source gives? Also the time per document.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "meta/accuracy.hpp"
#include "meta/latex_source.hpp"
#include "meta/pdf_meta.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

using namespace proceedings;
namespace fs = std::filesystem;

namespace {

struct Pair {
  fs::path pdf;
  PaperMeta source;
};

// A single-file fixture whose \input files live in the shared folders.
PaperMeta source_of_fixture(const fs::path& tex, const std::vector<fs::path>& shared) {
  ScratchDir scratch("proceedings-bench");
  fs::copy_file(tex, scratch.path() / tex.filename());
  for (const auto& dir : shared)
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".tex") fs::copy_file(e.path(), scratch.path() / e.path().filename());
  return meta::parse_latex_meta(meta::expanded_source(scratch.path() / tex.filename(), scratch.path()));
}

std::vector<Pair> pairs(const fs::path& src, const fs::path& build) {
  std::vector<Pair> out;
  const std::vector<fs::path> shared{src / "manuscripts/common", src / "tests/fixtures/common"};
  for (const auto& e : fs::directory_iterator(src / "tests/fixtures"))
    if (e.path().extension() == ".tex")
      out.push_back({build / "fixtures" / (e.path().stem().string() + ".pdf"), source_of_fixture(e.path(), shared)});
  for (const auto& e : fs::directory_iterator(src / "tests/fixtures/meta"))
    out.push_back({build / "fixtures/meta" / (e.path().filename().string() + ".pdf"), meta::read_latex_meta(e.path())});
  for (const auto& e : fs::directory_iterator(src / "manuscripts/exhetai-2025"))
    out.push_back({build / "manuscripts/exhetai-2025" / (e.path().filename().string() + ".pdf"), meta::read_latex_meta(e.path())});
  std::sort(out.begin(), out.end(), [](const Pair& a, const Pair& b) { return a.pdf < b.pdf; });
  return out;
}

std::vector<std::string> names(const PaperMeta& m) {
  std::vector<std::string> out;
  for (const auto& a : m.authors) out.push_back(a.name);
  return out;
}

template <typename Field>
bool all_authors(const PaperMeta& a, const PaperMeta& b, Field field) {
  if (a.authors.size() != b.authors.size()) return false;
  for (std::size_t i = 0; i < a.authors.size(); ++i)
    if (field(a.authors[i]) != field(b.authors[i])) return false;
  return true;
}

void print_row(const char* what, const meta::Tally& t) {
  std::printf("%-8s", what);
  for (int f = 0; f < meta::field_count; ++f) std::printf(" %12.1f", t.percent(static_cast<meta::Field>(f)));
  std::printf("\n");
}

// Every paper of the corpus from its PDF and from its source, against the truth.
void corpus(const fs::path& dir, PdfReader& reader) {
  std::vector<fs::path> papers;
  for (const auto& e : fs::directory_iterator(dir / "src"))
    if (fs::exists(e.path() / "truth.json")) papers.push_back(e.path());
  std::sort(papers.begin(), papers.end());
  meta::Tally pdf, source;
  std::vector<std::string> misses;
  for (const auto& folder : papers) {
    const auto truth = meta::read_truth(folder / "truth.json");
    const fs::path file = dir / (folder.filename().string() + ".pdf");
    std::vector<std::string> pdf_misses, source_misses;
    try {
      pdf.add(meta::score(meta::read_pdf_meta(reader.read(file), file.string()), truth, true, &pdf_misses));
    } catch (const Error& e) {
      pdf_misses.push_back(std::string("unreadable: ") + e.what());
      pdf.add(meta::score(PaperMeta{}, truth, true));
    }
    source.add(meta::score(meta::read_latex_meta(folder), truth, false, &source_misses));
    for (const auto& m : pdf_misses) misses.push_back(truth.name + " (pdf): " + m);
    for (const auto& m : source_misses) misses.push_back(truth.name + " (source): " + m);
  }
  std::printf("meta on the generated acmart corpus (%zu papers): %% exact, against the generator's truth\n", papers.size());
  std::printf("%-8s", "from");
  for (int f = 0; f < meta::field_count; ++f) std::printf(" %12s", meta::field_name(static_cast<meta::Field>(f)));
  std::printf("\n");
  print_row("PDF", pdf);
  print_row("source", source);
  std::printf("(titles and author lists per paper; the other fields per author: PDF %d, source %d)\n",
              pdf.total[meta::institutions], source.total[meta::institutions]);
  for (const auto& m : misses) std::printf("  miss: %s\n", m.c_str());
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: bench_meta SOURCE_DIR BUILD_DIR\n");
    return 2;
  }
  PdfReader reader;
  corpus(fs::path(argv[2]) / "meta-corpus", reader);
  int counted = 0, titles = 0, authors = 0, affiliations = 0, emails = 0, orcids = 0, anonymised = 0;
  double total_ms = 0;
  std::printf("meta on PDFs against their LaTeX source (1 = exact match)\n");
  std::printf("%-26s %5s %7s %6s %6s %5s %8s\n", "document", "title", "authors", "affil", "email", "orcid", "ms");
  for (const auto& pair : pairs(argv[1], argv[2])) {
    PdfFacts facts;
    try {
      facts = reader.read(pair.pdf);
    } catch (const Error&) {
      continue;  // the damaged fixtures are not typeset papers
    }
    const auto start = std::chrono::steady_clock::now();
    const PaperMeta got = meta::read_pdf_meta(reader.read(pair.pdf), pair.pdf.string());
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (got.authors.empty() && !got.notes.empty() && got.notes.back().find("anonymised") != std::string::npos) {
      ++anonymised;  // "Anonymous Author(s)" by design: no names to read
      continue;
    }
    const bool t = got.title == pair.source.title;
    const bool a = names(got) == names(pair.source);
    const bool f = all_authors(got, pair.source, [](const AuthorMeta& x) { return x.affiliations; });
    const bool e = all_authors(got, pair.source, [](const AuthorMeta& x) { return x.emails; });
    const bool o = all_authors(got, pair.source, [](const AuthorMeta& x) { return x.orcid; });
    ++counted;
    titles += t;
    authors += a;
    affiliations += f;
    emails += e;
    orcids += o;
    total_ms += ms;
    std::printf("%-26s %5d %7d %6d %6d %5d %8.2f\n", pair.pdf.filename().c_str(), t, a, f, e, o, ms);
  }
  auto pct = [&](int n) { return counted ? 100.0 * n / counted : 0.0; };
  std::printf("over %d PDFs: titles %.0f %%, author lists %.0f %%, affiliations %.0f %%, emails %.0f %%, ORCIDs %.0f %%\n",
              counted, pct(titles), pct(authors), pct(affiliations), pct(emails), pct(orcids));
  std::printf("(%d anonymised review build left out; mean %.2f ms per PDF for read + extract)\n", anonymised,
              counted ? total_ms / counted : 0);
  return 0;
}

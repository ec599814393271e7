// Accuracy of `meta` on PDFs: for every fixture PDF whose LaTeX source the
// project holds, does the PDF give exactly the source's title, author list,
// affiliations, emails and ORCIDs? Also the time per document.
#include <algorithm>
#include <chrono>
#include <cstdio>

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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: bench_meta SOURCE_DIR BUILD_DIR\n");
    return 2;
  }
  PdfReader reader;
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
    const bool e = all_authors(got, pair.source, [](const AuthorMeta& x) { return x.email; });
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

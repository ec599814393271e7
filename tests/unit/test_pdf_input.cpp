// PDFs from outside that lie or cost much (issue 24 items 4, 5, 9, 22, 23):
// page trees whose /Count is off, many pages naming one page object, a
// cycle, a file MuPDF cannot read but qpdf can; annotated copies' names;
// a TeX run that times out.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <fstream>

#include "proceedings/check/analyze.hpp"
#include "check/annotate.hpp"
#include "proceedings/check/batch.hpp"
#include "helpers.hpp"
#include "proceedings/files.hpp"
#include "proceedings/pdf.hpp"
#include "proceedings/pdf_pages.hpp"
#include "proceedings/process.hpp"

using namespace proceedings;
namespace fs = std::filesystem;

namespace {

using test::pdf_of;

std::string content(const std::string& text) {
  const std::string data = "BT /F1 10 Tf 72 720 Td (" + text + ") Tj ET";
  return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

const char* const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

// Pages 1..3 in two nodes: 3 holds pages 5 and 6, 4 holds page 7. Each page
// says its number. `root_count` and `node_count` are what nodes 2 and 3 say.
std::string three_pages(int root_count, int node_count) {
  return pdf_of({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count " + std::to_string(root_count) +
          " /MediaBox [0 0 612 792] /Resources << /Font << /F1 8 0 R >> >> >>",
      "<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R] /Count " + std::to_string(node_count) + " >>",
      "<< /Type /Pages /Parent 2 0 R /Kids [7 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 3 0 R /Contents 9 0 R >>",
      "<< /Type /Page /Parent 3 0 R /Contents 10 0 R >>",
      "<< /Type /Page /Parent 4 0 R /Contents 11 0 R >>",
      helvetica,
      content("first page"),
      content("second page"),
      content("third page"),
  });
}

fs::path write(const test::TempDir& dir, const std::string& name, const std::string& bytes) {
  std::ofstream(dir.path / name, std::ios::binary) << bytes;
  return dir.path / name;
}

std::vector<std::string> page_texts(const PdfFacts& facts) {
  std::vector<std::string> texts;
  for (const auto& page : facts.pages) texts.push_back(page.lines.empty() ? "" : page.lines.front().text);
  return texts;
}

}  // namespace

TEST_CASE("a page tree whose /Count is off is counted by walking it, and the file is marked repaired") {
  test::TempDir dir;
  PdfReader reader;
  const std::vector<std::string> all{"first page", "second page", "third page"};
  const fs::path honest = write(dir, "honest.pdf", three_pages(3, 2));
  CHECK(page_texts(reader.read(honest)) == all);
  CHECK(reader.read(honest).repairs.empty());
  for (const auto& [name, root, node] : {std::tuple{"root-low.pdf", 2, 2}, {"root-high.pdf", 9, 2}, {"node-low.pdf", 3, 1}}) {
    CAPTURE(name);
    const fs::path lying = write(dir, name, three_pages(root, node));
    const PdfFacts facts = reader.read(lying);
    CHECK(page_texts(facts) == all);
    CHECK(reader.page_count(lying) == 3);
    REQUIRE(facts.repairs.size() == 1);
    if (root != 3) CHECK(facts.repairs[0] == "its page tree says /Count " + std::to_string(root) + " but holds 3 pages; all 3 were read");
    const check::Analysis a = check::analyze(lying.string(), facts, check::CheckRules{});
    CHECK(a.pages == 3);
    CHECK(std::any_of(a.problems.begin(), a.problems.end(),
                      [](const auto& p) { return p.code == "REPAIRED" && p.severity == Severity::warning; }));
  }
}

TEST_CASE("a page tree with a cycle, or a page that is not a dictionary, is an error, not a hang") {
  test::TempDir dir;
  PdfReader reader;
  const fs::path cycle = write(dir, "cycle.pdf", pdf_of({"<< /Type /Catalog /Pages 2 0 R >>",
                                                         "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                                         "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"}));
  CHECK(test::error_line([&] { reader.read(cycle); }).find("cycle.pdf: the page tree holds a cycle") != std::string::npos);
  CHECK(test::error_line([&] { reader.page_count(cycle); }).find("cycle") != std::string::npos);
  const fs::path number = write(dir, "number.pdf", pdf_of({"<< /Type /Catalog /Pages 2 0 R >>",
                                                           "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "42"}));
  CHECK(test::error_line([&] { reader.read(number); }).find("not a page (object 3)") != std::string::npos);
  // Neither MuPDF nor qpdf reads them: an error verdict.
  CHECK(check::check_file(reader, cycle, check::CheckRules{}).verdict == check::Verdict::error);
  CHECK(check::check_file(reader, number, check::CheckRules{}).verdict == check::Verdict::error);
}

TEST_CASE("100 000 pages naming one page object: reading stops at the page limit, in little time") {
  std::string kids;
  for (int i = 0; i < 100000; ++i) kids += "3 0 R ";
  test::TempDir dir;
  const fs::path shared = write(dir, "shared.pdf", pdf_of({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [" + kids + "] /Count 100000 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      content("one page object"),
      helvetica,
  }));
  PdfReader reader;
  const auto started = std::chrono::steady_clock::now();
  const PdfFacts facts = reader.read(shared);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  CHECK(facts.pages.size() == static_cast<std::size_t>(max_pdf_pages));
  CHECK(facts.over_page_limit);
  CHECK(test::error_line([&] { reader.page_count(shared); }).find("shared.pdf: has more than 1000 pages") !=
        std::string::npos);
  const check::Analysis a = check::analyze(shared.string(), facts, check::CheckRules{});
  CHECK(a.verdict == check::Verdict::fail);
  CHECK(std::any_of(a.problems.begin(), a.problems.end(), [](const auto& p) { return p.code == "PAGE_LIMIT"; }));
}

TEST_CASE("a page image is bounded in pixels whatever the page's size") {
  CHECK(image_zoom(612, 792, 40, 6e5) == doctest::Approx(40.0 / 72));  // a letter page at 40 dpi: 340 x 440
  const double zoom = image_zoom(14400, 14400, 40, 6e5);
  CHECK(14400 * zoom * 14400 * zoom == doctest::Approx(6e5));
  test::TempDir dir;
  const fs::path huge = write(dir, "huge.pdf", pdf_of({"<< /Type /Catalog /Pages 2 0 R >>",
                                                       "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>"}));
  const std::string png = render_page_png(huge, 1, 40, 6e5);
  REQUIRE(png.size() > 24);
  const auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  CHECK(static_cast<double>(be32(16)) * be32(20) <= 6.1e5);  // the IHDR's width and height
}

TEST_CASE("a PDF MuPDF cannot read is read from qpdf's rewrite, with the reason; one neither reads stays an error") {
  test::TempDir dir;
  const fs::path paper = test::fixture("body7.pdf"), first3 = dir.path / "first3.pdf";
  // qpdf 11.3 keeps the object streams of the dropped pages' objects, and the xref entries that name them.
  run_program("qpdf", {paper.string(), "--pages", paper.string(), "1-3", "--", first3.string()}, dir.path,
              std::chrono::seconds(60));
  PdfReader reader;
  const PdfFacts facts = reader.read(first3);
  CHECK(facts.pages.size() == 3);
  REQUIRE(facts.repairs.size() == 1);
  CHECK(facts.repairs[0].rfind("MuPDF could not read it (damaged object ", 0) == 0);
  CHECK(facts.repairs[0].find("not found in its object stream); qpdf could") != std::string::npos);
  CHECK(reader.page_count(first3) == 3);
  const check::Analysis a = check::check_file(reader, first3, check::CheckRules{});
  CHECK(a.verdict == check::Verdict::pass);
  // Its annotated copy and its page images come from the same rewrite.
  write_annotated_copy(first3, dir.path / "marked.pdf", {PdfMark{PdfMark::note, 3, {10, 10, 30, 30}, "here"}});
  CHECK(reader.read(dir.path / "marked.pdf").pages.size() == 3);
  CHECK(render_page_png(first3, 3, 20).rfind("\x89PNG", 0) == 0);
}

TEST_CASE("annotated copies of inputs with one file name get distinct names, the same every run") {
  const std::vector<fs::path> inputs{"up/a/paper.pdf", "up/b/paper.pdf", "up/other.pdf", "x/a/paper.pdf", "up/a-paper.pdf"};
  const auto names = check::annotated_names(inputs);
  CHECK(names == std::vector<std::string>{"up-a-paper.pdf", "up-b-paper.pdf", "other.pdf", "x-a-paper.pdf", "a-paper.pdf"});
  CHECK(check::annotated_names(inputs) == names);
  CHECK(check::annotated_names({"a/p.pdf", "a/p.pdf"}) == std::vector<std::string>{"p.pdf", "p-2.pdf"});
  CHECK(check::annotated_names({"one/p.pdf", "two/q.pdf"}) == std::vector<std::string>{"p.pdf", "q.pdf"});
}

TEST_CASE("a TeX run past its limit throws TimedOut, and PROCEEDINGS_TEX_TIMEOUT sets the limit") {
  test::TempDir dir;
  dir.write("pdflatex", "#!/bin/sh\necho run >> runs\nexec sleep 60\n");
  fs::permissions(dir.path / "pdflatex", fs::perms::owner_all);
  ::setenv("PROCEEDINGS_TEX_TIMEOUT", "1", 1);
  const auto started = std::chrono::steady_clock::now();
  bool timed_out = false;
  try {
    run_tex((dir.path / "pdflatex").string(), {"x.tex"}, dir.path, std::chrono::seconds(180));
  } catch (const TimedOut& e) {
    timed_out = std::string(e.what()) == "timed out after 1 s";
  }
  ::unsetenv("PROCEEDINGS_TEX_TIMEOUT");
  CHECK(timed_out);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
  CHECK(read_file(dir.path / "runs") == "run\n");
}

// proceedings build through the library's job (run_build, with the real
// pdflatex, pandoc and qpdf), and its book and bundle inspected page by page.
#include <fstream>
#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "build/folio.hpp"
#include "build/pdf_book.hpp"
#include "build/plan.hpp"
#include "build/typeset.hpp"
#include "proceedings/check/batch.hpp"
#include "proceedings/check/rules.hpp"
#include "build/job.hpp"
#include "booklet/job.hpp"
#include "helpers.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/files.hpp"
#include "proceedings/pdf.hpp"
#include "proceedings/process.hpp"

using namespace proceedings;

namespace {

// The folio's venue: the ACM short name the papers' running heads print, the apostrophe as TeX sets it.
const std::string footer = "SC Workshops ’25";

fs::path bundled_venue() { return test::source_dir() / "metadata/exhetai-2025"; }

BuildJob book_job(const fs::path& venue, const fs::path& papers, const fs::path& out, bool force = false) {
  BuildJob job;
  job.venue = venue.string();
  job.papers = papers.string();
  job.out = out.string();
  job.templates = (test::source_dir() / "templates").string();
  job.force = force;
  return job;
}

BuildResult run_build(const fs::path& papers, const fs::path& out, bool force = false) {
  return run_build(book_job(bundled_venue(), papers, out, force));
}

// A copy of the bundled venue in `dir`/venue that a test may change.
fs::path copy_venue(const fs::path& dir) {
  fs::copy(bundled_venue(), dir / "venue", fs::copy_options::recursive);
  return dir / "venue";
}

// A new version of a paper with the same pages: its document Info says so.
void revise(const fs::path& paper) {
  QPDF pdf;
  pdf.processFile(paper.c_str());
  QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
  if (!info.isDictionary()) {
    info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    pdf.getTrailer().replaceKey("/Info", info);
  }
  info.replaceKey("/Subject", QPDFObjectHandle::newUnicodeString("revised camera-ready version"));
  const fs::path revised = fs::path(paper).replace_extension(".revised");
  QPDFWriter writer(pdf, revised.c_str());
  writer.write();
  fs::rename(revised, paper);
}

std::vector<std::string> ids(std::initializer_list<const char*> list) { return {list.begin(), list.end()}; }

fs::path bundled_papers() { return fs::path(FIXTURE_DIR).parent_path() / "manuscripts/exhetai-2025"; }

// A scratch copy of the bundled papers that a test may change.
fs::path copy_papers(const fs::path& into) {
  fs::create_directories(into);
  for (const auto& e : fs::directory_iterator(bundled_papers())) fs::copy_file(e.path(), into / e.path().filename());
  return into;
}

std::string page_text(const PdfPage& page) {
  std::string all;
  for (const auto& line : page.lines) all += line.text + "\n";
  return all;
}

std::vector<std::string> zip_members(const fs::path& zip) {
  std::vector<std::string> names;
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  REQUIRE(archive_read_open_filename(a, zip.c_str(), 1 << 16) == ARCHIVE_OK);
  archive_entry* e = nullptr;
  while (archive_read_next_header(a, &e) == ARCHIVE_OK) names.push_back(archive_entry_pathname(e));
  archive_read_free(a);
  return names;
}

struct Built {
  test::TempDir dir;
  fs::path bundle;
  nlohmann::json manifest;
  Built() {
    REQUIRE(run_build(bundled_papers(), dir.path / "out").status == Exit::ok);
    bundle = dir.path / "out/bundle";
    manifest = nlohmann::json::parse(read_file(bundle / "manifest.json"));
  }
  fs::path book() const { return bundle / "exhetai-2025-proceedings.pdf"; }
};

// The book read with qpdf, and each page object's index in it.
struct OpenBook {
  QPDF pdf;
  std::vector<QPDFPageObjectHelper> pages;
  std::map<QPDFObjGen, int> index;
  explicit OpenBook(const fs::path& file) {
    pdf.processFile(file.c_str());
    pages = QPDFPageDocumentHelper(pdf).getAllPages();
    for (std::size_t i = 0; i < pages.size(); ++i) index[pages[i].getObjectHandle().getObjGen()] = static_cast<int>(i);
  }
};

Built& bundled() {
  static Built built;
  return built;
}

}  // namespace

TEST_CASE("the book: front matter, every paper page, the author index") {
  const Built& b = bundled();
  PdfReader reader;
  const PdfFacts book = reader.read(b.book());
  const int front = b.manifest["front_matter_pages"];
  int paper_pages = 0;
  for (const auto& p : b.manifest["papers"]) paper_pages += p["pages"]["last"].get<int>() - p["pages"]["first"].get<int>() + 1;
  CHECK(paper_pages == 21);
  CHECK(static_cast<int>(book.pages.size()) == front + paper_pages + 1);  // one index page
  CHECK(page_text(book.pages.front()).find("ExHetAI’25") != std::string::npos);
  CHECK(page_text(book.pages.back()).find("Author Index") != std::string::npos);
  // The name starts with the acronym (without its year): printed once (issue 25 item 14).
  CHECK(book.info.at("Title") == "Proceedings of ExHetAI'25: The Workshop on Extreme Heterogeneity and AI Convergence in HPC");
}

TEST_CASE("each paper starts where the contents, the outline and the manifest say") {
  const Built& b = bundled();
  PdfReader reader;
  const PdfFacts book = reader.read(b.book());
  const int front = b.manifest["front_matter_pages"];
  std::string contents;
  for (int i = 0; i < front; ++i) contents += page_text(book.pages[static_cast<std::size_t>(i)]);
  OpenBook open(b.book());
  QPDF& pdf = open.pdf;
  auto& index = open.index;
  std::map<std::string, int> outline;  // paper title -> page index
  for (auto session = pdf.getRoot().getKey("/Outlines").getKey("/First"); session.isDictionary();
       session = session.getKey("/Next"))
    for (auto item = session.getKey("/First"); item.isDictionary(); item = item.getKey("/Next"))
      outline[item.getKey("/Title").getUTF8Value()] = index[item.getKey("/Dest").getArrayItem(0).getObjGen()];
  for (const auto& p : b.manifest["papers"]) {
    const std::string title = p["title"];
    const int first = p["pages"]["first"];
    CAPTURE(title);
    const int at = front + first - 1;
    CHECK(p["book_pages"]["first"] == front + first);
    CHECK(outline.at(title) == at);
    // The page there is the paper's first page: its title in the largest type.
    const auto& lines = book.pages[static_cast<std::size_t>(at)].lines;
    REQUIRE_FALSE(lines.empty());
    CHECK(title.rfind(lines[0].text.substr(0, 20), 0) == 0);
    // The contents list the title and its page number.
    CHECK(contents.find(title.substr(0, 30)) != std::string::npos);
  }
  CHECK(outline.size() == 4);
}

TEST_CASE("every front-matter section is in the outline, and the contents print its roman page and link to it") {
  const Built& b = bundled();
  OpenBook open(b.book());
  QPDF& pdf = open.pdf;
  auto& pages = open.pages;
  auto& index = open.index;
  std::map<std::string, int> top;  // top-level outline title -> page index
  for (auto item = pdf.getRoot().getKey("/Outlines").getKey("/First"); item.isDictionary(); item = item.getKey("/Next"))
    top[item.getKey("/Title").getUTF8Value()] = index[item.getKey("/Dest").getArrayItem(0).getObjGen()];
  const std::vector<std::pair<std::string, std::string>> sections{
      {"Message from the Chairs", "iv"}, {"Organization", "v"}, {"Program", "vi"}};
  PdfReader reader;
  const PdfFacts book = reader.read(b.book());
  const int contents_page = top.at("Contents");
  const auto& lines = book.pages[static_cast<std::size_t>(contents_page)].lines;
  const std::string roman[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"};
  for (const auto& [title, expected] : sections) {
    CAPTURE(title);
    REQUIRE(top.count(title) == 1);
    CHECK(roman[top.at(title) + 1] == expected);  // the outline's page, as the front matter counts
    // The contents line: the title, and on its baseline at the right the page printed after LaTeX's run,
    // in the text's own font and size, extracted as text.
    const auto line = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.text.rfind(title, 0) == 0; });
    REQUIRE(line != lines.end());
    const auto number = std::find_if(lines.begin(), lines.end(), [&](const auto& l) {
      return l.text == expected && std::abs(l.box.y1 - line->box.y1) < 0.5 && l.box.x0 > line->box.x1;
    });
    REQUIRE(number != lines.end());
    CHECK(number->font.find("LinLibertineT") != std::string::npos);
    CHECK(number->size == doctest::Approx(line->size).epsilon(0.01));
  }
  // The contents' section titles link to the sections' pages.
  std::set<int> linked;
  auto annots = pages[static_cast<std::size_t>(contents_page)].getObjectHandle().getKey("/Annots");
  for (int i = 0; annots.isArray() && i < annots.getArrayNItems(); ++i)
    for (auto dest : {annots.getArrayItem(i).getKey("/Dest"), annots.getArrayItem(i).getKey("/A").getKey("/D")})
      if (dest.isArray()) linked.insert(index[dest.getArrayItem(0).getObjGen()]);
  for (const auto& [title, expected] : sections) CHECK(linked.count(top.at(title)) == 1);
}

TEST_CASE("page labels: roman front matter, arabic from the first paper") {
  const Built& b = bundled();
  QPDF pdf;
  pdf.processFile(b.book().c_str());
  const int front = b.manifest["front_matter_pages"];
  CHECK(pdf.getRoot().getKey("/PageLabels").unparse() ==
        "<< /Nums [ 0 << /S /r >> " + std::to_string(front) + " << /S /D /St 1 >> ] >>");
}

TEST_CASE("every paper page carries the folio: the venue and its book page number") {
  const Built& b = bundled();
  PdfReader reader;
  const PdfFacts book = reader.read(b.book());
  const int front = b.manifest["front_matter_pages"];
  for (const auto& p : b.manifest["papers"])
    for (int n = p["pages"]["first"]; n <= p["pages"]["last"].get<int>(); ++n) {
      CAPTURE(n);
      const auto& lines = book.pages[static_cast<std::size_t>(front + n - 1)].lines;
      const bool stamped = std::any_of(lines.begin(), lines.end(), [&](const PdfLine& l) { return l.text == footer; });
      const bool numbered =
          std::any_of(lines.begin(), lines.end(), [&](const PdfLine& l) { return l.text == std::to_string(n) && l.box.y0 > 740; });
      CHECK(stamped);
      CHECK(numbered);
    }
}

TEST_CASE("links inside a paper still lead to pages of that paper in the book") {
  const Built& b = bundled();
  OpenBook open(b.book());
  auto& pages = open.pages;
  auto& index = open.index;
  const int front = b.manifest["front_matter_pages"];
  int internal = 0;
  for (const auto& p : b.manifest["papers"]) {
    const int first = front + p["pages"]["first"].get<int>() - 1, last = front + p["pages"]["last"].get<int>() - 1;
    for (int i = first; i <= last; ++i) {
      auto annots = pages[static_cast<std::size_t>(i)].getObjectHandle().getKey("/Annots");
      if (!annots.isArray()) continue;
      for (auto annot : annots.aitems()) {
        auto action = annot.getKey("/A");
        if (!action.isDictionary() || !action.getKey("/S").isNameAndEquals("/GoTo")) continue;
        auto dest = action.getKey("/D");
        REQUIRE(dest.isArray());
        const auto target = index.find(dest.getArrayItem(0).getObjGen());
        REQUIRE(target != index.end());
        CHECK(target->second >= first);
        CHECK(target->second <= last);
        ++internal;
      }
    }
  }
  CHECK(internal > 20);  // citations and section links of four papers
}

TEST_CASE("the bundle: files, manifest checksums, BibTeX and the zip agree") {
  const Built& b = bundled();
  std::set<std::string> listed;
  for (const auto& f : b.manifest["files"]) {
    const std::string path = f["path"];
    CAPTURE(path);
    CHECK(sha256_file(b.bundle / path) == f["sha256"]);
    CHECK(fs::file_size(b.bundle / path) == f["bytes"]);
    listed.insert(path);
  }
  for (const char* expected : {"exhetai-2025-proceedings.pdf", "exhetai-2025-frontmatter.pdf", "papers/wages.pdf",
                               "papers/omnifed.pdf", "exhetai-2025.bib"})
    CHECK(listed.count(expected) == 1);
  auto members = zip_members(b.bundle / "exhetai-2025-bundle.zip");
  std::set<std::string> zipped(members.begin(), members.end());
  zipped.erase("manifest.json");
  CHECK(zipped == listed);
  const std::string bib = read_file(b.bundle / "exhetai-2025.bib");
  CHECK(bib.find("@inproceedings{exhetai-2025:wages,") != std::string::npos);
  CHECK(bib.find("author    = {Tianyu Wang and Gourav Rattihalli and Aditya Dhakal and Xulong Tang and Dejan Milojicic}") !=
        std::string::npos);
}

TEST_CASE("the bundle's front matter is the book's front matter alone: its pages, roman labels, no index objects") {
  const Built& b = bundled();
  const int front = b.manifest["front_matter_pages"];
  // One LaTeX run typesets the front matter and the author index; the index is split off.
  QPDF alone;
  alone.processFile((b.bundle / "exhetai-2025-frontmatter.pdf").c_str());
  CHECK(static_cast<int>(QPDFPageDocumentHelper(alone).getAllPages().size()) == front);
  int page_objects = 0;
  for (auto& object : alone.getAllObjects())
    page_objects += object.isDictionary() && object.getKey("/Type").isNameAndEquals("/Page");
  CHECK(page_objects == front);  // the index's pages are not kept as loose objects
  CHECK(alone.getRoot().getKey("/PageLabels").unparse() == "<< /Nums [ 0 << /S /r >> ] >>");
  PdfReader reader;
  const PdfFacts facts = reader.read(b.bundle / "exhetai-2025-frontmatter.pdf");
  std::string text;
  for (const auto& page : facts.pages) text += page_text(page);
  CHECK(text.find("Program") != std::string::npos);
  CHECK(text.find("Milojicic, Dejan") == std::string::npos);  // an index entry: only in the book's last page
  CHECK(page_text(reader.read(b.book()).pages.back()).find("Milojicic, Dejan") != std::string::npos);
  CHECK(run_program("qpdf", {"--check", (b.bundle / "exhetai-2025-frontmatter.pdf").string()}, b.bundle,
                    std::chrono::seconds(60)).exit_code == 0);
}

TEST_CASE("templates from an older release or edited wrongly are refused, naming the template") {
  test::TempDir dir;
  fs::copy(test::source_dir() / "templates", dir.path / "templates", fs::copy_options::recursive);
  const fs::path index = dir.path / "templates/proceedings/authorindex.tex";
  const std::string fragment = read_file(index);
  BuildJob job = book_job(bundled_venue(), bundled_papers(), dir.path / "out");
  job.templates = (dir.path / "templates").string();
  // The author index as a document of its own, as it was before it joined the front matter's run.
  write_file_atomic(index, "\\documentclass{article}\n\\begin{document}\n" + fragment + "\\end{document}\n");
  CHECK(test::error_line([&] { run_build(job); }).find("authorindex.tex: is a whole LaTeX document") != std::string::npos);
  // A front matter that does not mark where the index starts.
  write_file_atomic(index, fragment);
  const fs::path front = dir.path / "templates/proceedings/frontmatter.tex";
  std::string text = read_file(front);
  const auto at = text.find("\\backmatter{{{INDEX_FIRST_PAGE}}}");
  REQUIRE(at != std::string::npos);
  write_file_atomic(front, text.replace(at, std::string("\\backmatter{{{INDEX_FIRST_PAGE}}}").size(), "\\clearpage % {{INDEX_FIRST_PAGE}} unused"));
  CHECK(test::error_line([&] { run_build(job); }).find("frontmatter.tex: recorded no start of the author index") !=
        std::string::npos);
}

TEST_CASE("front matter with DOIs, code and math in the message: every font is Type 1, none drawn as a bitmap") {
  test::TempDir dir;
  copy_venue(dir.path);
  std::string papers = read_file(dir.path / "venue/papers.yaml");
  int n = 0;
  for (std::size_t at = 0; (at = papers.find("    source: ", at)) != std::string::npos;) {
    const std::string doi = "    doi: 10.1145/3731599.376" + std::to_string(10 + n++) + "\n";
    papers.insert(at, doi);
    at += doi.size() + 1;
  }
  REQUIRE(n == 4);
  write_file_atomic(dir.path / "venue/papers.yaml", papers);
  write_file_atomic(dir.path / "venue/message.md", read_file(dir.path / "venue/message.md") +
                                                       "\nRun `make test` first; the error falls as $O(n^{-2})$.\n");
  // forced: the stand-in papers do not print these DOIs
  REQUIRE(run_build(book_job(dir.path / "venue", bundled_papers(), dir.path / "out", true)).status == Exit::ok);
  const fs::path front = dir.path / "out/bundle/exhetai-2025-frontmatter.pdf";
  PdfReader reader;
  const PdfFacts facts = reader.read(front);
  std::string text;
  for (const auto& page : facts.pages) text += page_text(page);
  CHECK(text.find("https://doi.org/10.1145/3731599.37610") != std::string::npos);
  CHECK(text.find("make test") != std::string::npos);
  std::set<std::string> kinds;
  for (const auto& font : facts.fonts) kinds.insert(font.subtype);
  CHECK(kinds == std::set<std::string>{"Type1"});
  check::CheckRules rules;
  rules.paper = "letter";
  const auto checked = check::check_files({front}, rules, 1, false);
  REQUIRE(checked.size() == 1);
  CHECK(checked[0].fonts.all_embedded);
  CHECK(checked[0].fonts.type3 == 0);
}

TEST_CASE("a message in a font outside the templates' font maps is typeset with TeX's whole map, as Type 1") {
  test::TempDir dir;
  copy_venue(dir.path);
  std::string workshop = read_file(dir.path / "venue/workshop.yaml");
  workshop.insert(workshop.find("\nacm:"), "\nmarkdown_raw_tex: true");
  write_file_atomic(dir.path / "venue/workshop.yaml", workshop);
  // Zapf Chancery (URW's Type 1 in TeX's whole map; in none of the templates' small ones).
  write_file_atomic(dir.path / "venue/message.md", "Welcome, {\\fontfamily{pzc}\\selectfont dear colleagues}.\n");
  REQUIRE(run_build(book_job(dir.path / "venue", bundled_papers(), dir.path / "out")).status == Exit::ok);
  PdfReader reader;
  const PdfFacts facts = reader.read(dir.path / "out/bundle/exhetai-2025-frontmatter.pdf");
  bool chancery = false;
  for (const auto& font : facts.fonts) {
    CAPTURE(font.name);
    CHECK(font.subtype == "Type1");
    chancery = chancery || font.name.find("Chancery") != std::string::npos;
  }
  CHECK(chancery);
}

TEST_CASE("a stamped paper keeps its document: catalog entries, Info, its identifier; qpdf finds no error") {
  const Built& b = bundled();
  for (const auto& e : fs::directory_iterator(bundled_papers())) {
    const fs::path stamped = b.bundle / "papers" / e.path().filename();
    CAPTURE(stamped);
    QPDF source, out;
    source.processFile(e.path().c_str());
    out.processFile(stamped.c_str());
    for (const auto& key : source.getRoot().getKeys()) CHECK(out.getRoot().hasKey(key));
    CHECK(out.getTrailer().getKey("/Info").getKey("/Title").getUTF8Value() ==
          source.getTrailer().getKey("/Info").getKey("/Title").getUTF8Value());
    CHECK(out.getTrailer().getKey("/ID").getArrayItem(0).getStringValue() ==
          source.getTrailer().getKey("/ID").getArrayItem(0).getStringValue());
    CHECK(out.getTrailer().getKey("/ID").getArrayItem(1).getStringValue() !=
          source.getTrailer().getKey("/ID").getArrayItem(1).getStringValue());  // a new version
    CHECK(QPDFPageDocumentHelper(out).getAllPages().size() == QPDFPageDocumentHelper(source).getAllPages().size());
    CHECK(run_program("qpdf", {"--check", stamped.string()}, b.bundle, std::chrono::seconds(60)).exit_code == 0);
  }
}

TEST_CASE("links in the chairs' message lead where the Markdown says, with the URL's characters as typed") {
  test::TempDir dir;
  copy_venue(dir.path);
  write_file_atomic(dir.path / "venue/message.md",
                    "# Welcome all\n\nSee [the site](https://a.org/b%20c?x=1&y=2#frag_1~z), "
                    "<https://b.org/p_q%41#h>, [the same page](#welcome-all), <me@x.org> and "
                    "[parens](https://c.org/(x)).\n");
  REQUIRE(run_build(book_job(dir.path / "venue", bundled_papers(), dir.path / "out")).status == Exit::ok);
  const fs::path front = dir.path / "out/bundle/exhetai-2025-frontmatter.pdf";
  OpenBook open(front);
  std::set<std::string> uris;
  int internal = 0;
  for (auto& page : open.pages) {
    QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
    if (!annots.isArray()) continue;
    for (auto annot : annots.aitems()) {
      CHECK(annot.getKey("/Border").unparse() == "[ 0 0 0 ]");  // no frames around links
      QPDFObjectHandle action = annot.getKey("/A");
      if (action.isDictionary() && action.getKey("/S").isNameAndEquals("/URI"))
        uris.insert(action.getKey("/URI").getStringValue());
      if (action.isDictionary() && action.getKey("/S").isNameAndEquals("/GoTo")) ++internal;
    }
  }
  for (const char* uri : {"https://a.org/b%20c?x=1&y=2#frag_1~z", "https://b.org/p_q%41#h", "mailto:me@x.org",
                          "https://c.org/(x)"}) {
    CAPTURE(uri);
    CHECK(uris.count(uri) == 1);
  }
  CHECK(internal >= 4);  // the contents' three front-matter lines and the message's own link
  PdfReader reader;
  std::string text;
  for (const auto& page : reader.read(front).pages) text += page_text(page);
  CHECK(text.find("https://b.org/p_q%41#h") != std::string::npos);  // shown as typed, no backslashes
  CHECK(text.find("me@x.org") != std::string::npos);
  CHECK(reader.read(front).info.at("Creator") == "proceedings");
}

TEST_CASE("the front matter's links without hyperref: every page looks as hyperref set it (pdftoppm)") {
  test::TempDir dir;
  const fs::path venue = copy_venue(dir.path);
  write_file_atomic(venue / "message.md", "# Welcome all\n\nSee [the site](https://a.org/b%20c#x) and "
                                          "<https://b.org/p>.\n\n## Thanks\n\n- to [all](#welcome-all),\n- to you.\n");
  fs::copy(test::source_dir() / "templates", dir.path / "hyperref", fs::copy_options::recursive);
  const fs::path preamble = dir.path / "hyperref/proceedings/preamble.tex";
  std::string text = read_file(preamble);
  const std::string last = "\\providecommand{\\phantomsection}{}";
  const auto from = text.find("\\usepackage{url}"), to = text.find(last);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  write_file_atomic(preamble,
                    text.replace(from, to + last.size() - from, "\\usepackage[hidelinks,pdfcreator={proceedings}]{hyperref}"));
  REQUIRE(run_build(book_job(venue, bundled_papers(), dir.path / "ours")).status == Exit::ok);
  BuildJob with_hyperref = book_job(venue, bundled_papers(), dir.path / "theirs");
  with_hyperref.templates = (dir.path / "hyperref").string();
  REQUIRE(run_build(with_hyperref).status == Exit::ok);
  auto pages = [&](const std::string& out) {
    const fs::path pdf = dir.path / out / "bundle/exhetai-2025-frontmatter.pdf";
    run_program("pdftoppm", {"-r", "60", "-gray", pdf.string(), (dir.path / out / "page").string()}, dir.path,
                std::chrono::seconds(120));
    std::vector<std::string> renders;
    for (int i = 1; fs::exists(dir.path / out / ("page-" + std::to_string(i) + ".pgm")); ++i)
      renders.push_back(read_file(dir.path / out / ("page-" + std::to_string(i) + ".pgm")));
    return renders;
  };
  const auto ours = pages("ours"), theirs = pages("theirs");
  REQUIRE(ours.size() == theirs.size());
  CHECK(ours.size() >= 6);
  for (std::size_t i = 0; i < ours.size(); ++i) {
    CAPTURE(i + 1);
    CHECK(ours[i] == theirs[i]);
  }
}

TEST_CASE("a LaTeX error in the chairs' message names message.md and the text LaTeX stopped at") {
  test::TempDir dir;
  const fs::path venue = copy_venue(dir.path);
  std::string workshop = read_file(venue / "workshop.yaml");
  workshop.insert(workshop.find("\nacm:"), "\nmarkdown_raw_tex: true");
  write_file_atomic(venue / "workshop.yaml", workshop);
  write_file_atomic(venue / "message.md", "Welcome.\n\nHello \\undefinedthing{x} there.\n");
  const std::string line = test::error_line([&] { run_build(book_job(venue, bundled_papers(), dir.path / "out")); });
  CHECK(line == (venue / "message.md").string() +
                    ": LaTeX stops in the message from the chairs: Undefined control sequence, at 'Hello \\undefinedthing'");
}

TEST_CASE("the book passes the project's own checks") {
  const Built& b = bundled();
  check::CheckRules rules;
  rules.paper = "letter";
  const auto checked = check::check_files({b.book()}, rules, 1, false);
  REQUIRE(checked.size() == 1);
  CHECK(checked[0].verdict == check::Verdict::pass);
  CHECK(checked[0].fonts.all_embedded);
  CHECK(checked[0].unsafe.empty());
  CHECK(checked[0].paper == "letter");
}

TEST_CASE("rebuilds: unchanged does nothing, one changed paper is the only one stamped") {
  test::TempDir dir;
  const fs::path papers = copy_papers(dir.path / "papers");
  const BuildResult cold = run_build(papers, dir.path / "out");
  CHECK(cold.stamped == ids({"chatport", "omnifed", "sparse-wse", "wages"}));
  CHECK(cold.front_typeset);
  CHECK(cold.index_typeset);
  CHECK(run_build(papers, dir.path / "out").up_to_date);
  // A new timestamp alone changes nothing: content hashes decide.
  fs::last_write_time(papers / "wages.pdf", fs::file_time_type::clock::now());
  CHECK(run_build(papers, dir.path / "out").up_to_date);
  // New bytes, same pages: only that paper is stamped again.
  revise(papers / "wages.pdf");
  const BuildResult again = run_build(papers, dir.path / "out");
  CHECK_FALSE(again.up_to_date);
  CHECK(again.stamped == ids({"wages"}));
  CHECK_FALSE(again.front_typeset);
  CHECK_FALSE(again.index_typeset);
  // The zip's stored members that did not change (front matter, three papers) are copied from the last zip.
  CHECK(again.zip_reused == 4);
  // Only the changed part was serialized again, yet the book is the one a cold build of these papers writes.
  const fs::path book = "bundle/exhetai-2025-proceedings.pdf";
  run_build(papers, dir.path / "cold");
  CHECK(read_file(dir.path / "out" / book) == read_file(dir.path / "cold" / book));
  const fs::path zip = "bundle/exhetai-2025-bundle.zip";  // with members copied from the last zip, the same too
  CHECK(read_file(dir.path / "out" / zip) == read_file(dir.path / "cold" / zip));
  // A rebuild reads only papers whose stamp changed; new bytes of the same size
  // with the old modification time put back (as cp -p or touch -r leave them)
  // are still seen.
  const auto when = fs::last_write_time(papers / "wages.pdf");
  std::string bytes = read_file(papers / "wages.pdf");
  const auto id = bytes.rfind("/ID");
  REQUIRE(id != std::string::npos);
  const auto digit = bytes.find_first_of("0123456789abcdefABCDEF", bytes.find('<', id) + 1);
  bytes[digit] = bytes[digit] == '0' ? '1' : '0';
  { std::ofstream(papers / "wages.pdf", std::ios::binary | std::ios::trunc) << bytes; }
  fs::last_write_time(papers / "wages.pdf", when);
  CHECK(run_build(papers, dir.path / "out").stamped == ids({"wages"}));
  CHECK(run_build(papers, dir.path / "out").up_to_date);
}

TEST_CASE("a damaged or cut part in the build's cache is made again, and the book is the cold build's") {
  test::TempDir dir;
  const fs::path papers = copy_papers(dir.path / "papers");
  REQUIRE(run_build(papers, dir.path / "out").status == Exit::ok);
  const fs::path cache = dir.path / "out/.build";
  for (const auto& e : fs::directory_iterator(cache / "stamped")) {
    const std::string name = e.path().filename().string();
    if (name.rfind("omnifed-", 0) == 0 && e.path().extension() == ".seg") {  // cut short, as a full disk leaves it
      const std::string bytes = read_file(e.path());
      write_file_atomic(e.path(), bytes.substr(0, bytes.size() / 2));
    }
  }
  for (const auto& e : fs::directory_iterator(cache))
    if (e.path().filename().string().rfind("authorindex-", 0) == 0) write_file_atomic(e.path(), "garbage\n");
  revise(papers / "wages.pdf");
  const BuildResult again = run_build(papers, dir.path / "out");
  REQUIRE(again.status == Exit::ok);
  CHECK(again.stamped == ids({"omnifed", "wages"}));
  CHECK(again.front_typeset);
  run_build(papers, dir.path / "cold");
  const fs::path book = "bundle/exhetai-2025-proceedings.pdf";
  CHECK(read_file(dir.path / "out" / book) == read_file(dir.path / "cold" / book));
}

TEST_CASE("a rebuild finds TeX's fonts where the last build found them, and looks again when they are gone") {
  test::TempDir dir;
  const fs::path papers = copy_papers(dir.path / "papers");
  REQUIRE(run_build(papers, dir.path / "out").status == Exit::ok);
  const fs::path state = dir.path / "out/.build/state.json";
  auto saved = nlohmann::json::parse(read_file(state));
  const std::string folio = saved["fonts"]["LinBiolinumT.pfb"]["path"];
  CHECK(folio == build::find_book_fonts().folio.string());
  CHECK(saved["fonts"]["LinLibertineT.pfb"]["path"] == build::find_book_fonts().text.string());
  // A font file the last build found that is no longer there: the build asks TeX again.
  saved["fonts"]["LinBiolinumT.pfb"]["path"] = (dir.path / "gone/LinBiolinumT.pfb").string();
  write_file_atomic(state, saved.dump());
  revise(papers / "wages.pdf");
  const BuildResult again = run_build(papers, dir.path / "out");
  CHECK(again.status == Exit::ok);
  CHECK(again.stamped == ids({"wages"}));
  CHECK(nlohmann::json::parse(read_file(state))["fonts"]["LinBiolinumT.pfb"]["path"] == folio);
}

TEST_CASE("a paper that fails the checks stops the build unless --force") {
  test::TempDir dir;
  const fs::path papers = copy_papers(dir.path / "papers");
  fs::copy_file(test::fixture("body7.pdf"), papers / "wages.pdf", fs::copy_options::overwrite_existing);
  const BuildResult stopped = run_build(papers, dir.path / "out");
  CHECK(stopped.status == Exit::failed);
  CHECK(stopped.failing_table.find("wages.pdf") != std::string::npos);
  CHECK(stopped.failing_table.find("PAGES_OVER") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path / "out/bundle"));
  const BuildResult forced = run_build(papers, dir.path / "out", true);
  CHECK(forced.status == Exit::ok);
  CHECK(forced.papers == 4);
  CHECK_FALSE(forced.failing_table.empty());
  CHECK(fs::exists(forced.zip));
}

TEST_CASE("a missing paper is named") {
  test::TempDir dir;
  const fs::path papers = copy_papers(dir.path / "papers");
  fs::remove(papers / "omnifed.pdf");
  CHECK(test::error_line([&] { run_build(papers, dir.path / "out"); })
            .find("omnifed.pdf: missing: the camera-ready PDF of paper 'omnifed'") != std::string::npos);
}

TEST_CASE("author index: family names, accents ignored in the order") {
  auto paper = [](const std::vector<std::string>& authors, int pages, int first_page) {
    build::BookPaper p;
    for (const auto& name : authors) {
      Person author;
      author.name = name;
      p.record.authors.push_back(author);
    }
    p.pages = pages;
    p.first_page = first_page;
    return p;
  };
  build::BookPlan plan;
  plan.papers.push_back(paper({"Bob Zed", "Zoë Ångström"}, 3, 1));
  plan.papers.push_back(paper({"Ann Adams", "Zoë Ångström"}, 2, 4));
  const auto index = build::author_index(plan);
  REQUIRE(index.size() == 3);
  CHECK(index[0].first == "Ann Adams");
  CHECK(index[1].first == "Zoë Ångström");
  CHECK(index[1].second == std::vector<int>{1, 4});
  CHECK(index[2].first == "Bob Zed");
}

TEST_CASE("templates: every slot needs a value; TeX braces are not slots") {
  CHECK(fill_template("a {{X}} b {{{Y}}} {{not a slot}}", {{"X", "1"}, {"Y", "2"}}, "t.tex") ==
        "a 1 b {2} {{not a slot}}");
  CHECK(test::error_line([] { fill_template("{{MISSING}}", {}, "t.tex"); }) == "t.tex: slot {{MISSING}} has no value");
  CHECK(long_date("2025-11-16") == "November 16, 2025");
}

TEST_CASE("each font program is embedded once; the book is no larger than the papers and the front matter") {
  const Built& b = bundled();
  QPDF book;
  book.processFile(b.book().c_str());
  std::set<QPDFObjGen> programs;
  int descriptors = 0;
  for (auto& object : book.getAllObjects()) {
    if (!object.isDictionary() || !object.getKey("/Type").isNameAndEquals("/FontDescriptor")) continue;
    ++descriptors;
    for (const char* key : {"/FontFile", "/FontFile2", "/FontFile3"})
      if (object.hasKey(key)) programs.insert(object.getKey(key).getObjGen());
  }
  std::set<std::string> contents;
  for (const auto& og : programs) {
    const auto data = book.getObjectByObjGen(og).getRawStreamData();
    CHECK(contents.insert(sha256_hex(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()))).second);
  }
  CHECK(programs.size() < static_cast<std::size_t>(descriptors));  // the papers share the fonts they have in common
  std::uintmax_t parts = fs::file_size(b.bundle / "exhetai-2025-frontmatter.pdf");
  for (const auto& e : fs::directory_iterator(bundled_papers())) parts += fs::file_size(e.path());
  CHECK(fs::file_size(b.book()) <= parts);
}

TEST_CASE("the book's metadata: Author, Lang, XMP; the BibTeX month") {
  const Built& b = bundled();
  QPDF book;
  book.processFile(b.book().c_str());
  auto root = book.getRoot();
  CHECK(root.getKey("/Lang").getUTF8Value() == "en-US");
  CHECK(book.getTrailer().getKey("/Info").getKey("/Author").getUTF8Value() == "Gokcen Kestor, Seyong Lee, Pedro Valero-Lara");
  const auto xmp = root.getKey("/Metadata").getStreamData();
  const std::string packet(reinterpret_cast<const char*>(xmp->getBuffer()), xmp->getSize());
  CHECK(packet.find("<rdf:li>Seyong Lee</rdf:li>") != std::string::npos);
  CHECK(packet.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Proceedings of ExHetAI'25") != std::string::npos);
  CHECK(book.getPDFVersion() >= "1.4");
  CHECK(read_file(b.bundle / "exhetai-2025.bib").find("  month     = nov,\n") != std::string::npos);
}

namespace {

// The footer as `build` typeset it with LaTeX before the folio was drawn
// directly: the reference the direct drawing must match to the eye.
const char* latex_footer = R"(\documentclass[10pt,letterpaper]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[tt=false,type1=true]{libertine}
\usepackage[margin=0.75in,footskip=0.35in]{geometry}
\makeatletter
\def\@oddfoot{\footnotesize\sffamily ExHetAI'25\hfill\thepage}
\let\@evenfoot\@oddfoot
\makeatother
\begin{document}
\setcounter{page}{137}
\null
\end{document}
)";

// A grey map of page 1 at 150 dpi (pdftoppm, PGM).
struct Gray {
  int width = 0, height = 0;
  std::string pixels;
  bool dark(int x, int y) const {
    return x >= 0 && y >= 0 && x < width && y < height &&
           static_cast<unsigned char>(pixels[static_cast<std::size_t>(y * width + x)]) < 128;
  }
};

Gray render(const fs::path& pdf, const fs::path& dir) {
  run_program("pdftoppm", {"-r", "150", "-gray", "-f", "1", "-l", "1", "-singlefile", pdf.string(), (dir / "page").string()},
              dir, std::chrono::seconds(60));
  const std::string pgm = read_file(dir / "page.pgm");
  std::istringstream in(pgm);
  std::string magic;
  int maxval = 0;
  Gray g;
  in >> magic >> g.width >> g.height >> maxval;
  in.get();
  g.pixels = pgm.substr(static_cast<std::size_t>(in.tellg()));
  fs::remove(dir / "page.pgm");
  return g;
}

// Dark pixels of `a` with no dark pixel of `b` within one pixel.
int unmatched(const Gray& a, const Gray& b, int& ink) {
  int misses = 0;
  ink = 0;
  for (int y = 0; y < a.height; ++y)
    for (int x = 0; x < a.width; ++x) {
      if (!a.dark(x, y)) continue;
      ++ink;
      bool near = false;
      for (int dy = -1; dy <= 1 && !near; ++dy)
        for (int dx = -1; dx <= 1 && !near; ++dx) near = b.dark(x + dx, y + dy);
      if (!near) ++misses;
    }
  return misses;
}

}  // namespace

TEST_CASE("the folio drawn without TeX looks like the footer LaTeX set (render comparison)") {
  test::TempDir dir;
  dir.write("ref.tex", latex_footer);
  run_tex("pdflatex", {"ref.tex"}, dir.path, std::chrono::seconds(120));
  {
    QPDF blank;
    blank.emptyPDF();
    QPDFObjectHandle page = blank.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Page /MediaBox [0 0 612 792] /Resources << >> >>"));
    page.replaceKey("/Contents", QPDFObjectHandle::newStream(&blank, ""));
    QPDFPageDocumentHelper(blank).addPage(QPDFPageObjectHelper(page), false);
    QPDFWriter writer(blank, (dir.path / "blank.pdf").c_str());
    writer.write();
  }
  const build::FolioFont font = build::subset_type1(build::find_book_fonts().folio, "ExHetAI’250123456789");
  build::Stamper(font, "ExHetAI’25").stamp(dir.path / "blank.pdf", 137, dir.path / "ours.pdf");

  const Gray reference = render(dir.path / "ref.pdf", dir.path);
  const Gray ours = render(dir.path / "ours.pdf", dir.path);
  REQUIRE(reference.width == ours.width);
  REQUIRE(reference.height == ours.height);
  int ink_reference = 0, ink_ours = 0;
  const int missing = unmatched(reference, ours, ink_reference);
  const int extra = unmatched(ours, reference, ink_ours);
  CAPTURE(ink_reference);
  CAPTURE(ink_ours);
  CHECK(ink_reference > 200);  // the footer is there to compare
  CHECK(missing <= ink_reference / 50);
  CHECK(extra <= ink_ours / 50);

  // The folio's font is a subset: a few glyphs, far smaller than the font.
  CHECK(font.program.size() < fs::file_size(build::find_book_fonts().folio) / 4);
  // And the test can fail: the same folio 2 pt lower does not pass.
  int ink = 0;
  Gray shifted = ours;
  const int rows = 4;  // 2 pt at 150 dpi
  shifted.pixels = std::string(static_cast<std::size_t>(rows * ours.width), '\xff') +
                   ours.pixels.substr(0, ours.pixels.size() - static_cast<std::size_t>(rows * ours.width));
  CHECK(unmatched(reference, shifted, ink) > ink / 2);
}

TEST_CASE("ACM front matter: copyright page and contents in order, contents and index entries link to the papers") {
  const Built& b = bundled();
  OpenBook open(b.book());
  QPDF& pdf = open.pdf;
  auto& pages = open.pages;
  auto& index = open.index;
  const int front = b.manifest["front_matter_pages"];
  // Every page a front-matter or index link leads to; no link is left as a "book-page:" URI.
  std::map<int, int> targets;  // book page index -> links to it from the front matter and the index
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const bool own = static_cast<int>(i) < front || i + 1 == pages.size();
    QPDFObjectHandle annots = pages[i].getObjectHandle().getKey("/Annots");
    if (!own || !annots.isArray()) continue;
    for (auto annot : annots.aitems()) {
      if (annot.getKey("/A").isDictionary() && annot.getKey("/A").getKey("/URI").isString())
        CHECK(annot.getKey("/A").getKey("/URI").getStringValue().rfind("book-page:", 0) == std::string::npos);
      if (annot.getKey("/Dest").isArray()) ++targets[index[annot.getKey("/Dest").getArrayItem(0).getObjGen()]];
    }
  }
  for (const auto& p : b.manifest["papers"]) {
    CAPTURE(p["id"]);
    // contents: title and page; author index: one link per author of the paper at least
    CHECK(targets[p["book_pages"]["first"].get<int>() - 1] >= 2 + static_cast<int>(p["authors"].size()));
  }
  std::vector<std::string> titles;
  for (auto item = pdf.getRoot().getKey("/Outlines").getKey("/First"); item.isDictionary(); item = item.getKey("/Next"))
    titles.push_back(item.getKey("/Title").getUTF8Value());
  REQUIRE(titles.size() >= 5);
  CHECK(std::vector<std::string>(titles.begin(), titles.begin() + 4) ==
        std::vector<std::string>{"Cover", "Copyright", "Contents", "Message from the Chairs"});
  CHECK(titles.back() == "Author Index");
  PdfReader reader;
  const PdfFacts book = reader.read(b.book());
  CHECK(page_text(book.pages[0]).find("Proceedings of") != std::string::npos);
  CHECK(page_text(book.pages[1]).find("Association for Computing Machinery") != std::string::npos);
  const std::string bib = read_file(b.bundle / "exhetai-2025.bib");
  CHECK(bib.find("publisher = {Association for Computing Machinery}") != std::string::npos);
  CHECK(bib.find("series    = {SC Workshops") != std::string::npos);
  // Titles keep their names under a sentence-case style (core's bibtex_title, tested with BibTeX in test_report).
  CHECK(bib.find("title     = {{WAGES}: {Workload-Aware} {GPU} {Sharing}") != std::string::npos);
  CHECK(bib.find("booktitle = {Proceedings of the SC") != std::string::npos);
}

// Issue 24 item 10: names in any script, from the venue's own files.
namespace {

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = read_file(file);
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
  write_file_atomic(file, text);
}

// The bundled venue with authors in Vietnamese, Greek, Cyrillic and Chinese
// and an ACM short name with Ω and the ligature ﬁ.
fs::path venue_with_names_in_every_script(const fs::path& dir) {
  const fs::path venue = copy_venue(dir);
  replace_in(venue / "papers.yaml", "Haoyu Zheng, Yifan Zeng", "Nguyễn Văn An, Αλέξανδρος Παπαδόπουλος");
  replace_in(venue / "papers.yaml", "Tianyu Wang, Gourav", "Дмитрий Иванов, 李明, Gourav");
  replace_in(venue / "workshop.yaml", "short_name: \"SC Workshops '25\"", "short_name: \"SC Workshops Ω ﬁ '25\"");
  return venue;
}

std::string pdf_text(const fs::path& pdf, int first = 1, int last = 0) {
  std::vector<std::string> args{"-f", std::to_string(first)};
  if (last > 0) args.insert(args.end(), {"-l", std::to_string(last)});
  args.insert(args.end(), {pdf.string(), "-"});
  return run_program("pdftotext", args, pdf.parent_path(), std::chrono::seconds(60)).out;
}

}  // namespace

TEST_CASE("names in Vietnamese, Greek, Cyrillic and Chinese: in the contents, the author index and the folio") {
  test::TempDir dir;
  const fs::path venue = venue_with_names_in_every_script(dir.path);
  // --force: the bundled papers print the short name without Ω, which the check flags
  const BuildResult built = run_build(book_job(venue, bundled_papers(), dir.path / "out", true));
  REQUIRE(built.status == Exit::ok);
  const fs::path bundle = dir.path / "out/bundle";
  const std::string front = pdf_text(bundle / "exhetai-2025-frontmatter.pdf");
  for (const char* name : {"Nguyễn Văn An", "Αλέξανδρος Παπαδόπουλος", "Дмитрий Иванов", "李明", "SC Workshops Ω fi ’25"})
    CHECK_MESSAGE(front.find(name) != std::string::npos, name);
  const fs::path book = bundle / "exhetai-2025-proceedings.pdf";
  const int index_first = built.front_pages + built.paper_pages + 1;
  const std::string index = pdf_text(book, index_first);
  CHECK(index.find("Author Index") != std::string::npos);
  for (const char* entry : {"An, Nguyễn Văn", "Παπαδόπουλος, Αλέξανδρος", "Иванов, Дмитрий", "李明"})
    CHECK_MESSAGE(index.find(entry) != std::string::npos, entry);
  // the folio: Ω drawn, and ﬁ as the letters f and i, nothing left out
  const std::string paper_page = pdf_text(book, built.front_pages + 2, built.front_pages + 2);
  CHECK(paper_page.find("SC Workshops Ω fi ’25") != std::string::npos);
}

TEST_CASE("names in other scripts: LuaLaTeX's front matter is the same bytes on every build") {
  test::TempDir dir;
  const fs::path venue = venue_with_names_in_every_script(dir.path);
  REQUIRE(run_build(book_job(venue, bundled_papers(), dir.path / "one", true)).status == Exit::ok);
  REQUIRE(run_build(book_job(venue, bundled_papers(), dir.path / "two", true)).status == Exit::ok);
  for (const char* file : {"exhetai-2025-frontmatter.pdf", "exhetai-2025-proceedings.pdf"})
    CHECK_MESSAGE(sha256_file(dir.path / "one/bundle" / file) == sha256_file(dir.path / "two/bundle" / file), file);
}

TEST_CASE("a character no installed font has is a usage error naming papers.yaml and the field, in the book and the booklet") {
  test::TempDir dir;
  const fs::path venue = venue_with_names_in_every_script(dir.path);
  replace_in(venue / "papers.yaml", "Дмитрий Иванов", "Дмитрий 😀 Иванов");
  const std::string papers_yaml = read_file(venue / "papers.yaml");
  const int line = 1 + static_cast<int>(std::count(papers_yaml.begin(), papers_yaml.begin() + static_cast<long>(papers_yaml.find("😀")), '\n'));
  const std::string expected =
      (venue / "papers.yaml").string() + ":" + std::to_string(line) + ": field 'papers[1].authors[0]' has U+1F600 '😀'";
  try {
    run_build(book_job(venue, bundled_papers(), dir.path / "out", true));
    FAIL("the book was built");
  } catch (const Error& e) {
    CHECK(e.status() == Exit::usage);
    CHECK(e.line().rfind(expected, 0) == 0);
    CHECK(e.line().find("frontmatter.tex") == std::string::npos);
  }
  BookletJob booklet;
  booklet.venue = venue.string();
  booklet.out = (dir.path / "booklet").string();
  booklet.formats = "pdf";
  booklet.templates = (test::source_dir() / "templates").string();
  try {
    run_booklet(booklet);
    FAIL("the booklet was typeset");
  } catch (const Error& e) {
    CHECK(e.status() == Exit::usage);
    CHECK(e.line().rfind(expected, 0) == 0);
    CHECK(e.line().find("booklet.tex") == std::string::npos);
  }
}

TEST_CASE("the PDF booklet prints names in Vietnamese, Greek, Cyrillic and Chinese") {
  test::TempDir dir;
  const fs::path venue = venue_with_names_in_every_script(dir.path);
  BookletJob booklet;
  booklet.venue = venue.string();
  booklet.out = (dir.path / "out").string();
  booklet.formats = "pdf";
  booklet.templates = (test::source_dir() / "templates").string();
  REQUIRE(run_booklet(booklet).status == Exit::ok);
  const std::string text = pdf_text(dir.path / "out/booklet/exhetai-2025-program.pdf");
  for (const char* name : {"Nguyễn Văn An", "Αλέξανδρος Παπαδόπουλος", "Дмитрий Иванов", "李明"})
    CHECK_MESSAGE(text.find(name) != std::string::npos, name);
  // and in the index of speakers and chairs, each their own entry
  const std::string people = text.substr(text.rfind("Speakers and chairs"));
  for (const char* name : {"Nguyễn Văn An", "Αλέξανδρος Παπαδόπουλος", "Дмитрий Иванов", "李明"})
    CHECK_MESSAGE(people.find(name) != std::string::npos, name);
  // the same bytes when typeset again elsewhere (LuaLaTeX's /ID would name the folder)
  booklet.out = (dir.path / "again").string();
  REQUIRE(run_booklet(booklet).status == Exit::ok);
  CHECK(sha256_file(dir.path / "again/booklet/exhetai-2025-program.pdf") ==
        sha256_file(dir.path / "out/booklet/exhetai-2025-program.pdf"));
}

TEST_CASE("author index: names in Greek, Cyrillic and Chinese each their own entry, after the Latin ones") {
  build::BookPlan plan;
  build::BookPaper p;
  for (const char* name : {"李明", "Дмитрий Иванов", "Αλέξανδρος Παπαδόπουλος", "Zoë Zed", "王伟", "Ann Adams"}) {
    Person author;
    author.name = name;
    p.record.authors.push_back(author);
  }
  p.first_page = 1;
  plan.papers.push_back(p);
  std::vector<std::string> order;
  for (const auto& [name, pages] : build::author_index(plan)) order.push_back(name);
  // Latin by family name, then by the family name as written: Greek, Cyrillic, then CJK by code point
  CHECK(order == std::vector<std::string>{"Ann Adams", "Zoë Zed", "Αλέξανδρος Παπαδόπουλος", "Дмитрий Иванов", "李明", "王伟"});
}

TEST_CASE("names beyond T1 with a template that sets fonts for pdfLaTeX only: a usage error naming the template") {
  test::TempDir dir;
  const fs::path venue = venue_with_names_in_every_script(dir.path);
  fs::copy(test::source_dir() / "templates", dir.path / "templates", fs::copy_options::recursive);
  replace_in(dir.path / "templates/proceedings/preamble.tex", "\\ifdefined\\directlua", "\\iffalse");
  BuildJob job = book_job(venue, bundled_papers(), dir.path / "out", true);
  job.templates = (dir.path / "templates").string();
  try {
    run_build(job);
    FAIL("the book was built");
  } catch (const Error& e) {
    CHECK(e.status() == Exit::usage);
    CHECK(e.line().rfind((dir.path / "templates/proceedings/preamble.tex").string() + ": sets its fonts for pdfLaTeX only", 0) == 0);
  }
}

TEST_CASE("a character no font has in the chairs' message names message.md and its line") {
  test::TempDir dir;
  const fs::path venue = copy_venue(dir.path);
  replace_in(venue / "message.md", "We thank", "We thank 🎉 ");
  const std::string message = read_file(venue / "message.md");
  const int line = 1 + static_cast<int>(std::count(message.begin(), message.begin() + static_cast<long>(message.find("🎉")), '\n'));
  try {
    run_build(book_job(venue, bundled_papers(), dir.path / "out"));
    FAIL("the book was built");
  } catch (const Error& e) {
    CHECK(e.status() == Exit::usage);
    CHECK(e.line().rfind((venue / "message.md").string() + ":" + std::to_string(line) + ": this line has U+1F389 '🎉'", 0) == 0);
  }
}

// Issue 25 item 13: ACM's copyright page, and warnings for what is not recorded yet.
namespace {

build::BookPlan acm_plan(const std::string& isbn, const std::string& rights) {
  build::BookPlan plan;
  plan.workshop.acronym = "SuperCompute-Green'26";
  plan.workshop.name = "SuperCompute-Green'26: The 2nd Workshop on Green Supercomputing";
  plan.workshop.date = "2026-11-15";
  plan.workshop.folder = "venue";
  AcmRecord acm;
  acm.proceedings_title = "Proceedings of the SC '26 Workshops";
  acm.year = 2026;
  acm.isbn = isbn;
  plan.workshop.acm = acm;
  for (const char* id : {"a", "b", "c", "d"}) {
    build::BookPaper p;
    p.record.id = id;
    p.record.rights = rights;
    plan.papers.push_back(p);
  }
  return plan;
}

}  // namespace

TEST_CASE("ACM copyright page: ACM's notice, permission paragraph, ISBN and ordering; gaps are warnings") {
  const auto recorded = build::front_matter_values(acm_plan("979-8-4007-1234-0", "acmlicensed"), "");
  const std::string page = recorded.at("COPYRIGHT");
  CHECK(page.find("Copyright \\textcopyright{} 2026 by the Association for Computing Machinery, Inc.\\ (ACM).") !=
        std::string::npos);
  CHECK(page.find("Permission to make digital or hard copies of portions of this work") != std::string::npos);
  CHECK(page.find("permissions@acm.org") != std::string::npos);
  CHECK(page.find("\\textbf{ISBN: 979-8-4007-1234-0}") != std::string::npos);
  CHECK(page.find("ACM Order Department") != std::string::npos);
  CHECK(page.find("acmhelp@acm.org") != std::string::npos);
  CHECK(page.find("Publication rights licensed to ACM. (4 papers)") != std::string::npos);
  CHECK(build::publication_gaps(acm_plan("979-8-4007-1234-0", "acmlicensed")).size() == 2);  // volume and paper DOIs

  const auto gaps = build::publication_gaps(acm_plan("", ""));
  const std::string bare = build::front_matter_values(acm_plan("", ""), "").at("COPYRIGHT");
  CHECK(bare.find("not recorded") == std::string::npos);
  CHECK(bare.find("ISBN") == std::string::npos);
  REQUIRE(gaps.size() == 4);
  CHECK(gaps[0] == "venue/papers.yaml: the rights of 4 paper(s) are not recorded yet (a, b, c, d): the copyright page "
                   "lists only the recorded notices");
  CHECK(gaps[1] == "venue/workshop.yaml: acm.isbn is not recorded yet: the copyright page prints no ISBN");
  CHECK(gaps[2].find("acm.doi is not recorded yet") != std::string::npos);
  CHECK(gaps[3].find("the DOIs of 4 paper(s) are not recorded yet (a, b, c, d)") != std::string::npos);
  build::BookPlan own = acm_plan("", "");
  own.workshop.acm.reset();
  CHECK(build::publication_gaps(own).empty());
}

// Issue 25 item 14: a name that starts with the acronym does not print it twice.
TEST_CASE("titles: a venue whose name starts with its acronym names it once") {
  const build::BookPlan plan = acm_plan("", "");
  CHECK(venue_title(plan.workshop) == "SuperCompute-Green'26: The 2nd Workshop on Green Supercomputing");
  const auto values = build::front_matter_values(plan, "");
  CHECK(values.at("ACRONYM") == "SuperCompute-Green'26");
  CHECK(values.at("NAME") == "The 2nd Workshop on Green Supercomputing");  // the cover prints the acronym above it
  Workshop plain;
  plain.acronym = "ExHetAI'25";
  plain.name = "Workshop on Exascale Heterogeneous AI";
  CHECK(venue_title(plain) == "ExHetAI'25: Workshop on Exascale Heterogeneous AI");
  CHECK(name_after_acronym(plain) == plain.name);
  plain.name = "ExHetAI'25 \u2013 Heterogeneous AI";
  CHECK(name_after_acronym(plain) == "Heterogeneous AI");
  plain.acronym = "SC";
  plain.name = "SCinet Workshop";  // starts with the letters, not the acronym
  CHECK(venue_title(plain) == "SC: SCinet Workshop");
  // The bundled venue's name starts with its acronym without the year.
  CHECK(venue_title(load_workshop(test::source_dir() / "metadata/exhetai-2025")) ==
        "ExHetAI'25: The Workshop on Extreme Heterogeneity and AI Convergence in HPC");
  build::BookPlan own = plan;
  own.workshop.acm.reset();
  CHECK(build::front_matter_values(own, "").at("COPYRIGHT").find(
            "Proceedings of SuperCompute-Green'26: The 2nd Workshop on Green Supercomputing}") != std::string::npos);
}

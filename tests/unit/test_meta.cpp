// proceedings meta: the same papers read from LaTeX source and from the PDF
// the real acmart made of it must give the same metadata, field by field.
#include <doctest/doctest.h>

#include <algorithm>
#include <unistd.h>

#include <chrono>

#include "arxiv/lookup.hpp"
#include "helpers.hpp"
#include "meta/accuracy.hpp"
#include "meta/crosscheck.hpp"
#include "meta/latex_source.hpp"
#include "meta/papers_writer.hpp"
#include "meta/pdf_meta.hpp"
#include "meta/report.hpp"
#include "../../core/src/pdf/to_unicode.hpp"
#include "proceedings/archive.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/model.hpp"

using namespace proceedings;
using namespace proceedings::meta;

namespace {

PaperMeta from_pdf(const std::string& name) {
  PdfReader reader;
  const auto path = test::fixture(name);
  return read_pdf_meta(reader.read(path), path.string());
}

PaperMeta from_source(const std::string& folder) { return read_latex_meta(test::source_dir() / "tests/fixtures/meta" / folder); }

Affiliation place(std::string institution, std::string city, std::string state, std::string country,
                  std::vector<std::string> departments = {}) {
  Affiliation a;
  a.institution = std::move(institution);
  a.city = std::move(city);
  a.state = std::move(state);
  a.country = std::move(country);
  a.departments = std::move(departments);
  return a;
}

using Places = std::vector<Affiliation>;
using Emails = std::vector<std::string>;

std::vector<std::string> concepts(const PaperMeta& m) {
  std::vector<std::string> out;
  for (const auto& c : m.ccs) out.push_back(c.text);
  return out;
}

void check_hetflow(const PaperMeta& m) {
  CHECK(m.title ==
        "HetFlow: Scheduling Stand-in Workflows across Accelerators, Memory Tiers and Interconnects of Heterogeneous "
        "Machines");
  CHECK(m.subtitle.empty());
  REQUIRE(m.authors.size() == 4);
  CHECK(m.authors[0].name == "Zoë Ångström");
  CHECK(m.authors[0].affiliations == Places{place("Stand-in University", "Springfield", "", "USA")});
  CHECK(m.authors[0].emails == Emails{"zoe@example.org"});
  CHECK(m.authors[0].orcid == "0000-0002-1825-0097");
  CHECK(m.authors[1].name == "François Pérez");
  CHECK(m.authors[1].affiliations == Places{place("Stand-in University", "Springfield", "", "USA")});
  CHECK(m.authors[1].emails == Emails{"francois@example.org"});
  CHECK(m.authors[1].orcid.empty());
  CHECK(m.authors[2].name == "Jiří Novák");
  CHECK(m.authors[2].affiliations ==
        Places{place("Example Institute of Technology", "Brno", "", "Czech Republic", {"Department of Computing"})});
  CHECK(m.authors[2].orcid == "0000-0001-5109-3700");
  CHECK(m.authors[3].name == "Bjørn Eriksen");
  CHECK(m.authors[3].affiliations == Places{place("Example Laboratory", "Oak Ridge", "Tennessee", "USA")});
  CHECK(m.authors[3].emails.empty());
  CHECK(m.abstract ==
        "HetFlow schedules stand-in workflows on 4 accelerators & 2 memory tiers; it saves 50% of nothing – this is "
        "synthetic text for the metadata reader of the proceedings project.");
  CHECK(m.keywords == std::vector<std::string>{"heterogeneous computing", "HetFlow", "workflow scheduling"});
  CHECK(concepts(m) == std::vector<std::string>{"Computing methodologies~Parallel computing methodologies",
                                                "Software and its engineering~Compilers"});
}

void check_solo(const PaperMeta& m) {
  CHECK(m.title == "A Short Stand-in Note");
  CHECK(m.subtitle == "On Reading Metadata Back");
  REQUIRE(m.authors.size() == 1);
  CHECK(m.authors[0].name == "Ngũyên Minh");
  CHECK(m.authors[0].affiliations == Places{place("Université Exemple", "Montréal", "Québec", "Canada")});
  CHECK(m.authors[0].emails.empty());
  CHECK(m.authors[0].orcid.empty());
  CHECK(m.abstract == "A single author paper made to test the metadata reader.");
  CHECK(m.keywords == std::vector<std::string>{"metadata", "testing"});
  CHECK(m.ccs.empty());
}

}  // namespace

TEST_CASE("LaTeX fragments become plain Unicode text") {
  CHECK(latex_to_text(R"(Zo\"{e} \AA{}ngstr\"om)") == "Zoë Ångström");
  CHECK(latex_to_text(R"({\'E}cole Polytechnique F\'ed\'erale)") == "École Polytechnique Fédérale");
  CHECK(latex_to_text(R"(Fran{\c c}ois, Ji\v{r}\'{\i}, Bj\o{}rn, Gau\ss)") == "François, Jiří, Bjørn, Gauß");
  CHECK(latex_to_text(R"(pages 1--10 --- ``quoted'' \& 50\% off~now)") == "pages 1–10 — “quoted” & 50% off now");
  CHECK(latex_to_text(R"(\textbf{Bold} and \emph{emphasis} \texttt{code})") == "Bold and emphasis code");
  CHECK(latex_to_text(R"(Text\footnote{dropped} with\thanks{also dropped} notes)") == "Text with notes");
  CHECK(latex_to_text(R"(\sys{} runs \sys)", {{"sys", "HetFlow"}}) == "HetFlow runs HetFlow");
  CHECK(latex_to_text("a\n  b\tc") == "a b c");
  CHECK(strip_latex_comments("keep % drop\n50\\% kept\n") == "keep \n50\\% kept\n");
  CHECK(compose_spacing_accents("Ng˜uyên ¨o Franc¸ois") == "Ngũyên ö François");
}

TEST_CASE("metadata from the LaTeX source of a multi-file paper") {
  const PaperMeta m = from_source("hetflow");
  check_hetflow(m);
  CHECK(m.ccs[0].weight == 500);
  CHECK(m.ccs[1].weight == 300);
  CHECK(m.source.at("title") == "latex");
  CHECK(m.notes.empty());  // CCSXML and \ccsdesc agree
  check_solo(from_source("solo"));
}

TEST_CASE("the same metadata from the PDF the real acmart made of it") {
  const PaperMeta m = from_pdf("meta/hetflow.pdf");
  check_hetflow(m);
  CHECK(m.pages == 3);
  CHECK(m.source.at("title") == "pdf-info");
  CHECK(m.source.at("authors") == "pdf-layout");
  CHECK(m.source.at("ccs") == "pdf-info");
  CHECK(m.notes.empty());  // the ACM Reference Format agrees with the author blocks
  check_solo(from_pdf("meta/solo.pdf"));
}

TEST_CASE("sources packed as zip and tar.gz read like the folder") {
  for (const char* name : {"meta/hetflow.zip", "meta/hetflow.tar.gz"}) {
    CAPTURE(name);
    ScratchDir scratch;
    extract_archive(test::fixture(name), scratch.path());
    check_hetflow(read_latex_meta(scratch.path()));
  }
}

TEST_CASE("CCSXML is read with its significance") {
  const auto list = parse_ccs_xml(
      "<ccs2012><concept><concept_id>1</concept_id><concept_desc>A~B</concept_desc>"
      "<concept_significance>300</concept_significance></concept></ccs2012>");
  REQUIRE(list.size() == 1);
  CHECK(list[0].text == "A~B");
  CHECK(list[0].weight == 300);
  CHECK(parse_ccs_xml("<ccs2012><broken").empty());
}

namespace {
// An XML text whose one internal entity, used `uses` times, is `size` bytes: a "billion laughs".
std::string entity_bomb(const std::string& root_open, const std::string& root_close, std::size_t size,
                        std::size_t uses) {
  std::string refs;
  for (std::size_t i = 0; i < uses; ++i) refs += "&big;";
  return "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY big \"" + std::string(size, 'x') + "\">]>" + root_open + refs +
         root_close;
}
}  // namespace

TEST_CASE("XMP and CCSXML with a DTD are not expanded: a small packet never becomes a huge title (issue 24 item 2)") {
  // 20 KB of packet would have been a 100 MB title.
  const std::string xmp = entity_bomb(
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
      "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title><rdf:Alt><rdf:li>",
      "</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>", 20000, 5000);
  const auto fields = parse_xmp(xmp);
  CHECK(fields.title.size() < 10000);
  const auto concepts = parse_ccs_xml(entity_bomb("<ccs2012><concept><concept_desc>",
                                                  "</concept_desc></concept></ccs2012>", 20000, 5000));
  for (const auto& c : concepts) CHECK(c.text.size() < 10000);
  const std::string feed = entity_bomb("<feed><entry><id>http://arxiv.org/abs/2501.00001v1</id><title>",
                                       "</title></entry></feed>", 20000, 5000);
  CHECK_THROWS_WITH_AS(arxiv::parse_atom(feed, "export.arxiv.org"), doctest::Contains("DTD"), Error);
  CHECK(arxiv::parse_atom("<feed><entry><id>http://arxiv.org/abs/2501.00001v1</id><title>T</title></entry></feed>",
                          "export.arxiv.org")
            .size() == 1);
}

TEST_CASE("the main file, includes and their mistakes") {
  test::TempDir dir;
  CHECK(test::error_line([&] { find_main_tex(dir.path); }) ==
        dir.path.string() + ": holds no .tex file with \\documentclass");
  dir.write("a.tex", "\\documentclass{article}\n");
  dir.write("b.tex", "% \\documentclass{article} in a comment does not count\n");
  CHECK(find_main_tex(dir.path) == dir.path / "a.tex");
  dir.write("c.tex", "\\documentclass{acmart}\n");
  CHECK(test::error_line([&] { find_main_tex(dir.path); }) ==
        dir.path.string() + ": more than one .tex file has \\documentclass: a.tex, c.tex");
  dir.write("c.tex", "\\documentclass{acmart}\\input{../../etc/passwd}\n");
  CHECK(test::error_line([&] { expanded_source(dir.path / "c.tex", dir.path); })
            .find("\\input names a file outside the source folder") != std::string::npos);
  dir.write("c.tex", "\\documentclass{acmart}\\input{c}\n");
  CHECK(test::error_line([&] { expanded_source(dir.path / "c.tex", dir.path); })
            .find("nested more than 20 deep") != std::string::npos);
}

TEST_CASE("authors before one \\affiliation share it; a second one adds to the last author") {
  const PaperMeta m = parse_latex_meta(
      "\\author{A}\\author{B}\\affiliation{\\institution{X}\\country{Y}}"
      "\\author{C}\\affiliation{\\institution{P}}\\affiliation{\\institution{Q}}");
  REQUIRE(m.authors.size() == 3);
  CHECK(m.authors[0].affiliations == Places{place("X", "", "", "Y")});
  CHECK(m.authors[1].affiliations == Places{place("X", "", "", "Y")});
  CHECK(m.authors[2].affiliations == Places{place("P", "", "", ""), place("Q", "", "", "")});
}

TEST_CASE("cross-check against the accepted-paper record") {
  Paper record;
  record.id = "p1";
  record.title = "A Title: With Words";
  record.authors = {{"Ana Núñez", {}, {}, {}, {}}, {"Bo Li", {}, {}, {}, {}}, {"Cy Dee", {}, {}, {}, {}}};
  PaperMeta meta;
  meta.title = "A Title: With Words";
  meta.authors = {{"Ana Núñez", {}, {}, {}, {}}, {"Bo Li", {}, {}, {}, {}}, {"Cy Dee", {}, {}, {}, {}}};
  CHECK(crosscheck(record, meta).empty());

  meta.title = "A title: with words";
  auto m = crosscheck(record, meta);
  REQUIRE(m.size() == 1);
  CHECK(m[0].message == "title differs in case or punctuation: record 'A Title: With Words', paper 'A title: with words'");

  meta.title = record.title;
  meta.authors = {{"Bo Li", {}, {}, {}, {}}, {"Ana Nunez", {}, {}, {}, {}}, {"Eve New", {}, {}, {}, {}}};
  m = crosscheck(record, meta);
  REQUIRE(m.size() == 4);
  CHECK(m[0].message == "author spelled differently: record 'Ana Núñez', paper 'Ana Nunez'");
  CHECK(m[1].message == "author 'Cy Dee' is in the record but not in the paper");
  CHECK(m[2].message == "author 'Eve New' is in the paper but not in the record");
  CHECK(m[3].code == "author-order");
  CHECK(m[3].severity == Severity::error);
  CHECK(fold_name("Loïc Pottier") == "loicpottier");
  CHECK(fold_name("ZOË ÅNGSTRÖM") == fold_name("Zoë Ångström"));  // small capitals, as one-column acmart prints them
  CHECK(fold_name("Jiří Novák-Dvořák") == "jirinovakdvorak");
}

TEST_CASE("papers.yaml: gaps are filled, hand edits kept, new papers added") {
  Paper wages;
  wages.id = "wages";
  wages.title = "WAGES";
  wages.authors = {{"Tianyu Wang", {place("Hand-written Lab", "", "", "")}, {}, {}, ""}};
  wages.source = "wages";
  std::vector<Paper> papers{wages};
  PaperMeta found;
  found.kind = "latex";
  found.title = "WAGES";
  found.authors = {{"Tianyu Wang", {place("Extracted University", "", "", "USA")}, {}, {"tw@example.org"}, "0000-0002-1825-0097"}};
  PaperMeta unknown;
  unknown.kind = "pdf";
  unknown.title = "Something Else";
  unknown.authors = {{"Eve", {place("Lab", "Town", "", "Land", {"Dept A", "Dept B"})}, {place("Other", "", "", "X")},
                      {"eve@a.org", "eve@b.org"}, ""}};
  auto [merged, changes] = merge_papers(papers, {{found, "wages"}, {unknown, "Late Upload"}});
  REQUIRE(merged.size() == 2);
  CHECK(merged[0].authors[0].affiliation() == "Hand-written Lab");  // never overwritten
  CHECK(merged[0].authors[0].emails == Emails{"tw@example.org"});
  CHECK(merged[0].authors[0].orcid == "0000-0002-1825-0097");
  CHECK(merged[1].id == "late-upload");
  CHECK(changes == std::vector<std::string>{"wages: Tianyu Wang: email set to 'tw@example.org'",
                                            "wages: Tianyu Wang: orcid set to '0000-0002-1825-0097'",
                                            "late-upload: added ('Something Else', 1 authors)"});
  // What it writes loads back through the validating loader.
  test::TempDir dir;
  dir.write("workshop.yaml",
            "id: w\nacronym: W\nname: W\nkind: workshop\ndate: 2025-11-16\ntimezone: UTC\norganizers: [A]\n");
  dir.write("papers.yaml", papers_yaml(merged, "# kept header\n"));
  const Workshop w = load_workshop(dir.path);
  REQUIRE(w.papers.size() == 2);
  CHECK(w.papers[0].authors[0].orcid == "0000-0002-1825-0097");
  CHECK(w.papers[1].authors == merged[1].authors);  // the structured form round-trips
  CHECK(header_comment(read_file(dir.path / "papers.yaml")) == "# kept header\n");
}

TEST_CASE("other title blocks: the article class, acmart's one-column format, an anonymised build") {
  const PaperMeta article = from_pdf("not-acm.pdf");
  CHECK(article.title == "A Synthetic Stand-in Paper in the Article Class");
  CHECK(article.source.at("title") == "pdf-layout");  // no hyperref: no Info title
  REQUIRE(article.authors.size() == 1);               // the date line is not an author
  CHECK(article.authors[0].name == "Zoë Ångström");

  const PaperMeta manuscript = from_pdf("one-column.pdf");
  REQUIRE(manuscript.authors.size() == 3);
  CHECK(manuscript.authors[0].name == "Zoë Ångström");  // small capitals, case restored
  CHECK(manuscript.authors[0].affiliations == Places{place("Stand-in University", "", "", "USA")});
  CHECK(manuscript.authors[2].affiliations == Places{place("Example Laboratory", "", "", "Italy")});

  const PaperMeta review = from_pdf("review.pdf");
  CHECK(review.authors.empty());
  REQUIRE_FALSE(review.notes.empty());
  CHECK(review.notes.back() == "the PDF is anonymised ('Anonymous Author(s)'): it carries no author names");
}

TEST_CASE("fuzz regressions: inputs that once crashed a reader") {
  // An accent command on a NUL byte indexed past the accent table (found by fuzz_latex).
  CHECK(latex_to_text(std::string("\\'{") + '\0' + "}") == std::string(1, '\0'));
  const fs::path dir = test::source_dir() / "tests/fuzz-regressions";
  for (const auto& e : fs::directory_iterator(dir)) {
    CAPTURE(e.path().string());
    const std::string input = read_file(e.path());
    if (e.path().filename().string().rfind("latex-", 0) == 0) {
      CHECK_NOTHROW(parse_latex_meta(input));
      CHECK_NOTHROW(latex_to_text(input));
    }
  }
}

TEST_CASE("a macro that uses itself cannot blow up the conversion") {
  // \a expands to \a\a: without a budget, 2^20 expansions (found by fuzz_latex as a time-out).
  const auto start = std::chrono::steady_clock::now();
  CHECK(latex_to_text("x\\a y", {{"a", "\\a\\a"}}) == "x y");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

// The floors `meta` holds on the generated acmart corpus (build/meta-corpus,
// truth from scripts/make-meta-corpus.py, never from a reader); `make bench`
// prints the figures and every miss.
TEST_CASE("the generated acmart corpus: per-field accuracy holds its floor") {
  const fs::path corpus = fs::path(FIXTURE_DIR).parent_path() / "meta-corpus";
  std::vector<fs::path> papers;
  for (const auto& e : fs::directory_iterator(corpus / "src"))
    if (fs::exists(e.path() / "truth.json")) papers.push_back(e.path());
  REQUIRE(papers.size() >= 40);
  PdfReader reader;
  Tally pdf, source;
  for (const auto& folder : papers) {
    const PaperTruth truth = read_truth(folder / "truth.json");
    const fs::path file = corpus / (folder.filename().string() + ".pdf");
    pdf.add(score(read_pdf_meta(reader.read(file), file.string()), truth, true));
    source.add(score(read_latex_meta(folder), truth, false));
  }
  //                     titles author-lists institutions departments countries emails ORCIDs
  const double pdf_floor[] = {100, 100, 100, 100, 100, 100, 100};
  for (int f = 0; f < field_count; ++f) {
    CAPTURE(field_name(static_cast<Field>(f)));
    CHECK(pdf.percent(static_cast<Field>(f)) >= pdf_floor[f]);
    CHECK(source.percent(static_cast<Field>(f)) == 100.0);
  }
}

TEST_CASE("LaTeX front matter: verbatim, short titles, math, emails and acmart's sharing rule") {
  const PaperMeta m = parse_latex_meta(
      "\\documentclass{acmart}\n\\begin{document}\n"
      "\\title[Short]{Sorting in $O(n \\log n)$:\\\\ $\\alpha$-Fair Shares}\n"
      "\\author{Zo\\\"e d'Arcy}\\email{z@a.org}\\email{z@b.org}\n"
      "\\affiliation{\\department{Dept A}\\department{Dept B}\\institution{Uni}\\city{Town}\\country{Land}}\n"
      "\\additionalaffiliation{\\institution{Other Lab}\\country{Elsewhere}}\n"
      "\\author{B}\\author{C}\\email{c@x.org}\\affiliation{\\institution{Shared}\\country{X}}\n"
      "\\affiliation{\\institution{Second}\\country{Y}}\n"
      "\\maketitle\n"
      "\\begin{verbatim}\n\\title{Not This}\\author{Nobody}\n\\end{verbatim}\n"
      "\\verb|\\author{Nor This}| \\author{After maketitle}\n\\end{document}\n");
  CHECK(m.title == "Sorting in O(n log n): α-Fair Shares");
  REQUIRE(m.authors.size() == 3);
  CHECK(m.authors[0].name == "Zoë d’Arcy");
  CHECK(m.authors[0].emails == Emails{"z@a.org", "z@b.org"});
  CHECK(m.authors[0].affiliations == Places{place("Uni", "Town", "", "Land", {"Dept A", "Dept B"})});
  CHECK(m.authors[0].additional == Places{place("Other Lab", "", "", "Elsewhere")});
  CHECK(m.authors[1].affiliations == Places{place("Shared", "", "", "X"), place("Second", "", "", "Y")});
  CHECK(m.authors[2].affiliations == m.authors[1].affiliations);
  CHECK(m.authors[1].emails.empty());
  CHECK(m.authors[2].emails == Emails{"c@x.org"});
}

TEST_CASE("papers.yaml: the structured person and the older one-string affiliation both load") {
  test::TempDir dir;
  dir.write("workshop.yaml",
            "id: w\nacronym: W\nname: W\nkind: workshop\ndate: 2025-11-16\ntimezone: UTC\norganizers: [A]\n");
  dir.write("papers.yaml",
            "papers:\n  - id: p\n    title: T\n    authors:\n"
            "      - {name: Old, affiliation: \"Some Lab, Town, USA\", email: o@x.org}\n"
            "      - name: New\n        affiliations:\n"
            "          - {department: [D1, D2], institution: I, city: C, state: S, postcode: '1', country: K}\n"
            "        additional: [{institution: J}]\n        emails: [a@x.org, b@x.org]\n");
  const Workshop w = load_workshop(dir.path);
  REQUIRE(w.papers.size() == 1);
  const auto& old = w.papers[0].authors[0];
  CHECK(old.affiliation() == "Some Lab, Town, USA");
  CHECK(old.email() == "o@x.org");
  const auto& now = w.papers[0].authors[1];
  CHECK(now.affiliations.front().departments == std::vector<std::string>{"D1", "D2"});
  CHECK(now.affiliation() == "D1, D2, I, C, S, K");
  CHECK(now.additional.front().institution == "J");
  CHECK(now.emails == Emails{"a@x.org", "b@x.org"});
  // written back and read again: the same people
  dir.write("papers.yaml", papers_yaml(w.papers, ""));
  CHECK(load_workshop(dir.path).papers[0].authors == w.papers[0].authors);
  dir.write("papers.yaml", "papers:\n  - id: p\n    title: T\n    authors: [{name: X, affiliation: {city: C}}]\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("needs 'institution'") != std::string::npos);
}

TEST_CASE("ToUnicode maps: surrogate pairs, ranges, arrays, and garbage that does not run away") {
  using proceedings::detail::parse_to_unicode;
  const auto map = parse_to_unicode(
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
      "2 beginbfchar\n<0102> <D835DF06>\n<03> <00660069>\nendbfchar\n"
      "1 beginbfrange\n<0010> <0012> <0041>\nendbfrange\n"
      "1 beginbfrange\n<0020> <0021> [<03BB> <D83DDE00>]\nendbfrange\n"
      "% a comment <0030> <0031>\nendcmap");
  CHECK(map.at(0x0102) == "𝜆");  // U+1D706, which MuPDF 1.21 cuts to U+D706
  CHECK(map.at(0x03) == "fi");
  CHECK(map.at(0x10) == "A");
  CHECK(map.at(0x12) == "C");
  CHECK(map.at(0x20) == "λ");
  CHECK(map.at(0x21) == "😀");
  CHECK(map.count(0x30) == 0);
  // A range over the whole 32-bit space, an unclosed hex string, a lone surrogate
  const auto hostile = parse_to_unicode("beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange beginbfchar <05> <D800> <06> <0041");
  CHECK(hostile.size() == 2);  // the range is skipped; an unclosed last string still reads
  CHECK(hostile.at(0x05) == "\xEF\xBF\xBD");
  CHECK(parse_to_unicode("").empty());
}

TEST_CASE("every field read from a PDF names its source and a confidence") {
  const fs::path corpus = fs::path(FIXTURE_DIR).parent_path() / "meta-corpus";
  PdfReader reader;
  int with_orcids = 0;
  for (const auto& e : fs::directory_iterator(corpus)) {
    if (e.path().extension() != ".pdf") continue;
    const PaperMeta m = read_pdf_meta(reader.read(e.path()), e.path().string());
    CAPTURE(e.path().filename().string());
    for (const auto& [field, source] : m.source) {
      CAPTURE(field);
      REQUIRE(m.confidence.count(field) == 1);
      CHECK(m.confidence.at(field) > 0.0);
      CHECK(m.confidence.at(field) <= 1.0);
    }
    const bool emails = std::any_of(m.authors.begin(), m.authors.end(), [](const auto& a) { return !a.emails.empty(); });
    const bool orcids = std::any_of(m.authors.begin(), m.authors.end(), [](const auto& a) { return !a.orcid.empty(); });
    CHECK(m.source.count("emails") == (emails ? 1u : 0u));
    if (orcids) {
      ++with_orcids;
      CHECK(m.source.at("orcids") == "pdf-links");
      CHECK(m.confidence.at("orcids") == 1.0);
    }
    if (!m.authors.empty() && !m.title.empty()) CHECK(m.source.count("title") == 1);
  }
  CHECK(with_orcids > 10);
}

// issue 24 item 13: a source saved in Latin-1 gave fields that were not
// UTF-8, which `meta --json` could not print and `--write` put into papers.yaml.
TEST_CASE("LaTeX sources are read in the encoding they declare, Latin-1 when they declare none and are not UTF-8") {
  const std::string front =
      "\\title{Caf\xe9 Soci\xe9t\xe9}\n\\author{Jos\xe9 M\xfcller}\n"
      "\\affiliation{\\institution{Universit\xe9 Exemple}\\city{Montr\xe9" "al}\\country{Canada}}\n"
      "\\begin{document}\\maketitle\\end{document}\n";
  const PaperMeta declared = parse_latex_meta("\\documentclass{acmart}\n\\usepackage[T1]{fontenc}\n"
                                              "\\usepackage[latin1]{inputenc}\n" + front);
  const PaperMeta undeclared = parse_latex_meta("\\documentclass{acmart}\n" + front);
  for (const PaperMeta* m : {&declared, &undeclared}) {
    CHECK(m->title == "Café Société");
    REQUIRE(m->authors.size() == 1);
    CHECK(m->authors[0].name == "José Müller");
    CHECK(m->authors[0].affiliations == Places{place("Université Exemple", "Montréal", "", "Canada")});
    CHECK_NOTHROW(to_json(*m).dump());
  }
  CHECK(declared.notes.empty());
  REQUIRE(undeclared.notes.size() == 1);
  CHECK(undeclared.notes[0].find("read as Latin-1") != std::string::npos);

  // Windows' code page: its quotes are no Latin-1 control characters.
  CHECK(parse_latex_meta("\\documentclass{article}\\usepackage[ansinew]{inputenc}\\title{\x93Quoted\x94 \x80}"
                         "\\begin{document}\\maketitle\\end{document}").title == "“Quoted” €");
  // UTF-8, LaTeX's default, is taken as it is; a stray byte in it becomes U+FFFD, and is noted.
  CHECK(parse_latex_meta("\\documentclass{article}\\title{Zoë}\\begin{document}\\maketitle\\end{document}").notes.empty());
  const PaperMeta stray = parse_latex_meta(
      "\\documentclass{article}\\usepackage[utf8]{inputenc}\\title{Zoë \xff}\\begin{document}\\maketitle\\end{document}");
  CHECK(stray.title == "Zoë \xEF\xBF\xBD");
  CHECK(stray.notes.size() == 1);
  // UTF-8 saved under a Latin-1 declaration reads as TeX reads it, and is noted.
  const PaperMeta mismatched = parse_latex_meta(
      "\\documentclass{article}\\usepackage[latin1]{inputenc}\\title{Café}\\begin{document}\\maketitle\\end{document}");
  CHECK(mismatched.title == "CafÃ©");
  REQUIRE(mismatched.notes.size() == 1);
  CHECK(mismatched.notes[0] == "the source declares inputenc 'latin1' but its text is UTF-8: it is read as latin1, as TeX reads it");
}

// issue 24 item 13: MuPDF passes a lone UTF-16 surrogate of an Info string on
// as bytes that are not UTF-8; a file name need not be UTF-8 either.
TEST_CASE("text a PDF holds that is not UTF-8 comes out with U+FFFD") {
  PdfFacts facts;
  facts.info = {{"Title", "Broken \xed\xa0\x80 Title"}, {"Keywords", "GPU, LLM\xed\xa0\x80"}, {"Author", "Jos\xe9 M\xfcller"}};
  PdfPage page;
  page.number = 1;
  page.width = 612;
  page.height = 792;
  page.links.push_back({{0, 0, 10, 10}, "https://orcid.org/\xff"});
  facts.pages.push_back(page);
  const PaperMeta m = read_pdf_meta(facts, "caf\xe9.pdf");
  const std::string fffd3 = "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD";
  CHECK(m.title == "Broken " + fffd3 + " Title");
  CHECK(m.keywords == std::vector<std::string>{"GPU", "LLM" + fffd3});
  REQUIRE(m.authors.size() == 1);
  CHECK(m.authors[0].name == "Jos\xEF\xBF\xBD M\xEF\xBF\xBDller");
  CHECK(m.input == "caf\xEF\xBF\xBD.pdf");
  CHECK_NOTHROW(to_json(m).dump());
}

// std::regex recursed once per character: one long line of a source or a
// page overflowed the stack (a crash, not an error). Core's Regex bounds the work.
TEST_CASE("a line of 100 000 characters in a source or on a page is read, not a crash") {
  const std::string long_run(100000, 'x');
  const auto start = std::chrono::steady_clock::now();
  const PaperMeta source = parse_latex_meta("\\documentclass{article}\n\\title{Long Lines}\n\\verb|" + long_run +
                                            "\n\\def\\" + std::string(100000, 'a') +
                                            "{x}\n\\begin{document}\\maketitle\\end{document}\n");
  CHECK(source.title == "Long Lines");
  PdfFacts facts;
  facts.info = {{"Title", "Long Lines"}};
  PdfPage page;
  page.number = 1;
  page.width = 612;
  page.height = 792;
  PdfLine line;
  line.box = {72, 100, 540, 110};
  line.size = 10;
  line.font = "LinLibertineT";
  line.text = line.plain = "1 " + long_run;
  for (int i = 0; i < 6; ++i) page.lines.push_back(line);
  facts.pages.push_back(page);
  CHECK(read_pdf_meta(facts, "long.pdf").title == "Long Lines");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("issue 25 item 11: meta --venue takes a name in another typography as the same name") {
  Paper record;
  record.title = "T";
  record.authors = {Person{"Sarah O'Connell", {}, {}, {}, {}, {}}, Person{"Pedro Valero-Lara", {}, {}, {}, {}, {}},
                    Person{"Zo\u00eb Lef\u00e8vre", {}, {}, {}, {}, {}}};
  PaperMeta meta;
  meta.title = "T";
  for (const char* n : {"Sarah O\u2019Connell", "Pedro Valero\u2013Lara", "Zoe\u0308 Lefe\u0300vre"}) {
    AuthorMeta a;
    a.name = n;
    meta.authors.push_back(a);
  }
  const auto found = meta::crosscheck(record, meta);
  for (const auto& d : found) INFO(d.message);
  CHECK(found.empty());  // was "author spelled differently: record 'Sarah O'Connell', paper 'Sarah O’Connell'"
  meta.authors[0].name = "Sarah O\u2019Conell";
  CHECK(meta::crosscheck(record, meta).size() == 1);  // a real misspelling still is one
}

TEST_CASE("issue 25 item 10: meta --write fills the empty parts of an affiliation kept as one text") {
  Paper record;
  record.id = "p1";
  record.title = "T";
  record.authors = {Person{"Bo Li", {Affiliation{"", {}, "Oak Ridge National Laboratory", "", "", "", "", ""}}, {}, {}, "", ""}};
  Extracted pdf;
  pdf.stem = "p1";
  pdf.meta.title = "T";
  AuthorMeta bo;
  bo.name = "Bo Li";
  bo.affiliations = {Affiliation{"", {"Computer Science and Mathematics Division"}, "Oak Ridge National Laboratory", "",
                                 "Oak Ridge", "TN", "", "USA"}};
  pdf.meta.authors = {bo};
  const auto [papers, changes] = merge_papers({record}, {pdf});
  const Affiliation& a = papers.at(0).authors.at(0).affiliations.at(0);
  CHECK(a.city == "Oak Ridge");  // was left empty: the author "had" an affiliation
  CHECK(a.country == "USA");
  CHECK(a.departments == std::vector<std::string>{"Computer Science and Mathematics Division"});
  CHECK(changes.size() == 1);
}

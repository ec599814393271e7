// proceedings report: the AIExScale'25 draft and package made for real
// (pandoc, latexmk, BibTeX), then one broken copy per arXiv rule.
#include <doctest/doctest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <set>

#include "helpers.hpp"
#include "proceedings/archive.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/model.hpp"
#include "proceedings/process.hpp"
#include "proceedings/text.hpp"
#include "report/draft.hpp"
#include "report/lint.hpp"
#include "report/package.hpp"

using namespace proceedings;
using namespace proceedings::report;

namespace {

// The bundled event as published (seven parts missing), or with every part written by the chairs.
struct Made {
  test::TempDir dir;
  Draft draft;
  Package package;
  explicit Made(bool filled) {
    fs::path venue = test::source_dir() / "metadata/aiexscale-2025";
    if (filled) {
      fs::copy(venue, dir.path / "venue", fs::copy_options::recursive);
      venue = dir.path / "venue";
      fs::create_directories(venue / "report/talks");
      for (const char* part : {"discussion", "findings", "future"})
        write_file_atomic(venue / "report" / (std::string(part) + ".md"), "What the chairs wrote on this part.\n");
      for (const char* id : {"featured", "invited-1", "invited-2", "invited-3"})
        write_file_atomic(venue / "report/talks" / (std::string(id) + ".md"), "The talk's summary.\n");
    }
    const Workshop w = load_workshop(venue);
    draft = make_draft(w, test::source_dir() / "templates/report", dir.path / "report");
    package = make_package(draft, w, dir.path);
  }
};

Made& made() {
  static Made m(false);
  return m;
}

Made& filled() {
  static Made m(true);
  return m;
}

std::set<std::string> error_codes(const std::vector<LintFinding>& findings) {
  std::set<std::string> out;
  for (const auto& f : findings)
    if (f.severity == Severity::error) out.insert(f.code);
  return out;
}

// A copy of the clean package folder and form, broken by `change`.
template <typename Change>
std::vector<LintFinding> lint_broken(Change change, bool compile = false) {
  test::TempDir dir;
  fs::copy(filled().package.folder, dir.path / "source", fs::copy_options::recursive);
  fs::copy_file(filled().package.metadata, dir.path / "metadata.json");
  change(dir.path / "source", dir.path / "metadata.json");
  return lint_folder(dir.path / "source", dir.path / "metadata.json", compile);
}

void set_abstract(const fs::path& form, const std::string& abstract) {
  auto j = nlohmann::json::parse(read_file(form));
  j["abstract"] = abstract;
  write_file_atomic(form, j.dump());
}

void append(const fs::path& file, const std::string& text) {
  std::string tex = read_file(file);
  tex.insert(tex.find("\\end{document}"), text + "\n");
  write_file_atomic(file, tex);
}

}  // namespace

TEST_CASE("comments go, \\% and verbatim stay") {
  CHECK(strip_tex_comments("a % note\n% whole line\n50\\% of b\n") == "a %\n50\\% of b\n");
  CHECK(strip_tex_comments("\\begin{verbatim}\n% shown\n\\end{verbatim}\nx%y\n") ==
        "\\begin{verbatim}\n% shown\n\\end{verbatim}\nx%\n");
  CHECK(ascii_fold("Loïc Pottier – “AI” … Ångström") == "Loic Pottier - \"AI\" ... Angstrom");
}

// BibTeX itself with a style that sets titles in sentence case (plain's change.case$ "t"): the .bbl's title.
std::string bbl_title(const std::string& title_field) {
  test::TempDir dir;
  dir.write("refs.bib", "@inproceedings{k,\n  title = {" + title_field +
                            "},\n  author = {Ann Author},\n  booktitle = {Proc. of a Workshop},\n  year = {2025},\n}\n");
  dir.write("doc.aux", "\\citation{k}\n\\bibdata{refs}\n\\bibstyle{plain}\n");
  run_program("bibtex", {"doc"}, dir.path, std::chrono::seconds(60));
  const std::string bbl = collapse_whitespace(read_file(dir.path / "doc.bbl"));
  // plain: "\newblock <title>. \newblock In {\em booktitle}"
  const auto at = bbl.find("\\newblock ");
  REQUIRE(at != std::string::npos);
  const auto end = bbl.find(". \\newblock In", at);
  REQUIRE(end != std::string::npos);
  return bbl.substr(at + 10, end - at - 10);
}

TEST_CASE("BibTeX titles: proper names, acronyms and CamelCase keep their case under a sentence-case style") {
  const std::string title = "Porting GPU Kernels to Frontier and Aurora with PyTorch: HPC Lessons from ExHetAI'25";
  // Unprotected, plain lowercases them: the test can fail.
  CHECK(bbl_title(bibtex_escape(title)) == "Porting gpu kernels to frontier and aurora with pytorch: Hpc lessons from exhetai'25");
  // Protected, every word keeps the case it was written in.
  const std::string field = bibtex_title(title);
  CHECK(field == "Porting {GPU} {Kernels} to {Frontier} and {Aurora} with {PyTorch}: {HPC} {Lessons} from {ExHetAI'25}");
  CHECK(bbl_title(field) == "Porting {GPU} {Kernels} to {Frontier} and {Aurora} with {PyTorch}: {HPC} {Lessons} from {ExHetAI'25}");
  // A sentence-case title: only the names are braced, so the style still owns the rest.
  CHECK(bibtex_title("Running large models on Frontier (OLCF), fast") == "Running large models on {Frontier} ({OLCF}), fast");
  // The first word: braced only when a capital after its first letter would be lost.
  CHECK(bibtex_title("Scaling out") == "Scaling out");
  CHECK(bibtex_title("GPUs at scale") == "{GPUs} at scale");
  CHECK(bbl_title(bibtex_title("GPUs at scale")) == "{GPUs} at scale");
  CHECK(bbl_title(bibtex_escape("GPUs at scale")) == "Gpus at scale");
  // Still escaped: specials, and a word starting with an escape is not a BibTeX special character.
  CHECK(bibtex_title("R&D for AT&T, 100% {odd}") == "{R\\&D} for {AT\\&T}, 100\\% \\textbraceleft{}odd\\textbraceright{}");
  CHECK(bibtex_title("a &Co") == "a {{}\\&Co}");
  CHECK(bbl_title(bibtex_title("a &Co")) == "a {{}\\&Co}");
  CHECK(bibtex_title("Loïc’s ÉTUDE") == "Loïc’s {ÉTUDE}");
  // A title a chair wrote in TeX: what is braced stays, commands keep their names.
  CHECK(protect_bibtex_title("{AIExScale} 2025: First Symposium on \\emph{Extreme} Scale") ==
        "{AIExScale} 2025: {First} {Symposium} on \\emph{Extreme} {Scale}");  // {Extreme}: braced already
  CHECK(protect_bibtex_title("na\\\"{i}ve \\'{E}cole") == "na\\\"{i}ve \\'{E}cole");  // {E}: braced already
  CHECK(protect_bibtex_title("na\\\"{i}ve methods") == "na\\\"{i}ve methods");
  CHECK(bbl_title(protect_bibtex_title("{AIExScale} 2025: First Symposium on \\emph{Extreme} Scale")) ==
        "{AIExScale} 2025: {First} {Symposium} on \\emph{Extreme} {Scale}");  // {Extreme}: braced already
}

TEST_CASE("the report's lint names the program slip it retells, until the chair confirms it") {
  const fs::path venue = test::source_dir() / "metadata/aiexscale-2025";
  const auto slips = program_slips(load_workshop(venue));
  REQUIRE(slips.size() == 1);
  CHECK(slips[0].code == "TIME_BACKWARDS");
  CHECK(slips[0].severity == Severity::error);
  CHECK(slips[0].file == (venue / "workshop.yaml").string());
  CHECK(slips[0].message.find("12:20 AM (0:20)") != std::string::npos);
  test::TempDir dir;
  fs::copy(venue, dir.path / "venue", fs::copy_options::recursive);
  std::string yaml = read_file(dir.path / "venue/workshop.yaml");
  const auto at = yaml.find("      kind: closing\n");
  REQUIRE(at != std::string::npos);
  yaml.insert(at, "      confirmed: [TIME_BACKWARDS]\n");
  write_file_atomic(dir.path / "venue/workshop.yaml", yaml);
  CHECK(program_slips(load_workshop(dir.path / "venue")).empty());
}

TEST_CASE("the draft holds the program, marks what is missing, and cites") {
  const Draft& d = made().draft;
  CHECK(d.pages >= 2);
  CHECK(d.missing.size() == 7);  // four talk summaries, discussion, findings, future directions
  const std::string tex = read_file(d.folder / "report.tex");
  CHECK(tex.find("\\section{Intelligent Workflows at Scale: AI-Driven Exploration of Cosmological Simulations}") !=
        std::string::npos);
  CHECK(tex.find("\\missing{the findings: write it in report/findings.md.}") != std::string::npos);
  CHECK(tex.find("\\citep{aiexscale2025program}") != std::string::npos);
  const std::string bbl = read_file(d.folder / "report.bbl");
  CHECK(bbl.find("\\bibitem") != std::string::npos);
  // plainnat sets titles in sentence case: the symposium's name in the chairs' .bib keeps its capitals.
  CHECK(collapse_whitespace(bbl).find("{AIExScale} 2025: {First} {International} {Symposium} on {Artificial}") != std::string::npos);
}

TEST_CASE("a package with missing parts fails lint, one PLACEHOLDER each") {
  const auto findings = lint(made().package.archive, false);
  CHECK(error_codes(findings) == std::set<std::string>{"PLACEHOLDER"});
  CHECK(std::count_if(findings.begin(), findings.end(), [](const LintFinding& f) { return f.code == "PLACEHOLDER"; }) == 7);
  const auto form = nlohmann::json::parse(read_file(made().package.metadata));
  CHECK(form["authors"] == nlohmann::json::array({"Orcun Yildiz", "Lo\\\"{\\i}c Pottier"}));  // TeX accents, as arXiv takes them
  CHECK(tex_accents("Ångström, Müller, Dvořák, Łukasz") == "\\r{A}ngstr\\\"{o}m, M\\\"{u}ller, Dvo\\v{r}\\'{a}k, {\\L}ukasz");
}

TEST_CASE("the package: what arXiv needs and nothing else, and it passes lint once every part is written") {
  const Package& p = filled().package;
  ScratchDir unpacked;
  extract_archive(p.archive, unpacked.path());
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(unpacked.path())) names.insert(e.path().filename().string());
  CHECK(names == std::set<std::string>{"00README.json", "report.bbl", "report.tex"});
  const auto readme = nlohmann::json::parse(read_file(unpacked.path() / "00README.json"));
  CHECK(readme["spec_version"] == 1);
  CHECK(readme["sources"][0]["filename"] == "report.tex");
  CHECK(readme["sources"][0]["usage"] == "toplevel");
  CHECK(readme["process"]["compiler"] == "pdflatex");
  // It compiles with pdflatex and the shipped .bbl alone, in an empty folder.
  for (int run = 0; run < 2; ++run)
    run_tex("pdflatex", {"report.tex"}, unpacked.path(), std::chrono::seconds(120));
  CHECK(fs::exists(unpacked.path() / "report.pdf"));
  CHECK(read_file(unpacked.path() / "report.log").find("undefined") == std::string::npos);
  const auto form = nlohmann::json::parse(read_file(p.metadata));
  CHECK(form["primary_category"] == "cs.DC");
  CHECK(form["authors"] == nlohmann::json::array({"Orcun Yildiz", "Lo\\\"{\\i}c Pottier"}));
  CHECK(form["comments"].get<std::string>().find("pages, 0 figures. Report of AIExScale'25, held with SC25") != std::string::npos);
  const auto findings = lint(p.archive, true);
  CHECK(findings.empty());
}

TEST_CASE("one broken package per arXiv rule") {
  CHECK(error_codes(lint_broken([](auto src, auto) { fs::remove(src / "report.bbl"); })) ==
        std::set<std::string>{"MISSING_BBL"});
  CHECK(error_codes(lint_broken([](auto src, auto) { fs::rename(src / "report.bbl", src / "main.bbl"); })) ==
        std::set<std::string>{"BBL_NAME", "MISSING_BBL"});
  CHECK(error_codes(lint_broken([](auto src, auto) { append(src / "report.tex", "\\input{/etc/hosts}"); })) ==
        std::set<std::string>{"ABSOLUTE_PATH"});
  CHECK(error_codes(lint_broken([](auto src, auto) {
          write_file_atomic(src / "my figure.pdf", "x");
          append(src / "report.tex", "\\includegraphics{my figure.pdf}");
        })) == std::set<std::string>{"BAD_FILE_NAME"});
  CHECK(error_codes(lint_broken([](auto, auto form) { set_abstract(form, std::string(1921, 'a')); })) ==
        std::set<std::string>{"ABSTRACT_LONG"});
  CHECK(error_codes(lint_broken([](auto, auto form) { set_abstract(form, std::string(1920, 'a')); })).empty());
  CHECK(error_codes(lint_broken([](auto, auto form) { set_abstract(form, "Loïc wrote this."); })) ==
        std::set<std::string>{"ABSTRACT_NOT_ASCII"});
  CHECK(error_codes(lint_broken([](auto, auto form) { set_abstract(form, "Abstract: we report."); })) ==
        std::set<std::string>{"ABSTRACT_PREFIX"});
  CHECK(error_codes(lint_broken([](auto src, auto) { write_file_atomic(src / "report.aux", "\\relax"); })) ==
        std::set<std::string>{"BYPRODUCT"});
  CHECK(error_codes(lint_broken([](auto src, auto) { write_file_atomic(src / "figure1.png", "png"); })) ==
        std::set<std::string>{"UNUSED_FILE"});
  const auto commented = lint_broken([](auto src, auto) { append(src / "report.tex", "% a reviewer's note"); });
  CHECK(error_codes(commented).empty());  // arXiv advises removing comments; it does not require it
  REQUIRE(commented.size() == 1);
  CHECK(commented.front().code == "COMMENTS");
  CHECK(commented.front().severity == Severity::warning);
  // A broken 00README does not hide the other findings.
  CHECK(error_codes(lint_broken([](auto src, auto) {
          write_file_atomic(src / "00README.json", "{not json");
          write_file_atomic(src / "report.aux", "\\relax");
          fs::remove(src / "report.bbl");
        })) == std::set<std::string>{"BAD_00README", "BYPRODUCT", "MISSING_BBL"});
  CHECK(error_codes(lint_broken([](auto src, auto) { fs::remove(src / "00README.json"); })) ==
        std::set<std::string>{"NO_00README"});
  const auto broken = lint_broken([](auto src, auto) { append(src / "report.tex", "\\undefinedcommandhere"); }, true);
  CHECK(error_codes(broken) == std::set<std::string>{"DOES_NOT_COMPILE"});
  for (const auto& f : lint_broken([](auto src, auto) { fs::remove(src / "report.bbl"); }))
    if (f.code == "MISSING_BBL") CHECK(f.message == "missing: arXiv does not run BibTeX; add the .bbl your compile made");
}

// Issue 24 item 16: arXiv receives the archive alone, so lint must find what is
// unfinished in it without the metadata.json that `report` writes beside it.
TEST_CASE("the package alone, without metadata.json beside it, still fails lint once per missing part") {
  test::TempDir alone;
  fs::copy_file(made().package.archive, alone.path / "report.tar.gz");
  REQUIRE(!fs::exists(alone.path / "metadata.json"));
  const auto findings = lint(alone.path / "report.tar.gz", false);
  CHECK(error_codes(findings) == std::set<std::string>{"PLACEHOLDER"});
  CHECK(std::count_if(findings.begin(), findings.end(), [](const LintFinding& f) { return f.code == "PLACEHOLDER"; }) == 7);
  CHECK(std::count_if(findings.begin(), findings.end(), [](const LintFinding& f) { return f.code == "EMPTY_SECTION"; }) == 2);
  // The same for the unpacked folder with no form in it or beside it.
  fs::copy(made().package.folder, alone.path / "source", fs::copy_options::recursive);
  CHECK(lint(alone.path / "source", false).size() == findings.size());
  // And a mistake in the form does not stop the package's own rules: pdflatex still runs.
  CHECK(error_codes(lint_broken(
            [](auto src, auto form) {
              set_abstract(form, "Abstract: we report.");
              append(src / "report.tex", "\\undefinedcommandhere");
            },
            true)) == std::set<std::string>{"ABSTRACT_PREFIX", "DOES_NOT_COMPILE"});
}

// Issue 24 item 17: a framed note on a 50 000-character line once overflowed
// std::regex's stack (exit 139); it is one finding, and the finding one short line.
TEST_CASE("a Missing note on a 50 000-character line is one PLACEHOLDER with a short message") {
  const auto findings = lint_broken([](auto src, auto) {
    append(src / "report.tex", "\\textbf{Missing:}  the talk of " + std::string(50'000, 'x') + "} and more");
  });
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().code == "PLACEHOLDER");
  CHECK(findings.front().message.rfind("a part is still missing: the talk of xxx", 0) == 0);
  CHECK(findings.front().message.size() < 300);
  // Each of the two forms, up to its closing brace (and the bold one up to the line's end).
  const auto two = lint_broken([](auto src, auto) {
    append(src / "report.tex", "\\missing{the poster session\nand its demos}\n\\textbf{Missing:}\tthe panel\nnext line");
  });
  std::vector<std::string> messages;
  for (const auto& f : two) messages.push_back(f.message);
  CHECK(messages == std::vector<std::string>{
                        "a part is still missing: the poster session and its demos; write it before submitting",
                        "a part is still missing: the panel; write it before submitting"});
}

// Issue 25 item 14: "Report of SuperCompute-Green'26: the SuperCompute-Green'26: ..." named the venue twice.
TEST_CASE("report title: the acronym once, even when the venue's name starts with it") {
  Workshop w;
  w.acronym = "SuperCompute-Green'26";
  w.name = "SuperCompute-Green'26: The 2nd Workshop on Green Supercomputing";
  CHECK(report_title(w) == "Report of SuperCompute-Green'26: The 2nd Workshop on Green Supercomputing");
  w.name = "SuperCompute-Green'26 Workshop on Green Supercomputing";
  CHECK(report_title(w) == "Report of SuperCompute-Green'26: the Workshop on Green Supercomputing");
  const Workshop bundled = load_workshop(test::source_dir() / "metadata/aiexscale-2025");
  CHECK(report_title(bundled) == "Report of " + bundled.acronym + ": the " + bundled.name);
}

TEST_CASE("a program over two days: the draft says from when to when, and each session's day (issue 30 item 5)") {
  test::TempDir dir;
  fs::copy(test::source_dir() / "metadata/aiexscale-2025", dir.path / "venue", fs::copy_options::recursive);
  const fs::path file = dir.path / "venue/workshop.yaml";
  std::string yaml = read_file(file);
  const auto at = yaml.find("  sessions:\n");
  REQUIRE(at != std::string::npos);
  std::string sessions = yaml.substr(at + 12), indented;
  for (std::size_t start = 0; start < sessions.size();) {
    const auto end = sessions.find('\n', start);
    indented += "    " + sessions.substr(start, end - start + 1);
    start = end + 1;
  }
  yaml = yaml.substr(0, at) + "  days:\n    - date: 2025-11-21\n      sessions:\n" + indented +
         "    - date: 2025-11-22\n      sessions:\n        - {id: day2, title: A Second Morning, start: \"9:00\", end: \"10:00\"}\n";
  write_file_atomic(file, yaml);
  const Draft d = make_draft(load_workshop(dir.path / "venue"), test::source_dir() / "templates/report", dir.path / "report");
  const std::string tex = read_file(d.folder / "report.tex");
  CHECK(tex.find("took place from November 21, 2025 to November 22, 2025") != std::string::npos);
  CHECK(tex.find("\\item Sat 9:00--10:00: A Second Morning") != std::string::npos);
  CHECK(tex.find("\\item Fri 8:30: Welcome") != std::string::npos);
  // One day: as before.
  const std::string one_day = read_file(made().draft.folder / "report.tex");
  CHECK(one_day.find("took place on November 21, 2025") != std::string::npos);
  CHECK(one_day.find("\\item 8:30: Welcome") != std::string::npos);
}

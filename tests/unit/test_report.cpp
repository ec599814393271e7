// proceedings report: the AIExScale'25 draft and package made for real
// (pandoc, latexmk, BibTeX), then one broken copy per arXiv rule.
#include <doctest/doctest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <set>

#include "helpers.hpp"
#include "proceedings/archive.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/model.hpp"
#include "proceedings/process.hpp"
#include "report/draft.hpp"
#include "report/lint.hpp"
#include "report/package.hpp"

using namespace proceedings;
using namespace proceedings::report;

namespace {

struct Made {
  test::TempDir dir;
  Draft draft;
  Package package;
  Made() {
    const Workshop w = load_workshop(test::source_dir() / "metadata/aiexscale-2025");
    draft = make_draft(w, test::source_dir() / "templates/report", dir.path / "report");
    package = make_package(draft, w, dir.path);
  }
};

Made& made() {
  static Made m;
  return m;
}

std::set<std::string> error_codes(const std::vector<LintFinding>& findings) {
  std::set<std::string> out;
  for (const auto& f : findings)
    if (f.severity == "error") out.insert(f.code);
  return out;
}

// A copy of the clean package folder and form, broken by `change`.
template <typename Change>
std::vector<LintFinding> lint_broken(Change change, bool compile = false) {
  test::TempDir dir;
  fs::copy(made().package.folder, dir.path / "source", fs::copy_options::recursive);
  fs::copy_file(made().package.metadata, dir.path / "metadata.json");
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

TEST_CASE("the draft holds the program, marks what is missing, and cites") {
  const Draft& d = made().draft;
  CHECK(d.pages >= 2);
  CHECK(d.missing.size() == 7);  // four talk summaries, discussion, findings, future directions
  const std::string tex = read_file(d.folder / "report.tex");
  CHECK(tex.find("\\section{Intelligent Workflows at Scale: AI-Driven Exploration of Cosmological Simulations}") !=
        std::string::npos);
  CHECK(tex.find("\\missing{the findings: write it in report/findings.md.}") != std::string::npos);
  CHECK(tex.find("\\citep{aiexscale2025program}") != std::string::npos);
  CHECK(read_file(d.folder / "report.bbl").find("\\bibitem") != std::string::npos);
}

TEST_CASE("the package: what arXiv needs and nothing else, and it passes lint") {
  const Package& p = made().package;
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
    run_program("pdflatex", {"-interaction=nonstopmode", "-halt-on-error", "report.tex"}, unpacked.path(),
                std::chrono::seconds(120));
  CHECK(fs::exists(unpacked.path() / "report.pdf"));
  CHECK(read_file(unpacked.path() / "report.log").find("undefined") == std::string::npos);
  const auto form = nlohmann::json::parse(read_file(p.metadata));
  CHECK(form["primary_category"] == "cs.DC");
  CHECK(form["authors"] == nlohmann::json::array({"Orcun Yildiz", "Loic Pottier"}));
  CHECK(form["comments"].get<std::string>().find("pages, 0 figures. Report of AIExScale'25, held with SC25") != std::string::npos);
  const auto findings = lint(p.archive, true);
  CHECK(error_codes(findings).empty());
  std::vector<std::string> warnings;
  for (const auto& f : findings) warnings.push_back(f.code + ": " + f.message);
  CHECK(warnings == std::vector<std::string>{
                        "EMPTY_SECTION: the findings section is empty: arXiv moderators often decline plain event summaries",
                        "EMPTY_SECTION: the future directions section is empty: arXiv moderators often decline plain event "
                        "summaries"});
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
  CHECK(error_codes(lint_broken([](auto src, auto) { append(src / "report.tex", "% a reviewer's note"); })) ==
        std::set<std::string>{"COMMENTS"});
  CHECK(error_codes(lint_broken([](auto src, auto) { fs::remove(src / "00README.json"); })) ==
        std::set<std::string>{"NO_00README"});
  const auto broken = lint_broken([](auto src, auto) { append(src / "report.tex", "\\undefinedcommandhere"); }, true);
  CHECK(error_codes(broken) == std::set<std::string>{"DOES_NOT_COMPILE"});
  for (const auto& f : lint_broken([](auto src, auto) { fs::remove(src / "report.bbl"); }))
    if (f.code == "MISSING_BBL") CHECK(f.message == "missing: arXiv does not run BibTeX; add the .bbl your compile made");
}

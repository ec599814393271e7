// proceedings meta on sources as real authors leave them (issue 28 items 7
// and 8): a main file with another extension, a single file given, and
// conditionals that choose the class and the author list.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "meta/latex_source.hpp"
#include "meta/tex_conditionals.hpp"
#include "proceedings/error.hpp"

using namespace proceedings;
using namespace proceedings::meta;

namespace {

std::vector<std::string> names(const PaperMeta& meta) {
  std::vector<std::string> out;
  for (const auto& a : meta.authors) out.push_back(a.name);
  return out;
}

PaperMeta from_real_like(const std::string& folder) {
  return read_latex_meta(test::source_dir() / "tests/fixtures/real-like" / folder);
}

}  // namespace

TEST_CASE("conditionals the file decides are resolved as TeX would") {
  CHECK(resolve_conditionals("a\\iftrue b\\else c\\fi d") == "a b d");
  CHECK(resolve_conditionals("a\\iffalse b\\else c\\fi d") == "a c d");
  CHECK(resolve_conditionals("\\iffalse hidden\\fi shown") == " shown");
  // nested, and a \newif switch set in the file
  CHECK(resolve_conditionals("\\newif\\ifieee\\ieeetrue\\ifieee I\\iffalse x\\fi\\else A\\fi") ==
        "\\newif\\ifieee\\ieeetrue I");
  CHECK(resolve_conditionals("\\newif\\ifieee\\ifieee I\\else A\\fi") == "\\newif\\ifieee A");
  CHECK(resolve_conditionals("\\let\\ifacm\\iftrue\\ifacm A\\else I\\fi") == "\\let\\ifacm\\iftrue A");
  // \ifx on a macro the file defines, here or only later
  CHECK(resolve_conditionals("\\def\\v{1}\\ifx\\v\\undefined I\\else A\\fi") == "\\def\\v{1} A");
  CHECK(resolve_conditionals("\\ifx\\v\\undefined I\\else A\\fi\\def\\v{1}") == " I\\def\\v{1}");
  CHECK(resolve_conditionals("\\def\\a{x}\\def\\b{x}\\ifx\\a\\b same\\else other\\fi") == "\\def\\a{x}\\def\\b{x} same");
  CHECK(resolve_conditionals("\\def\\v{}\\ifdefined\\v A\\else I\\fi") == "\\def\\v{} A");
  // acmart's switches from the class options
  CHECK(resolve_conditionals("\\documentclass[sigconf,anonymous]{acmart}\\if@ACM@anonymous anon\\else named\\fi") ==
        "\\documentclass[sigconf,anonymous]{acmart} anon");
  CHECK(resolve_conditionals("\\documentclass[acmsmall]{acmart}\\if@ACM@journal J\\else C\\fi\\if@ACM@review R\\fi") ==
        "\\documentclass[acmsmall]{acmart} J");
}

TEST_CASE("a test the file cannot decide follows the branch that loads acmart, here and later") {
  const std::string source =
      "\\ifx\\pkgflag\\undefined\\documentclass{IEEEtran}\\else\\documentclass{acmart}\\fi\n"
      "\\ifx\\pkgflag\\undefined\\author{1st Given Name Surname}\\else\\author{Real Author}\\fi";
  const std::string resolved = resolve_conditionals(source);
  CHECK(resolved.find("IEEEtran") == std::string::npos);
  CHECK(resolved.find("Given Name") == std::string::npos);
  CHECK(resolved.find("\\author{Real Author}") != std::string::npos);
  // Undecidable and no class in either branch: both branches stay, as before.
  CHECK(resolve_conditionals("\\ifnum\\value{x}>0 A\\else B\\fi") == "\\ifnum\\value{x}>0 A\\else B\\fi");
  // etoolbox's and ifthen's \if... macros have no \fi; an unbalanced \if stays as written.
  CHECK(resolve_conditionals("\\ifthenelse{\\equal{a}{b}}{x}{y}\\iftrue t\\fi") == "\\ifthenelse{\\equal{a}{b}}{x}{y} t");
  CHECK(resolve_conditionals("\\newcommand\\x{\\ifmmode m}") == "\\newcommand\\x{\\ifmmode m}");
}

TEST_CASE("papers that choose their class with \\ifx or a \\newif switch give acmart's authors only") {
  CHECK(names(from_real_like("ifx-chooser")) == std::vector<std::string>{"Zoë Ångström", "Bruno Keller"});
  CHECK(names(from_real_like("newif-chooser")) == std::vector<std::string>{"Chiara Rossi", "Bruno Keller"});
  CHECK(from_real_like("newif-chooser").title == "Switching Classes with a Conditional");
}

TEST_CASE("the main file is the one with \\documentclass, whatever its extension, and a file may be given") {
  test::TempDir dir;
  dir.write("paper.ltx", "\\documentclass{acmart}\n\\title{T}\n");
  dir.write("macros.sty", "\\ProvidesPackage{macros}\n");
  CHECK(find_main_tex(dir.path) == dir.path / "paper.ltx");
  // \input{front.ltx} is front.ltx when there is no front.ltx.tex, as TeX reads it.
  dir.write("front.ltx", "\\title{Front Matter in an .ltx}\n");
  dir.write("paper.ltx", "\\documentclass{acmart}\n\\input{front.ltx}\n");
  CHECK(read_latex_meta(dir.path).title == "Front Matter in an .ltx");
  const PaperMeta ltx = from_real_like("ltx-main");
  CHECK(ltx.title == "A Main File Named paper.ltx");
  CHECK(names(ltx) == std::vector<std::string>{"Zoë Ångström"});
  const auto folder = test::source_dir() / "tests/fixtures/real-like";
  CHECK(names(read_latex_meta(folder / "ltx-main/paper.ltx")) == std::vector<std::string>{"Zoë Ångström"});
  CHECK(names(read_latex_meta(folder / "ifx-chooser/paper.tex")) ==
        std::vector<std::string>{"Zoë Ångström", "Bruno Keller"});
  // A class file that mentions \documentclass in its messages is no main file.
  dir.write("acmart.cls", "\\ProvidesClass{acmart}\n\\ClassError{acmart}{Use \\string\\documentclass{acmart}}\n");
  CHECK(find_main_tex(dir.path) == dir.path / "paper.ltx");
  dir.write("section.tex", "\\section{Intro}\n");
  CHECK(test::error_line([&] { read_latex_meta(dir.path / "section.tex"); }) ==
        (dir.path / "section.tex").string() + ": has no \\documentclass: give the paper's main file or its folder");
}

TEST_CASE("a title's macros come from a package the sources bring (macros.sty), \\xspace and all") {
  test::TempDir dir;
  dir.write("macros.sty", "\\ProvidesPackage{macros}\n\\newcommand{\\OCaml}{%\n    OCaml\\xspace%\n}\n");
  dir.write("main.tex",
            "\\documentclass{acmart}\n\\usepackage{xspace,macros}\n"
            "\\title{Tail Modulo Cons, \\OCaml, and Logic}\n\\begin{document}\\maketitle\\end{document}\n");
  CHECK(read_latex_meta(dir.path).title == "Tail Modulo Cons, OCaml, and Logic");
}

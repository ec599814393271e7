// Hardening: what a hostile or careless input must not be able to do. Each
// case failed on the code before the fix it guards.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

#include "proceedings/check/analyze.hpp"
#include "proceedings/check/rules.hpp"
#include "helpers.hpp"
#include "proceedings/archive.hpp"
#include "proceedings/csv.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/model.hpp"
#include "proceedings/pdf.hpp"
#include "proceedings/process.hpp"
#include "proceedings/text.hpp"
#include "proceedings/yaml_update.hpp"

using namespace proceedings;
namespace fs = std::filesystem;

namespace {
const char* minimal = test::minimal_workshop_yaml;

std::string with(const std::string& from, const std::string& to) {
  std::string text = minimal;
  text.replace(text.find(from), from.size(), to);
  return text;
}
}  // namespace

TEST_CASE("ids that become file names are letters, digits, '-' and '_' only, checked at load time") {
  test::TempDir dir;
  const auto file = (dir.path / "workshop.yaml").string();
  for (const char* id : {"../../escape", "/tmp/x", "a/b", "a b", ".hidden", "x\\\\y"}) {
    dir.write("workshop.yaml", with("id: w", std::string("id: '") + id + "'"));
    const std::string line = test::error_line([&] { load_workshop(dir.path); });
    CHECK_MESSAGE(line.rfind(file + ":1: field 'id'", 0) == 0, line);
    CHECK(line.find("it becomes a file name") != std::string::npos);
  }
  dir.write("workshop.yaml", std::string(minimal) + "program:\n  sessions:\n    - {id: '../s', title: X, start: '9am'}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).rfind(file + ":10: field 'program.sessions[0].id'", 0) == 0);

  dir.write("workshop.yaml", minimal);
  dir.write("papers.yaml", "papers:\n  - id: ../../../evil\n    title: T\n    authors: [Ada]\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); })
            .rfind((dir.path / "papers.yaml").string() + ":2: field 'papers[0].id' '../../../evil'", 0) == 0);
  CHECK(is_file_name_id("sparse-wse"));
  CHECK(is_file_name_id("paper_12"));
  CHECK_FALSE(is_file_name_id(""));
  CHECK_FALSE(is_file_name_id("-x"));
  CHECK_FALSE(is_file_name_id(std::string(101, 'a')));
}

TEST_CASE("impossible dates are refused, leap days are not") {
  CHECK(is_calendar_date("2024-02-29"));
  CHECK(is_calendar_date("2000-02-29"));
  CHECK_FALSE(is_calendar_date("2025-02-29"));
  CHECK_FALSE(is_calendar_date("1900-02-29"));
  CHECK_FALSE(is_calendar_date("2025-02-30"));
  CHECK_FALSE(is_calendar_date("2025-04-31"));
  CHECK_FALSE(is_calendar_date("2025-13-01"));
  CHECK_FALSE(is_calendar_date("2025-00-10"));
  test::TempDir dir;
  dir.write("workshop.yaml", with("2025-11-16", "2025-02-30"));
  CHECK(test::error_line([&] { load_workshop(dir.path); }) ==
        (dir.path / "workshop.yaml").string() + ":5: field 'date' is 2025-02-30, a day the calendar does not have");
}

TEST_CASE("two sessions with one id are refused") {
  test::TempDir dir;
  dir.write("workshop.yaml", std::string(minimal) +
                                 "program:\n  sessions:\n    - {id: invited-1, title: A, start: '9am'}\n"
                                 "    - {id: invited-1, title: B, start: '10am'}\n");
  CHECK(test::error_line([&] { load_workshop(dir.path); }) ==
        (dir.path / "workshop.yaml").string() +
            ":11: field 'program.sessions[1]' id 'invited-1' is used by session 1 too");
}

TEST_CASE("invalid UTF-8 is refused with file, line and byte offset") {
  CHECK_FALSE(first_invalid_utf8("Loïc Pottier — 東京"));
  CHECK(first_invalid_utf8("ab\xff") == 2u);
  CHECK(first_invalid_utf8("\xc3") == 0u);             // cut in the middle of a letter
  CHECK(first_invalid_utf8("x\xc0\xaf") == 1u);        // overlong '/'
  CHECK(first_invalid_utf8("\xed\xa0\x80") == 0u);     // a UTF-16 surrogate
  CHECK(first_invalid_utf8("\xf4\x90\x80\x80") == 0u);  // past U+10FFFF
  test::TempDir dir;
  dir.write("workshop.yaml", with("name: A Workshop", "name: A Workshop \xe9t\xe9"));
  CHECK(test::error_line([&] { load_workshop(dir.path); }) ==
        (dir.path / "workshop.yaml").string() + ":3: invalid UTF-8 at byte 34 (save the file as UTF-8)");
}

TEST_CASE("BibTeX fields cannot carry TeX commands or unbalanced braces") {
  const std::string hostile = "\\input{/etc/passwd} ^^5cinput ~ {unbalanced";
  const std::string escaped = bibtex_escape(hostile);
  CHECK(escaped.find("\\input") == std::string::npos);
  CHECK(escaped.find("^^") == std::string::npos);
  CHECK(escaped.find('~') == std::string::npos);
  int depth = 0;
  for (char c : escaped) {
    depth += c == '{';
    depth -= c == '}';
    CHECK(depth >= 0);
  }
  CHECK(depth == 0);
  CHECK(bibtex_escape("Loïc & co. 100%") == "Loïc \\& co. 100\\%");
}

TEST_CASE("the archive writer refuses member names that would unpack elsewhere") {
  test::TempDir dir;
  dir.write("a.txt", "a");
  for (const char* name : {"../evil.pdf", "papers/../../evil.pdf", "/etc/x", "a\\b", "c:x", "", "a//b", "./a"}) {
    const fs::path zip = dir.path / "out.zip";
    CHECK_MESSAGE(test::error_line([&] { write_archive(zip, ArchiveFormat::zip, {{name, dir.path / "a.txt"}}, 0); })
                      .find("refusing member name") != std::string::npos,
                  name);
    CHECK_FALSE(fs::exists(zip));
  }
  CHECK(is_safe_member_name("papers/wages.pdf"));
}

TEST_CASE("archives are complete or not there; the previous one stays after a failed write") {
  test::TempDir dir;
  dir.write("a.txt", std::string(200000, 'x'));
  const fs::path out = dir.path / "p.tar.gz";
  write_archive(out, ArchiveFormat::tar_gz, {{"a.txt", dir.path / "a.txt"}}, 1763251200);
  const std::string good = read_file(out);
  ScratchDir unpacked;
  extract_archive(out, unpacked.path());
  CHECK(read_file(unpacked.path() / "a.txt").size() == 200000);
  // A member that cannot be read fails the write; the old archive is untouched.
  CHECK_FALSE(test::error_line([&] {
                write_archive(out, ArchiveFormat::tar_gz, {{"a.txt", dir.path / "a.txt"}, {"b", dir.path / "nope"}}, 0);
              }).empty());
  CHECK(read_file(out) == good);
  for (const auto& e : fs::directory_iterator(dir.path)) CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("a .tar.gz cut off at its end is an error, not a silent success") {
  test::TempDir dir;
  dir.write("paper.tex", "\\documentclass{article}\\title{T}\\begin{document}\\end{document}\n");
  const fs::path whole = dir.path / "src.tar.gz";
  write_archive(whole, ArchiveFormat::tar_gz, {{"paper.tex", dir.path / "paper.tex"}}, 0);
  const std::string bytes = read_file(whole);
  for (std::size_t cut : {4u, 8u, 20u}) {
    const fs::path truncated = dir.path / "cut.tar.gz";
    std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() - cut);
    ScratchDir into;
    CHECK_MESSAGE(test::error_line([&] { extract_archive(truncated, into.path()); }).find("truncated archive") !=
                      std::string::npos,
                  cut);
  }
}

TEST_CASE("non-regular files are refused before they are opened") {
  test::TempDir dir;
  const fs::path fifo = dir.path / "x.pdf", loop = dir.path / "loop.pdf", dangling = dir.path / "gone.pdf";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  fs::create_symlink("loop.pdf", loop);
  fs::create_symlink("nowhere.pdf", dangling);
  fs::create_directory(dir.path / "folder.pdf");
  CHECK(not_a_regular_file(fifo) == "is a FIFO (named pipe), not a regular file");
  CHECK(not_a_regular_file(loop) == "is a symbolic link loop");
  CHECK(not_a_regular_file(dangling) == "is a dangling symbolic link");
  CHECK(not_a_regular_file(dir.path / "folder.pdf") == "is a folder, not a file");
  CHECK(not_a_regular_file("/dev/null") == "is a device, not a regular file");
  CHECK(not_a_regular_file(dir.path / "missing.pdf") == "no such file");
  // These would block forever if opened.
  CHECK(test::error_line([&] { read_file(fifo); }).find("FIFO") != std::string::npos);
  CHECK(pdf_envelope_problem(fifo) == "is a FIFO (named pipe), not a regular file");
  ScratchDir into;
  CHECK(test::error_line([&] { extract_archive(fifo, into.path()); }).find("FIFO") != std::string::npos);
  dir.write("workshop.yaml", "");
  fs::remove(dir.path / "workshop.yaml");
  REQUIRE(::mkfifo((dir.path / "workshop.yaml").c_str(), 0600) == 0);
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("FIFO") != std::string::npos);
}

TEST_CASE("a PDF is complete only with %%EOF at its end and a startxref that points at its xref") {
  const std::string paper = read_file(test::fixture("body5.pdf"));
  test::TempDir dir;
  const fs::path half = dir.path / "half.pdf", spliced = dir.path / "spliced.pdf";
  std::ofstream(half, std::ios::binary) << paper.substr(0, paper.size() / 2);
  CHECK(pdf_envelope_problem(half).rfind("truncated PDF", 0) == 0);
  // The first half of one PDF with the last bytes of another: %%EOF is there.
  std::ofstream(spliced, std::ios::binary) << paper.substr(0, paper.size() / 2) + paper.substr(paper.size() - 40);
  CHECK(pdf_envelope_problem(spliced).rfind("damaged PDF", 0) == 0);
  CHECK(pdf_envelope_problem(test::fixture("body5.pdf")).empty());
}

TEST_CASE("counting a PDF's pages finds what a full read finds, and refuses what a full read refuses") {
  PdfReader reader;
  for (const char* name : {"body5.pdf", "body6.pdf", "body7.pdf"}) {
    CAPTURE(name);
    CHECK(reader.page_count(test::fixture(name)) == static_cast<int>(reader.read(test::fixture(name)).pages.size()));
  }
  const std::string paper = read_file(test::fixture("body5.pdf"));
  test::TempDir dir;
  const fs::path half = dir.path / "half.pdf";
  std::ofstream(half, std::ios::binary) << paper.substr(0, paper.size() / 2);
  CHECK(test::error_line([&] { reader.page_count(half); }).find("half.pdf: truncated PDF") != std::string::npos);
  CHECK(test::error_line([&] { reader.page_count(dir.path / "none.pdf"); }).find("none.pdf: ") != std::string::npos);
}

TEST_CASE("AtomicOutput keeps the previous file when the new one cannot be written in full") {
  test::TempDir dir;
  const fs::path out = dir.path / "book.pdf";
  write_file_atomic(out, "old and good");
  // RLIMIT_FSIZE makes writes past 4 KiB fail as a full disk would.
  const pid_t child = ::fork();
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{4096, 4096};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      write_file_atomic(out, std::string(1 << 20, 'x'));
      ::_exit(0);
    } catch (const Error&) {
      ::_exit(3);
    }
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WEXITSTATUS(status) == 3);
  CHECK(read_file(out) == "old and good");
  for (const auto& e : fs::directory_iterator(dir.path)) CHECK(e.path().filename() == "book.pdf");
}

TEST_CASE("a second writer of the same output folder is told so") {
  test::TempDir dir;
  const OutputLock first(dir.path / "lock", "out");
  const pid_t child = ::fork();
  if (child == 0) {
    try {
      const OutputLock second(dir.path / "lock", "out");
      ::_exit(0);
    } catch (const Error& e) {
      ::_exit(e.status() == Exit::busy ? 5 : 1);
    }
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WEXITSTATUS(status) == 5);
}

TEST_CASE("a timeout ends the program's whole process group") {
  test::TempDir dir;
  const auto started = std::chrono::steady_clock::now();
  CHECK(test::error_line([&] {
          run_program("sh", {"-c", "sleep 60 & echo $! > child.pid; wait"}, dir.path, std::chrono::seconds(1));
        }).find("timed out") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
  const int pid = std::stoi(read_file(dir.path / "child.pid"));
  // The grandchild is gone (or a zombie waiting for init to reap it).
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const fs::path stat = "/proc/" + std::to_string(pid) + "/stat";
  const bool alive = fs::exists(stat) && read_file(stat).find(") Z") == std::string::npos;
  CHECK_FALSE(alive);
}

TEST_CASE("every TeX run has -no-shell-escape") {
  test::TempDir dir;
  dir.write("x.tex",
            "\\documentclass{article}\\begin{document}\\immediate\\write18{touch pwned}x\\end{document}\n");
  CHECK_NOTHROW(run_tex("pdflatex", {"x.tex"}, dir.path, std::chrono::seconds(60)));
  CHECK_FALSE(fs::exists(dir.path / "pwned"));
  // Fully off, not TeX Live's default restricted mode ("disabled (restricted)").
  CHECK(read_file(dir.path / "x.log").find("runsystem(touch pwned)...disabled.") != std::string::npos);
}

TEST_CASE("a TeX run that stops says in one line which file and line, what TeX said and where") {
  test::TempDir dir;
  dir.write("x.tex", "\\documentclass{article}\n\\begin{document}\nSome text \\undefinedthing{x} here.\n\\end{document}\n");
  const std::string line =
      test::error_line([&] { run_tex("pdflatex", {"x.tex"}, dir.path, std::chrono::seconds(60), dir.path / "x.log"); });
  CHECK(line == "pdflatex: x.tex:3: Undefined control sequence, at 'Some text \\undefinedthing'");
  // The log's two forms: -file-line-error's and TeX's own "!"; LaTeX's help lines are skipped.
  const auto latex = tex_error("(./a.tex\n./a.tex:12: LaTeX Error: File `nope.sty' not found.\n\nType X to quit or "
                               "<RETURN> to proceed,\nor enter new name. (Default extension: sty)\n\nl.12 \\usepackage"
                               "{nope}\n          ^^M\n");
  REQUIRE(latex);
  CHECK(latex->file == "a.tex");
  CHECK(latex->line == 12);
  CHECK(latex->message == "LaTeX Error: File `nope.sty' not found.");
  CHECK(latex->context == "\\usepackage{nope}");
  const auto bang = tex_error("! Missing $ inserted.\n<inserted text> \n                $\nl.7 a_\n     b\n");
  REQUIRE(bang);
  CHECK(bang->file.empty());
  CHECK(bang->line == 7);
  CHECK(bang->message == "Missing $ inserted.");
  CHECK(bang->context == "a_");
  CHECK_FALSE(tex_error("This is pdfTeX\nOutput written on x.pdf (1 page).\n"));
}

TEST_CASE("Markdown notes cannot \\input a file unless the venue allows raw TeX") {
  test::TempDir dir;
  dir.write("note.md", "Before \\input{/etc/hostname} after.\n\n```{=latex}\n\\input{/etc/passwd}\n```\n\n$\\input{/etc/hosts}$\n");
  const std::string safe = markdown_to_latex(dir.path / "note.md", dir.path, false);
  CHECK(safe.find("\\input") == std::string::npos);
  CHECK(safe.find("\\textbackslash{}input") != std::string::npos);
  const std::string raw = markdown_to_latex(dir.path / "note.md", dir.path, true);
  CHECK(raw.find("\\input{/etc/hostname}") != std::string::npos);
  dir.write("bad.md", "caf\xe9\n");
  CHECK(test::error_line([&] { markdown_to_latex(dir.path / "bad.md", dir.path, false); }) ==
        (dir.path / "bad.md").string() + ":1: invalid UTF-8 at byte 3 (save the file as UTF-8)");
}

TEST_CASE("CSV as RFC 4180 and spreadsheets write it") {
  const auto rows = parse_csv("\xEF\xBB\xBFid,url\r\n\"a\",\"https://x/?q=1,2\"\r\n\r\nb,\"say \"\"hi\"\"\nthere\"\r\nc,d", "l.csv");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].cells == std::vector<std::string>{"id", "url"});
  CHECK(rows[1].cells == std::vector<std::string>{"a", "https://x/?q=1,2"});
  CHECK(rows[2].line == 4);
  CHECK(rows[2].cells == std::vector<std::string>{"b", "say \"hi\"\nthere"});
  CHECK(rows[3].line == 6);
  CHECK(test::error_line([] { parse_csv("a,b\nc,\"open\n", "l.csv"); }) ==
        "l.csv:2: a quoted field is never closed (a missing '\"')");
  CHECK(test::error_line([] { parse_csv("a,\"b\"c\n", "l.csv"); }).rfind("l.csv:1: text after a closing quote", 0) == 0);
}

TEST_CASE("a venue whose page limit includes the bibliography counts every page") {
  SubmissionRules venue;
  venue.template_name = "acmart-sigconf";
  venue.max_pages = 6;
  venue.bibliography_excluded = false;
  const check::CheckRules rules = check::rules_from(venue);
  CHECK_FALSE(rules.bibliography_excluded);
  PdfReader reader;
  // full6-refs8: six body pages, then two pages of references.
  const auto including = check::analyze("full6-refs8.pdf", reader.read(test::fixture("full6-refs8.pdf")), rules);
  CHECK(including.verdict == check::Verdict::fail);
  venue.bibliography_excluded = true;
  const auto excluding =
      check::analyze("full6-refs8.pdf", reader.read(test::fixture("full6-refs8.pdf")), check::rules_from(venue));
  bool over = false;
  for (const auto& p : excluding.problems) over |= p.code == "PAGES_OVER";
  CHECK_FALSE(over);
  bool over_including = false;
  for (const auto& p : including.problems) over_including |= p.code == "PAGES_OVER";
  CHECK(over_including);
}

TEST_CASE("the rules key changes with every rule") {
  const check::CheckRules base;
  const std::string key = check::rules_key(base);
  auto differs = [&](auto change) {
    check::CheckRules r = base;
    change(r);
    return check::rules_key(r) != key;
  };
  CHECK(differs([](check::CheckRules& r) { r.template_name = "acmart"; }));
  CHECK(differs([](check::CheckRules& r) { r.paper = "a4"; }));
  CHECK(differs([](check::CheckRules& r) { r.columns = 1; }));
  CHECK(differs([](check::CheckRules& r) { r.min_pages = 5; }));
  CHECK(differs([](check::CheckRules& r) { r.max_pages = 6; }));
  CHECK(differs([](check::CheckRules& r) { r.bibliography_excluded = false; }));
  CHECK(differs([](check::CheckRules& r) { r.review = Review::double_blind; }));
  CHECK(differs([](check::CheckRules& r) { r.min_font_pt = 8; }));
  CHECK(differs([](check::CheckRules& r) { r.min_side_margin_pt = 40; }));
}

TEST_CASE("papers.yaml keeps its style: one changed field changes its lines only") {
  const std::string original =
      "# Accepted papers\n"
      "papers:\n"
      "  - id: wages\n"
      "    title: \"WAGES: Workload-Aware GPU Sharing\"  # as the program prints it\n"
      "    authors: [Tianyu Wang, Gourav Rattihalli]\n"
      "    source: wages\n"
      "\n"
      "  - id: omnifed\n"
      "    title: 'OmniFed'\n"
      "    authors: [Sahil Tyagi]\n";
  const std::string rendered =
      "papers:\n"
      "  - id: wages\n"
      "    title: \"WAGES: Workload-Aware GPU Sharing\"\n"
      "    authors:\n"
      "      - Tianyu Wang\n"
      "      - Gourav Rattihalli\n"
      "    source: wages\n"
      "    arxiv: \"2599.00002\"\n"
      "  - id: omnifed\n"
      "    title: \"OmniFed\"\n"
      "    authors:\n"
      "      - {name: Sahil Tyagi, email: st@example.org}\n"
      "  - id: chatport\n"
      "    title: \"ChatPORT\"\n"
      "    authors:\n"
      "      - Zheming Jin\n";
  const std::string merged = keep_unchanged_yaml(original, rendered, "papers", "id");
  CHECK(merged ==
        "# Accepted papers\n"
        "papers:\n"
        "  - id: wages\n"
        "    title: \"WAGES: Workload-Aware GPU Sharing\"  # as the program prints it\n"
        "    authors: [Tianyu Wang, Gourav Rattihalli]\n"
        "    source: wages\n"
        "    arxiv: \"2599.00002\"\n"
        "\n"
        "  - id: omnifed\n"
        "    title: 'OmniFed'\n"
        "    authors:\n"
        "      - {name: Sahil Tyagi, email: st@example.org}\n"
        "  - id: chatport\n"
        "    title: \"ChatPORT\"\n"
        "    authors:\n"
        "      - Zheming Jin\n");
  // Items written at column 0 keep their indentation too.
  CHECK(keep_unchanged_yaml("papers:\n- id: a\n  title: [x]\n", "papers:\n  - id: a\n    title: [x]\n    arxiv: \"1\"\n",
                            "papers", "id") == "papers:\n- id: a\n  title: [x]\n  arxiv: \"1\"\n");
}

TEST_CASE("fuzz regressions: workshop YAML that once ended the process") {
  // A list used as a mapping key ("? - {name: ...}") threw yaml-cpp's own
  // exception past the loader (found by fuzz_yaml): now a usage Error.
  test::TempDir dir;
  fs::copy_file(test::source_dir() / "tests/fuzz-regressions/yaml-non-text-key.yaml", dir.path / "workshop.yaml");
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("has a key that is not text") != std::string::npos);
}

TEST_CASE("fuzz regressions: a NUL before a flow entry looped yaml-cpp's parser (3 bytes, found by fuzz_yaml)") {
  test::TempDir dir;
  fs::copy_file(test::source_dir() / "tests/fuzz-regressions/yaml-nul-flow-entry.yaml", dir.path / "workshop.yaml");
  const auto start = std::chrono::steady_clock::now();
  CHECK(test::error_line([&] { load_workshop(dir.path); }).find("workshop.yaml:1: holds the control character U+0000") !=
        std::string::npos);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

#include "report/lint.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "proceedings/archive.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/process.hpp"
#include "proceedings/program_checks.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::report {

namespace fs = std::filesystem;

namespace {

// What each framed note says is missing: the text of "\\missing{WHAT}", or of
// "\\textbf{Missing:} WHAT" up to the line's end or a closing brace. A hand
// scan, linear in the text: a note on a 50 000-character line once overflowed
// the stack of a std::regex.
std::vector<std::string> missing_notes(const std::string& tex) {
  static const std::string macro = "\\missing{", bold = "\\textbf{Missing:}";
  std::vector<std::string> notes;
  for (std::size_t at = 0;;) {
    const std::size_t m = tex.find(macro, at), b = tex.find(bold, at);
    if (m == std::string::npos && b == std::string::npos) return notes;
    std::size_t from = 0, to = 0;
    if (m < b) {
      from = m + macro.size();
      to = std::min(tex.find('}', from), tex.size());
    } else {
      from = b + bold.size();
      while (from < tex.size() && std::isspace(static_cast<unsigned char>(tex[from]))) ++from;
      to = std::min(tex.find_first_of("\n}", from), tex.size());
    }
    notes.push_back(tex.substr(from, to - from));
    at = to;
  }
}

// A finding is one short line: a note's white space runs become one space and
// its text is cut after 200 bytes, at a character's start.
std::string shortened(const std::string& note) {
  constexpr std::size_t limit = 200;
  const std::string text = collapse_whitespace(note);
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

class Linter {
 public:
  Linter(const fs::path& folder, const fs::path& metadata) : folder_(folder), metadata_(metadata) {
    for (const auto& e : fs::recursive_directory_iterator(folder))
      if (e.is_regular_file() && e.path().filename() != "metadata.json")  // the form, not a source
        files_.insert(fs::relative(e.path(), folder).generic_string());
  }

  std::vector<LintFinding> run(bool compile) {
    readme();
    names();
    byproducts();
    if (!main_.empty()) {
      bibliography();
      references_and_comments();
      unfinished_parts();
    }
    // arXiv receives the package alone: no rule of the package waits for, or
    // is skipped by, what the form (metadata.json) says.
    if (compile && !main_.empty() && errors() == placeholder_count()) compiles();  // a missing part still compiles
    form();
    return std::move(out_);
  }

 private:
  void add(Severity severity, const char* code, const std::string& file, const std::string& message) {
    out_.push_back({code, severity, file, 0, message});
  }
  int placeholder_count() const {
    return static_cast<int>(std::count_if(out_.begin(), out_.end(), [](const LintFinding& f) { return f.code == "PLACEHOLDER"; }));
  }
  int errors() const { return static_cast<int>(count_errors(out_)); }

  void readme() {
    if (!files_.count("00README.json")) {
      add(Severity::error, "NO_00README", "00README.json", "missing: add one naming the top-level .tex file and the compiler");
      main_ = guess_main();
      return;
    }
    try {
      const auto j = nlohmann::json::parse(read_file(folder_ / "00README.json"));
      if (j.value("spec_version", 0) != 1) add(Severity::error, "BAD_00README", "00README.json", "spec_version must be 1");
      for (const auto& s : j.at("sources"))
        if (s.value("usage", "") == "toplevel") main_ = s.at("filename").get<std::string>();
      if (j.at("process").value("compiler", "") != "pdflatex")
        add(Severity::warning, "COMPILER", "00README.json", "the compiler is not pdflatex; make sure arXiv supports it");
    } catch (const std::exception& e) {
      add(Severity::error, "BAD_00README", "00README.json", std::string("not valid: ") + e.what());
    }
    if (main_.empty()) add(Severity::error, "BAD_00README", "00README.json", "names no source with usage 'toplevel'");
    else if (!files_.count(main_)) {
      add(Severity::error, "BAD_00README", "00README.json", "its top-level file '" + main_ + "' is not in the package");
      main_.clear();
    }
    if (main_.empty()) main_ = guess_main();  // a bad 00README must not hide what else is wrong
  }

  std::string guess_main() const {
    for (const auto& f : files_)
      if (f.size() > 4 && f.substr(f.size() - 4) == ".tex" && read_file(folder_ / f).find("\\documentclass") != std::string::npos)
        return f;
    return "";
  }

  void names() {
    static const std::string allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-.,=/";
    for (const auto& f : files_)
      if (f.empty() || f.find_first_not_of(allowed) != std::string::npos)
        add(Severity::error, "BAD_FILE_NAME", f, "rename it: arXiv takes only letters, digits and _ + - . , = in file names");
  }

  void byproducts() {
    static const std::vector<std::string> endings{".aux", ".log", ".out", ".blg", ".toc", ".lof", ".lot", ".fls",
                                                  ".fdb_latexmk", ".synctex.gz", ".dvi", ".bcf", ".run.xml"};
    for (const auto& f : files_)
      for (const auto& e : endings)
        if (f.size() > e.size() && f.compare(f.size() - e.size(), e.size(), e) == 0)
          add(Severity::error, "BYPRODUCT", f, "a build byproduct: remove it from the package");
    if (!main_.empty()) {
      const std::string pdf = main_.substr(0, main_.size() - 4) + ".pdf";
      if (files_.count(pdf)) add(Severity::error, "BYPRODUCT", pdf, "the compiled PDF of the main file: remove it");
    }
  }

  void bibliography() {
    const std::string tex = read_file(folder_ / main_);
    const std::string stem = main_.substr(0, main_.size() - 4);
    const bool cites = tex.find("\\bibliography{") != std::string::npos;
    const bool has_bbl = files_.count(stem + ".bbl") > 0;
    for (const auto& f : files_)
      if (f.size() > 4 && f.substr(f.size() - 4) == ".bbl" && f != stem + ".bbl")
        add(Severity::error, "BBL_NAME", f, "arXiv reads the .bbl named like the main file: rename it " + stem + ".bbl");
    if (cites && !has_bbl)
      add(Severity::error, "MISSING_BBL", stem + ".bbl", "missing: arXiv does not run BibTeX; add the .bbl your compile made");
  }

  // Every file must be used, every path relative, and no comment left.
  void references_and_comments() {
    std::set<std::string> used{main_, "00README.json", main_.substr(0, main_.size() - 4) + ".bbl"};
    static const Regex reference(R"(\\(?:input|include|includegraphics|bibliography)\s*(?:\[[^\]]*\])?\{([^}]*)\})");
    static const Regex comment(R"((^|[^\\])%\s*\S)");
    for (const auto& f : files_) {
      if (f.size() < 4 || f.substr(f.size() - 4) != ".tex") continue;
      const std::string tex = read_file(folder_ / f);
      std::istringstream lines(tex);
      int number = 0;
      for (std::string line; std::getline(lines, line);) {
        ++number;
        if (comment.contains(line)) {  // arXiv advises removing them; it does not require it
          add(Severity::warning, "COMMENTS", f + ":" + std::to_string(number),
              "a comment is left in the source (arXiv makes sources public): consider removing it");
          break;
        }
      }
      for (const Match& m : reference.all(tex)) {
        const std::string target = m.str(1);
        if (!target.empty() && (target[0] == '/' || target.find(":\\") != std::string::npos))
          add(Severity::error, "ABSOLUTE_PATH", f, "'" + target + "' is an absolute path: use a path inside the package");
        for (const char* ext : {"", ".tex", ".pdf", ".png", ".jpg", ".eps"}) used.insert(target + ext);
      }
    }
    std::set<std::string> reported;  // one finding a file is enough
    for (const auto& finding : out_) reported.insert(finding.file);
    for (const auto& f : files_)
      if (!used.count(f) && !reported.count(f)) add(Severity::error, "UNUSED_FILE", f, "nothing in the sources uses it: remove it");
  }

  void form() {
    if (metadata_.empty() || !fs::exists(metadata_)) return;
    const std::string name = metadata_.filename().string();
    try {
      const auto j = nlohmann::json::parse(read_file(metadata_));
      const std::string abstract = j.value("abstract", "");
      if (abstract.empty()) add(Severity::error, "NO_ABSTRACT", name, "the abstract is empty");
      if (abstract.size() > 1920)
        add(Severity::error, "ABSTRACT_LONG", name,
            "the abstract has " + std::to_string(abstract.size()) + " characters; arXiv takes at most 1920");
      if (std::any_of(abstract.begin(), abstract.end(), [](char c) { return static_cast<unsigned char>(c) > 127; }))
        add(Severity::error, "ABSTRACT_NOT_ASCII", name, "the abstract has non-ASCII characters: write them the TeX way or drop the accents");
      if (abstract.rfind("Abstract", 0) == 0 || abstract.rfind("abstract", 0) == 0)
        add(Severity::error, "ABSTRACT_PREFIX", name, "the abstract starts with the word 'Abstract': remove it");
      if (j.value("title", "").empty()) add(Severity::error, "NO_TITLE", name, "the title is empty");
      if (j.value("primary_category", "").empty()) add(Severity::error, "NO_CATEGORY", name, "no primary category (e.g. cs.DC)");
    } catch (const std::exception& e) {
      add(Severity::error, "BAD_METADATA", name, std::string("not valid JSON: ") + e.what());
    }
  }

  void unfinished_parts() {
    const std::string tex = read_file(folder_ / main_);
    placeholders(tex);
    // A report that only retells the program is often declined by moderators.
    for (const char* part : {"findings", "future directions"})
      if (tex.find(std::string("Missing:} the ") + part) != std::string::npos || tex.find(std::string("\\missing{the ") + part) != std::string::npos)
        add(Severity::warning, "EMPTY_SECTION", main_,
            std::string("the ") + part + " section is empty: arXiv moderators often decline plain event summaries");
  }

  // The draft's framed "Missing:" notes: a package holding one is not finished.
  void placeholders(const std::string& tex) {
    for (const std::string& what : missing_notes(tex)) {
      if (what.rfind("#1", 0) == 0) continue;  // the macro's own definition
      add(Severity::error, "PLACEHOLDER", main_,
          "a part is still missing: " + shortened(what.substr(0, what.find(": write it in"))) + "; write it before submitting");
    }
  }

  void compiles() {
    ScratchDir clean("proceedings-arxiv");
    for (const auto& f : files_) {
      fs::create_directories((clean.path() / f).parent_path());
      fs::copy_file(folder_ / f, clean.path() / f);
    }
    try {
      for (int run = 0; run < 2; ++run)
        run_tex("pdflatex", {main_}, clean.path(), std::chrono::seconds(300),
                clean.path() / (main_.substr(0, main_.size() - 4) + ".log"));
    } catch (const Error& e) {
      add(Severity::error, "DOES_NOT_COMPILE", main_, std::string("pdflatex fails with only the package's files: ") + e.what());
      return;
    }
    const std::string log = read_file(clean.path() / (main_.substr(0, main_.size() - 4) + ".log"));
    if (log.find("Citation") != std::string::npos && log.find("undefined") != std::string::npos)
      add(Severity::error, "UNDEFINED_CITATIONS", main_, "citations are undefined: the .bbl does not match the sources");
  }

  fs::path folder_;
  fs::path metadata_;
  std::set<std::string> files_;
  std::string main_;
  std::vector<LintFinding> out_;
};

}  // namespace

std::vector<LintFinding> lint_folder(const fs::path& folder, const fs::path& metadata, bool compile) {
  return Linter(folder, metadata).run(compile);
}

std::vector<LintFinding> program_slips(const Workshop& w) {
  std::vector<LintFinding> out;
  for (const auto& f : check_program(w))
    if (f.severity == Severity::error)
      out.push_back({f.code, Severity::error, f.file, f.line,
                     "the report retells a program slip: " + f.message +
                         (f.session ? "; fix it, or confirm it with 'confirmed: [" + f.code + "]' under session '" +
                                          f.session->id + "'"
                                    : "; fix it")});
  return out;
}

std::vector<LintFinding> lint(const fs::path& input, bool compile) {
  std::error_code ec;
  if (fs::is_directory(input, ec)) {
    fs::path metadata = input / "metadata.json";
    if (!fs::exists(metadata)) metadata = input.parent_path() / "metadata.json";
    return lint_folder(input, metadata, compile);
  }
  if (!fs::exists(input)) throw input_error(input.string(), "no such file or folder");
  if (!is_archive_name(input)) throw input_error(input.string(), "is neither a folder nor a .tar.gz or .zip archive");
  ScratchDir unpacked("proceedings-lint");
  extract_archive(input, unpacked.path());
  return lint_folder(unpacked.path(), input.parent_path() / "metadata.json", compile);
}

}  // namespace proceedings::report

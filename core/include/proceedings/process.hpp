#pragma once
// External programs (latexmk, pdflatex, pandoc) run with a time limit; what
// they print is kept so that a failure can say why.
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "proceedings/error.hpp"

namespace proceedings {

struct ProgramRun {
  int exit_code = 0;
  std::string out;  // standard output
  std::string err;  // standard error
};

// What run_program throws for a program that ran past its limit: running it
// again would take as long, so no caller retries it.
class TimedOut : public Error {
 public:
  using Error::Error;
};

// Runs `program` (looked up on PATH) in `folder` with `input` on its
// standard input and `environment` added to this process's. Throws an
// external Error when it cannot start, runs past `limit` (its whole process
// group is killed: latexmk and the pdflatex and bibtex it started), or exits
// non-zero (with the end of its stderr, or of `log_file` when given, in the
// message).
ProgramRun run_program(const std::string& program, const std::vector<std::string>& args,
                       const std::filesystem::path& folder, std::chrono::seconds limit,
                       const std::string& input = "", const std::filesystem::path& log_file = {},
                       const std::map<std::string, std::string>& environment = {});

// A TeX run (pdflatex, lualatex, xelatex, latexmk): always with
// -no-shell-escape and -interaction=nonstopmode -halt-on-error, so that no
// input can run a command or wait for an answer. The environment variable
// PROCEEDINGS_TEX_TIMEOUT (seconds), when set, replaces `limit`. With `source_date_epoch`
// (seconds since 1970), the PDF's dates and /ID are fixed to it, so the same
// inputs give the same bytes.
ProgramRun run_tex(const std::string& engine, const std::vector<std::string>& args,
                   const std::filesystem::path& folder, std::chrono::seconds limit,
                   const std::filesystem::path& log_file = {}, const std::string& source_date_epoch = "");

// Why a TeX run stopped, as its log tells: the file and line it was reading
// (from -file-line-error's "FILE:LINE: message"; the file is empty for a
// "! message" error), the message, and the input line's text up to where TeX
// stopped ("l.LINE text").
struct TexError {
  std::string file;
  int line = 0;
  std::string message;
  std::string context;
};
std::optional<TexError> tex_error(const std::string& log);

// Markdown to LaTeX with Pandoc. Unless `allow_raw_tex`, raw TeX, raw
// attributes and TeX math are read as plain text, so that a note cannot
// \input a file. The file must be UTF-8 (usage Error naming the line).
std::string markdown_to_latex(const std::filesystem::path& markdown, const std::filesystem::path& work,
                              bool allow_raw_tex, const std::vector<std::string>& extra_args = {});

}  // namespace proceedings

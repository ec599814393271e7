#pragma once
// External programs (latexmk, pdflatex, pandoc) run with a time limit; what
// they print is kept so that a failure can say why.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace proceedings {

struct ProgramRun {
  int exit_code = 0;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `program` (looked up on PATH) in `folder` with `input` on its
// standard input. Throws an external Error when it cannot start, runs past
// `limit` (it is killed), or exits non-zero (with the end of its stderr, or
// of `log_file` when given, in the message).
ProgramRun run_program(const std::string& program, const std::vector<std::string>& args,
                       const std::filesystem::path& folder, std::chrono::seconds limit,
                       const std::string& input = "", const std::filesystem::path& log_file = {});

}  // namespace proceedings

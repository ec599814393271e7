#pragma once
// One kind of finding for every command: a format problem in a paper, a slip
// in a program, a rule an arXiv package breaks, a metadata mismatch.
#include <string>
#include <vector>

#include "proceedings/error.hpp"

namespace proceedings {

enum class Severity { warning, error };

// "error" or "warning", as every report and JSON document spells it.
const char* severity_name(Severity severity);

struct Diagnostic {
  std::string code;                     // stable, e.g. PAGES_OVER, TIME_BACKWARDS, kind of mismatch
  Severity severity = Severity::error;  // errors fail the run; warnings do not
  std::string file;                     // where, when a command reports on several files
  int line = 0;                         // 1-based; 0 when not tied to a line
  std::string message;                  // one sentence that says what is wrong and how to fix it
};

std::size_t count_errors(const std::vector<Diagnostic>& diagnostics);

// Exit::failed when any diagnostic is an error, else Exit::ok.
Exit worst_exit(const std::vector<Diagnostic>& diagnostics);

}  // namespace proceedings

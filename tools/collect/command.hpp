#pragma once
#include <CLI/CLI.hpp>

namespace proceedings::collect {

// Options of `proceedings collect` on `cmd` (made by tools/cli from its command table);
// the run callback stores the exit status in `status`.
void add_options(CLI::App& cmd, int& status);

}  // namespace proceedings::collect

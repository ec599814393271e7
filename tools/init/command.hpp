#pragma once
#include <CLI/CLI.hpp>

#include "init/job.hpp"

namespace proceedings::init {

// Options of `proceedings init` on `cmd` (made by tools/cli from its command
// table); `read_page` reads --from's page (import web's reader, which the
// command line hands in). The run callback stores the exit status in `status`.
void add_options(CLI::App& cmd, int& status, PageReader read_page);

}  // namespace proceedings::init

#pragma once
#include <CLI/CLI.hpp>

namespace proceedings::fetch {

void add_command(CLI::App& app, int& status);

}  // namespace proceedings::fetch

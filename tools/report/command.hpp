#pragma once
#include <CLI/CLI.hpp>

namespace proceedings::report {

void add_command(CLI::App& app, int& status);

}  // namespace proceedings::report

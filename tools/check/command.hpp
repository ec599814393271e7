#pragma once
#include <CLI/CLI.hpp>

namespace proceedings::check {

// Adds `check` to the CLI; the callback stores the exit status in `status`.
void add_command(CLI::App& app, int& status);

}  // namespace proceedings::check

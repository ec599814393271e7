#pragma once
#include <CLI/CLI.hpp>

namespace proceedings::build {

void add_command(CLI::App& app, int& status);

}  // namespace proceedings::build

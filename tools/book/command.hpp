#pragma once
#include <CLI/CLI.hpp>

namespace proceedings::book {

void add_command(CLI::App& app, int& status);

}  // namespace proceedings::book

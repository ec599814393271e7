#pragma once
#include <CLI/CLI.hpp>

namespace proceedings::notify {

void add_command(CLI::App& app, int& status);

}  // namespace proceedings::notify

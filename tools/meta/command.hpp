#pragma once
#include <CLI/CLI.hpp>

namespace proceedings::meta {

void add_command(CLI::App& app, int& status);

}  // namespace proceedings::meta

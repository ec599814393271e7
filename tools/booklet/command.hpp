#pragma once
#include <CLI/CLI.hpp>

namespace proceedings::booklet {

void add_command(CLI::App& app, int& status);

}  // namespace proceedings::booklet

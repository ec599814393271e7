#pragma once
// The command line's answers to a mistyped word: an unknown subcommand or
// option is named with the one known name it most likely misspells (core's
// closest_name, the same rule the YAML readers use for a misspelt field).
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace proceedings::cli {

// "unknown subcommand 'chekc'; did you mean 'check'? (the subcommands are ...)"
// for `given`, a word that is not a subcommand of `app`; nullopt when it is one.
std::optional<std::string> unknown_subcommand(const CLI::App& app, const std::string& given);

// The first option of `args` (argv without the program) that the subcommand
// it follows does not take, with a suggestion; nullopt when every option is known.
std::optional<std::string> unknown_option(const CLI::App& app, const std::vector<std::string>& args);

// `proceedings help CMD [SUB]` as `proceedings CMD [SUB] --help`; `args` unchanged otherwise.
std::vector<std::string> help_as_option(std::vector<std::string> args);

}  // namespace proceedings::cli

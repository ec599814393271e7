#pragma once
// What the command line generates from its own command table, so that they
// never disagree with `--help`: shell completion (bash, zsh) and a manual
// page per command (`man proceedings-check`), installed by `cmake --install`.
#include <CLI/CLI.hpp>
#include <string>

namespace proceedings::cli {

// The completion script for `shell` (bash or zsh) of the program `app`
// describes: its subcommands, theirs (import web, report lint, ...), each
// one's options with their fixed choices; files and folders otherwise.
std::string completion_script(const CLI::App& app, const std::string& shell);

// The manual page (roff, man(7)) of `proceedings CMD` (cmd: a subcommand of
// `app`), or of `proceedings` itself when `cmd` is `app`: the summary, the
// usage, every option as --help lists it, the notes and the exit statuses.
std::string manual_page(const CLI::App& app, const CLI::App& cmd);

// Writes proceedings.1 and proceedings-CMD.1 for every subcommand into `folder`.
void write_manual_pages(const CLI::App& app, const std::string& folder);

// The subcommands of `app` that a user runs (hidden ones left out).
std::vector<const CLI::App*> visible_subcommands(const CLI::App& app);

}  // namespace proceedings::cli

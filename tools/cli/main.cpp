// The CLI edge: parses the command line, runs one subcommand, and turns any
// error into one line on stderr and a documented exit status.
#include <CLI/CLI.hpp>
#include <iostream>

#include "booklet/command.hpp"
#include "book/command.hpp"
#include "check/command.hpp"
#include "fetch/command.hpp"
#include "meta/command.hpp"
#include "notify/command.hpp"
#include "report/command.hpp"
#include "proceedings/error.hpp"

namespace {

// CLI11 would say "The following arguments were not expected: bogus".
bool reject_unknown_subcommand(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return false;
  const std::string given = argv[1];
  std::string names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == given) return false;
    names += (names.empty() ? "" : ", ") + sub->get_name();
  }
  std::cerr << "proceedings: unknown subcommand '" << given << "'; the subcommands are " << names
            << " (proceedings --help says what each does)\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using proceedings::Exit;
  CLI::App app{"proceedings: format checks, metadata, proceedings books and programs for workshop chairs"};
  app.set_version_flag("--version", std::string("proceedings ") + PROCEEDINGS_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit status: 0 success, 1 a check failed, 2 usage error, 3 unreadable input or failed write,\n"
      "4 external tool failed, 5 another run is writing the same output folder.");
  int status = 0;
  proceedings::check::add_command(app, status);
  proceedings::meta::add_command(app, status);
  proceedings::book::add_command(app, status);
  proceedings::booklet::add_command(app, status);
  proceedings::report::add_command(app, status);
  proceedings::fetch::add_command(app, status);
  proceedings::notify::add_command(app, status);
  if (reject_unknown_subcommand(app, argc, argv)) return static_cast<int>(Exit::usage);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(Exit::usage);
  } catch (const proceedings::Error& e) {
    std::cerr << "proceedings: " << e.line() << "\n";
    return static_cast<int>(e.status());
  } catch (const std::exception& e) {
    std::cerr << "proceedings: internal error: " << e.what() << "\n";
    return static_cast<int>(Exit::internal);
  }
  return status;
}

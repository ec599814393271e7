// The CLI edge: parses the command line, runs one subcommand, and turns any
// error into one line on stderr and a documented exit status.
#include <CLI/CLI.hpp>
#include <iostream>

#include "booklet/command.hpp"
#include "build/command.hpp"
#include "check/command.hpp"
#include "fetch/command.hpp"
#include "meta/command.hpp"
#include "report/command.hpp"
#include "proceedings/error.hpp"

int main(int argc, char** argv) {
  using proceedings::Exit;
  CLI::App app{"proceedings: format checks, metadata, proceedings books and programs for workshop chairs"};
  app.set_version_flag("--version", std::string("proceedings ") + PROCEEDINGS_VERSION);
  app.require_subcommand(1);
  app.footer("Exit status: 0 success, 1 a check failed, 2 usage error, 3 unreadable input, 4 external tool failed.");
  int status = 0;
  proceedings::check::add_command(app, status);
  proceedings::meta::add_command(app, status);
  proceedings::build::add_command(app, status);
  proceedings::booklet::add_command(app, status);
  proceedings::report::add_command(app, status);
  proceedings::fetch::add_command(app, status);
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

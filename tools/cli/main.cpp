// The CLI edge: one table of subcommands (name, summary, options, exit
// statuses) from which the help is made; it parses the command line, runs one
// subcommand, and turns any error into one line on stderr and a documented
// exit status.
#include <CLI/CLI.hpp>
#include <iostream>

#include "arxiv/command.hpp"
#include "build/command.hpp"
#include "booklet/command.hpp"
#include "check/command.hpp"
#include "collect/command.hpp"
#include "export/command.hpp"
#include "fetch/command.hpp"
#include "import/command.hpp"
#include "import/web_event.hpp"
#include "import/web_page.hpp"
#include "init/command.hpp"
#include "cli/generated.hpp"
#include "cli/mistakes.hpp"
#include "proceedings/files.hpp"
#include "meta/command.hpp"
#include "notify/command.hpp"
#include "report/command.hpp"
#include "status/command.hpp"
#include "proceedings/error.hpp"
#include "proceedings/exit_status.hpp"
#include "proceedings/parallel.hpp"

namespace {

using proceedings::Exit;
using proceedings::ExitUse;

struct Command {
  const char* name;
  const char* summary;
  void (*add_options)(CLI::App& cmd, int& status);  // options, help notes and the run callback
  std::vector<ExitUse> exits;                       // as `NAME --help` documents them
};

// import web's reader of an event's page, for `init --from` (a tool sees no other tool; the CLI wires them).
proceedings::init::PageVenue read_event_page(const std::string& page, const std::string& timezone) {
  proceedings::import::WebEvent event = proceedings::import::read_event(proceedings::import::load_page(page), timezone);
  return {std::move(event.workshop), std::move(event.notes)};
}

void add_init_options(CLI::App& cmd, int& status) { proceedings::init::add_options(cmd, status, read_event_page); }

// `proceedings completion bash|zsh`: the script, from the command table the help is made from.
void add_completion_options(CLI::App& cmd, int& status) {
  auto shell = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  cmd.footer("bash: source it, or install it as /usr/share/bash-completion/completions/proceedings (cmake --install does).\n"
             "zsh: put it as _proceedings in a folder of $fpath (cmake --install: share/zsh/vendor-completions).");
  cmd.add_option("SHELL", *shell, "bash or zsh")->required();
  cmd.add_option("--out", *out, "Write the script to FILE instead of printing it")->type_name("FILE");
  cmd.callback([&cmd, shell, out, &status] {
    const std::string script = proceedings::cli::completion_script(*cmd.get_parent(), *shell);
    if (out->empty()) std::cout << script;
    else {
      std::filesystem::create_directories(std::filesystem::path(*out).parent_path());
      proceedings::write_file_atomic(*out, script);
    }
    status = 0;
  });
}

// `proceedings man CMD`: the manual page of CMD in roff; --out DIR writes them all (the build installs them).
void add_man_options(CLI::App& cmd, int& status) {
  auto name = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  cmd.group("");  // a tool of the build and of packagers: not in --help, completion or the manual
  cmd.add_option("CMD", *name, "The subcommand whose page to print (none: proceedings(1))");
  cmd.add_option("--out", *out, "Write proceedings.1 and proceedings-CMD.1 for every subcommand into DIR")->type_name("DIR");
  cmd.callback([&cmd, name, out, &status] {
    const CLI::App& app = *cmd.get_parent();
    if (!out->empty()) proceedings::cli::write_manual_pages(app, *out);
    else if (name->empty()) std::cout << proceedings::cli::manual_page(app, app);
    else if (const auto unknown = proceedings::cli::unknown_subcommand(app, *name)) throw proceedings::usage_error("man", *unknown);
    else std::cout << proceedings::cli::manual_page(app, *app.get_subcommand(*name));
    status = 0;
  });
}

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"init", "Start a venue: workshop.yaml, papers.yaml and message.md, from flags, a preset or the CfP page",
       add_init_options,
       {{Exit::ok, "written"}, {Exit::usage, "a file exists, or a value is missing or malformed (nothing written)"},
        {Exit::input, "the page could not be read"}}},
      {"check", "Check uploaded papers against the venue's format rules", proceedings::check::add_options,
       {{Exit::ok, "all pass"}, {Exit::failed, "some paper fails"}, {Exit::usage, ""},
        {Exit::input, "some input could not be analysed"}}},
      {"meta", "Extract paper metadata from PDFs and LaTeX sources", proceedings::meta::add_options,
       {{Exit::ok, "read (and, with --venue, matching the record)"}, {Exit::failed, "a cross-check mismatch"},
        {Exit::usage, ""}, {Exit::input, "some input could not be read"}}},
      {"build", "Build the proceedings book and its bundle", proceedings::build::add_options,
       {{Exit::ok, "built or up to date"}, {Exit::failed, "papers fail the checks"}, {Exit::usage, ""},
        {Exit::input, "unreadable input or a failed write (the previous bundle stays)"},
        {Exit::external, "LaTeX or Pandoc failed"}, {Exit::busy, "another build is writing OUT"}}},
      {"booklet", "Publish the program: PDF booklet, web page, iCalendar, frab XML", proceedings::booklet::add_options,
       {{Exit::ok, "written (or, with --check, no errors)"}, {Exit::failed, "the program has errors"},
        {Exit::usage, ""}, {Exit::external, "LaTeX failed"}}},
      {"report", "Draft the workshop report and package it for arXiv", proceedings::report::add_options,
       {{Exit::ok, "written and the package passes"}, {Exit::failed, "the package breaks a rule"}, {Exit::usage, ""},
        {Exit::input, "unreadable input"}, {Exit::external, "LaTeX or Pandoc failed"}}},
      {"arxiv", "arXiv look-ups for a workshop's papers", proceedings::arxiv::add_options,
       {{Exit::ok, "done"}, {Exit::usage, ""}, {Exit::input, "the API could not be read"}}},
      {"fetch", "Download camera-ready uploads listed by the submission system", proceedings::fetch::add_options,
       {{Exit::ok, "all fetched or unchanged"}, {Exit::failed, "some failed"}, {Exit::usage, ""}}},
      {"notify", "Email the authors of each paper that failed the last check", proceedings::notify::add_options,
       {{Exit::ok, "done"}, {Exit::failed, "a recipient was refused"}, {Exit::usage, ""},
        {Exit::input, "unreadable input"}}},
      {"import", "Merge the accepted papers of a submission system's export into papers.yaml",
       proceedings::import::add_options,
       {{Exit::ok, "merged (or, without --write, nothing in the way)"}, {Exit::failed, "conflicts were listed"},
        {Exit::usage, "unknown format or bad mapping"}, {Exit::input, "unreadable input or a failed write"}}},
      {"collect", "Install uploads (a folder, a zip, fetch's output) as the venue's papers/<id>.pdf",
       proceedings::collect::add_options,
       {{Exit::ok, "every PDF taken"}, {Exit::failed, "some PDF matches no paper, or fits two"}, {Exit::usage, ""},
        {Exit::input, "unreadable source or a failed write"}, {Exit::busy, "another collect writes the venue"}}},
      {"status", "One line per paper: upload, verdict, rights and DOI, last notice, pages in the book",
       proceedings::status::add_options,
       {{Exit::ok, "every paper ready for the book"}, {Exit::failed, "some paper failing or missing"},
        {Exit::usage, ""}, {Exit::input, "unreadable sent-log or book manifest"}}},
      {"export", "Export the venue's papers for the publisher (acm-csv)", proceedings::exporter::add_options,
       {{Exit::ok, "written"}, {Exit::failed, "a contact author has no e-mail (nothing written)"},
        {Exit::usage, "no acm: record"}, {Exit::input, "unreadable book manifest"}}},
      {"completion", "Print the shell completion script (bash, zsh)", add_completion_options,
       {{Exit::ok, "printed"}, {Exit::usage, "an unknown shell"}}},
      {"man", "Print a command's manual page (roff), as `man proceedings-CMD` shows it", add_man_options,
       {{Exit::ok, "printed"}, {Exit::usage, "an unknown command"}}},
  };
  return table;
}

// The command's own notes, then its exit statuses.
void add_command(CLI::App& app, const Command& c, int& status) {
  CLI::App* cmd = app.add_subcommand(c.name, c.summary);
  c.add_options(*cmd, status);
  std::string notes = cmd->get_footer();
  if (!cmd->get_option_no_throw("--jobs"))  // fetch's --jobs counts downloads, not tasks
    notes += std::string(notes.empty() ? "" : "\n") +
             "--jobs N, before or after the subcommand: tasks run at once (default: the number of cores).";
  cmd->footer((notes.empty() ? "" : notes + "\n") + proceedings::exit_status_text(c.exits));
}

// CLI11 would say "The following arguments were not expected: bogus".
bool reject_unknown_subcommand(const CLI::App& app, const std::vector<std::string>& args) {
  if (args.empty() || args.front().empty() || args.front()[0] == '-') return false;
  const auto unknown = proceedings::cli::unknown_subcommand(app, args.front());
  if (unknown) std::cerr << "proceedings: " << *unknown << "\n";
  return unknown.has_value();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"proceedings: format checks, metadata, proceedings books and programs for workshop chairs"};
  app.set_version_flag("--version", std::string("proceedings ") + PROCEEDINGS_VERSION);
  app.require_subcommand(1);
  // One limit on the tasks every command runs at once (papers checked, stamped,
  // LaTeX runs); read by the subcommands from here, so it may come before or
  // after the subcommand's name.
  unsigned jobs = proceedings::default_jobs();
  app.add_option("--jobs,-j", jobs, "Tasks run at once by any command (default: the number of cores)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app.fallthrough();
  app.footer("`proceedings help CMD` (or `proceedings CMD --help`) documents a command; installed, so does\n"
             "`man proceedings-CMD`. --venue defaults to the current folder when it holds workshop.yaml.\n" +
             proceedings::exit_status_text(proceedings::every_exit_status(), 100));
  int status = 0;
  for (const Command& c : commands()) add_command(app, c, status);
  // `proceedings help CMD [SUB]` is `proceedings CMD [SUB] --help`.
  const std::vector<std::string> args = proceedings::cli::help_as_option(std::vector<std::string>(argv + 1, argv + argc));
  if (reject_unknown_subcommand(app, args)) return static_cast<int>(Exit::usage);
  try {
    std::vector<char*> words{argv[0]};
    for (const auto& a : args) words.push_back(const_cast<char*>(a.c_str()));
    app.parse(static_cast<int>(words.size()), words.data());
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0)
      if (const auto unknown = proceedings::cli::unknown_option(app, args)) {
        std::cerr << "proceedings: " << *unknown << "\n";
        return static_cast<int>(Exit::usage);
      }
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

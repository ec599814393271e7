#include "proceedings/process.hpp"

#include <boost/process.hpp>
#include <boost/process/extend.hpp>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/text.hpp"

namespace proceedings {

namespace bp = boost::process;

namespace {

std::string tail_lines(const std::string& text, std::size_t count) {
  std::size_t at = text.size();
  for (std::size_t n = 0; n <= count && at > 0; ++n) {
    at = text.rfind('\n', at - 1);
    if (at == std::string::npos) return text;
  }
  return text.substr(at + 1);
}

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

// The child leads a process group of its own, so that a timeout can end
// everything it started, not only itself.
struct OwnProcessGroup : bp::extend::handler {
  template <typename Executor>
  void on_exec_setup(Executor&) const {
    ::setpgid(0, 0);
  }
};

void kill_group(bp::child& child) {
  ::kill(-child.id(), SIGKILL);
  std::error_code ignored;
  child.terminate(ignored);
  child.wait(ignored);
}

}  // namespace

ProgramRun run_program(const std::string& program, const std::vector<std::string>& args, const fs::path& folder,
                       std::chrono::seconds limit, const std::string& input, const fs::path& log_file,
                       const std::map<std::string, std::string>& environment) {
  const auto exe = program.find('/') != std::string::npos ? boost::filesystem::path(program) : bp::search_path(program);
  if (exe.empty()) throw Error(Exit::external, program, "not found on PATH (is its Debian package installed?)");
  ScratchDir scratch("proceedings-run");
  const auto in_file = scratch.path() / "in", out_file = scratch.path() / "out", err_file = scratch.path() / "err";
  write_file_atomic(in_file, input);
  ProgramRun run;
  try {
    // A copy: this_process::environment() is the live environment, and
    // writing to it would set the variables in this process for good.
    bp::environment env = boost::this_process::environment();
    for (const auto& [name, value] : environment) env[name] = value;
    bp::child child(exe, bp::args(args), bp::start_dir(folder.string()), bp::std_in < in_file.string(),
                    bp::std_out > out_file.string(), bp::std_err > err_file.string(), env, OwnProcessGroup{});
    // Not child.wait_for: in Boost 1.74 it intercepts SIGCHLD for the whole
    // process, so two children awaited from two threads can leave one
    // waiter spinning forever. running() only asks about this child.
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (child.running()) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill_group(child);
        throw TimedOut(Exit::external, program, "timed out after " + std::to_string(limit.count()) + " s");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    child.wait();
    run.exit_code = child.exit_code();
  } catch (const bp::process_error& e) {
    throw Error(Exit::external, program, std::string("cannot run: ") + e.what());
  }
  run.out = read_file(out_file);
  run.err = read_file(err_file);
  if (run.exit_code != 0) {
    std::string why = run.err;
    if (!log_file.empty() && fs::exists(log_file)) {
      why = read_file(log_file);
      // TeX marks its error with "!" at the start of a line: show from there.
      const auto bang = why.find("\n!");
      if (bang != std::string::npos) why = why.substr(bang + 1, 400);
    }
    if (why.empty()) why = run.out;
    throw Error(Exit::external, program,
                "failed (exit " + std::to_string(run.exit_code) + "): " + one_line(why.size() <= 400 ? why : tail_lines(why, 6)));
  }
  return run;
}

namespace {

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
  const auto first = text.find_first_not_of(' ');
  return first == std::string::npos ? "" : text.substr(first);
}

// "FILE:LINE: message" as -file-line-error prints an error, or nothing.
std::optional<TexError> file_line_error(const std::string& line) {
  const auto tex = line.find(".tex:");
  if (tex == std::string::npos) return std::nullopt;
  const auto colon = line.find(':', tex + 5);
  if (colon == std::string::npos || colon == tex + 5 || line.compare(colon, 2, ": ") != 0) return std::nullopt;
  const std::string digits = line.substr(tex + 5, colon - tex - 5);
  if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) return std::nullopt;
  std::string file = line.substr(0, tex + 4);
  if (file.rfind("./", 0) == 0) file = file.substr(2);
  return TexError{file, std::stoi(digits), trimmed(line.substr(colon + 2)), ""};
}

}  // namespace

std::optional<TexError> tex_error(const std::string& log) {
  std::istringstream lines(log);
  std::optional<TexError> found;
  for (std::string line; std::getline(lines, line);) {
    if (!found) {
      if (line.rfind("! ", 0) == 0) found = TexError{"", 0, trimmed(line.substr(2)), ""};
      else found = file_line_error(line);
      continue;
    }
    // The input line where TeX stopped: "l.LINE text before the error".
    if (line.rfind("l.", 0) == 0) {
      const auto space = line.find(' ');
      const std::string digits = line.substr(2, space == std::string::npos ? std::string::npos : space - 2);
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
      found->line = std::stoi(digits);
      found->context = space == std::string::npos ? "" : trimmed(line.substr(space + 1));
      break;
    }
  }
  return found;
}

namespace {

std::chrono::seconds tex_limit(std::chrono::seconds usual) {
  const char* set = std::getenv("PROCEEDINGS_TEX_TIMEOUT");
  if (!set || !*set) return usual;
  const std::string text = set;
  if (text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos || std::stoi(text) == 0)
    throw usage_error("PROCEEDINGS_TEX_TIMEOUT", "'" + text + "' is not a number of seconds from 1 to 999999");
  return std::chrono::seconds(std::stoi(text));
}

}  // namespace

ProgramRun run_tex(const std::string& engine, const std::vector<std::string>& args, const fs::path& folder,
                   std::chrono::seconds limit, const fs::path& log_file, const std::string& source_date_epoch) {
  limit = tex_limit(limit);
  std::vector<std::string> all{"-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error"};
  if (engine == "latexmk") all.insert(all.begin(), "-pdf");
  else all.push_back("-file-line-error");
  all.insert(all.end(), args.begin(), args.end());
  std::map<std::string, std::string> environment;
  if (!source_date_epoch.empty()) environment = {{"SOURCE_DATE_EPOCH", source_date_epoch}, {"FORCE_SOURCE_DATE", "1"}};
  try {
    return run_program(engine, all, folder, limit, "", log_file, environment);
  } catch (const Error& e) {
    // TeX's own account, in one line, instead of the log's last lines.
    const auto why = log_file.empty() || !fs::exists(log_file) ? std::nullopt : tex_error(read_file(log_file));
    if (!why || dynamic_cast<const TimedOut*>(&e)) throw;
    std::string line = why->message;
    if (!line.empty() && line.back() == '.') line.pop_back();
    if (!why->file.empty()) line = why->file + ":" + std::to_string(why->line) + ": " + line;
    else if (why->line > 0) line += " (line " + std::to_string(why->line) + ")";
    if (!why->context.empty()) line += ", at '" + why->context + "'";
    throw Error(e.status(), e.where(), line);
  }
}

std::string markdown_to_latex(const fs::path& markdown, const fs::path& work, bool allow_raw_tex,
                              const std::vector<std::string>& extra_args) {
  const std::string text = read_file(markdown);
  require_utf8(text, markdown.string());
  std::vector<std::string> args{allow_raw_tex ? "--from=markdown"
                                              : "--from=markdown-raw_tex-raw_attribute-tex_math_dollars"
                                                "-tex_math_single_backslash-tex_math_double_backslash",
                                "--to=latex"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  return run_program("pandoc", args, work, std::chrono::seconds(60), text).out;
}

}  // namespace proceedings

#pragma once
// Errors are exceptions that carry where they happened (a file, a file:line,
// a command) and which exit status the CLI edge maps them to.
#include <stdexcept>
#include <string>

namespace proceedings {

// Exit statuses documented in the README; every subcommand uses the same ones.
enum class Exit : int {
  ok = 0,         // success; for check, every paper passes
  failed = 1,     // a rule is broken (a paper fails a check, a program fails validation)
  usage = 2,      // bad command line or bad metadata
  input = 3,      // an input could not be read or analysed
  external = 4,   // an external program (latexmk, pandoc) failed or timed out
  busy = 5,       // another run is writing the same output folder
  internal = 70,  // a bug: an exception nobody expected
};

class Error : public std::runtime_error {
 public:
  Error(Exit status, std::string where, const std::string& what)
      : std::runtime_error(what), status_(status), where_(std::move(where)) {}
  Exit status() const { return status_; }
  const std::string& where() const { return where_; }
  // "where: what", the one line the CLI prints.
  std::string line() const;

 private:
  Exit status_;
  std::string where_;
};

inline Error usage_error(std::string where, const std::string& what) {
  return Error(Exit::usage, std::move(where), what);
}
inline Error input_error(std::string where, const std::string& what) {
  return Error(Exit::input, std::move(where), what);
}

}  // namespace proceedings

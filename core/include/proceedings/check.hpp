#pragma once
// The check as a library: what another command (build, status) asks of it.
// The engine itself (rules, analysis, reports) is in proceedings/check/.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "proceedings/diagnostic.hpp"
#include "proceedings/model.hpp"

namespace proceedings {

// The check as another job's gate (build): the venue's rules, as `check
// --venue` applies them, one file at a time from up to `workers` threads at
// once (each worker index its own PDF reader), so that checking can run
// beside other work.
class CheckGate {
 public:
  CheckGate(const Workshop& venue, unsigned workers);
  // A volume's gate: each paper is checked with its own workshop's rules,
  // `venues[venue]` in check().
  CheckGate(const std::vector<const Workshop*>& venues, unsigned workers);
  ~CheckGate();
  CheckGate(const CheckGate&) = delete;
  CheckGate& operator=(const CheckGate&) = delete;
  struct Verdict {
    bool passed = false;
    std::string error;  // why the file could not be read at all ("" if it could)
    std::vector<Diagnostic> problems = {};  // what the check found: a passing paper's warnings, a failing one's errors too
  };
  // Checks `file`; a failing file's analysis is kept under `order` for the table.
  Verdict check(const std::filesystem::path& file, std::size_t order, unsigned worker, std::size_t venue = 0);
  // The check's table of the failing files, by `order`; "" if none failed.
  std::string failing_table() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// What decides a verdict under the venue's rules, for caches keyed on it.
std::string check_rules_key(const Workshop& venue);

}  // namespace proceedings

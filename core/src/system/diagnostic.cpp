#include "proceedings/diagnostic.hpp"

#include <algorithm>

namespace proceedings {

const char* severity_name(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

std::size_t count_errors(const std::vector<Diagnostic>& diagnostics) {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

Exit worst_exit(const std::vector<Diagnostic>& diagnostics) {
  return count_errors(diagnostics) ? Exit::failed : Exit::ok;
}

}  // namespace proceedings

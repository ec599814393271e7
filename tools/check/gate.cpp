// The check as the build's gate, through core's jobs.hpp: the book engine
// asks which papers pass and never reaches into check's own files.
#include "check/batch.hpp"
#include "check/report.hpp"
#include "check/rules.hpp"
#include "proceedings/jobs.hpp"

namespace proceedings {

CheckGate check_gate(const Workshop& venue, const std::vector<std::filesystem::path>& files, unsigned jobs) {
  const auto results = check::check_files(files, check::rules_for_venue(venue), jobs, false);
  CheckGate gate;
  std::vector<check::Analysis> failing;
  for (const auto& r : results) {
    gate.passed.push_back(r.verdict == "pass");
    if (r.verdict != "pass") failing.push_back(r);
  }
  if (!failing.empty()) gate.failing_table = check::table_report(failing);
  return gate;
}

std::string check_rules_key(const Workshop& venue) { return check::rules_key(check::rules_for_venue(venue)); }

}  // namespace proceedings

// The check as the build's gate, through proceedings/check.hpp: the book engine
// asks which papers pass and never reaches into check's own files.
#include <map>
#include <mutex>

#include "proceedings/check/batch.hpp"
#include "proceedings/check/report.hpp"
#include "proceedings/check/rules.hpp"
#include "proceedings/check.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings {

struct CheckGate::Impl {
  std::vector<check::CheckRules> rules;  // one per venue
  std::vector<std::unique_ptr<PdfReader>> readers;  // one per worker: a MuPDF context is not shared between threads
  mutable std::mutex lock;
  std::map<std::size_t, check::Analysis> failing;
};

CheckGate::CheckGate(const Workshop& venue, unsigned workers) : impl_(std::make_unique<Impl>()) {
  impl_->rules.push_back(check::rules_for_venue(venue));
  impl_->readers.resize(std::max(1u, workers));
}

CheckGate::CheckGate(const std::vector<const Workshop*>& venues, unsigned workers) : impl_(std::make_unique<Impl>()) {
  for (const Workshop* venue : venues) impl_->rules.push_back(check::rules_for_venue(*venue));
  impl_->readers.resize(std::max(1u, workers));
}

CheckGate::~CheckGate() = default;

CheckGate::Verdict CheckGate::check(const std::filesystem::path& file, std::size_t order, unsigned worker, std::size_t venue) {
  auto& reader = impl_->readers.at(worker);
  if (!reader) reader = std::make_unique<PdfReader>();
  check::Analysis result = check::check_file(*reader, file, impl_->rules.at(venue));
  Verdict verdict{result.verdict == check::Verdict::pass, result.verdict == check::Verdict::error ? result.error : "",
                  result.problems};
  if (verdict.passed) return verdict;
  std::lock_guard<std::mutex> hold(impl_->lock);
  impl_->failing.emplace(order, std::move(result));
  return verdict;
}

std::string CheckGate::failing_table() const {
  std::lock_guard<std::mutex> hold(impl_->lock);
  if (impl_->failing.empty()) return "";
  std::vector<check::Analysis> failing;
  for (const auto& [order, analysis] : impl_->failing) failing.push_back(analysis);
  return check::table_report(failing);
}

std::string check_rules_key(const Workshop& venue) { return check::rules_key(check::rules_for_venue(venue)); }

}  // namespace proceedings

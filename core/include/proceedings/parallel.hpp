#pragma once
// The one way commands run work side by side, within the global --jobs limit.
#include <cstddef>
#include <functional>

namespace proceedings {

// The number of tasks run at once when the user gave no --jobs: every core.
unsigned default_jobs();

// Calls body(i, worker) for every i in [0, count) on at most `jobs` threads,
// the caller's own included (`worker` in [0, jobs) names the thread, for
// per-thread state such as a PDF reader). Indexes are handed out in
// increasing order. Once a body throws, no further index is started; the
// first exception is rethrown after every thread has finished.
// jobs 0 means default_jobs().
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t i, unsigned worker)>& body);
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t i)>& body);

}  // namespace proceedings

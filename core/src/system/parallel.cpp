#include "proceedings/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace proceedings {

unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t, unsigned)>& body) {
  if (count == 0) return;
  const unsigned workers =
      static_cast<unsigned>(std::min<std::size_t>(jobs == 0 ? default_jobs() : jobs, count));
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto work = [&](unsigned worker) {
    for (std::size_t i = next++; i < count && !stop; i = next++) {
      try {
        body(i, worker);
      } catch (...) {
        std::lock_guard<std::mutex> hold(failure_lock);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(workers - 1);
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work, w);
  work(0);
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& body) {
  parallel_for(count, jobs, [&body](std::size_t i, unsigned) { body(i); });
}

}  // namespace proceedings

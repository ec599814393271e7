#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "proceedings/parallel.hpp"

using namespace proceedings;

TEST_CASE("parallel_for: every index once, on at most --jobs threads, each worker its own number") {
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    std::vector<std::atomic<int>> seen(100);
    std::mutex lock;
    std::set<std::thread::id> threads;
    std::set<unsigned> workers;
    parallel_for(seen.size(), jobs, [&](std::size_t i, unsigned worker) {
      ++seen[i];
      std::lock_guard<std::mutex> hold(lock);
      threads.insert(std::this_thread::get_id());
      workers.insert(worker);
    });
    for (const auto& s : seen) CHECK(s == 1);
    CHECK(threads.size() <= jobs);
    CHECK(workers.size() == threads.size());
    CHECK(*workers.rbegin() < jobs);
  }
  int calls = 0;
  parallel_for(0, 4, [&](std::size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("parallel_for: jobs 1 runs in order on the caller's thread") {
  std::vector<std::size_t> order;
  const auto caller = std::this_thread::get_id();
  bool same_thread = true;
  parallel_for(10, 1, [&](std::size_t i) {
    order.push_back(i);
    same_thread &= std::this_thread::get_id() == caller;
  });
  CHECK(order == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  CHECK(same_thread);
}

TEST_CASE("parallel_for: the first failure stops the rest and reaches the caller") {
  std::atomic<int> started{0};
  CHECK_THROWS_WITH_AS(parallel_for(1000, 2,
                                    [&](std::size_t i) {
                                      ++started;
                                      if (i == 3) throw std::runtime_error("paper 3 is damaged");
                                      std::this_thread::sleep_for(std::chrono::microseconds(500));
                                    }),
                       "paper 3 is damaged", std::runtime_error);
  CHECK(started < 1000);
  CHECK(default_jobs() >= 1);
}

// Times `proceedings check` in one process: each document alone on one job
// (median of repeated runs), then a batch on 1 job and on all cores.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "proceedings/check/batch.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"

using namespace proceedings;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::vector<fs::path> readable_pdfs(const std::vector<std::string>& dirs) {
  std::vector<fs::path> out;
  PdfReader reader;
  for (const auto& path : expand_inputs(dirs, ".pdf")) {
    try {
      reader.read(path, {false});
      out.push_back(path);
    } catch (const Error&) {
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_check DIR...\n");
    return 2;
  }
  const std::vector<std::string> dirs(argv + 1, argv + argc);
  const auto files = readable_pdfs(dirs);
  check::CheckRules rules;
  rules.template_name = "acmart-sigconf";
  rules.min_pages = 5;
  rules.max_pages = 6;
  constexpr int repeats = 15;

  std::printf("check, one job, median of %d runs per document (read + analyse)\n", repeats);
  std::printf("%-28s %5s %9s %9s\n", "document", "pages", "ms/doc", "ms/page");
  PdfReader reader;
  double total_ms = 0;
  int total_pages = 0;
  for (const auto& file : files) {
    std::vector<double> runs;
    int pages = 0;
    for (int i = 0; i < repeats; ++i) {
      const auto start = Clock::now();
      const auto result = check::analyze(file.string(), reader.read(file), rules);
      runs.push_back(ms_since(start));
      pages = result.pages;
    }
    const double ms = median(runs);
    total_ms += ms;
    total_pages += pages;
    std::printf("%-28s %5d %9.2f %9.2f\n", file.filename().c_str(), pages, ms, ms / pages);
  }
  std::printf("mean: %.2f ms per document, %.2f ms per page over %zu documents\n\n", total_ms / files.size(),
              total_ms / total_pages, files.size());

  std::vector<fs::path> batch;
  for (int copy = 0; copy < 8; ++copy) batch.insert(batch.end(), files.begin(), files.end());
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  double one_job = 0;
  for (unsigned jobs : {1u, cores}) {
    const auto start = Clock::now();
    check::check_files(batch, rules, jobs, false);
    const double ms = ms_since(start);
    if (jobs == 1) one_job = ms;
    std::printf("batch of %zu documents, --jobs %u: %.0f ms, %.2f ms per document, speed-up %.2fx\n", batch.size(),
                jobs, ms, ms / batch.size(), one_job / ms);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak resident memory: %.1f MiB\n", usage.ru_maxrss / 1024.0);
  return 0;
}

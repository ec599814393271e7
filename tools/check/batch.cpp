#include "check/batch.hpp"

#include <atomic>
#include <cstdint>
#include <thread>

#include "proceedings/error.hpp"
#include "proceedings/terminal.hpp"

namespace proceedings::check {

// Each worker owns a PdfReader: a MuPDF context is not shared between threads.
std::vector<Analysis> check_files(const std::vector<std::filesystem::path>& files, const CheckRules& rules,
                                  unsigned jobs, bool show_progress) {
  std::vector<Analysis> results(files.size());
  std::atomic<std::size_t> next{0};
  Progress progress("checking", files.size(), show_progress ? 4 : SIZE_MAX);
  auto work = [&] {
    PdfReader reader;
    for (std::size_t i = next++; i < files.size(); i = next++) {
      const std::string name = files[i].string();
      try {
        results[i] = analyze(name, reader.read(files[i]), rules);
      } catch (const Error& e) {
        results[i] = unreadable(name, e.what());
      } catch (const std::exception& e) {
        results[i] = unreadable(name, std::string("cannot be analysed: ") + e.what());
      }
      progress.advance(files[i].filename().string());
    }
  };
  const unsigned workers = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(files.size())));
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < workers; ++i) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  return results;
}

}  // namespace proceedings::check

#include "proceedings/check/batch.hpp"

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <mutex>

#include "proceedings/error.hpp"
#include "proceedings/parallel.hpp"
#include "proceedings/terminal.hpp"

namespace proceedings::check {

Analysis check_file(PdfReader& reader, const std::filesystem::path& file, const CheckRules& rules) {
  const std::string name = file.string();
  try {
    return analyze(name, reader.read(file), rules);
  } catch (const Error& e) {
    return unreadable(name, e.what());
  } catch (const std::exception& e) {
    return unreadable(name, std::string("cannot be analysed: ") + e.what());
  }
}

// Each worker owns a PdfReader: a MuPDF context is not shared between threads.
void for_each_checked(const std::vector<std::filesystem::path>& files, const CheckRules& rules, unsigned jobs,
                      const std::function<void(Analysis&&)>& emit, bool show_progress) {
  const unsigned workers =
      std::max(1u, std::min<unsigned>(jobs ? jobs : default_jobs(), static_cast<unsigned>(files.size())));
  const std::size_t ahead = 4 * static_cast<std::size_t>(workers);  // files a worker may run ahead of the output
  std::mutex lock;
  std::condition_variable room;
  std::map<std::size_t, Analysis> waiting;
  std::size_t next_out = 0;
  bool stopped = false;
  std::exception_ptr failure;
  std::vector<std::unique_ptr<PdfReader>> readers(workers);
  Progress progress("checking", files.size(), show_progress ? 4 : SIZE_MAX);
  parallel_for(files.size(), workers, [&](std::size_t i, unsigned worker) {
    {
      std::unique_lock<std::mutex> hold(lock);
      room.wait(hold, [&] { return stopped || i < next_out + ahead; });
      if (stopped) return;
    }
    if (!readers[worker]) readers[worker] = std::make_unique<PdfReader>();
    Analysis result = check_file(*readers[worker], files[i], rules);
    std::lock_guard<std::mutex> hold(lock);
    progress.advance(files[i].filename().string());
    waiting.emplace(i, std::move(result));
    try {
      for (auto found = waiting.find(next_out); !stopped && found != waiting.end(); found = waiting.find(next_out)) {
        Analysis ready = std::move(found->second);
        waiting.erase(found);
        ++next_out;
        emit(std::move(ready));
      }
    } catch (...) {  // an output that cannot be written stops the batch; rethrown at the end
      if (!failure) failure = std::current_exception();
      stopped = true;
    }
    room.notify_all();
  });
  if (failure) std::rethrow_exception(failure);
}

std::vector<Analysis> check_files(const std::vector<std::filesystem::path>& files, const CheckRules& rules,
                                  unsigned jobs, bool show_progress) {
  std::vector<Analysis> results;
  results.reserve(files.size());
  for_each_checked(files, rules, jobs, [&](Analysis&& a) { results.push_back(std::move(a)); }, show_progress);
  return results;
}

}  // namespace proceedings::check

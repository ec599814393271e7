#include "proceedings/terminal.hpp"

#include <unistd.h>

namespace proceedings {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string label, std::size_t total, std::size_t min_items_to_show)
    : label_(std::move(label)), total_(total),
      enabled_(total >= min_items_to_show && stderr_is_terminal()) {}

Progress::~Progress() {
  if (enabled_ && done_ > 0) std::fputs("\r\033[K", stderr);
}

void Progress::advance(const std::string& item) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  if (!enabled_) return;
  std::fprintf(stderr, "\r\033[K%s %zu/%zu %s", label_.c_str(), done_, total_, item.c_str());
  std::fflush(stderr);
}

}  // namespace proceedings

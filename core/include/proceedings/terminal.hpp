#pragma once
#include <cstdio>
#include <mutex>
#include <string>

namespace proceedings {

// A one-line progress counter on stderr, shown only when stderr is a
// terminal so that piped and CI output stays clean.
class Progress {
 public:
  Progress(std::string label, std::size_t total, std::size_t min_items_to_show = 4);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  void advance(const std::string& item);

 private:
  std::string label_;
  std::size_t total_;
  std::size_t done_ = 0;
  bool enabled_;
  std::mutex mutex_;
};

bool stderr_is_terminal();

}  // namespace proceedings

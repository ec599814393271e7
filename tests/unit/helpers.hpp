#pragma once
#include <filesystem>
#include <fstream>
#include <string>

#include "proceedings/error.hpp"

namespace test {

// The least workshop.yaml that loads; tests add or replace lines in it.
inline const char* minimal_workshop_yaml = R"(id: w
acronym: W
name: A Workshop
kind: workshop
date: 2025-11-16
timezone: America/Chicago
organizers: [Ada]
)";

inline std::filesystem::path source_dir() { return SOURCE_DIR; }
inline std::filesystem::path fixture(const std::string& name) { return std::filesystem::path(FIXTURE_DIR) / name; }

// A fresh folder under the system temp dir, removed with the object.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("proceedings-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

// The message of the proceedings::Error that `call` throws, or "" if none.
template <typename Call>
std::string error_line(Call call) {
  try {
    call();
  } catch (const proceedings::Error& e) {
    return e.line();
  }
  return "";
}

}  // namespace test

#pragma once
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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

// A classic PDF from object bodies 1..n (1 is the catalog), with its xref table.
inline std::string pdf_of(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  char entry[32];
  for (auto at : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", at);
    out += entry;
  }
  return out + "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
}

}  // namespace test

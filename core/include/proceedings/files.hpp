#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace proceedings {

namespace fs = std::filesystem;

// Whole file as bytes; throws an input Error naming the file.
std::string read_file(const fs::path& path);

// Writes to a temporary file beside `path` and renames it into place, so a
// reader never sees a half-written output.
void write_file_atomic(const fs::path& path, const std::string& bytes);

// Expands folders to the files with `extension` inside them (sorted, not
// recursive); plain files pass through; a missing path is an input Error.
std::vector<fs::path> expand_inputs(const std::vector<std::string>& args,
                                    const std::string& extension);

// A fresh private folder under the system temp folder, removed with the object.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& prefix = "proceedings");
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace proceedings

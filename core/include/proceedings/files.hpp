#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace proceedings {

namespace fs = std::filesystem;

// Why `path` cannot be read as a regular file ("no such file", "is a folder,
// not a file", "is a FIFO, not a regular file", "is a symbolic link loop",
// ...), or empty when it can. Nothing is opened: a FIFO or device would block.
std::string not_a_regular_file(const fs::path& path);

// Throws an input Error naming the file when not_a_regular_file says why.
void require_regular_file(const fs::path& path);

// Whole file as bytes; throws an input Error naming the file. Only regular
// files (or links to them) are read.
std::string read_file(const fs::path& path);

// An output written under a unique temporary name in its own folder and
// renamed into place by commit(), only once complete and closed: a reader
// never sees a half-written file, and on failure (an exception before
// commit) the temporary file is removed and the previous good file stays.
class AtomicOutput {
 public:
  explicit AtomicOutput(fs::path path);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  const fs::path& temp() const { return temp_; }
  const fs::path& path() const { return path_; }
  void commit();

 private:
  fs::path path_;
  fs::path temp_;
  bool committed_ = false;
};

// Writes `bytes` through an AtomicOutput. Throws an input Error naming the
// file (disk full, no permission).
void write_file_atomic(const fs::path& path, const std::string& bytes);

// Copies `from` to `to` through an AtomicOutput.
void copy_file_atomic(const fs::path& from, const fs::path& to);

// What a command writes into an output file. An existing file at that path is
// replaced only when it is of the same kind (a previous output), never when it
// is one of the command's inputs.
enum class OutputKind { html, csv, pdf };

// Throws a usage Error naming `option` and the path when `output` is one of
// `inputs` (the same file under any name or link), a folder, or an existing
// file of another kind (a PDF where the HTML report goes, papers.yaml where the
// CSV goes). An empty existing file may be replaced.
void refuse_output_over_input(const fs::path& output, OutputKind kind, const std::vector<fs::path>& inputs,
                              const std::string& option);

// Throws a usage Error naming `option` when `folder` exists and is not a folder.
void refuse_output_folder_over_file(const fs::path& folder, const std::string& option);

// Expands folders to the files with `extension` inside them (sorted, not
// recursive); other arguments pass through as they are, readable or not, so
// that each gets its own verdict. A folder with no such file is an input Error.
std::vector<fs::path> expand_inputs(const std::vector<std::string>& args,
                                    const std::string& extension);

// An exclusive lock (flock) on `lock_file`, created if need be, held while
// the object lives; the kernel drops it if the process dies. Throws a busy
// Error "another run is writing WHAT" when another process holds it.
class OutputLock {
 public:
  OutputLock(const fs::path& lock_file, const std::string& what);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

 private:
  int fd_ = -1;
};

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

// A file time (last_write_time) as seconds since 1970.
std::int64_t unix_seconds(fs::file_time_type time);

}  // namespace proceedings

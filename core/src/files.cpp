#include "proceedings/files.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>
#include <stdlib.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "proceedings/error.hpp"

namespace proceedings {

std::string not_a_regular_file(const fs::path& path) {
  std::error_code ec;
  const fs::file_status target = fs::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    if (ec == std::errc::too_many_symbolic_link_levels) return "is a symbolic link loop";
    return "cannot be read: " + ec.message();
  }
  switch (target.type()) {
    case fs::file_type::regular: return {};
    case fs::file_type::not_found:
      return fs::is_symlink(fs::symlink_status(path, ec)) ? "is a dangling symbolic link" : "no such file";
    case fs::file_type::directory: return "is a folder, not a file";
    case fs::file_type::fifo: return "is a FIFO (named pipe), not a regular file";
    case fs::file_type::socket: return "is a socket, not a regular file";
    case fs::file_type::block:
    case fs::file_type::character: return "is a device, not a regular file";
    default: return "is not a regular file";
  }
}

void require_regular_file(const fs::path& path) {
  const std::string why = not_a_regular_file(path);
  if (!why.empty()) throw input_error(path.string(), why);
}

std::string read_file(const fs::path& path) {
  require_regular_file(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw input_error(path.string(), "cannot be opened for reading");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw input_error(path.string(), "read failed");
  return std::move(bytes).str();
}

AtomicOutput::AtomicOutput(fs::path path) : path_(std::move(path)) {
  std::error_code ec;
  if (path_.has_parent_path()) fs::create_directories(path_.parent_path(), ec);
  if (ec) throw input_error(path_.string(), "its folder cannot be created: " + ec.message());
  std::random_device seed;
  // A dot name, so that folder listings and globs skip it.
  temp_ = path_.parent_path() / ("." + path_.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                 std::to_string(seed()));
}

AtomicOutput::~AtomicOutput() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove(temp_, ignored);
}

void AtomicOutput::commit() {
  std::error_code ec;
  fs::rename(temp_, path_, ec);
  if (ec) throw input_error(path_.string(), "cannot be replaced: " + ec.message());
  committed_ = true;
  // rename() does nothing when both names link the same file: the temporary
  // name would stay.
  fs::remove(temp_, ec);
}

void write_file_atomic(const fs::path& path, const std::string& bytes) {
  AtomicOutput output(path);
  {
    std::ofstream out(output.temp(), std::ios::binary | std::ios::trunc);
    if (!out) throw input_error(path.string(), "cannot be written");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw input_error(path.string(), "write failed (disk full?); the previous file is kept");
  }
  output.commit();
}

void copy_file_atomic(const fs::path& from, const fs::path& to) {
  require_regular_file(from);
  AtomicOutput output(to);
  std::error_code ec;
  fs::copy_file(from, output.temp(), fs::copy_options::overwrite_existing, ec);
  if (ec) throw input_error(to.string(), "cannot be written: " + ec.message() + "; the previous file is kept");
  output.commit();
}

std::vector<fs::path> expand_inputs(const std::vector<std::string>& args,
                                    const std::string& extension) {
  std::vector<fs::path> files;
  for (const auto& arg : args) {
    const fs::path path(arg);
    std::error_code ec;
    // A folder named like a file (x.pdf) is a mistaken argument, not a batch.
    if (fs::is_directory(path, ec) && path.extension() != extension) {
      std::vector<fs::path> inside;
      for (const auto& entry : fs::directory_iterator(path)) {
        if (entry.is_regular_file() && entry.path().extension() == extension)
          inside.push_back(entry.path());
      }
      if (inside.empty())
        throw input_error(arg, "folder holds no " + extension + " file");
      std::sort(inside.begin(), inside.end());
      files.insert(files.end(), inside.begin(), inside.end());
    } else {
      files.push_back(path);
    }
  }
  return files;
}

OutputLock::OutputLock(const fs::path& lock_file, const std::string& what) {
  fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw input_error(lock_file.string(), std::string("cannot be opened: ") + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    throw Error(Exit::busy, what, "another run is writing this folder; wait for it to end and try again");
  }
}

OutputLock::~OutputLock() { ::close(fd_); }

ScratchDir::ScratchDir(const std::string& prefix) {
  std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) throw Error(Exit::internal, pattern, "cannot create a scratch folder");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

}  // namespace proceedings

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

namespace {

// The first bytes of a file, for telling what kind it is; empty when unreadable.
std::string head_of(const fs::path& path, std::size_t n = 512) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(n, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return bytes;
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool looks_like_html(std::string head) {
  if (starts_with(head, "\xEF\xBB\xBF")) head.erase(0, 3);
  head.erase(0, head.find_first_not_of(" \t\r\n"));
  head = lower_ascii(head);
  return starts_with(head, "<!doctype html") || starts_with(head, "<html") || starts_with(head, "<!--");
}

bool looks_binary(std::string_view head) {
  return starts_with(head, "%PDF-") || starts_with(head, "PK\x03\x04") || starts_with(head, "\x1f\x8b") ||
         head.find('\0') != std::string_view::npos;
}

bool is_of_kind(const fs::path& path, OutputKind kind) {
  const std::string head = head_of(path);
  if (head.empty()) return true;
  switch (kind) {
    case OutputKind::pdf: return starts_with(head, "%PDF-");
    case OutputKind::html: return looks_like_html(head);
    case OutputKind::csv: {
      const std::string ext = lower_ascii(path.extension().string());
      return (ext == ".csv" || ext == ".txt" || ext.empty()) && !looks_binary(head) && !looks_like_html(head);
    }
  }
  return false;
}

const char* kind_name(OutputKind kind) {
  switch (kind) {
    case OutputKind::pdf: return "a PDF";
    case OutputKind::html: return "an HTML page";
    case OutputKind::csv: return "a CSV file";
  }
  return "";
}

}  // namespace

void refuse_output_over_input(const fs::path& output, OutputKind kind, const std::vector<fs::path>& inputs,
                              const std::string& option) {
  std::error_code ec;
  const fs::file_status status = fs::status(output, ec);
  if (!fs::exists(status)) return;
  const std::string where = option + " " + output.string();
  for (const fs::path& input : inputs)
    if (fs::equivalent(output, input, ec))
      throw usage_error(where, "is an input of this run (" + input.string() + "); choose another output file");
  if (fs::is_directory(status)) throw usage_error(where, "is a folder; give a file name");
  if (!fs::is_regular_file(status)) throw usage_error(where, "is not a regular file");
  if (!is_of_kind(output, kind))
    throw usage_error(where, std::string("exists and is not ") + kind_name(kind) +
                                 "; it would be overwritten (remove it or choose another name)");
}

void refuse_output_folder_over_file(const fs::path& folder, const std::string& option) {
  std::error_code ec;
  const fs::file_status status = fs::status(folder, ec);
  if (fs::exists(status) && !fs::is_directory(status))
    throw usage_error(option + " " + folder.string(), "exists and is not a folder");
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

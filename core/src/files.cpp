#include "proceedings/files.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>
#include <stdlib.h>
#include <unistd.h>

#include "proceedings/error.hpp"

namespace proceedings {

std::string read_file(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw input_error(path.string(), "is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw input_error(path.string(), "cannot be opened for reading");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw input_error(path.string(), "read failed");
  return std::move(bytes).str();
}

namespace {
std::string temp_name_beside(const fs::path& path) {
  std::random_device seed;
  return path.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(seed());
}
}  // namespace

void write_file_atomic(const fs::path& path, const std::string& bytes) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  const fs::path temp = temp_name_beside(path);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(Exit::input, path.string(), "cannot be written");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      throw Error(Exit::input, path.string(), "write failed (disk full?)");
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    throw Error(Exit::input, path.string(), "cannot be replaced: " + ec.message());
  }
}

std::vector<fs::path> expand_inputs(const std::vector<std::string>& args,
                                    const std::string& extension) {
  std::vector<fs::path> files;
  for (const auto& arg : args) {
    const fs::path path(arg);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> inside;
      for (const auto& entry : fs::directory_iterator(path)) {
        if (entry.is_regular_file() && entry.path().extension() == extension)
          inside.push_back(entry.path());
      }
      if (inside.empty())
        throw input_error(arg, "folder holds no " + extension + " file");
      std::sort(inside.begin(), inside.end());
      files.insert(files.end(), inside.begin(), inside.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      throw input_error(arg, "no such file or folder");
    }
  }
  return files;
}

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

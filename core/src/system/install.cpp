#include "proceedings/install.hpp"

#include <cstdlib>

#include "proceedings/error.hpp"

namespace proceedings {

namespace fs = std::filesystem;

fs::path executable_path() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self;
}

namespace {

fs::path installed_templates() {
  const fs::path self = executable_path();
  if (self.empty()) return {};
  return self.parent_path().parent_path() / "share" / "proceedings" / "templates";
}

}  // namespace

fs::path templates_folder(const std::string& option) {
  if (!option.empty()) {
    if (!fs::is_directory(option)) throw usage_error("--templates", "'" + option + "' is not a folder");
    return option;
  }
  if (const char* env = std::getenv("PROCEEDINGS_TEMPLATES"); env && *env) {
    if (!fs::is_directory(env))
      throw usage_error("PROCEEDINGS_TEMPLATES", "'" + std::string(env) + "' is not a folder");
    return env;
  }
  std::error_code ec;
  if (const fs::path installed = installed_templates(); !installed.empty() && fs::is_directory(installed, ec))
    return installed;
#if defined(PROCEEDINGS_SOURCE_TEMPLATES) && defined(PROCEEDINGS_BUILD_DIR)
  // The binary in its own build folder, not installed: the checkout's templates.
  // A copy anywhere else never reaches into the source tree.
  if (executable_path().parent_path() == fs::path(PROCEEDINGS_BUILD_DIR) &&
      fs::is_directory(PROCEEDINGS_SOURCE_TEMPLATES, ec))
    return PROCEEDINGS_SOURCE_TEMPLATES;
#endif
  throw usage_error("templates", "not found: expected " + installed_templates().string() +
                                     " (install with `cmake --install`), or name them with --templates or "
                                     "PROCEEDINGS_TEMPLATES");
}

std::string venue_folder_if_any(const std::string& option) {
  if (!option.empty()) return option;
  std::error_code ec;
  return fs::is_regular_file("workshop.yaml", ec) ? "." : "";
}

fs::path venue_folder(const std::string& option) {
  if (const std::string folder = venue_folder_if_any(option); !folder.empty()) return folder;
  throw usage_error("--venue", "not given, and the current folder has no workshop.yaml: name the workshop's folder "
                               "(the one holding workshop.yaml), e.g. --venue metadata/exhetai-2025");
}

}  // namespace proceedings

#pragma once
// Where an installed program finds its data, and which workshop a command
// works on when none is named: nothing here points into the source tree of a
// developer's checkout unless the binary runs from its build folder.
#include <filesystem>
#include <string>

namespace proceedings {

// The templates folder: `option` when given, else $PROCEEDINGS_TEMPLATES,
// else <prefix>/share/proceedings/templates beside the running executable
// (<prefix>/bin/proceedings), else the source tree's templates/ for a binary
// run from its build folder. Throws a usage Error when none exists.
std::filesystem::path templates_folder(const std::string& option);

// The workshop folder: `option` when given, else the current folder when it
// holds workshop.yaml. Throws a usage Error naming --venue otherwise.
std::filesystem::path venue_folder(const std::string& option);
// The same for a command that also runs without a venue (check, meta): "" when
// `option` is empty and the current folder holds no workshop.yaml.
std::string venue_folder_if_any(const std::string& option);

// The running executable, from /proc/self/exe.
std::filesystem::path executable_path();

}  // namespace proceedings

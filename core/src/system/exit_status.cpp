#include "proceedings/exit_status.hpp"

#include <sstream>

namespace proceedings {

const char* exit_meaning(Exit status) {
  switch (status) {
    case Exit::ok: return "success";
    case Exit::failed: return "a check failed";
    case Exit::usage: return "usage error";
    case Exit::input: return "unreadable input or failed write";
    case Exit::external: return "external tool failed";
    case Exit::busy: return "another run is writing the same output folder";
    case Exit::internal: return "internal error (a bug)";
  }
  return "";
}

std::vector<ExitUse> every_exit_status() {
  std::vector<ExitUse> out;
  for (Exit s : {Exit::ok, Exit::failed, Exit::usage, Exit::input, Exit::external, Exit::busy}) out.push_back({s, ""});
  return out;
}

std::string exit_status_text(const std::vector<ExitUse>& uses, std::size_t width) {
  std::string text, line = "Exit status:";
  for (std::size_t i = 0; i < uses.size(); ++i) {
    const std::string meaning = uses[i].meaning.empty() ? exit_meaning(uses[i].status) : uses[i].meaning;
    std::string item = std::to_string(static_cast<int>(uses[i].status)) + " " + meaning;
    item += i + 1 == uses.size() ? "." : ",";
    // Break between statuses, never inside "N meaning".
    if (line.size() + 1 + item.size() > width) {
      text += line + "\n";
      line = item;
    } else {
      line += " " + item;
    }
  }
  return text + line;
}

}  // namespace proceedings

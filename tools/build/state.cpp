#include "build/state.hpp"

#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include "proceedings/digest.hpp"
#include "proceedings/files.hpp"

namespace proceedings::build {

namespace fs = std::filesystem;

State load_state(const fs::path& file) {
  State s;
  if (!fs::exists(file)) return s;
  try {
    const auto j = nlohmann::json::parse(read_file(file));
    s.inputs = j.at("inputs").get<std::string>();
    s.outputs = j.at("outputs").get<std::map<std::string, std::string>>();
    s.stamps = j.value("stamps", std::map<std::string, std::string>{});
    s.passed = j.value("passed", std::set<std::string>{});
    s.parts = j.value("parts", std::map<std::string, std::string>{});
    s.warnings = j.value("warnings", std::map<std::string, std::vector<std::string>>{});
    const auto fonts = j.value("fonts", nlohmann::json::object());
    for (const auto& [name, found] : fonts.items())
      s.fonts[name] = {found.at("path").get<std::string>(), found.at("stamp").get<std::string>()};
    const auto papers = j.value("papers", nlohmann::json::object());
    for (const auto& [path, facts] : papers.items())
      s.papers[path] = {facts.at("stamp").get<std::string>(), facts.at("sha256").get<std::string>(),
                        facts.at("pages").get<int>()};
  } catch (const std::exception&) {
    return {};
  }
  return s;
}

void save_state(const fs::path& file, const State& s) {
  nlohmann::json papers = nlohmann::json::object();
  for (const auto& [path, facts] : s.papers)
    papers[path] = {{"stamp", facts.stamp}, {"sha256", facts.sha256}, {"pages", facts.pages}};
  nlohmann::json fonts = nlohmann::json::object();
  for (const auto& [name, found] : s.fonts) fonts[name] = {{"path", found.path}, {"stamp", found.stamp}};
  write_file_atomic(file, nlohmann::json{{"inputs", s.inputs},
                                         {"outputs", s.outputs},
                                         {"stamps", s.stamps},
                                         {"passed", s.passed},
                                         {"papers", papers},
                                         {"parts", s.parts},
                                         {"fonts", fonts},
                                         {"warnings", s.warnings}}
                              .dump(1));
}

std::string output_stamp(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return "";
  const auto time = fs::last_write_time(file, ec);
  if (ec) return "";
  return std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count());
}

std::string input_stamp(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return "";
  auto ns = [](const timespec& t) { return std::to_string(t.tv_sec) + "." + std::to_string(t.tv_nsec); };
  return std::to_string(st.st_size) + "@" + ns(st.st_mtim) + "/" + ns(st.st_ctim) + "#" + std::to_string(st.st_ino);
}

std::string key16(const std::string& text) { return sha256_hex(text).substr(0, 16); }

}  // namespace proceedings::build

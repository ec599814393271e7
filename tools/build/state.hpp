#pragma once
// What a build remembers for the next one (OUT/.build/state.json): the key of
// its inputs, what it wrote, which papers passed the checks, and the facts of
// each paper PDF, so that a rebuild reads only the files that changed.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace proceedings::build {

// A paper PDF as the last build read it.
struct PaperFacts {
  std::string stamp;   // input_stamp() when read
  std::string sha256;
  int pages = 0;
  bool operator==(const PaperFacts&) const = default;
};

// A file TeX's search found: where, and its input_stamp() then.
struct FoundFile {
  std::string path, stamp;
  bool operator==(const FoundFile&) const = default;
};

struct State {
  std::string inputs;                          // inputs key of the bundle
  std::map<std::string, std::string> outputs;  // path -> sha256 ("" where the stamp alone vouches for it)
  std::map<std::string, std::string> stamps;   // path -> output_stamp() when written
  std::set<std::string> passed;                // paper sha256 + rules that passed the checks
  std::map<std::string, PaperFacts> papers;    // paper PDF path -> facts
  std::map<std::string, std::string> parts;    // cached part file name -> sha256
  std::map<std::string, FoundFile> fonts;      // TeX font file name -> where it was found
  // The check's warnings ("CODE: message") of the papers that passed, by their
  // key in `passed`: a build that does not check them again still shows them.
  std::map<std::string, std::vector<std::string>> warnings = {};
};

// A missing or damaged state file is an empty state: it only costs a full rebuild.
State load_state(const std::filesystem::path& file);
void save_state(const std::filesystem::path& file, const State& state);

// Size and modification time of an output as written; "" if it is gone.
std::string output_stamp(const std::filesystem::path& file);

// Size, modification and change times and inode of an input: a file that
// was replaced or rewritten gets a new stamp even if its size and
// modification time were put back (cp -p, touch -r); "" if it is gone.
std::string input_stamp(const std::filesystem::path& file);

// The first 16 hex digits of the SHA-256 of `text`: cache file names.
std::string key16(const std::string& text);

}  // namespace proceedings::build

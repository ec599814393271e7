#pragma once
// `proceedings collect`: uploads from a folder, a zip or fetch's output,
// each matched to its paper (proceedings/uploads.hpp) and installed as the
// venue's papers/<id>.pdf. The job and its result; no printing here.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/error.hpp"

namespace proceedings::collect {

struct Job {
  std::string source;  // a folder of PDFs (fetch's --out is one), or a .zip / .tar.gz of them
  std::string venue = ".";  // the workshop folder: papers.yaml to match against, papers/ to install into
  bool dry_run = false;  // match and report, install nothing
};

enum class Action {
  installed,  // papers/<id>.pdf did not exist
  replaced,   // a different papers/<id>.pdf was there; it is kept under papers/.versions/
  unchanged,  // papers/<id>.pdf already holds these bytes
  would_install,  // --dry-run: what a run would do (installed or replaced)
  not_taken,  // unmatched, ambiguous, or one of two files for one paper
};

const char* action_name(Action action);

struct CollectedFile {
  std::string name;     // as the source names it (a member path of an archive, a file name of a folder)
  std::string paper;    // the paper it was taken for; "" when not taken
  std::string how;      // "file name", "submission number 12", "title"
  Action action = Action::not_taken;
  std::string problem;  // why it was not taken (names the candidates)
  std::vector<std::string> candidates;  // not taken: the papers it fits, or the one it contests with another file
  std::filesystem::path installed;  // papers/<id>.pdf
  std::filesystem::path kept;       // the replaced version under papers/.versions/, if any
  std::string sha256;
  std::uintmax_t bytes = 0;
};

struct Result {
  std::filesystem::path papers_dir;  // <venue>/papers
  std::vector<CollectedFile> files;  // PDFs, in the source's order (sorted by name)
  std::vector<std::string> ignored;  // files that are not PDFs (sources, notes)
  std::size_t not_taken() const;
  Exit status() const { return not_taken() ? Exit::failed : Exit::ok; }
};

// Where a replaced papers/<id>.pdf is kept: papers/.versions/<id>.<UTC time
// it was installed, YYYY-MM-DDTHHMMSSZ>.pdf (its modification time).
std::filesystem::path kept_version_path(const std::filesystem::path& papers_dir, const std::string& id,
                                        std::filesystem::file_time_type installed);

Result run(const Job& job);

}  // namespace proceedings::collect

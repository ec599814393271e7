#pragma once
// `proceedings import web`: the job and its result; command.cpp prints the result.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/error.hpp"

namespace proceedings {

// `proceedings import web`: the event's public page merged into the venue's
// workshop.yaml and papers.yaml (a new workshop.yaml in a folder without one).
struct ImportWebJob {
  std::string venue;
  std::string page;      // a file (.html, .md, .txt) or an http(s) URL
  std::string timezone;  // IANA zone of the page's times when it names none
  bool write = false;    // without it nothing is written
  // Conflicts the chair resolved, by field path ("program.closing.start") or paper ID[.FIELD].
  std::vector<std::string> take_export, keep_mine;
};
struct ImportWebResult {
  Exit status = Exit::ok;               // failed: a field changed on the page and in the venue (a conflict)
  std::vector<std::string> changes;     // "workshop.yaml: ..." and "papers.yaml: ..."
  std::vector<std::string> conflicts;   // likewise; the venue's value is kept
  std::vector<std::string> notes;       // what the reader noticed, the program's slips included
  std::vector<std::filesystem::path> written;  // with write: the YAML files written
};
ImportWebResult run_import_web(const ImportWebJob& job);

}  // namespace proceedings

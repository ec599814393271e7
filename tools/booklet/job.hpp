#pragma once
// `proceedings booklet`: the job the command maps its options onto.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/diagnostic.hpp"
#include "proceedings/error.hpp"

namespace proceedings {

// `proceedings booklet`.
struct BookletJob {
  std::string venue;   // empty: the current folder if it holds workshop.yaml
  std::string volume;  // a folder with volume.yaml: the program of all its workshops (instead of `venue`)
  std::string out = "out";
  std::string formats = "pdf,html,ics,xml";
  std::string templates;  // empty: installed templates (install.hpp)
  bool check_only = false;
  bool half_letter = false;
  bool force = false;
};
// The program's findings and what was written. failed: the program has
// errors (and, without force, nothing was written).
struct BookletResult {
  Exit status = Exit::ok;
  std::string acronym;
  std::filesystem::path workshop_yaml;
  std::vector<Diagnostic> findings;
  bool refused = false;  // errors and no force: nothing written
  std::vector<std::filesystem::path> written;  // a file per format, the Jekyll site's folder
};
BookletResult run_booklet(const BookletJob& job);

}  // namespace proceedings

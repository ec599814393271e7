#pragma once
// `proceedings build`: the job and its result; command.cpp prints the result.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/error.hpp"

namespace proceedings {

// `proceedings build`: the proceedings book and the bundle, redoing only what changed.
struct BuildJob {
  std::string venue;  // empty: the current folder if it holds workshop.yaml
  std::string volume; // a volume folder (volume.yaml) instead of a venue; papers in PAPERS/<workshop id>/
  std::string papers; // folder of camera-ready PDFs named <paper id>.pdf
  std::string out = "out";
  std::string templates;  // empty: installed templates (install.hpp)
  bool force = false;     // build even if papers fail the venue's checks
  bool draft = false;     // a watermarked draft: a placeholder page for each paper missing or failing the checks
  unsigned jobs = 0;      // tasks at once; 0: all cores
};
struct BuildResult {
  Exit status = Exit::ok;            // failed: papers fail the checks and no --force (nothing written)
  std::filesystem::path bundle, zip;
  bool up_to_date = false;           // nothing to do: inputs and outputs as the last build left them
  std::size_t papers = 0;
  int front_pages = 0, paper_pages = 0, index_pages = 0;
  int part_pages = 0;                // a volume's: the pages of the workshops' own parts
  std::vector<std::string> stamped;  // ids of the papers stamped by this build, sorted
  bool front_typeset = false, index_typeset = false;  // false: reused from the last build
  std::size_t zip_reused = 0;        // zip members copied from the previous zip, not read again
  std::string failing_table;         // the check's table of the papers that fail, "" if none
  struct Phase {
    std::string name;
    long long ms = 0;
  };
  std::vector<Phase> phases;          // how long each phase took, in order
  std::vector<std::string> warnings;  // what the publisher's pages cannot print yet (book/typeset.hpp publication_gaps)
  std::vector<std::string> passed_warnings;  // "ID: CODE: message": the check's warnings of the papers in the book
  std::vector<std::string> placeholders;     // a draft's: "ID: why" for each paper a placeholder page stands for
  std::vector<std::string> taken, strays;    // uploads taken other than by file name, and files no paper fits
};
BuildResult run_build(const BuildJob& job);

}  // namespace proceedings

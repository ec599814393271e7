#pragma once
// `proceedings booklet`: the job the command maps its options onto.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/error.hpp"

namespace proceedings {

// `proceedings booklet`.
struct BookletJob {
  std::string venue;  // empty: the current folder if it holds workshop.yaml
  std::string out = "out";
  std::string formats = "pdf,html,ics,xml";
  std::string templates;  // empty: installed templates (install.hpp)
  bool check_only = false;
  bool half_letter = false;
  bool force = false;
};
Exit run_booklet(const BookletJob& job);

}  // namespace proceedings

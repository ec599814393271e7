#pragma once
// `proceedings check`: the job the command maps its options onto (no I/O here).
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/error.hpp"

namespace proceedings {

// `proceedings check`: results printed to stdout as files are done, in input order.
struct CheckJob {
  std::string venue;          // workshop folder whose submission rules apply; empty: flags only
  std::string pages;          // MIN-MAX body pages
  std::string paper;          // letter, a4
  int columns = 0;
  std::string template_name;  // acmart-sigconf, acmart, any
  std::string review;         // single-blind, double-blind
  bool json = false;
  std::string annotate;       // folder for annotated copies of failing papers
  std::string html;           // the batch's report as one HTML page
  unsigned jobs = 0;          // files checked at once; 0: all cores
  std::vector<std::string> inputs;
};
Exit run_check(const CheckJob& job);

}  // namespace proceedings

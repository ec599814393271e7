#pragma once
// `proceedings export acm-csv`: the job and its result; command.cpp prints the result.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/diagnostic.hpp"
#include "proceedings/error.hpp"

namespace proceedings {

// ACM's proceedings CSV of a venue, one row per author.
struct ExportJob {
  std::string venue;  // workshop folder with an acm: record
  std::string volume; // instead of venue: a volume of workshops (volume.yaml), one CSV with a section per workshop
  std::string book;   // a built book's folder: start and end pages from its manifest.json; empty: none
  std::string out;    // write the CSV here (atomically); empty: the CSV is the result's text
};
struct ExportResult {
  Exit status = Exit::ok;            // failed: problems with errors, nothing written
  std::vector<Diagnostic> problems;  // what ACM's sheet cannot have (a paper without a contact e-mail, ...)
  std::string csv;                   // the sheet, when `out` is empty
};
ExportResult run_export_acm_csv(const ExportJob& job);

}  // namespace proceedings

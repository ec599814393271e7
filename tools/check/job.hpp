#pragma once
// `proceedings check`: the job the command maps its options onto (no I/O here).
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "proceedings/check/analyze.hpp"
#include "proceedings/error.hpp"
#include "proceedings/model.hpp"

namespace proceedings {

// `proceedings check`: each file's analysis handed to `on_paper` as it is
// done, in input order, from the calling thread (so that a batch of
// thousands keeps only the current paper); `on_files` first gets the files
// the inputs expand to.
struct CheckJob {
  std::string venue;          // workshop folder whose submission rules apply; empty: flags only
  std::string volume;         // a volume (volume.yaml) instead: run_volume_check
  std::shared_ptr<const Workshop> loaded;  // the venue as already read (a volume's workshop, with the volume's ACM record)
  std::string pages;          // MIN-MAX body pages
  std::string paper;          // letter, a4
  int columns = 0;
  std::string template_name;  // acmart-sigconf, acmart, any
  std::string review;         // single-blind, double-blind (the submission stage's)
  std::string stage;          // submission or camera-ready; empty: camera-ready (submission with --review alone)
  std::string annotate;       // folder for annotated copies of failing papers
  std::string html;           // the batch's report as one HTML page
  unsigned jobs = 0;          // files checked at once; 0: all cores
  std::vector<std::string> inputs;
  std::function<void(const std::vector<std::filesystem::path>&)> on_files;
  std::function<void(const check::Analysis&)> on_paper;
};
// ok: every file passes; failed: one fails; input: one could not be read.
Exit run_check(const CheckJob& job);

// A volume's workshop as `check --volume` checked it.
struct WorkshopTally {
  std::string acronym;
  std::string not_checked;  // why it was not, "" when it was
  std::size_t papers = 0, passed = 0, failed = 0, unreadable = 0;
};
struct VolumeCheckResult {
  Exit status = Exit::ok;  // as run_check's, over every workshop
  std::vector<WorkshopTally> workshops;
};
// `check` over each workshop of `job.volume`: the PDFs in inputs[0]/<workshop
// id>/ with that workshop's own rules (page limits differ between workshops);
// `on_workshop` before each workshop's papers, which then go to `on_files` and
// `on_paper` as for one venue. A usage Error for rule flags, --html or --annotate.
VolumeCheckResult run_volume_check(const CheckJob& job,
                                   const std::function<void(const Workshop&, const std::filesystem::path&)>& on_workshop);

// The stage whose rules the job applies; a usage Error for an unknown one or
// for --review with --stage camera-ready.
Stage stage_of(const CheckJob& job);

}  // namespace proceedings

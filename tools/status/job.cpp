#include "status/job.hpp"

#include "proceedings/model.hpp"

namespace proceedings::status {

VenueStatus run(const Job& job) {
  const Workshop venue = load_workshop(job.venue);
  StatusOptions options;
  if (!job.stage.empty()) {
    const auto stage = stage_named(job.stage);
    if (!stage) throw usage_error("--stage", "'" + job.stage + "' is not a stage: submission or camera-ready");
    options.stage = *stage;
  }
  options.papers_dir = job.papers;
  options.book = job.book;
  options.jobs = job.jobs;
  return venue_status(venue, options);
}

Exit exit_status(const VenueStatus& status) { return status.all_ready() ? Exit::ok : Exit::failed; }

}  // namespace proceedings::status

#include "status/job.hpp"

#include "proceedings/model.hpp"
#include "proceedings/volume.hpp"

namespace proceedings::status {

namespace {

StatusOptions options_of(const Job& job) {
  StatusOptions options;
  if (!job.stage.empty()) {
    const auto stage = stage_named(job.stage);
    if (!stage) throw usage_error("--stage", "'" + job.stage + "' is not a stage: submission or camera-ready");
    options.stage = *stage;
  }
  options.papers_dir = job.papers;
  options.book = job.book;
  options.jobs = job.jobs;
  return options;
}

}  // namespace

VenueStatus run(const Job& job) { return venue_status(load_workshop(job.venue), options_of(job)); }

VolumeStatus run_volume(const Job& job) {
  const Volume volume = load_volume(job.volume);
  VolumeStatus all{volume.acronym.empty() ? volume.id : volume.acronym, {}};
  for (const Workshop& w : volume.workshops) {
    StatusOptions options = options_of(job);
    if (!job.papers.empty()) options.papers_dir = std::filesystem::path(job.papers) / w.id;
    all.workshops.push_back(venue_status(w, options));
  }
  return all;
}

Exit exit_status(const VenueStatus& status) { return status.all_ready() ? Exit::ok : Exit::failed; }

Exit exit_status(const VolumeStatus& volume) {
  for (const auto& s : volume.workshops)
    if (!s.all_ready()) return Exit::failed;
  return Exit::ok;
}

}  // namespace proceedings::status

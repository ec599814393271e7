#pragma once
// `proceedings status`: the job the command maps its options onto, run on
// core's venue_status (no printing here).
#include <string>
#include <vector>

#include "proceedings/error.hpp"
#include "proceedings/status.hpp"

namespace proceedings::status {

struct Job {
  std::string venue = ".";
  std::string volume;  // a volume (volume.yaml) instead: run_volume
  std::string stage;   // submission or camera-ready; empty: camera-ready
  std::string papers;  // the uploads' folder; empty: VENUE/papers
  std::string book;    // a build's --out (or its bundle); empty: VENUE/out when it holds this venue's book
  unsigned jobs = 0;
};

VenueStatus run(const Job& job);

// The status of every workshop of `job.volume`, in the volume's order: each
// with its own rules and the volume's ACM record, its uploads in
// PAPERS/<workshop id>/ (default: each workshop's own papers/), its pages in
// the volume's book (`book`: build --volume's --out).
struct VolumeStatus {
  std::string title;                    // the volume's acronym (volume.yaml), else its id
  std::vector<VenueStatus> workshops;   // the volume's order
};
VolumeStatus run_volume(const Job& job);

// 0 when every paper is ready and no stray file waits in papers/, else 1.
Exit exit_status(const VenueStatus& status);
Exit exit_status(const VolumeStatus& volume);

}  // namespace proceedings::status

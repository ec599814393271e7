#pragma once
// `proceedings status`: the job the command maps its options onto, run on
// core's venue_status (no printing here).
#include <string>

#include "proceedings/error.hpp"
#include "proceedings/status.hpp"

namespace proceedings::status {

struct Job {
  std::string venue = ".";
  std::string stage;   // submission or camera-ready; empty: camera-ready
  std::string papers;  // the uploads' folder; empty: VENUE/papers
  std::string book;    // a build's --out (or its bundle); empty: VENUE/out when it holds this venue's book
  unsigned jobs = 0;
};

VenueStatus run(const Job& job);

// 0 when every paper is ready and no stray file waits in papers/, else 1.
Exit exit_status(const VenueStatus& status);

}  // namespace proceedings::status

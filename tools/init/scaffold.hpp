#pragma once
// The three files of a new venue as `proceedings init` writes them: every
// field of workshop.yaml with a comment that says what it is for, papers.yaml
// ready for `proceedings import`, and a first message from the chairs.
#include <string>

#include "proceedings/model.hpp"

namespace proceedings::init {

// What init knows of the new venue: the workshop record (no program, no
// papers), the rules of each stage, and where it came from.
struct NewVenue {
  Workshop workshop;
  // The rules uploads are checked against at submission (review mode, page
  // limit) and at camera-ready (authors shown, ACM's rights block); empty:
  // the stage is written as a commented-out example.
  std::optional<SubmissionRules> submission, camera_ready;
  // The acm: record, written as a commented-out block when it lacks the
  // dates or the place (they are printed on every paper; init does not guess them).
  bool acm_complete = false;
  // Who notices to authors come from and whom they answer (notify's From and Reply-To).
  std::optional<Person> contact;
  std::string origin;  // "the command line", "--preset sc-workshop", a page's name: the header says so
  std::string written_on;  // YYYY-MM-DD, for the header
};

std::string workshop_yaml_text(const NewVenue& venue);
std::string papers_yaml_text(const NewVenue& venue);
std::string message_md_text(const NewVenue& venue);

}  // namespace proceedings::init

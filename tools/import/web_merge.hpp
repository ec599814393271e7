#pragma once
// Merging what an event page says into a venue: workshop.yaml (the event's
// fields, program, organizers, committees, dates) and, for the program's
// paper talks, papers.yaml. The rules are the submission imports' (merge.hpp):
// nothing a person wrote is overwritten, a field changed on both sides is a
// conflict, and DIR/import-web-state.json records what the page gave last.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "import/merge.hpp"
#include "import/web_event.hpp"

namespace proceedings::import {

// What the last web import took, by field path ("program.closing.start").
using WebState = std::map<std::string, std::string>;

struct WebMerge {
  Workshop workshop;                 // the venue's, with the page's fields merged in
  bool new_venue = false;            // there was no workshop.yaml
  bool workshop_changed = false;
  MergeResult papers;                // papers.yaml through merge_submissions
  WebState state;                    // to record
  std::vector<std::string> changes;  // workshop.yaml's
  std::vector<std::string> conflicts;
};

// The page's fields as paths and texts, the unit of the three-way merge.
WebState web_fields(const Workshop& w);

// `venue` (may be empty) and its state; `event` as read from the page.
// A conflict stays one (its older base is recorded) until `resolve` names its
// field path (or a paper's ID[.FIELD]) or both sides agree.
WebMerge merge_web(const Workshop& venue, bool new_venue, const ImportState& paper_state, const WebState& state,
                   WebEvent event, const Resolutions& resolve = {});

WebState parse_web_state(const std::string& json, const std::string& file);
std::string web_state_json(const WebState& state, const std::string& source);

}  // namespace proceedings::import

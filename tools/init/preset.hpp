#pragma once
// Presets: what a kind of venue always has, filled in by `init --preset`.
#include <string>

#include "init/scaffold.hpp"

namespace proceedings::init {

// The presets init knows, for --help and the error naming them.
const char* preset_names();

// Fills `venue` (its date's year already set) as `preset` says; a usage Error
// for a preset init does not know. `acm_dates` and `acm_location` are the
// host conference's as ACM prints them; either empty leaves acm: commented out.
void apply_preset(NewVenue& venue, const std::string& preset, const std::string& acm_dates, const std::string& acm_location);

}  // namespace proceedings::init

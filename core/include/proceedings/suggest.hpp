#pragma once
// "Did you mean": the one place that decides which known name a misspelt one
// was meant to be, for the command line (subcommands, options) and the YAML
// readers (fields of workshop.yaml and papers.yaml).
#include <string>
#include <string_view>
#include <vector>

namespace proceedings {

// The edits (insert, delete, replace, swap of two neighbours) that turn `a`
// into `b`, letters compared without case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The one name of `known` that `given` most likely misspells, or "" when none
// is close enough to say so: at most 1 edit for names up to 4 characters, 2
// up to 8, 3 beyond; a tie between two names suggests neither. A name that
// `given` (3 characters or more) begins is taken when it is the only one.
std::string closest_name(std::string_view given, const std::vector<std::string>& known);

// "; did you mean 'NAME'?" for closest_name's answer, "" when there is none:
// to be appended to a message that says `given` is unknown.
std::string did_you_mean(std::string_view given, const std::vector<std::string>& known);

}  // namespace proceedings

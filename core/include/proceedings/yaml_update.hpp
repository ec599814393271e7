#pragma once
// Rewriting a YAML file a person keeps by hand (papers.yaml) without
// restyling it: what did not change keeps its text.
#include <string>

namespace proceedings {

// `rendered` is the new content of a document whose top-level `list_key`
// holds a list of mappings, each with `id_key`. Returns `rendered` with as
// much of `original` as carries the same values: the text before and after
// the list, every item whose id is unchanged field by field, each field whose
// value is unchanged (flow lists stay flow lists, quotes and comments stay).
// A changed field is written as rendered, at the original indentation; new
// items and fields come as rendered. Falls back to `rendered` where the
// original's list is not a block list of mappings. The result's lines end as
// most of the original's do (CR LF or LF), after the original's byte order mark if it has one.
std::string keep_unchanged_yaml(const std::string& original, const std::string& rendered, const std::string& list_key,
                                const std::string& id_key);

}  // namespace proceedings

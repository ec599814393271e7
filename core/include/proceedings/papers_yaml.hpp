#pragma once
// Writing papers.yaml, the file chairs keep by hand and `meta --write`,
// `fetch` and `import --write` update: persons in the structured form, one a
// line, and what did not change keeps its text.
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings {

// A person as papers.yaml and workshop.yaml write one, every field of Person
// kept: the bare name when nothing else is known, else a flow mapping
// ("{name: Li Wei, given: Wei, family: Li, ...}"). It may stand as an item
// of a flow list as well as of a block list.
std::string person_yaml(const Person& person);
// "[A, {name: B, ...}]".
std::string people_yaml(const std::vector<Person>& people);

// papers.yaml text: `header_comment`, then the list.
std::string papers_yaml(const std::vector<Paper>& papers, const std::string& header_comment);

// The leading lines of `text` that are comments or blank.
std::string header_comment(const std::string& text);

// papers.yaml rewritten from `original` (its text) for `papers`: what did not
// change keeps its text and style, so a write that changes one scalar field
// changes one line.
std::string updated_papers_yaml(const std::string& original, const std::vector<Paper>& papers);

}  // namespace proceedings

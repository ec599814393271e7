#pragma once
// Merging a submission system's accepted papers into papers.yaml without
// overwriting what a person wrote there.
#include <map>
#include <string>
#include <vector>

#include "import/formats.hpp"
#include "proceedings/model.hpp"

namespace proceedings::import {

// What the last import wrote of each paper (by Submission::key()), so that a
// re-import tells a change in the submission system from a person's edit.
struct ImportedFields {
  std::string title, abstract, authors;  // authors as authors_text() spells them
};
using ImportState = std::map<std::string, ImportedFields>;

std::string authors_text(const std::vector<Person>& authors);

// The rule every import follows for one field: the import's value replaces
// mine only where mine is empty or still what the last import wrote (`base`);
// where both changed, mine stays and it is a conflict; where only mine
// changed, mine stays.
enum class FieldMerge { keep, take, conflict };
FieldMerge merge_field(const std::string& mine, const std::string& theirs, const std::string* base);

// A person's empty affiliations, e-mails and ORCID take theirs: filling a gap
// overwrites nothing. True when something was filled in.
bool fill_in(Person& mine, const Person& theirs);

struct MergeResult {
  std::vector<Paper> papers;
  ImportState state;
  std::vector<std::string> changes;    // "add omnifed (hotcrp:3): ..."
  std::vector<std::string> conflicts;  // changed in both places; papers.yaml kept
  std::vector<std::string> skipped;    // not accepted, withdrawn
};

// `decisions`: a submission is imported when its decision contains one of them
// (lower case); withdrawn ones never are.
MergeResult merge_submissions(std::vector<Paper> papers, ImportState state, const std::vector<Submission>& found,
                              const std::vector<std::string>& decisions);

// A file-name-safe id from a title: the name before a colon when it is short
// ("WAGES: ..." -> wages), else its first words; unique among `taken`.
std::string slug_id(const std::string& title, const std::vector<Paper>& taken);

// Where an import records what the submission system said: VENUE/import-state.json.
inline constexpr const char* import_state_file_name = "import-state.json";
ImportState parse_state(const std::string& json, const std::string& file);
std::string state_json(const ImportState& state);

}  // namespace proceedings::import

#pragma once
// The one merge rule for what a source (a submission system's export, an
// event page, a paper's own metadata) says about the chair's papers: what
// a person wrote is never overwritten, a gap is filled, and a field changed
// in both places is a conflict until a person resolves it.
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings {

// One field, three-way: the source's value (`theirs`) replaces mine only where
// mine is empty or still what the source said last time (`base`, null when it
// never said anything); where only mine changed, mine stays; where both
// changed, it is a conflict and mine stays.
enum class FieldMerge { keep, take, conflict };
FieldMerge merge_field(const std::string& mine, const std::string& theirs, const std::string* base);

// Every field of Person a source may give besides the name (which is how the
// same person is found): the affiliations, additional affiliations, e-mails,
// ORCID and family name. `text` is how the field compares and prints.
struct PersonField {
  const char* name;  // as printed: "affiliation", "email", ...
  const char* key;   // as a --take-export/--keep-mine selector and in import-state.json
  std::string (*text)(const Person&);
  void (*copy)(Person& to, const Person& from);
};
const std::vector<PersonField>& person_fields();

// A person's empty fields (person_fields()) take theirs: filling a gap
// overwrites nothing. One "affiliation set to 'X'" per field filled.
std::vector<std::string> fill_in(Person& mine, const Person& theirs);

// Where two sources name the same person: core's one name folder, fold_name
// (accents, case and punctuation do not decide).
std::string person_key(const std::string& name);

// A file-name-safe paper id from a title: the name before a colon when it is
// short ("WAGES: ..." -> wages), else its first words; unique among `taken`.
std::string new_paper_id(const std::string& title, const std::vector<Paper>& taken);

// `wanted` (a file's stem, a title's first words) as a file-name-safe id,
// lower-case words joined by '-', with "-2", "-3", ... until no paper of
// `taken` has it.
std::string unique_paper_id(const std::string& wanted, const std::vector<Paper>& taken);

// The key of a submission that has no number (a spreadsheet without one):
// its title, folded, so that re-sorting rows changes no key.
std::string title_key(const std::string& title);

// Whether a submission system's decision accepts a paper. `named` (the
// chair's --decision values) are exact values, case and spacing aside.
// Without them each system's own vocabulary decides: HotCRP's status (the
// sign of its outcome) "accepted", else a decision whose first word is
// accept(ed); EasyChair's "accept"; any other sheet a decision whose words
// say accept(ed) and nothing negative ("Not accepted", "Reject (unaccepted)").
bool decision_accepts(const std::string& system, const std::string& decision, const std::string& status,
                      const std::vector<std::string>& named);

// Refuses (a usage Error naming `file` and the key) an export that lists
// one submission key twice: two submissions are never merged into one paper.
void refuse_duplicate_keys(const std::vector<std::string>& keys, const std::string& file);

}  // namespace proceedings

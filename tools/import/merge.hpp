#pragma once
// Merging a submission system's accepted papers into papers.yaml without
// overwriting what a person wrote there, by core's one merge rule
// (proceedings/merge.hpp).
#include <map>
#include <string>
#include <vector>

#include "import/formats.hpp"
#include "proceedings/merge.hpp"
#include "proceedings/model.hpp"

namespace proceedings::import {

// What the last import took of one author: the name, and the text of each
// of core's person_fields() by its key.
struct ImportedPerson {
  std::string name;
  std::map<std::string, std::string> fields;
};

// What the last import took of each paper (by Submission::key()), so that a
// re-import tells a change in the submission system from a person's edit. A
// field in conflict keeps its older value here until a person resolves it,
// so that it stays a conflict.
struct ImportedFields {
  std::string id;  // the paper's id in papers.yaml
  std::string title, abstract;
  std::vector<ImportedPerson> authors;
  std::string contact;  // the names of the authors the export marks as contact, "A; B"
  bool authors_known = true;  // false in a state written before each person's fields were kept
  bool removed = false;       // the chair removed the paper from papers.yaml: a re-import leaves it out
};
using ImportState = std::map<std::string, ImportedFields>;

std::string authors_text(const std::vector<Person>& authors);

// How the chair resolves conflicts, by selectors ID or ID.FIELD (FIELD:
// title, abstract, authors, or authors.N.KEY for the Nth author of the
// export, KEY one of core's person_fields() keys); a selector also names
// every field under it. `restore`: ids (or submission keys) of papers the
// chair removed that a re-import brings back.
struct Resolutions {
  std::vector<std::string> take_export, keep_mine, restore;
};

struct MergeResult {
  std::vector<Paper> papers;
  ImportState state;
  std::vector<std::string> changes;    // "add omnifed (hotcrp:3): ...", "change paper ..."
  std::vector<std::string> resolved;   // conflicts the chair resolved with --keep-mine
  std::vector<std::string> conflicts;  // changed in both places; papers.yaml kept
  std::vector<std::string> skipped;    // not accepted, withdrawn, removed by the chair
  std::vector<std::string> notes;      // a selector that resolved nothing
};

// `decisions`: the --decision values a submission's decision must be
// (exactly); empty: each system's own vocabulary (core's decision_accepts).
// Withdrawn submissions are never imported.
MergeResult merge_submissions(std::vector<Paper> papers, ImportState state, const std::vector<Submission>& found,
                              const std::vector<std::string>& decisions, const Resolutions& resolutions = {});

// Where an import records what the submission system said: VENUE/import-state.json.
inline constexpr const char* import_state_file_name = "import-state.json";
// Where a writing import (of an export or a page) holds core's OutputLock, as
// `build` does: two at once would each merge into the papers.yaml they read,
// and the last rename would win.
inline constexpr const char* import_lock_file_name = ".import.lock";
ImportState parse_state(const std::string& json, const std::string& file);
std::string state_json(const ImportState& state);

}  // namespace proceedings::import

#pragma once
// A volume: one book of many workshops (ACM's "Proceedings of the SC '25
// Workshops ..."), read from DIR/volume.yaml. Each part is a workshop folder
// as load_workshop reads it, listed in the volume's order; the ACM record is
// the volume's, and a workshop inherits it (docs/volume.md).
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings {

inline constexpr const char* volume_file_name = "volume.yaml";

struct Volume {
  std::filesystem::path folder;  // where volume.yaml was read; message.md beside it is the workshops chairs' message
  std::string id;                // file-name id: the bundle's files are named by it
  std::string acronym;           // as the cover prints it; default: acm.short_name ("SC Workshops '25")
  std::string name;              // the volume's name; the cover prints "Proceedings of" before it
  std::string host;              // "SC25"
  std::string location;          // default: acm.location
  std::string date;              // first day, YYYY-MM-DD; default: the earliest workshop's date
  std::string timezone;          // default: the first workshop's
  std::string publication;       // the note under the cover's title
  AcmRecord acm;                 // the volume's record: every workshop has it as its `acm`
  std::vector<Person> chairs;         // the workshops chairs, who sign the message
  std::vector<Committee> committees;  // the organising committee
  std::vector<Workshop> workshops;    // the parts, in the volume's order
  bool markdown_raw_tex = false;      // as a workshop's: raw LaTeX in the volume's message.md
};

// True when `folder` holds volume.yaml.
bool is_volume_folder(const std::filesystem::path& folder);

// Reads DIR/volume.yaml and every workshop folder it lists (each relative to
// DIR), in the listed order. Usage Errors, each naming the file:
// - any mistake volume.yaml's own fields have, as load_workshop's;
// - a workshop folder without workshop.yaml, or listed twice, or two
//   workshops with one id;
// - a workshop whose own `acm:` contradicts the volume's: the field, both
//   values and both files (a workshop may leave fields empty, not change them);
// - a paper id used by two workshops (the bundle names papers by id), naming
//   both papers.yaml; a paper DOI outside the volume's acm.doi.
// Each workshop comes back with `acm` set to the volume's record (its own
// paper_type kept), and without papers.yaml an empty list of papers.
Volume load_volume(const std::filesystem::path& folder);

// The volume as one venue, for the pages it prints itself and for what takes
// a Workshop (the folio, the copyright page, BibTeX): its id, acronym, name,
// host, place, date, ACM record, the chairs as organizers, the committees;
// folder = the volume's folder; no papers, no program, no submission rules.
Workshop volume_venue(const Volume& volume);

// Which workshop of the volume lists paper `id`; npos when none.
std::size_t workshop_of_paper(const Volume& volume, const std::string& id);

}  // namespace proceedings

#pragma once
// The season of one venue at a glance: for each paper of papers.yaml, its
// upload, its verdict at a stage, its rights and DOI, the last notice sent
// and its pages in the last book. `status` prints it; a volume of many
// workshops calls venue_status once per venue.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "proceedings/model.hpp"
#include "proceedings/sent_log.hpp"

namespace proceedings {

struct UploadFacts {
  std::filesystem::path file;
  std::string how;    // how the matcher took it: "file name", "submission number 12", "title"
  std::string time;   // its modification time, UTC, YYYY-MM-DD HH:MM
  std::uintmax_t bytes = 0;
  std::string sha256;
};

struct BookEntry {
  int first_page = 0, last_page = 0;  // in the book's numbering, as manifest.json lists them
  bool stale = false;                 // the upload is newer than the book
};

// Ready for the book: the upload passes at the stage. Rights and DOI are
// reported beside it (waiting_for) but do not hold a paper back: ACM
// assigns the DOI after the rights form, and the book can be built before.
enum class PaperState { ready, failing, missing };

// "ready", "failing", "missing".
const char* state_name(PaperState state);

struct PaperStatus {
  std::string id;
  std::string title;
  std::optional<UploadFacts> upload;
  std::string verdict;               // pass, fail, error (unreadable), or "" when there is no upload
  std::vector<std::string> errors;   // the codes that fail it
  std::vector<std::string> warnings; // the codes it is warned of
  std::string unreadable;            // why the upload could not be analysed
  std::string rights;                // papers.yaml's rights; "" not recorded
  std::string doi;                   // papers.yaml's doi; "" not recorded
  std::optional<SentNotice> notice;  // the last notice sent
  std::optional<BookEntry> book;
  PaperState state = PaperState::missing;
  std::vector<std::string> waiting_for;  // at a venue ACM publishes: "rights", "DOI" not yet recorded
};

// A file in the papers folder that is none of the papers (or one of two for a paper).
struct StrayUpload {
  std::filesystem::path file;
  std::string problem;
};

struct StatusOptions {
  Stage stage = Stage::camera_ready;
  std::filesystem::path papers_dir;  // empty: <venue>/papers
  std::filesystem::path book;        // a build's --out or its bundle folder; empty: <venue>/out if it holds a book
  unsigned jobs = 0;                 // papers checked at once; 0: all cores
};

struct VenueStatus {
  std::string venue;  // the workshop's id
  std::string title;  // "ACRONYM: Name", as the book's title prints it
  Stage stage = Stage::camera_ready;
  std::filesystem::path papers_dir;
  std::filesystem::path book_manifest;  // the manifest read; empty when no book was found
  std::vector<PaperStatus> papers;      // papers.yaml's order
  std::vector<StrayUpload> strays;
  std::size_t count(PaperState state) const;
  std::size_t waiting_for_rights_or_doi() const;
  bool all_ready() const { return count(PaperState::ready) == papers.size() && strays.empty(); }
};

// The status of `venue`: its papers folder matched with the one matcher,
// each upload checked at `options.stage` with the venue's rules, the
// sent-log and the last book's manifest read. A paper is ready when its
// upload passes.
VenueStatus venue_status(const Workshop& venue, const StatusOptions& options);

// "22 papers: 18 ready, 3 failing, 1 missing", then what else waits: "; 2
// without rights or DOI recorded", "; 1 file(s) in papers/ taken for no paper".
std::string status_summary(const VenueStatus& status);

}  // namespace proceedings

// `proceedings import web` as a job (job.hpp): the page read, merged
// into the venue, and written with --write; the command prints the result.
#include <optional>

#include "import/merge.hpp"
#include "import/venue_files.hpp"
#include "import/web_merge.hpp"
#include "import/web_page.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "import/job.hpp"
#include "proceedings/papers_yaml.hpp"
#include "proceedings/workshop_yaml.hpp"
#include "proceedings/program_checks.hpp"

namespace proceedings {

namespace {

namespace fs = std::filesystem;

const char* web_state_file_name = "import-web-state.json";

// The program check's findings on what the page published: its slips are kept, and said.
std::vector<std::string> program_notes(const Workshop& w) {
  std::vector<std::string> out;
  for (const auto& f : check_program(w))
    if (f.code != "NO_ROOM" && f.code != "NO_END" && f.code != "NO_CHAIR")
      out.push_back("the page's program: " + std::string(severity_name(f.severity)) + " " + f.code + ": " + f.message +
                    " (kept as published; `proceedings booklet --check` reports it)");
  return out;
}

// What a new workshop.yaml cannot do without.
void require_new_venue_fields(const import::WebEvent& event, const std::string& page) {
  for (const auto& [what, value] : {std::pair{"the workshop's name", event.workshop.name},
                                    std::pair{"an acronym", event.workshop.acronym},
                                    std::pair{"the date", event.workshop.date}})
    if (value.empty()) throw input_error(page, std::string("does not give ") + what + ", which a new workshop.yaml needs");
  if (event.workshop.timezone.empty())
    throw usage_error(page, "gives no time zone and no place this reader knows: name it with --timezone (e.g. America/Chicago)");
  if (event.workshop.organizers.empty()) throw input_error(page, "lists no organizers, which a new workshop.yaml needs");
}

ImportWebResult describe(const import::WebMerge& merged, std::vector<std::string> notes) {
  ImportWebResult r;
  for (const auto& c : merged.papers.changes) r.changes.push_back("papers.yaml: " + c);
  for (const auto& c : merged.changes) r.changes.push_back("workshop.yaml: " + c);
  for (const auto& c : merged.papers.conflicts) r.conflicts.push_back("papers.yaml: " + c);
  for (const auto& c : merged.conflicts) r.conflicts.push_back("workshop.yaml: " + c);
  r.notes = std::move(notes);
  r.status = r.conflicts.empty() ? Exit::ok : Exit::failed;
  return r;
}

}  // namespace

ImportWebResult run_import_web(const ImportWebJob& job) {
  using namespace import;
  const fs::path venue = job.venue;
  if (fs::exists(venue) && !fs::is_directory(venue)) throw usage_error(job.venue, "is not a folder");
  // A folder that does not exist yet is created (and locked) only when there is something to write.
  std::optional<OutputLock> lock;
  if (job.write && fs::is_directory(venue)) lock.emplace(venue / import::import_lock_file_name, venue.string());
  const bool new_venue = !fs::exists(venue / "workshop.yaml");
  const Workshop mine = new_venue ? Workshop{} : load_workshop(venue);
  WebEvent event = read_event(load_page(job.page), job.timezone);
  if (event.workshop.sessions.empty())
    throw input_error(job.page, "holds no program this reader recognises (lines starting with a time such as '9:00 AM - ...')");
  const fs::path state_file = venue / import_state_file_name;
  const fs::path web_state_file = venue / web_state_file_name;
  const ImportState paper_state =
      fs::exists(state_file) ? parse_state(read_file(state_file), state_file.string()) : ImportState{};
  const WebState web_state =
      fs::exists(web_state_file) ? parse_web_state(read_file(web_state_file), web_state_file.string()) : WebState{};
  if (new_venue) require_new_venue_fields(event, job.page);
  std::vector<std::string> notes = event.notes;
  const WebMerge merged = merge_web(mine, new_venue, paper_state, web_state, std::move(event),
                                    Resolutions{job.take_export, job.keep_mine, {}});
  for (auto& n : program_notes(merged.workshop)) notes.push_back(std::move(n));
  ImportWebResult result = describe(merged, std::move(notes));
  if (!job.write) return result;
  VenueFiles files;
  const fs::path papers_file = venue / "papers.yaml", workshop_file = venue / "workshop.yaml";
  if (!merged.papers.changes.empty()) {
    files.papers = updated_papers_yaml(fs::exists(papers_file) ? read_file(papers_file) : "", merged.papers.papers);
    result.written.push_back(papers_file);
  }
  if (merged.workshop_changed) {
    files.workshop = new_venue ? workshop_yaml(merged.workshop, job.page)
                               : updated_workshop_yaml(read_file(workshop_file), mine, merged.workshop);
    result.written.push_back(workshop_file);
  }
  if (!lock) {
    fs::create_directories(venue);
    lock.emplace(venue / import::import_lock_file_name, venue.string());
  }
  write_venue_files(venue, files, job.page);
  fs::create_directories(venue);
  if (files.papers) write_file_atomic(state_file, state_json(merged.papers.state));
  write_file_atomic(web_state_file, web_state_json(merged.state, job.page));
  return result;
}

}  // namespace proceedings

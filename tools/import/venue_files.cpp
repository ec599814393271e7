#include "import/venue_files.hpp"

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"

namespace proceedings::import {

namespace {

// The loader's message about a staged file, told of the venue's file instead.
std::string in_venue(std::string where, const fs::path& staging, const fs::path& venue) {
  const std::string prefix = staging.string();
  if (where.rfind(prefix, 0) == 0) where = (venue / fs::path(where.substr(prefix.size() + 1))).string();
  return where;
}

}  // namespace

void write_venue_files(const fs::path& venue, const VenueFiles& files, const std::string& source) {
  if (!files.workshop && !files.papers) return;
  ScratchDir staging("proceedings-import");
  const std::pair<const char*, const std::optional<std::string>*> both[] = {{"workshop.yaml", &files.workshop},
                                                                           {"papers.yaml", &files.papers}};
  for (const auto& [name, text] : both) {
    if (*text) write_file_atomic(staging.path() / name, **text);
    else if (fs::exists(venue / name)) copy_file_atomic(venue / name, staging.path() / name);
  }
  try {
    load_workshop(staging.path());
  } catch (const Error& e) {
    throw input_error(source, "the import would write " + in_venue(e.where(), staging.path(), venue) + ", which " +
                                  "proceedings refuses (" + e.what() + "); nothing was written");
  }
  fs::create_directories(venue);
  for (const auto& [name, text] : both)
    if (*text) write_file_atomic(venue / name, **text);
}

}  // namespace proceedings::import

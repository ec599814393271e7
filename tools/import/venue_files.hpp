#pragma once
// Writing what an import made of a venue: checked first by the model's own
// loader, so that an import never leaves a venue that every other command
// then refuses (a slug, an id or a text the loader does not take).
#include <filesystem>
#include <optional>
#include <string>

namespace proceedings::import {

struct VenueFiles {
  std::optional<std::string> workshop;  // workshop.yaml's new text, if it changes
  std::optional<std::string> papers;    // papers.yaml's
};

// Loads `files` (with the venue's other file as it is) from a scratch folder
// with load_workshop; only when that succeeds are they written into `venue`,
// each atomically. Otherwise throws an input Error naming `source` (the
// export or page) and what the loader said, and nothing is written.
void write_venue_files(const std::filesystem::path& venue, const VenueFiles& files, const std::string& source);

}  // namespace proceedings::import

#pragma once
// The program's entries as the model's sessions: session headings with the
// talks under them, runs of paper talks, keynotes, breaks, panels.
#include <string>
#include <vector>

#include "import/web_entry.hpp"
#include "proceedings/model.hpp"

namespace proceedings::import::web {

// The session kind of an entry that stands alone: "break", "opening",
// "closing", "discussion", "talks" (a labelled talk), or "" (a talk).
std::string kind_of(const Entry& e);

// What the page wrote that the sessions cannot hold is said in `notes`.
std::vector<Session> build_sessions(const std::vector<Entry>& entries, std::vector<std::string>& notes);

}  // namespace proceedings::import::web

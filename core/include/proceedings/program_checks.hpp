#pragma once
// The program checked before anything is published from it: the booklet
// (booklet --check, and before it writes), and the report, which retells the
// program, as part of its lint.
#include <string>
#include <vector>

#include "proceedings/diagnostic.hpp"
#include "proceedings/model.hpp"

namespace proceedings {

// A diagnostic whose message names the entry, and the session it is about.
struct ProgramFinding : Diagnostic {
  const Session* session = nullptr;  // null when it is not about one session
};

// Every finding, file set to the workshop's workshop.yaml. An error the chair
// listed under the session's `confirmed:` becomes a warning saying so; a
// confirmation that matches nothing is a warning too (CONFIRMED_UNUSED), so
// that it does not outlive the slip it was written for.
std::vector<ProgramFinding> check_program(const Workshop& w);

}  // namespace proceedings

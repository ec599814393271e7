#pragma once
// The program checked before anything is published from it.
#include <string>
#include <vector>

#include "proceedings/diagnostic.hpp"
#include "proceedings/model.hpp"

namespace proceedings::booklet {

// A diagnostic whose message names the entry, and the session it is about.
struct Finding : Diagnostic {
  const Session* session = nullptr;  // null when it is not about one session
};

std::vector<Finding> validate(const Workshop& w);

}  // namespace proceedings::booklet

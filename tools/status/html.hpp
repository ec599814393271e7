#pragma once
// The status page a chair shares with co-chairs: one self-contained HTML
// file in the check report's style.
#include <string>

#include "proceedings/status.hpp"

namespace proceedings::status {

std::string html_page(const VenueStatus& status);

}  // namespace proceedings::status

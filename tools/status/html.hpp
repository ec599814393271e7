#pragma once
// The status page a chair shares with co-chairs: one self-contained HTML
// file in the check report's style.
#include <string>
#include <vector>

#include "proceedings/status.hpp"

namespace proceedings::status {

std::string html_page(const VenueStatus& status);

// A volume's page: its total summary, then a section per workshop (title,
// summary line, table) in the volume's order.
std::string volume_html_page(const std::string& volume, const std::vector<VenueStatus>& workshops);

}  // namespace proceedings::status

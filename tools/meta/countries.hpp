#pragma once
// Country names as authors write them in affiliations (ISO 3166 short names
// and the common variants: USA, UK, The Netherlands, P.R. China, ...). The
// PDF reader uses them to find where an affiliation's address ends.
#include <string>

namespace proceedings::meta {

bool is_country(const std::string& text);

}  // namespace proceedings::meta

#pragma once
// The web page of a program over several days or rooms: per day a table whose
// rows are the times something starts or ends and whose columns are the rooms,
// each session a cell spanning the rows it lasts; grid.css turns it into a
// list in time order on a phone.
#include <string>
#include <vector>

#include "booklet/html.hpp"

namespace proceedings::booklet {

// The days' sections for program.html's {{SESSIONS}}, and their links for {{NAV}}.
struct GridPage {
  std::string days;
  std::string nav;
};

GridPage program_grid(const Workshop& w, const TimeZone& zone, const std::vector<Entry>& entries, const PageLinks& links);

}  // namespace proceedings::booklet

#pragma once
// An event page's lines read as the model: the workshop's name, date and
// time zone, its program (sessions, talks, speakers, affiliations, chairs,
// breaks), organizers, committees and important dates. Times are kept as
// the page prints them, slips included; the program check reports those.
#include <string>
#include <vector>

#include "import/web_page.hpp"
#include "proceedings/model.hpp"
#include "proceedings/timezone.hpp"  // zone_for_abbreviation, zone_for_place

namespace proceedings::import {

struct WebEvent {
  Workshop workshop;  // paper talks carry their authors as speakers, no paper id yet
  std::vector<std::string> notes;  // what the page says that the model cannot hold, or that was not understood
};

// `timezone`: an IANA name that wins over what the page says (empty: the page's).
WebEvent read_event(const Page& page, const std::string& timezone);

}  // namespace proceedings::import

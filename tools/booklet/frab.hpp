#pragma once
// The frab schedule XML that pretalx and conference apps exchange:
// schedule/conference/day/room/event, written with libxml2.
#include <string>

#include "proceedings/model.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings::booklet {

std::string frab_xml(const Workshop& w, const TimeZone& zone);

// Lowercase ASCII letters, digits and single hyphens: "ExHetAI'25" -> "exhetai-25".
std::string frab_slug(const std::string& text);

}  // namespace proceedings::booklet

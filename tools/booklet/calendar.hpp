#pragma once
// iCalendar (RFC 5545): one event per session and per talk, in the event's
// real time zone with a VTIMEZONE built from the system's zone data.
#include <string>

#include "proceedings/model.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings::booklet {

std::string icalendar(const Workshop& w, const TimeZone& zone);

// Text escaped for a property value (backslash, semicolon, comma, newline).
std::string ics_escape(const std::string& text);

// Content line folded at 75 octets, never inside a UTF-8 character, CRLF-terminated.
std::string ics_line(const std::string& line);

}  // namespace proceedings::booklet

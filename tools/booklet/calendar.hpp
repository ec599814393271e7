#pragma once
// iCalendar (RFC 5545): one event per talk (a session without timed talks is
// one of its own), in the event's real time zone with a VTIMEZONE built from
// the system's zone data.
#include <cstdint>
#include <string>

#include "proceedings/model.hpp"
#include "booklet/schedule.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings::booklet {

// `now_utc` (seconds since 1970) stamps new and changed events. `previous` is
// the calendar published before (or ""): an event it holds unchanged keeps its
// DTSTAMP, LAST-MODIFIED and SEQUENCE, so an unchanged program gives the same
// bytes; a changed event gets SEQUENCE + 1, so calendars replace what people
// imported. An event of a session in `flags` carries the mark and its note.
std::string icalendar(const Workshop& w, const TimeZone& zone, std::int64_t now_utc, const std::string& previous = "",
                      const Flags& flags = {});

// Text escaped for a property value (backslash, semicolon, comma, newline).
std::string ics_escape(const std::string& text);

// Content line folded at 75 octets, never inside a UTF-8 character, CRLF-terminated.
std::string ics_line(const std::string& line);

}  // namespace proceedings::booklet

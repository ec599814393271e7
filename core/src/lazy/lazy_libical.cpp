// libical, for the time zones of calendars and schedules (core/src/system/timezone.cpp),
// opened on first use: linked, it would load ICU's libraries (30 MB of them)
// at every start. These are the functions the project calls; a new call needs
// its line here (the link fails until it has one). See lazy_library.hpp.
#include <libical/ical.h>

#include "lazy/lazy_library.hpp"

namespace {

constexpr const char* what = "libical (libical.so.3, Debian package libical3)";

void* libical() {
  static void* const handle = proceedings::open_library({"libical.so.3"}, what);
  return handle;
}

}  // namespace

#define FORWARD(type, name, parameters, arguments) \
  PROCEEDINGS_FORWARD_FUNCTION(libical, what, type, name, parameters, arguments)

extern "C" {

FORWARD(icaltimezone*, icaltimezone_get_builtin_timezone, (const char* location), (location))
FORWARD(icaltimezone*, icaltimezone_get_utc_timezone, (), ())
FORWARD(const char*, icaltimezone_get_tznames, (icaltimezone * zone), (zone))
FORWARD(int, icaltimezone_get_utc_offset_of_utc_time, (icaltimezone * zone, struct icaltimetype* tt, int* is_daylight),
        (zone, tt, is_daylight))
FORWARD(struct icaltimetype, icaltime_from_timet_with_zone, (const time_t tm, const int is_date, const icaltimezone* zone),
        (tm, is_date, zone))

}  // extern "C"

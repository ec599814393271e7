#include "proceedings/timezone.hpp"

#include <libical/ical.h>

#include <filesystem>

#include "proceedings/error.hpp"

namespace proceedings {

std::int64_t days_from_civil(int y, int m, int d) {
  // Howard Hinnant's algorithm: eras of 400 years starting in March.
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {

bool plausible_name(const std::string& name) {
  return !name.empty() && name.size() < 100 && name.find("..") == std::string::npos && name[0] != '/';
}

const char* const zoneinfo = "/usr/share/zoneinfo";

}  // namespace

// Without opening libical (and ICU with it): every command that loads a
// workshop asks this.
bool TimeZone::known(const std::string& name) {
  return plausible_name(name) && std::filesystem::is_regular_file(std::string(zoneinfo) + "/" + name);
}

TimeZone TimeZone::load(const std::string& name, const std::string& where) {
  if (!plausible_name(name)) throw usage_error(where, "'" + name + "' is not an IANA time zone name");
  TimeZone zone;
  zone.name_ = name;
  zone.zone_ = known(name) ? icaltimezone_get_builtin_timezone(name.c_str()) : nullptr;
  if (!zone.zone_)
    throw usage_error(where, "'" + name + "' is not a time zone known to this system (no " + zoneinfo + "/" + name + ")");
  // "CST/CDT": the zone's current names, standard then daylight.
  const char* names = icaltimezone_get_tznames(zone.zone_);
  const std::string both = names ? names : "";
  const auto slash = both.find('/');
  zone.standard_name_ = both.substr(0, slash);
  zone.daylight_name_ = slash == std::string::npos ? both : both.substr(slash + 1);
  return zone;
}

Offset TimeZone::offset_at(std::int64_t utc) const {
  icaltimetype when = icaltime_from_timet_with_zone(static_cast<time_t>(utc), 0, icaltimezone_get_utc_timezone());
  int daylight = 0;
  const int seconds = icaltimezone_get_utc_offset_of_utc_time(zone_, &when, &daylight);
  return Offset{seconds, daylight != 0, daylight ? daylight_name_ : standard_name_};
}

std::int64_t TimeZone::to_utc(int year, int month, int day, int minutes) const {
  const std::int64_t local = days_from_civil(year, month, day) * 86400 + minutes * 60;
  // Try the offsets in force around that time; the first that maps back wins.
  for (const std::int64_t guess : {local - 86400, local, local + 86400}) {
    const Offset before = offset_at(guess);
    const std::int64_t utc = local - before.seconds;
    if (offset_at(utc).seconds == before.seconds) return utc;
  }
  return local - offset_at(local).seconds;  // a skipped local time: read with the earlier offset
}

// The zone's changes in the year: each hour where the offset or daylight flag
// changes, narrowed to the second.
std::vector<Transition> TimeZone::transitions_in_year(int year) const {
  const std::int64_t from = days_from_civil(year, 1, 1) * 86400, to = days_from_civil(year + 1, 1, 1) * 86400;
  std::vector<Transition> out;
  Offset before = offset_at(from - 1);
  for (std::int64_t hour = from; hour < to; hour += 3600) {
    const Offset after = offset_at(hour + 3599);
    if (after.seconds == before.seconds && after.dst == before.dst) continue;
    std::int64_t low = hour - 1, high = hour + 3599;  // offset_at(low) is `before`, offset_at(high) is `after`
    while (high - low > 1) {
      const std::int64_t mid = low + (high - low) / 2;
      const Offset o = offset_at(mid);
      (o.seconds == before.seconds && o.dst == before.dst ? low : high) = mid;
    }
    out.push_back({high, before, after});
    before = after;
  }
  return out;
}

}  // namespace proceedings

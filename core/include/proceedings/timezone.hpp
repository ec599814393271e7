#pragma once
// IANA time zones from the system's tzdata, read by libical (which follows a
// zone's rule past its last listed change, as zdump does), so that calendars
// carry real zones with their daylight-saving changes.
#include <cstdint>
#include <string>
#include <vector>

struct _icaltimezone;  // libical's icaltimezone

namespace proceedings {

struct Offset {
  int seconds = 0;  // east of UTC
  bool dst = false;
  std::string abbreviation;  // CST, CDT
};

struct Transition {
  std::int64_t utc = 0;  // instant of the change, seconds since 1970
  Offset before;
  Offset after;
};

// `unix_seconds` as UTC text in strftime's `format` ("%Y-%m-%d %H:%M").
std::string utc_text(std::int64_t unix_seconds, const char* format);
// Now, in seconds since 1970.
std::int64_t unix_seconds_now();

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(int year, int month, int day);

class TimeZone {
 public:
  // Throws a usage Error naming `where` (the file and line that names the zone)
  // for a name this system does not know.
  static TimeZone load(const std::string& name, const std::string& where = "timezone");
  // True for an IANA name this system has a zone for.
  static bool known(const std::string& name);

  const std::string& name() const { return name_; }
  Offset offset_at(std::int64_t utc) const;
  // The instant of a local wall-clock time (the earlier one when it occurs twice).
  std::int64_t to_utc(int year, int month, int day, int minutes) const;
  std::vector<Transition> transitions_in_year(int year) const;

 private:
  std::string name_;
  ::_icaltimezone* zone_ = nullptr;  // libical's, kept for the process
  std::string standard_name_, daylight_name_;
};

// The IANA zone a printed abbreviation stands for where one is usual
// ("CST" -> America/Chicago, "AoE" -> Etc/GMT+12); "" when it is not known.
std::string zone_for_abbreviation(const std::string& abbreviation);
// The zone of the first place `text` names that has one ("held in St. Louis,
// Missouri" -> America/Chicago); "" when it names none this knows.
std::string zone_for_place(const std::string& text);

}  // namespace proceedings

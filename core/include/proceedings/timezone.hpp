#pragma once
// IANA time zones read from the system's TZif files (Debian's tzdata), so
// that calendars carry real zones with their daylight-saving changes.
#include <cstdint>
#include <string>
#include <vector>

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

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(int year, int month, int day);

class TimeZone {
 public:
  // Throws a usage Error for a name with no zone file.
  static TimeZone load(const std::string& name, const std::string& zoneinfo = "/usr/share/zoneinfo");

  const std::string& name() const { return name_; }
  Offset offset_at(std::int64_t utc) const;
  // The instant of a local wall-clock time (the earlier one when it occurs twice).
  std::int64_t to_utc(int year, int month, int day, int minutes) const;
  std::vector<Transition> transitions_in_year(int year) const;

 private:
  std::string name_;
  std::vector<std::int64_t> times_;
  std::vector<int> kinds_;      // index into offsets_ for each transition
  std::vector<Offset> offsets_;
  int initial_ = 0;
};

}  // namespace proceedings

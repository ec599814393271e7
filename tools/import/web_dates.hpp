#pragma once
// When, on an event page: dates in words ("November 16, 2025"), program
// time lines ("9:00-9:30 AM CST: Title"), the clues to the event's own date,
// year and zone that lines anywhere give, and the important-dates section.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "import/web_page.hpp"
#include "proceedings/model.hpp"

namespace proceedings::import::web {

struct FoundDate {
  int year = 0, month = 0, day = 0;
  std::string iso(int fallback_year) const;
};

// "November 16, 2025", "Nov 16", "16 November 2025", "2025-11-16"; parentheses in between are skipped.
std::optional<FoundDate> find_date(const std::string& text);

inline constexpr const char* zone_pattern =
    R"((?:AoE|AOE|UTC|GMT|[ECMP][SD]?T|AK[SD]T|H[SD]?T|CES?T|BST|WES?T|EES?T|JST|KST|IST|AE[SD]T|SGT|HKT)(?:[+-]\d{1,2}(?::?\d\d)?)?)";

struct TimeLine {
  ClockTime start;
  std::optional<ClockTime> end;
  std::string zone;
  std::string rest;   // what follows the times
  std::size_t rest_at = 0;
};

// A line that starts with a time or a span of times, times as printed.
std::optional<TimeLine> time_line(const std::string& raw);

// What lines anywhere on the page say of the event's date, year and zone.
struct EventClues {
  std::optional<FoundDate> event_date;
  std::optional<FoundDate> loose_date;  // a full date on a line that names no deadline
  std::map<int, int> years;             // years named, and how often
  std::string year_text;                // "26" or "2026" after the acronym
  std::string page_zone, place_zone;

  int year() const;
  void look_for_loose_date(const std::string& text);
  void look_for_event_date(const std::string& text);
  void look_for_zone(const std::string& text);
};

// The important-dates section: "What: date" lines, or dates under a label line.
class DatesReader {
 public:
  struct DateEntry {
    std::string what;
    FoundDate date;
    std::string note;
  };

  void restart() { label_.clear(); }
  void line(const PageLine& line, EventClues& clues);
  const std::vector<DateEntry>& dates() const { return dates_; }

 private:
  std::string label_;
  int count_ = 0;
  std::vector<DateEntry> dates_;
};

}  // namespace proceedings::import::web

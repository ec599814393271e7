#include "booklet/calendar.hpp"

#include <cstdio>
#include <sstream>

#include "booklet/schedule.hpp"

namespace proceedings::booklet {

std::string ics_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string ics_line(const std::string& line) {
  std::string out;
  std::size_t start = 0, limit = 75;
  while (line.size() - start > limit) {
    std::size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(start, cut - start) + "\r\n ";
    start = cut;
    limit = 74;  // continuation lines start with a space
  }
  return out + line.substr(start) + "\r\n";
}

namespace {

struct Civil {
  int year, month, day;
};

Civil civil(const std::string& iso) { return {std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2))}; }

std::string local_stamp(const Civil& d, int minutes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00", d.year, d.month, d.day, minutes / 60, minutes % 60);
  return buf;
}

std::string offset_text(int seconds) {
  char buf[16];
  const int m = std::abs(seconds) / 60;
  std::snprintf(buf, sizeof buf, "%c%02d%02d", seconds < 0 ? '-' : '+', m / 60, m % 60);
  return buf;
}

// Local wall-clock time of an instant, as iCalendar writes it.
std::string local_of(std::int64_t utc, int offset) {
  std::int64_t t = utc + offset;
  std::int64_t days = t / 86400;
  if (t % 86400 < 0) --days;
  const int secs = static_cast<int>(t - days * 86400);
  // civil_from_days (Hinnant)
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02d", y, m, d, secs / 3600, secs % 3600 / 60, secs % 60);
  return buf;
}

void vtimezone(std::ostringstream& out, const TimeZone& zone, int year) {
  out << ics_line("BEGIN:VTIMEZONE") << ics_line("TZID:" + zone.name());
  const auto changes = zone.transitions_in_year(year);
  if (changes.empty()) {  // no change that year: one standard period
    const Offset o = zone.offset_at(days_from_civil(year, 7, 1) * 86400);
    out << ics_line("BEGIN:STANDARD") << ics_line("DTSTART:19700101T000000") << ics_line("TZOFFSETFROM:" + offset_text(o.seconds))
        << ics_line("TZOFFSETTO:" + offset_text(o.seconds)) << ics_line("TZNAME:" + o.abbreviation) << ics_line("END:STANDARD");
  }
  for (const auto& t : changes) {
    const char* kind = t.after.dst ? "DAYLIGHT" : "STANDARD";
    out << ics_line(std::string("BEGIN:") + kind) << ics_line("DTSTART:" + local_of(t.utc, t.before.seconds))
        << ics_line("TZOFFSETFROM:" + offset_text(t.before.seconds)) << ics_line("TZOFFSETTO:" + offset_text(t.after.seconds))
        << ics_line("TZNAME:" + t.after.abbreviation) << ics_line(std::string("END:") + kind);
  }
  out << ics_line("END:VTIMEZONE");
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::string icalendar(const Workshop& w, const TimeZone& zone) {
  const Civil day = civil(w.date);
  std::ostringstream out;
  out << ics_line("BEGIN:VCALENDAR") << ics_line("VERSION:2.0")
      << ics_line(std::string("PRODID:-//proceedings//booklet ") + PROCEEDINGS_VERSION + "//EN")
      << ics_line("CALSCALE:GREGORIAN") << ics_line("METHOD:PUBLISH") << ics_line("X-WR-CALNAME:" + ics_escape(w.acronym))
      << ics_line("X-WR-TIMEZONE:" + zone.name());
  vtimezone(out, zone, day.year);
  const std::string location = ics_escape((w.room.empty() ? "" : w.room + ", ") + (w.host.empty() ? "" : w.host + ", ") + w.location);
  // DTSTAMP is the event's date, not the clock: the file is reproducible.
  const std::string stamp = local_stamp(day, 0) + "Z";
  for (const auto& e : schedule(w)) {
    if (!e.start) continue;
    const std::string summary = e.people.empty() ? e.title : e.title + " — " + joined(e.people);
    std::string description = e.talk ? "Session: " + e.session->title : "Session of " + w.acronym;
    if (!e.talk && !e.session->chairs.empty()) description += "\nChair: " + joined(e.session->chairs);
    if (e.talk && !e.talk->abstract.empty()) description += "\n\n" + e.talk->abstract;
    out << ics_line("BEGIN:VEVENT") << ics_line("UID:" + e.uid + "@proceedings") << ics_line("DTSTAMP:" + stamp)
        << ics_line("DTSTART;TZID=" + zone.name() + ":" + local_stamp(day, *e.start));
    if (e.end) out << ics_line("DTEND;TZID=" + zone.name() + ":" + local_stamp(day, *e.end));
    out << ics_line("SUMMARY:" + ics_escape(summary)) << ics_line("LOCATION:" + location)
        << ics_line("DESCRIPTION:" + ics_escape(description));
    if (!e.talk) out << ics_line("CATEGORIES:" + ics_escape(e.session->kind));
    out << ics_line("END:VEVENT");
  }
  out << ics_line("END:VCALENDAR");
  return out.str();
}

}  // namespace proceedings::booklet

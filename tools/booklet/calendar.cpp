#include "booklet/calendar.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
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

// The zone's changes in the years from `first` to `last` (a program over New Year spans two).
void vtimezone(std::ostringstream& out, const TimeZone& zone, int first, int last) {
  out << ics_line("BEGIN:VTIMEZONE") << ics_line("TZID:" + zone.name());
  std::vector<Transition> changes;
  for (int year = first; year <= last; ++year)
    for (const auto& t : zone.transitions_in_year(year)) changes.push_back(t);
  if (changes.empty()) {  // no change in those years: one standard period
    const Offset o = zone.offset_at(days_from_civil(first, 7, 1) * 86400);
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

std::string utc_stamp(std::int64_t utc) { return local_of(utc, 0) + "Z"; }

// What a calendar published before said about each event, by UID.
struct Published {
  std::string dtstamp, last_modified;
  int sequence = 0;
  std::string content;  // every other line of the event
};

std::map<std::string, Published> published_events(const std::string& ics) {
  std::map<std::string, Published> out;
  std::string unfolded;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\r') continue;
    if (ics[i] == '\n' && i + 1 < ics.size() && (ics[i + 1] == ' ' || ics[i + 1] == '\t')) {
      ++i;
      continue;
    }
    unfolded += ics[i];
  }
  std::istringstream in(unfolded);
  Published event;
  std::string uid;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "BEGIN:VEVENT") {
      inside = true;
      event = Published{};
      uid.clear();
    } else if (line == "END:VEVENT" && inside) {
      inside = false;
      if (!uid.empty()) out[uid] = event;
    } else if (inside) {
      if (line.rfind("UID:", 0) == 0) uid = line.substr(4);
      if (line.rfind("DTSTAMP:", 0) == 0) event.dtstamp = line.substr(8);
      else if (line.rfind("LAST-MODIFIED:", 0) == 0) event.last_modified = line.substr(14);
      else if (line.rfind("SEQUENCE:", 0) == 0) event.sequence = std::atoi(line.c_str() + 9);
      else event.content += line + "\n";
    }
  }
  return out;
}

std::string description_of(const Workshop& w, const Entry& e, const Flags& flags) {
  std::string text = flags.marked(e) ? flags.note(e) + "\n\n" : "";
  text += e.talk ? "Session: " + e.session->title : "Session of " + (e.session->venue.empty() ? w.acronym : e.session->venue);
  if (!e.session->chairs.empty()) text += "\nChair: " + name_list(e.session->chairs);
  if (e.talk && !e.people.empty()) text += "\nSpeakers: " + with_affiliations(people_of(w, *e.talk));
  if (!e.talk)
    for (const auto& t : e.session->talks) text += "\n- " + t.title + (t.speakers.empty() ? "" : " (" + t.speakers.front().name + (t.speakers.size() > 1 ? " et al." : "") + ")");
  if (e.end_assumed)
    text += "\nThe program gives no end time; the calendar shows " + std::to_string(*e.end - *e.start) + " minutes.";
  if (e.talk && !e.talk->abstract.empty()) text += "\n\n" + e.talk->abstract;
  if (e.talk)
    if (const Paper* p = paper_of(w, *e.talk); p && !p->doi.empty()) text += "\n\nPaper: https://doi.org/" + p->doi;
  return text;
}

}  // namespace

std::string icalendar(const Workshop& w, const TimeZone& zone, std::int64_t now_utc, const std::string& previous,
                      const Flags& flags) {
  const auto entries = schedule(w);
  std::vector<std::string> dates = program_dates(entries);
  if (dates.empty()) dates.push_back(w.date);
  const auto before = published_events(previous);
  std::ostringstream out;
  out << ics_line("BEGIN:VCALENDAR") << ics_line("VERSION:2.0")
      << ics_line("PRODID:-//proceedings//booklet//EN")
      << ics_line("CALSCALE:GREGORIAN") << ics_line("METHOD:PUBLISH") << ics_line("X-WR-CALNAME:" + ics_escape(w.acronym))
      << ics_line("X-WR-TIMEZONE:" + zone.name());
  vtimezone(out, zone, civil(dates.front()).year, civil(dates.back()).year);
  std::string place = w.host.empty() ? "" : w.host;
  if (!w.location.empty()) place += (place.empty() ? "" : ", ") + w.location;
  for (const Entry* e : events(entries)) {
    const Civil day = civil(e->date);
    const std::string uid = w.ics_domain.empty() ? entry_guid(e->uid) : e->uid + "@" + w.ics_domain;
    const std::string title = e->title + flags.mark(*e);
    const std::string summary = e->people.empty() ? title : title + " — " + name_list(e->people);
    const std::string location = (e->room.empty() ? "" : e->room + (place.empty() ? "" : ", ")) + place;
    // The lines that say what the event is; a change in any of them is a new version.
    const std::string content = "DTSTART;TZID=" + zone.name() + ":" + local_stamp(day, *e->start) + "\n" +
                                "DTEND;TZID=" + zone.name() + ":" + local_stamp(day, *e->end) + "\n" +
                                "SUMMARY:" + ics_escape(summary) + "\n" + "LOCATION:" + ics_escape(location) + "\n" +
                                "DESCRIPTION:" + ics_escape(description_of(w, *e, flags)) + "\n" +
                                "CATEGORIES:" + ics_escape(frab_type(*e)) + "\n";
    Published now{utc_stamp(now_utc), utc_stamp(now_utc), 0, content};
    if (const auto old = before.find(uid); old != before.end()) {
      if (old->second.content == "UID:" + uid + "\n" + content && !old->second.dtstamp.empty()) now = old->second;
      else now.sequence = old->second.sequence + 1;
    }
    out << ics_line("BEGIN:VEVENT") << ics_line("UID:" + uid);
    std::istringstream lines(content);
    for (std::string line; std::getline(lines, line);) out << ics_line(line);
    out << ics_line("DTSTAMP:" + now.dtstamp) << ics_line("LAST-MODIFIED:" + now.last_modified)
        << ics_line("SEQUENCE:" + std::to_string(now.sequence)) << ics_line("END:VEVENT");
  }
  out << ics_line("END:VCALENDAR");
  return out.str();
}

}  // namespace proceedings::booklet

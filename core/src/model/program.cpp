#include "proceedings/program.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "proceedings/error.hpp"
#include "proceedings/names.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings {

std::string long_date(const std::string& iso) {
  static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  int month = 0, day = 0;
  try {
    month = std::stoi(iso.substr(5, 2));
    day = std::stoi(iso.substr(8, 2));
  } catch (const std::exception&) {
    return iso;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return std::string(months[month - 1]) + " " + std::to_string(day) + ", " + iso.substr(0, 4);
}

std::string day_heading(const std::string& iso) {
  if (!is_calendar_date(iso)) return iso;
  // 1970-01-01, day 0, was a Thursday.
  static const char* weekdays[] = {"Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"};
  const auto days = days_from_civil(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
  return std::string(weekdays[(days % 7 + 7) % 7]) + ", " + long_date(iso);
}

std::string clock_text(int minutes) {
  const int m = minutes % 60;
  return std::to_string(minutes / 60) + (m < 10 ? ":0" : ":") + std::to_string(m);
}

std::string time_span(const std::optional<int>& start, const std::optional<int>& end, const std::string& dash) {
  if (!start) return "";
  return clock_text(*start) + (end ? dash + clock_text(*end) : "");
}

std::string name_list(const std::vector<Person>& people) {
  std::vector<std::string> names;
  for (const auto& p : people) names.push_back(p.name);
  return name_list(names);
}

std::string with_affiliations(const std::vector<Person>& people) {
  std::vector<std::string> parts;
  for (const auto& p : people) parts.push_back(p.affiliation().empty() ? p.name : p.name + " (" + p.affiliation() + ")");
  return name_list(parts);
}

std::string Entry::label() const {
  if (!talk) return "session '" + session->title + "'";
  return "talk '" + title + "' in session '" + session->title + "'";
}

const Paper* paper_of(const Workshop& w, const Talk& talk) {
  if (talk.paper_id.empty()) return nullptr;
  for (const auto& p : w.papers)
    if (p.id == talk.paper_id) return &p;
  return nullptr;
}

std::vector<Person> people_of(const Workshop& w, const Talk& talk) {
  if (!talk.speakers.empty()) return talk.speakers;
  const Paper* paper = paper_of(w, talk);
  return paper ? paper->authors : std::vector<Person>{};
}

std::vector<std::string> speakers_of(const Workshop& w, const Talk& talk) {
  std::vector<std::string> out;
  for (const auto& p : people_of(w, talk)) out.push_back(p.name);
  return out;
}

namespace {

// An end for what the program leaves open: the venue's default length, but
// never past the next thing that starts.
int assumed_end(int start, int default_length, std::optional<int> next_start) {
  const int end = start + default_length;
  return next_start && *next_start > start ? std::min(end, *next_start) : end;
}

// The start of the session listed after `k` in its day and room, if any.
std::optional<int> next_start(const Workshop& w, std::size_t k) {
  const Session& s = w.sessions[k];
  for (std::size_t j = k + 1; j < w.sessions.size(); ++j)
    if (date_of(w, w.sessions[j]) == date_of(w, s) && room_of(w, w.sessions[j]) == room_of(w, s)) return w.sessions[j].start.minutes;
  return std::nullopt;
}

}  // namespace

const std::string& date_of(const Workshop& w, const Session& s) { return s.date.empty() ? w.date : s.date; }

const std::string& room_of(const Workshop& w, const Session& s) { return s.room.empty() ? w.room : s.room; }

std::vector<Entry> schedule(const Workshop& w) {
  std::vector<Entry> out;
  for (std::size_t k = 0; k < w.sessions.size(); ++k) {
    const Session& s = w.sessions[k];
    const std::string& room = room_of(w, s);
    const std::string& date = date_of(w, s);
    // A volume's session id already starts with its workshop's id: its entries keep the uids (and so the
    // calendar UIDs and frab guids) they have in the workshop's own program.
    const std::string uid = s.venue.empty() ? w.id + "-" + s.id : s.id;
    Entry session{uid, &s, nullptr, s.title, s.chairs, s.start.minutes, {}, false, room, date};
    if (s.end) {
      session.end = s.end->minutes;
    } else {
      session.end = assumed_end(s.start.minutes, w.default_length, next_start(w, k));
      session.end_assumed = true;
    }
    out.push_back(session);
    for (std::size_t i = 0; i < s.talks.size(); ++i) {
      const Talk& t = s.talks[i];
      Entry talk{uid + "-" + std::to_string(i + 1), &s, &t, t.title, speakers_of(w, t), {}, {}, false, room, date};
      if (t.start) talk.start = t.start->minutes;
      if (t.end) talk.end = t.end->minutes;
      if (!t.start && s.talks.size() == 1) {  // the session is this talk
        talk.start = session.start;
        talk.end = session.end;
        talk.end_assumed = session.end_assumed;
      } else if (t.start && !t.end) {  // until the next talk, or the session's end
        const bool last = i + 1 == s.talks.size();
        const auto next = !last && s.talks[i + 1].start ? std::optional<int>(s.talks[i + 1].start->minutes) : session.end;
        talk.end = next && *next > *talk.start ? *next : *talk.start + w.default_length;
        talk.end_assumed = true;
      }
      out.push_back(talk);
    }
  }
  return out;
}

std::vector<const Entry*> events(const std::vector<Entry>& entries) {
  std::vector<const Entry*> out;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].talk) continue;
    std::size_t end = i + 1;
    bool all_timed = true;
    for (; end < entries.size() && entries[end].talk; ++end) all_timed = all_timed && entries[end].start.has_value();
    if (end == i + 1 || !all_timed) {
      out.push_back(&entries[i]);
      continue;
    }
    for (std::size_t j = i + 1; j < end; ++j) out.push_back(&entries[j]);
  }
  return out;
}

std::vector<std::string> program_dates(const std::vector<Entry>& entries) {
  std::set<std::string> dates;
  for (const auto& e : entries) dates.insert(e.date);
  return {dates.begin(), dates.end()};
}

std::vector<std::string> program_rooms(const std::vector<Entry>& entries) {
  std::vector<std::string> rooms;
  for (const auto& e : entries)
    if (std::find(rooms.begin(), rooms.end(), e.room) == rooms.end()) rooms.push_back(e.room);
  return rooms;
}

bool by_days_and_rooms(const std::vector<Entry>& entries) {
  return program_dates(entries).size() > 1 || program_rooms(entries).size() > 1;
}

std::string dates_text(const std::vector<Entry>& entries, const std::string& venue_date) {
  const auto dates = program_dates(entries);
  if (dates.size() < 2) return long_date(dates.empty() ? venue_date : dates.front());
  return long_date(dates.front()) + " to " + long_date(dates.back());
}

namespace {

// A workshop's sessions as a volume's: date and room explicit, ids the volume's own.
void add_sessions(Workshop& volume, const Workshop& part) {
  for (const auto& own : part.sessions) {
    Session s = own;
    s.date = date_of(part, own);
    s.room = room_of(part, own);
    s.id = part.id + "-" + own.id;
    s.venue = part.acronym;
    if (s.read_at.file.empty()) s.read_at.file = (part.folder / "workshop.yaml").string();
    volume.sessions.push_back(std::move(s));
  }
}

}  // namespace

Workshop merged_program(const Workshop& head, const std::vector<Workshop>& parts) {
  Workshop out;
  out.folder = head.folder;
  for (auto field : {&Workshop::id, &Workshop::acronym, &Workshop::name, &Workshop::kind, &Workshop::host, &Workshop::location,
                     &Workshop::date, &Workshop::timezone, &Workshop::website, &Workshop::ics_domain})
    out.*field = head.*field;
  out.organizers = head.organizers;
  out.default_length = head.default_length;
  std::map<std::string, const Workshop*> paper_ids;
  for (const auto& part : parts) {
    if (part.timezone != out.timezone)
      throw usage_error((part.folder / "workshop.yaml").string(),
                        "is in the time zone " + part.timezone + ", the volume (" + head.folder.string() + ") in " + out.timezone +
                            ": a volume's program has one time zone");
    add_sessions(out, part);
    for (const auto& p : part.papers) {
      if (const auto [at, added] = paper_ids.emplace(p.id, &part); !added)
        throw usage_error((part.folder / "papers.yaml").string(), "paper id '" + p.id + "' is used by " +
                                                                      (at->second->folder / "papers.yaml").string() + " too");
      out.papers.push_back(p);
    }
  }
  return out;
}

std::map<const Talk*, std::string> talk_slugs(const Workshop& w) {
  std::map<const Talk*, std::string> out;
  std::set<std::string> taken;
  for (const auto& s : w.sessions)
    for (const auto& t : s.talks) {
      const std::string base = !t.slug.empty() ? t.slug : (url_slug(t.title).empty() ? "talk" : url_slug(t.title));
      std::string slug = base;
      for (int n = 2; taken.count(slug); ++n) slug = base + "-" + std::to_string(n);
      taken.insert(slug);
      out[&t] = slug;
    }
  return out;
}

}  // namespace proceedings

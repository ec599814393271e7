#include "booklet/schedule.hpp"

#include <cstdio>
#include <cstdlib>

#include "proceedings/digest.hpp"

namespace proceedings::booklet {

std::string frab_type(const Entry& e) {
  const std::string& kind = e.talk ? e.talk->kind : e.session->kind;
  if (kind == "discussion" || kind == "panel") return "podium";
  if (kind == "opening" || kind == "closing" || kind == "break" || kind == "remarks") return "other";
  return "lecture";  // keynote, invited, paper, talk, and sessions of talks or papers
}

std::string entry_guid(const std::string& uid) {
  std::string h = sha256_hex("proceedings:" + uid).substr(0, 32);
  h[12] = '5';
  h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

std::string room_name(const Entry& e) { return e.room.empty() ? "Room TBA" : e.room; }

std::string iso_instant(const std::string& date, const TimeZone& zone, int minutes) {
  const int year = std::stoi(date.substr(0, 4)), month = std::stoi(date.substr(5, 2)), day = std::stoi(date.substr(8, 2));
  const int offset = zone.offset_at(zone.to_utc(year, month, day, minutes)).seconds;
  char buf[48];
  const int m = std::abs(offset) / 60;
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00%c%02d:%02d", date.c_str(), minutes / 60, minutes % 60, offset < 0 ? '-' : '+',
                m / 60, m % 60);
  return buf;
}

Flags::Flags(const std::vector<ProgramFinding>& unresolved) {
  for (const auto& f : unresolved)
    if (f.session) notes_[f.session].push_back(f.message);
}

std::string Flags::note(const Entry& e) const {
  const auto found = notes_.find(e.session);
  if (found == notes_.end()) return "";
  std::string text = "† Published as the organizers gave it; the program check reports: ";
  for (std::size_t i = 0; i < found->second.size(); ++i) text += (i ? "; " : "") + found->second[i];
  return text;
}

}  // namespace proceedings::booklet

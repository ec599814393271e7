#include "booklet/jekyll.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "booklet/calendar.hpp"
#include "booklet/frab.hpp"
#include "booklet/schedule.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/names.hpp"
#include "proceedings/program.hpp"

namespace proceedings::booklet {

namespace {

struct SpeakerPage {
  std::string slug, name, affiliation;
  std::vector<const Entry*> talks;
};

// Each speaker's slug, by name: as url_slug spells it, or "speaker-" and a
// hash of the name when that is empty (a name in Chinese, say); a name whose
// slug an earlier name took gets its hash appended. So two names never share
// a page, and a name keeps its slug from run to run.
std::map<std::string, std::string> speaker_slugs(const std::vector<std::string>& names) {
  std::map<std::string, std::string> out;
  std::set<std::string> taken;
  for (const auto& name : names) {
    if (out.count(name)) continue;
    const std::string hash = sha256_hex("speaker:" + name).substr(0, 8);
    std::string slug = url_slug(name);
    if (slug.empty()) slug = "speaker-" + hash;
    if (taken.count(slug)) slug += "-" + hash;
    const std::string base = slug;
    for (int n = 2; taken.count(slug); ++n) slug = base + "-" + std::to_string(n);  // a hash collision
    taken.insert(slug);
    out[name] = slug;
  }
  return out;
}

class Tree {
 public:
  Tree(const Workshop& w, const TimeZone& zone, const Flags& flags)
      : w_(w), zone_(zone), flags_(flags), entries_(schedule(w)), slugs_(talk_slugs(w)), by_days_(by_days_and_rooms(entries_)) {
    std::vector<std::string> names;
    for (const auto& e : entries_)
      if (e.talk)
        for (const auto& p : people_of(w_, *e.talk)) names.push_back(p.name);
    speaker_slugs_ = speaker_slugs(names);
    for (const auto& e : entries_)
      if (e.talk)
        for (const auto& p : people_of(w_, *e.talk)) speaker(p).talks.push_back(&e);
  }

  std::string data(const std::string& ics_file, const std::string& frab_file) const {
    YAML::Emitter y;
    y.SetStringFormat(YAML::DoubleQuoted);  // Jekyll's YAML 1.1 would read 8:30 as a number and 2025-11-21 as a date
    y << YAML::BeginMap;
    y << YAML::Key << "id" << YAML::Value << w_.id;
    y << YAML::Key << "acronym" << YAML::Value << w_.acronym;
    y << YAML::Key << "name" << YAML::Value << w_.name;
    y << YAML::Key << "date" << YAML::Value << w_.date;
    y << YAML::Key << "date_text" << YAML::Value << long_date(w_.date);
    y << YAML::Key << "timezone" << YAML::Value << w_.timezone;
    y << YAML::Key << "zone_abbreviation" << YAML::Value << abbreviation();
    if (!w_.room.empty()) y << YAML::Key << "room" << YAML::Value << w_.room;
    if (by_days_) days(y);
    if (!ics_file.empty()) y << YAML::Key << "calendar" << YAML::Value << "/" + ics_file;
    if (!frab_file.empty()) y << YAML::Key << "frab" << YAML::Value << "/" + frab_file;
    y << YAML::Key << "sessions" << YAML::Value << YAML::BeginSeq;
    for (const Entry* e : sessions_in_order()) session(y, *e);
    y << YAML::EndSeq;
    y << YAML::Key << "talks" << YAML::Value << YAML::BeginSeq;
    for (const auto& e : entries_)
      if (e.talk) talk(y, e, true);
    y << YAML::EndSeq;
    y << YAML::Key << "speakers" << YAML::Value << YAML::BeginSeq;
    for (const auto& s : speakers_) {
      y << YAML::BeginMap << YAML::Key << "name" << YAML::Value << s.name << YAML::Key << "slug" << YAML::Value << s.slug;
      y << YAML::Key << "url" << YAML::Value << "/speakers/" + s.slug;
      if (!s.affiliation.empty()) y << YAML::Key << "affiliation" << YAML::Value << s.affiliation;
      y << YAML::Key << "talks" << YAML::Value << YAML::BeginSeq;
      for (const Entry* e : s.talks)
        y << YAML::BeginMap << YAML::Key << "title" << YAML::Value << e->talk->title << YAML::Key << "url" << YAML::Value
          << url(*e) << YAML::Key << "time" << YAML::Value << span(*e) << YAML::EndMap;
      y << YAML::EndSeq << YAML::EndMap;
    }
    y << YAML::EndSeq << YAML::EndMap;
    return "# Written by `proceedings booklet --format jekyll` from workshop.yaml; edit that, not this.\n" +
           std::string(y.c_str()) + "\n";
  }

  std::map<std::string, std::string> pages() const {
    std::map<std::string, std::string> out;
    for (const auto& e : entries_)
      if (e.talk) out["talks/" + slugs_.at(e.talk) + ".html"] = page("proceedings-talk", "talk", slugs_.at(e.talk), e.talk->title, "/talks/");
    for (const auto& s : speakers_) out["speakers/" + s.slug + ".html"] = page("proceedings-speaker", "speaker", s.slug, s.name, "/speakers/");
    return out;
  }

 private:
  // The days and the rooms of a program over several, for a site that lays them out.
  void days(YAML::Emitter& y) const {
    y << YAML::Key << "rooms" << YAML::Value << YAML::Flow << program_rooms(entries_);
    y << YAML::Key << "days" << YAML::Value << YAML::BeginSeq;
    for (const auto& date : program_dates(entries_)) {
      std::vector<std::string> rooms;
      for (const auto& e : entries_)
        if (e.date == date && std::find(rooms.begin(), rooms.end(), e.room) == rooms.end()) rooms.push_back(e.room);
      y << YAML::BeginMap << YAML::Key << "date" << YAML::Value << date << YAML::Key << "date_text" << YAML::Value
        << day_heading(date) << YAML::Key << "rooms" << YAML::Value << YAML::Flow << rooms << YAML::EndMap;
    }
    y << YAML::EndSeq;
  }

  // As listed; by date first in a program over several days, so that a page can head each day once.
  std::vector<const Entry*> sessions_in_order() const {
    std::vector<const Entry*> out;
    for (const auto& e : entries_)
      if (!e.talk) out.push_back(&e);
    if (by_days_) std::stable_sort(out.begin(), out.end(), [](const Entry* a, const Entry* b) { return a->date < b->date; });
    return out;
  }

  // A day's date and its heading, and the workshop of a volume's session, where the program has several days or rooms.
  void emit_day(YAML::Emitter& y, const Entry& e) const {
    if (!by_days_) return;
    y << YAML::Key << "date" << YAML::Value << e.date << YAML::Key << "date_text" << YAML::Value << day_heading(e.date);
    if (!e.room.empty()) y << YAML::Key << "room" << YAML::Value << e.room;
    if (!e.session->venue.empty()) y << YAML::Key << "venue" << YAML::Value << e.session->venue;
  }

  std::string span(const Entry& e) const { return time_span(e.start, e.published_end(), "–") + flags_.mark(e); }

  void emit_person(YAML::Emitter& y, const Person& p) const {
    const std::string& slug = speaker_slugs_.at(p.name);
    y << YAML::BeginMap << YAML::Key << "name" << YAML::Value << p.name;
    y << YAML::Key << "slug" << YAML::Value << slug;
    y << YAML::Key << "url" << YAML::Value << "/speakers/" + slug;
    if (!p.affiliations.empty()) y << YAML::Key << "affiliation" << YAML::Value << p.affiliation();
    y << YAML::EndMap;
  }

  void emit_flag(YAML::Emitter& y, const Entry& e) const {
    if (flags_.marked(e)) y << YAML::Key << "flag" << YAML::Value << flags_.note(e);
  }

  SpeakerPage& speaker(const Person& p) {
    const std::string& slug = speaker_slugs_.at(p.name);
    for (auto& s : speakers_)
      if (s.slug == slug) {
        if (s.affiliation.empty()) s.affiliation = p.affiliation();
        return s;
      }
    speakers_.push_back(SpeakerPage{slug, p.name, p.affiliation(), {}});
    return speakers_.back();
  }

  std::string url(const Entry& e) const { return "/talks/" + slugs_.at(e.talk); }

  std::string abbreviation() const {
    const int year = std::stoi(w_.date.substr(0, 4)), month = std::stoi(w_.date.substr(5, 2)), day = std::stoi(w_.date.substr(8, 2));
    return zone_.offset_at(zone_.to_utc(year, month, day, 12 * 60)).abbreviation;
  }

  void session(YAML::Emitter& y, const Entry& e) const {
    const Session& s = *e.session;
    y << YAML::BeginMap << YAML::Key << "id" << YAML::Value << s.id << YAML::Key << "title" << YAML::Value << s.title;
    y << YAML::Key << "kind" << YAML::Value << s.kind << YAML::Key << "time" << YAML::Value << span(e);
    emit_flag(y, e);
    y << YAML::Key << "start" << YAML::Value << clock_text(*e.start);
    if (e.published_end()) y << YAML::Key << "end" << YAML::Value << clock_text(*e.published_end());
    y << YAML::Key << "published_start" << YAML::Value << s.start.text;
    if (!e.room.empty() && !by_days_) y << YAML::Key << "room" << YAML::Value << e.room;
    emit_day(y, e);
    y << YAML::Key << "chairs" << YAML::Value << YAML::Flow << s.chairs;
    y << YAML::Key << "talks" << YAML::Value << YAML::BeginSeq;
    for (const auto& t : entries_)
      if (t.talk && t.session == &s) talk(y, t, false);
    y << YAML::EndSeq << YAML::EndMap;
  }

  void talk(YAML::Emitter& y, const Entry& e, bool with_session) const {
    const Talk& t = *e.talk;
    y << YAML::BeginMap << YAML::Key << "title" << YAML::Value << t.title << YAML::Key << "kind" << YAML::Value << t.kind;
    y << YAML::Key << "slug" << YAML::Value << slugs_.at(&t) << YAML::Key << "url" << YAML::Value << url(e);
    y << YAML::Key << "time" << YAML::Value << span(e);
    emit_flag(y, e);
    if (with_session) {
      y << YAML::Key << "session" << YAML::Value << e.session->title << YAML::Key << "session_id" << YAML::Value << e.session->id;
      emit_day(y, e);
    }
    y << YAML::Key << "speakers" << YAML::Value << YAML::BeginSeq;
    for (const auto& p : people_of(w_, t)) emit_person(y, p);
    y << YAML::EndSeq;
    const Paper* paper = paper_of(w_, t);
    const std::string& abstract = !t.abstract.empty() ? t.abstract : (paper ? paper->abstract : t.abstract);
    if (!abstract.empty()) y << YAML::Key << "abstract" << YAML::Value << abstract;
    if (paper && !paper->doi.empty()) y << YAML::Key << "doi" << YAML::Value << paper->doi;
    y << YAML::EndMap;
  }

  // A page whose layout renders it from _data/program.yml by its slug.
  static std::string page(const char* layout, const char* key, const std::string& slug, const std::string& title,
                          const std::string& folder) {
    YAML::Emitter y;
    y << YAML::BeginMap << YAML::Key << "layout" << YAML::Value << layout << YAML::Key << "title" << YAML::Value << title;
    y << YAML::Key << key << YAML::Value << slug << YAML::Key << "permalink" << YAML::Value << folder + slug;
    y << YAML::EndMap;
    return "---\n" + std::string(y.c_str()) + "\n---\n";
  }

  const Workshop& w_;
  const TimeZone& zone_;
  const Flags& flags_;
  std::vector<Entry> entries_;
  std::map<const Talk*, std::string> slugs_;
  std::map<std::string, std::string> speaker_slugs_;  // by name
  std::vector<SpeakerPage> speakers_;
  bool by_days_ = false;
};

// For the tree built on its own; a site that takes the tree in keeps its own
// _config.yml. No plugins: the site builds offline with Debian's jekyll.
std::string config(const Workshop& w) {
  YAML::Emitter y;
  y.SetStringFormat(YAML::DoubleQuoted);
  y << YAML::BeginMap << YAML::Key << "title" << YAML::Value << w.acronym << YAML::Key << "description" << YAML::Value << w.name;
  y << YAML::Key << "timezone" << YAML::Value << w.timezone << YAML::Key << "plugins" << YAML::Value << YAML::Flow
    << YAML::BeginSeq << YAML::EndSeq << YAML::Key << "safe" << YAML::Value << true << YAML::EndMap;
  return "# Written by `proceedings booklet --format jekyll`, for building this tree on its own.\n" + std::string(y.c_str()) + "\n";
}

}  // namespace

std::map<std::string, std::string> jekyll_tree(const Workshop& w, const TimeZone& zone, const std::filesystem::path& templates,
                                               const std::string& ics_file, const std::string& frab_file, const Flags& flags) {
  Tree tree(w, zone, flags);
  std::map<std::string, std::string> out = tree.pages();
  out["_data/program.yml"] = tree.data(ics_file, frab_file);
  out["_config.yml"] = config(w);
  for (const char* file : {"_includes/program.html", "_layouts/proceedings-talk.html", "_layouts/proceedings-speaker.html",
                           "program.html"})
    out[file] = read_file(templates / "jekyll" / file);
  return out;
}

void write_jekyll(const Workshop& w, const TimeZone& zone, const std::filesystem::path& templates,
                  const std::filesystem::path& folder, std::int64_t now_utc, const Flags& flags) {
  namespace fs = std::filesystem;
  const std::string ics = w.id + "-program.ics", frab = w.id + "-program.xml";
  auto files = jekyll_tree(w, zone, templates, ics, frab, flags);
  const fs::path previous_ics = folder / ics;
  files[ics] = icalendar(w, zone, now_utc, fs::exists(previous_ics) ? read_file(previous_ics) : "", flags);
  files[frab] = frab_xml(w, zone, flags);
  const fs::path building = folder.parent_path() / ("." + folder.filename().string() + ".building");
  const fs::path old = folder.parent_path() / ("." + folder.filename().string() + ".old");
  try {
    fs::remove_all(building);
    for (const auto& [name, content] : files) {
      fs::create_directories((building / name).parent_path());
      write_file_atomic(building / name, content);
    }
    fs::remove_all(old);
    if (fs::exists(folder)) fs::rename(folder, old);
    fs::rename(building, folder);
    fs::remove_all(old);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(building);
    throw input_error(folder.string(), std::string("could not be written: ") + e.code().message());
  }
}

}  // namespace proceedings::booklet

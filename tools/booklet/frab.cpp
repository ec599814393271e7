#include "booklet/frab.hpp"

#include <libxml/xmlwriter.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "booklet/schedule.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/names.hpp"

namespace proceedings::booklet {

namespace {

class Writer {
 public:
  Writer() : buffer_(xmlBufferCreate()), writer_(xmlNewTextWriterMemory(buffer_, 0)) {
    if (!writer_) throw Error(Exit::internal, "frab", "cannot create an XML writer");
    xmlTextWriterSetIndent(writer_, 1);
    xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", nullptr);
  }
  ~Writer() {
    if (writer_) xmlFreeTextWriter(writer_);
    xmlBufferFree(buffer_);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void open(const char* name) { xmlTextWriterStartElement(writer_, x(name)); }
  void attribute(const char* name, const std::string& value) { xmlTextWriterWriteAttribute(writer_, x(name), x(value.c_str())); }
  void close() { xmlTextWriterEndElement(writer_); }
  void text(const std::string& value) { xmlTextWriterWriteString(writer_, x(value.c_str())); }
  void element(const char* name, const std::string& text) {
    xmlTextWriterWriteElement(writer_, x(name), x(text.c_str()));
  }
  std::string finish() {
    xmlTextWriterEndDocument(writer_);
    xmlFreeTextWriter(writer_);
    writer_ = nullptr;
    return reinterpret_cast<const char*>(xmlBufferContent(buffer_));
  }

 private:
  static const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
  xmlBufferPtr buffer_;
  xmlTextWriterPtr writer_;
};

}  // namespace

namespace {

// frab's machine format for starts and durations: "09:05" (schema pattern [0-2][0-9]:[0-5][0-9]).
std::string hh_mm(int minutes) {
  char length[16];
  std::snprintf(length, sizeof length, "%02d:%02d", minutes / 60, minutes % 60);
  return length;
}

// The conference's acronym as the schema wants it ([a-z0-9_-]{4,}): the workshop id, slugged.
std::string conference_slug(const Workshop& w) {
  std::string slug = url_slug(w.id);
  if (slug.size() < 4) slug = url_slug(w.acronym) + (slug.empty() ? "" : "-" + slug);
  while (slug.size() < 4) slug += '0';
  return slug;
}

// An event's slug in c3voc's form, conference-number-title.
std::string event_slug(const std::string& conference, int id, const std::string& title) {
  std::string prefix = conference;
  for (char& c : prefix)
    if (c == '-') c = '_';
  std::string rest = std::to_string(id) + "-" + url_slug(title).substr(0, 60);
  while (!rest.empty() && rest.back() == '-') rest.pop_back();
  while (rest.size() < 4) rest += "-x";
  return prefix + "-" + rest;
}

struct Event {
  const Entry* entry;
  int id;
  std::string room;
};

// One id per person across the schedule (apps key speakers by it), the same in
// every run and every version of the program: a number from the name's hash;
// the rare collision takes the next free number, names in order.
std::map<std::string, int> person_ids(const std::vector<Event>& list) {
  std::set<std::string> names;
  for (const auto& ev : list) names.insert(ev.entry->people.begin(), ev.entry->people.end());
  std::map<std::string, int> out;
  std::set<int> taken;
  for (const auto& name : names) {
    int id = 1 + static_cast<int>(std::stoul(sha256_hex("frab-person:" + name).substr(0, 7), nullptr, 16));
    while (!taken.insert(id).second) ++id;
    out[name] = id;
  }
  return out;
}

// Apps group by track: a volume's workshop, else the session.
std::string track_of(const Entry& e) { return e.session->venue.empty() ? e.session->title : e.session->venue; }

// One <event>: an entry of the calendar, at its date's offset.
void write_event(Writer& xml, const Event& ev, const std::string& conference, const std::map<std::string, int>& people,
                 const TimeZone& zone, const Flags& flags) {
  const Entry& e = *ev.entry;
  xml.open("event");
  xml.attribute("guid", entry_guid(e.uid));
  xml.attribute("id", std::to_string(ev.id));
  xml.element("date", iso_instant(e.date, zone, *e.start));
  xml.element("start", hh_mm(*e.start));
  xml.element("duration", hh_mm(e.end.value_or(*e.start) - *e.start));
  xml.element("room", ev.room);
  xml.element("slug", event_slug(conference, ev.id, e.title));
  xml.element("title", e.title + flags.mark(e));
  xml.element("subtitle", "");
  xml.element("track", track_of(e));
  xml.element("type", frab_type(e));
  xml.element("language", "en");
  xml.element("abstract", e.talk ? e.talk->abstract : "");
  xml.element("description", flags.note(e));
  xml.open("persons");
  for (const auto& name : e.people) {
    xml.open("person");
    xml.attribute("id", std::to_string(people.at(name)));
    xml.attribute("guid", entry_guid("person:" + name));
    xml.text(name);
    xml.close();
  }
  xml.close();
  xml.open("links");
  xml.close();
  xml.open("attachments");
  xml.close();
  xml.close();
}

}  // namespace

std::string frab_xml(const Workshop& w, const TimeZone& zone, const Flags& flags) {
  const auto entries = schedule(w);
  std::vector<std::string> dates = program_dates(entries);
  if (dates.empty()) dates.push_back(w.date);
  auto at = [&](const std::string& date, int minutes) { return iso_instant(date, zone, minutes); };
  const std::string conference = conference_slug(w);
  std::vector<std::string> rooms;  // in order of first use
  std::vector<Event> list;
  for (const Entry* e : events(entries)) {
    list.push_back({e, static_cast<int>(list.size()) + 1, room_name(*e)});
    if (std::find(rooms.begin(), rooms.end(), list.back().room) == rooms.end()) rooms.push_back(list.back().room);
  }
  // Every field apps show, for the version: a corrected program gets a new one.
  std::string content;
  for (const auto& ev : list) {
    const Entry& e = *ev.entry;
    content += (dates.size() > 1 ? e.date + "|" : "") + ev.room + "|" + std::to_string(*e.start) + "|" +
               std::to_string(e.end.value_or(*e.start)) + "|" + e.title + flags.mark(e) + "|" + track_of(e) + "|" +
               frab_type(e) + "|" + name_list(e.people) + "|" + (e.talk ? e.talk->abstract : "") + "\n";
  }

  const auto people = person_ids(list);
  Writer xml;
  xml.open("schedule");
  xml.open("generator");
  xml.attribute("name", "proceedings");
  xml.attribute("version", PROCEEDINGS_VERSION);
  xml.close();
  xml.element("version", dates.front() + "-" + sha256_hex(w.name + "\n" + content).substr(0, 10));
  xml.open("conference");
  xml.element("acronym", conference);
  xml.element("title", w.name);
  xml.element("start", dates.front());
  xml.element("end", dates.back());
  xml.element("days", std::to_string(dates.size()));
  xml.element("timeslot_duration", "00:05");
  if (w.website.rfind("http://", 0) == 0 || w.website.rfind("https://", 0) == 0) xml.element("url", w.website);
  xml.element("time_zone_name", w.timezone);
  xml.close();
  for (std::size_t d = 0; d < dates.size(); ++d) {
    const std::string& date = dates[d];
    int first = 24 * 60, last = 0;
    for (const auto& ev : list)
      if (ev.entry->date == date) {
        first = std::min(first, *ev.entry->start);
        last = std::max(last, ev.entry->end.value_or(*ev.entry->start));
      }
    xml.open("day");
    xml.attribute("index", std::to_string(d + 1));
    xml.attribute("date", date);
    xml.attribute("start", at(date, first));
    xml.attribute("end", at(date, last));
    for (const auto& room : rooms) {
      const auto in_room = [&](const Event& ev) { return ev.room == room && ev.entry->date == date; };
      if (std::none_of(list.begin(), list.end(), in_room)) continue;
      xml.open("room");
      xml.attribute("name", room);
      for (const auto& ev : list)
        if (in_room(ev)) write_event(xml, ev, conference, people, zone, flags);
      xml.close();
    }
    xml.close();
  }
  xml.close();
  return xml.finish();
}

}  // namespace proceedings::booklet

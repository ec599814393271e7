#include "booklet/frab.hpp"

#include <libxml/xmlwriter.h>

#include <cstdio>
#include <memory>

#include "booklet/schedule.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"

namespace proceedings::booklet {

namespace {

std::string iso_local(const std::string& date, int minutes, int offset_seconds) {
  char buf[40];
  const int m = std::abs(offset_seconds) / 60;
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00%c%02d:%02d", date.c_str(), minutes / 60, minutes % 60,
                offset_seconds < 0 ? '-' : '+', m / 60, m % 60);
  return buf;
}

// A name-based UUID (version 5 layout) from the entry's stable id.
std::string guid(const std::string& uid) {
  std::string h = sha256_hex("proceedings:" + uid).substr(0, 32);
  h[12] = '5';
  h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

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

std::string frab_xml(const Workshop& w, const TimeZone& zone) {
  const int year = std::stoi(w.date.substr(0, 4)), month = std::stoi(w.date.substr(5, 2)), day = std::stoi(w.date.substr(8, 2));
  auto offset = [&](int minutes) { return zone.offset_at(zone.to_utc(year, month, day, minutes)).seconds; };
  const std::string room = w.room.empty() ? w.acronym : w.room;
  const auto entries = schedule(w);
  int first = 24 * 60, last = 0;
  for (const auto& e : entries) {
    if (e.start) first = std::min(first, *e.start);
    last = std::max(last, e.end.value_or(e.start.value_or(0)));
  }

  Writer xml;
  xml.open("schedule");
  xml.open("generator");
  xml.attribute("name", "proceedings");
  xml.attribute("version", PROCEEDINGS_VERSION);
  xml.close();
  xml.element("version", w.id + " " + w.date);
  xml.open("conference");
  xml.element("acronym", w.acronym);
  xml.element("title", w.name);
  xml.element("start", w.date);
  xml.element("end", w.date);
  xml.element("days", "1");
  xml.element("timeslot_duration", "00:05");
  xml.element("time_zone_name", w.timezone);
  xml.close();
  xml.open("day");
  xml.attribute("index", "1");
  xml.attribute("date", w.date);
  xml.attribute("start", iso_local(w.date, first, offset(first)));
  xml.attribute("end", iso_local(w.date, last, offset(last)));
  xml.open("room");
  xml.attribute("name", room);
  int id = 0;
  for (const auto& e : entries) {
    // Talks are the events; a session is one only when it has no talks (breaks, openings).
    if ((!e.talk && !e.session->talks.empty()) || !e.start) continue;
    const int duration = e.end ? *e.end - *e.start : 0;
    char length[16];
    std::snprintf(length, sizeof length, "%02d:%02d", duration / 60, duration % 60);
    xml.open("event");
    xml.attribute("guid", guid(e.uid));
    xml.attribute("id", std::to_string(++id));
    xml.element("date", iso_local(w.date, *e.start, offset(*e.start)));
    xml.element("start", clock_text(*e.start));
    xml.element("duration", length);
    xml.element("room", room);
    xml.element("slug", e.uid);
    xml.element("url", "");
    xml.element("title", e.title);
    xml.element("subtitle", "");
    xml.element("track", e.session->title);
    xml.element("type", e.talk ? e.talk->kind : e.session->kind);
    xml.element("language", "en");
    xml.element("abstract", e.talk ? e.talk->abstract : "");
    xml.element("description", "");
    xml.open("persons");
    int person = 0;
    for (const auto& name : e.people) {
      xml.open("person");
      xml.attribute("id", std::to_string(++person));
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
  xml.close();
  xml.close();
  xml.close();
  return xml.finish();
}

}  // namespace proceedings::booklet

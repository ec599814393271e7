#include "import/web_event.hpp"

#include <optional>
#include <set>

#include "import/web_dates.hpp"
#include "import/web_people.hpp"
#include "import/web_program.hpp"
#include "import/web_sessions.hpp"
#include "import/web_text.hpp"
#include "proceedings/names.hpp"  // url_slug
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

// The coordinator: which section a line belongs to, and the readers of each
// (web_program, web_dates, web_people) fill in one WebEvent.
namespace proceedings::import::web {

namespace {

// ---- sections -------------------------------------------------------------

enum class Section { none, program, dates, organizers, committee, other };

// What a heading (or a line that is only a section's name) opens.
std::optional<Section> section_of(const PageLine& line) {
  static const Regex trailing(R"(\s*(\([^)]*\))?[:#\s]*$)");  // "Program (CST):"
  const std::string t = ascii_lower(trim(regex_replace(line.text, trailing, "")));
  if (t.size() > 60) return std::nullopt;
  const bool heading = line.heading > 0;
  static const Regex committee(R"(^((technical |scientific )?program(me)? committee|(tpc|pc)( members)?|reviewers|review committee|steering committee|committee members)$)");
  static const Regex organizers(R"(^((workshop |symposium |general |program |organizing )*(co-?)?(organizers|organisers|chairs|co-chairs)|organi[sz]ing committee|organi[sz]ation|committees?)$)");
  static const Regex program(R"(^((workshop |symposium |tentative |final |detailed )?(program|programme|schedule|agenda)( schedule| at a glance)?)$)");
  static const Regex dates(R"(^((important|key) dates|dates|deadlines|important deadlines)$)");
  static const Regex other(R"(^(call for (papers|participation|contributions)|submission( guidelines| instructions)?|submissions|topics( of interest)?|(workshop )?overview|description|goals|scope|venue|home|about|registration|contact|keynotes?|invited speakers|speakers|sponsors|previous editions|accepted papers)$)");
  if (regex_match(t, committee)) return Section::committee;
  if (regex_match(t, organizers)) return Section::organizers;
  if (regex_match(t, program)) return Section::program;
  if (regex_match(t, dates)) return Section::dates;
  if (regex_match(t, other)) return Section::other;
  if (heading && line.heading <= 2) return Section::other;  // a new top section we do not read
  return std::nullopt;
}

// ---- the whole page -------------------------------------------------------

class EventReader {
 public:
  EventReader(const Page& page, std::string timezone) : page_(page), zone_override_(std::move(timezone)) {}

  WebEvent read() {
    event_fields();
    for (const auto& line : page_.lines) {
      if (const auto s = section_of(line); s && !time_line(line.text)) {
        if (line.heading) clues_.look_for_loose_date(normalized(line.text));
        open_section(*s, line);
        continue;
      }
      switch (section_) {
        case Section::program: program_.line(line); break;
        case Section::dates: dates_.line(line, clues_); break;
        case Section::organizers: read_person_line(line, out_.workshop.organizers, out_.notes, clues_); break;
        case Section::committee: read_person_line(line, out_.workshop.committees.back().members, out_.notes, clues_); break;
        default:
          if (time_line(line.text)) {  // a program under no heading of its own
            section_ = Section::program;
            program_.line(line);
          } else {
            other_line(line);
          }
          break;
      }
    }
    finish();
    return std::move(out_);
  }

 private:
  void open_section(Section s, const PageLine& line) {
    section_ = s;
    dates_.restart();
    if (s == Section::committee) {
      static const Regex trailing(R"([:#\s]+$)");
      std::string name = trim(trailing.replace(line.text, ""));
      out_.workshop.committees.push_back(Committee{name, {}});
    }
  }

  // ---- name, acronym --------------------------------------------------------------
  void event_fields() {
    Workshop& w = out_.workshop;
    w.name = event_name();
    acronym_from_headings();
    if (acronym_.empty()) acronym_from_name(w.name);
    w.kind = matches(w.name, "symposium") ? "symposium" : "workshop";
  }

  // A top heading that names the event, else the page's title, else one of its first lines.
  std::string event_name() const {
    std::vector<std::string> candidates;
    for (const auto& l : page_.lines)
      if (l.heading >= 1 && l.heading <= 2) candidates.push_back(l.text);
    if (!page_.title.empty()) candidates.push_back(page_.title);
    int plain = 0;
    for (const auto& l : page_.lines)
      if (l.heading == 0 && plain++ < 6) candidates.push_back(l.text);
    static const Regex named(R"(\b(workshop|symposium|conference|meeting|summit|forum)\b)", Regex::icase);
    for (const auto& c : candidates)
      if (regex_search(c, named) && c.size() < 200 && c.find(". ") == std::string::npos) return trim(c);
    return "";
  }

  // "AIExScale'25", "ExHetAI 2025" as a heading (or the title): the acronym, the year, and its link as the website.
  void acronym_from_headings() {
    static const Regex acronym_year(R"(^\s*([A-Za-z][A-Za-z0-9-]*[A-Za-z0-9])\s*(?:'|’|-)?\s*((?:19|20)?\d\d)\s*$)");
    std::vector<PageLine> titled = page_.lines;
    titled.push_back(PageLine{page_.title, 1, false, {}});
    for (const auto& l : titled) {
      Match m;
      if (l.heading && regex_match(l.text, m, acronym_year)) {
        acronym_ = m[1];
        clues_.year_text = m[2];
        for (const auto& k : l.links)
          if (k.href.rfind("http", 0) == 0) out_.workshop.website = k.href;
        break;
      }
    }
  }

  // "SAIS'26: Symposium on ...": the acronym leading the name.
  void acronym_from_name(const std::string& name) {
    static const Regex lead_acronym(R"(^([A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*)\s*(?:'(\d\d)|\s(20\d\d))?\s*:\s)");
    Match m;
    if (!regex_search(name, m, lead_acronym)) return;
    acronym_ = m[1];
    if (m[2].matched) clues_.year_text = m[2];
    if (m[3].matched) clues_.year_text = m[3];
  }

  void other_line(const PageLine& line) {
    clues_.look_for_event_date(line.text);
    clues_.look_for_loose_date(normalized(line.text));
    clues_.look_for_zone(line.text);
  }

  void finish() {
    Workshop& w = out_.workshop;
    program_.close();
    set_date();
    const int y = clues_.year();
    set_acronym(y);
    set_timezone();
    for (const auto& d : dates_.dates()) w.dates.push_back({d.what, d.date.iso(y), d.note});
    w.sessions = build_sessions(program_.entries(), out_.notes);
    note_zones();
  }

  void set_date() {
    Workshop& w = out_.workshop;
    const auto& days = program_.days();
    if (!clues_.event_date && days.empty()) clues_.event_date = clues_.loose_date;
    if (clues_.event_date) w.date = clues_.event_date->iso(clues_.year());
    if (!days.empty() && w.date.empty()) w.date = days.front();
    if (days.size() > 1)
      out_.notes.push_back("the page's program spans " + std::to_string(days.size()) + " days (" + days.front() + " to " +
                           days.back() + "); the model holds one day's program, so times of later days are read as of " +
                           w.date);
  }

  void set_acronym(int y) {
    Workshop& w = out_.workshop;
    if (acronym_.empty()) return;
    w.acronym = y ? acronym_ + "'" + std::to_string(y % 100 + 100).substr(1) : acronym_;
    w.id = url_slug(acronym_) + (y ? "-" + std::to_string(y) : "");
  }

  // --timezone, else the zone the page's times name, else the zone of the place it names.
  void set_timezone() {
    Workshop& w = out_.workshop;
    w.timezone = zone_override_;
    if (w.timezone.empty() && !clues_.page_zone.empty()) {
      w.timezone = zone_for_abbreviation(clues_.page_zone);
      if (w.timezone.empty()) out_.notes.push_back("the page's time zone '" + clues_.page_zone + "' is not one this reader knows; use --timezone");
    }
    if (w.timezone.empty()) w.timezone = clues_.place_zone;
  }

  void note_zones() {
    std::set<std::string> zones;
    for (const auto& e : program_.entries())
      if (!e.zone.empty()) zones.insert(e.zone);
    if (zones.size() <= 1) return;
    std::string list;
    for (const auto& z : zones) list += (list.empty() ? "" : ", ") + z;
    const std::string& zone = out_.workshop.timezone;
    out_.notes.push_back("the program's times name several zones (" + list + "); they are kept as printed, in " +
                         (zone.empty() ? "the venue's zone" : zone));
  }

  const Page& page_;
  std::string zone_override_;
  WebEvent out_;
  Section section_ = Section::none;
  std::string acronym_;
  EventClues clues_;
  ProgramReader program_{clues_, out_.notes};
  DatesReader dates_;
};

}  // namespace

}  // namespace proceedings::import::web

namespace proceedings::import {

WebEvent read_event(const Page& page, const std::string& timezone) { return web::EventReader(page, timezone).read(); }

}  // namespace proceedings::import

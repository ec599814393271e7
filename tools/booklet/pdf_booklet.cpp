#include "booklet/pdf_booklet.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "booklet/schedule.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/process.hpp"
#include "proceedings/template.hpp"
#include "proceedings/tex_fonts.hpp"

namespace proceedings::booklet {

namespace fs = std::filesystem;

namespace {

std::string esc(const std::string& s) { return latex_escape(s); }

std::string span(const std::optional<int>& start, const std::optional<int>& end) { return time_span(start, end, "--"); }

// The time of a session as printed: "11:10--11:50" kept on one line, with a
// dagger when the program check found an error there that was published anyway.
std::string printed_time(const std::optional<int>& start, const std::optional<int>& end, bool flagged) {
  const std::string text = span(start, end);
  if (text.empty()) return "";
  return "\\mbox{" + esc(text) + "}" + (flagged ? "\\flagged" : "");
}

std::string talk_abstract(const Workshop& w, const Talk& t) {
  if (!t.abstract.empty()) return t.abstract;
  const Paper* paper = paper_of(w, t);
  return paper ? paper->abstract : "";
}

}  // namespace

namespace {

// The speakers and chairs, by sort key: the name, and where each appears.
using People = std::map<std::string, std::pair<std::string, std::vector<std::string>>>;

// The day at a glance and the sessions with their talks, for the sessions
// `which` (indexes of session entries); `when_prefix` is what the index of
// people puts before a time ("Mon " on a program of several days).
class Writer {
 public:
  Writer(const Workshop& w, const std::vector<Entry>& entries, const std::vector<ProgramFinding>& unresolved, bool with_rooms)
      : w_(w), entries_(entries), unresolved_(unresolved), with_rooms_(with_rooms) {}

  void add(std::size_t i, const std::string& when_prefix) {
    const Entry& s = entries_[i];
    const bool mark = flagged(s.session);
    std::vector<std::string> titles;
    for (const auto& t : s.session->talks)
      if (t.title != s.title) titles.push_back(t.title);
    const std::string summary = titles.size() == 1 ? titles.front() : (titles.empty() ? "" : std::to_string(titles.size()) + " talks");
    if (with_rooms_)
      glance << "\\dayrow{" << printed_time(s.start, s.published_end(), mark) << "}{" << esc(s.room) << "}{" << esc(s.title) << "}{"
             << esc(summary) << "}\n";
    else
      glance << "\\schedulerow{" << printed_time(s.start, s.published_end(), mark) << "}{" << esc(s.title) << "}{" << esc(summary) << "}\n";
    std::string where = with_rooms_ ? s.room : "";
    if (!s.session->venue.empty()) where += (where.empty() ? "" : " · ") + s.session->venue;
    sessions << "\\booksession{" << printed_time(s.start, s.published_end(), mark) << "}{" << esc(s.title) << "}{"
             << esc(name_list(s.people)) << "}{" << esc(where) << "}\n";
    for (const auto& chair : s.people) note_person(chair, when_prefix + clock_text(*s.start) + " chair");
    for (std::size_t j = i + 1; j < entries_.size() && entries_[j].talk; ++j) {
      const Entry& t = entries_[j];
      const bool own_time = t.start && !(t.start == s.start && t.end == s.end);
      // A session holding one talk of its own name prints it once ("Welcome", not "Welcome / Welcome").
      const bool same_as_session = s.session->talks.size() == 1 && t.title == s.title;
      sessions << "\\booktalk{" << (own_time ? printed_time(t.start, t.published_end(), false) : "") << "}{"
               << esc(same_as_session ? "" : t.title) << "}{" << esc(with_affiliations(people_of(w_, *t.talk))) << "}{"
               << esc(talk_abstract(w_, *t.talk)) << "}\n";
      for (const auto& speaker : t.people) note_person(speaker, when_prefix + clock_text(t.start.value_or(*s.start)));
    }
  }

  std::ostringstream glance, sessions;
  People people;

 private:
  bool flagged(const Session* s) const {
    return std::any_of(unresolved_.begin(), unresolved_.end(), [&](const ProgramFinding& f) { return f.session == s; });
  }
  void note_person(const std::string& name, const std::string& where) {
    auto& entry = people[index_sort_key(name)];
    entry.first = name;
    entry.second.push_back(where);
  }

  const Workshop& w_;
  const std::vector<Entry>& entries_;
  const std::vector<ProgramFinding>& unresolved_;
  bool with_rooms_;
};

// A program over several days or rooms: per day its spread (\\programday), its
// glance with a column of rooms, then its sessions in order of time and room.
std::string days_of(const std::vector<Entry>& entries, Writer& all, const std::string& zone, const std::string& flags) {
  const auto rooms = program_rooms(entries);
  const auto dates = program_dates(entries);
  std::string out;
  for (std::size_t d = 0; d < dates.size(); ++d) {
    std::vector<std::size_t> day;
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (!entries[i].talk && entries[i].date == dates[d]) day.push_back(i);
    const auto room_index = [&](std::size_t i) { return std::find(rooms.begin(), rooms.end(), entries[i].room) - rooms.begin(); };
    std::stable_sort(day.begin(), day.end(), [&](std::size_t a, std::size_t b) {
      return std::pair(*entries[a].start, room_index(a)) < std::pair(*entries[b].start, room_index(b));
    });
    all.glance.str("");
    all.sessions.str("");
    const std::string weekday = day_heading(dates[d]).substr(0, 3) + " ";
    for (std::size_t i : day) all.add(i, dates.size() > 1 ? weekday : "");
    out += "\\programday{" + esc(day_heading(dates[d])) + "}{" + std::to_string(d + 1) + "}\n{\\small Times are " + zone +
           ".}\\par\n\\begin{dayglance}\n" + all.glance.str() + "\\end{dayglance}\n" + (d == 0 ? flags : "") +
           "\\clearpage\n" + all.sessions.str();
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> booklet_values(const Workshop& w, bool half_letter, const std::vector<ProgramFinding>& unresolved) {
  const auto entries = schedule(w);
  const bool many_days = by_days_and_rooms(entries);
  Writer writer(w, entries, unresolved, many_days);
  std::string notes;
  for (const auto& f : unresolved)
    notes += "\\flagnote{" + esc(typographic_quotes(f.message)) + "}\n";
  const std::string flags = notes.empty() ? "" : "\\begin{flagnotes}\n" + notes + "\\end{flagnotes}\n";
  const std::string zone = esc("local time (" + w.timezone + ")");
  const std::string days = many_days ? days_of(entries, writer, zone, flags) : "";
  if (!many_days)
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (!entries[i].talk) writer.add(i, "");
  const auto& people = writer.people;
  std::ostringstream index;
  for (const auto& [key, entry] : people) {
    std::string where;
    for (const auto& w2 : entry.second) where += (where.empty() ? "" : ", ") + w2;
    index << "\\personentry{" << esc(entry.first) << "}{" << esc(where) << "}\n";
  }
  std::string place = w.host.empty() ? "" : w.host;
  if (!w.location.empty()) place += (place.empty() ? "" : ", ") + w.location;
  std::vector<std::string> organizers;
  for (const auto& o : w.organizers) organizers.push_back(o.name);
  const bool a4 = w.submission && w.submission->paper == "a4";
  return {{"GEOMETRY", half_letter ? "paperwidth=5.5in,paperheight=8.5in,margin=0.5in"
                                   : (a4 ? "a4paper,margin=0.8in" : "letterpaper,margin=0.8in")},
          {"ACRONYM", esc(w.acronym)},
          {"NAME", esc(name_after_acronym(w))},  // the cover prints the acronym above it
          {"DATE", esc(dates_text(entries, w.date))},
          {"PLACE", esc(place)},
          {"ZONE", zone},
          {"PDF_TITLE", esc(w.acronym + " program: " + w.name)},
          {"PDF_AUTHOR", esc(name_list(organizers))},
          {"FLAGS", flags},
          {"MANY_DAYS", many_days ? "\\manydaystrue" : ""},
          {"DAYS", days},
          {"SCHEDULE", many_days ? "" : writer.glance.str()},
          {"SESSIONS", many_days ? "" : writer.sessions.str()},
          {"PEOPLE", index.str()}};
}

void typeset_booklet(const Workshop& w, bool half_letter, const std::vector<ProgramFinding>& unresolved, const fs::path& templates,
                     const fs::path& out) {
  ScratchDir scratch("proceedings-booklet");
  const std::string source =
      fill_template(read_file(templates / "booklet.tex"), booklet_values(w, half_letter, unresolved), "booklet.tex");
  write_file_atomic(scratch.path() / "booklet.tex", source);
  // pdfLaTeX unless a name or title needs LuaLaTeX's Unicode fonts.
  const std::string engine = tex_engine_for(source, w.folder);
  require_lualatex_branch(engine, source, templates / "booklet.tex");
  // longtable settles its column widths over two runs.
  for (int run = 0; run < 2; ++run)
    run_tex(engine, {"booklet.tex"}, scratch.path(), std::chrono::seconds(180), scratch.path() / "booklet.log",
            source_date_epoch(w));
  require_no_missing_characters(engine, scratch.path() / "booklet.log", w.folder);
  write_file_atomic(out, read_file(scratch.path() / "booklet.pdf"));
}

}  // namespace proceedings::booklet

#include "proceedings/program_checks.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "proceedings/program.hpp"

namespace proceedings {

namespace {

std::string at(const ClockTime& t) { return t.text + " (" + clock_text(t.minutes) + ")"; }

class ProgramChecker {
 public:
  explicit ProgramChecker(const Workshop& w) : w_(w), entries_(schedule(w)) {}

  std::vector<ProgramFinding> run() {
    rooms();
    sessions_in_order();
    one_session_per_room();
    talks_inside_sessions();
    people_in_one_place();
    chairs_and_titles();
    papers_and_program();
    confirmations();
    const std::string file = (w_.folder / "workshop.yaml").string();
    for (auto& f : out_) {
      f.file = f.session && !f.session->read_at.file.empty() ? f.session->read_at.file : file;
      f.line = f.session ? f.session->read_at.line : 0;
    }
    return std::move(out_);
  }

 private:
  void add(Severity severity, const char* code, const std::string& message, const Session* about = nullptr) {
    ProgramFinding f;
    f.code = code;
    f.severity = severity;
    f.message = message;
    f.session = about;
    out_.push_back(std::move(f));
  }

  // Each session against the one listed above it in its day and room: a
  // program may list its rooms one after the other.
  void sessions_in_order() {
    std::map<std::pair<std::string, std::string>, const Session*> previous_in;  // by date and room
    for (const auto& s : w_.sessions) {
      if (s.end && s.end->minutes <= s.start.minutes)
        add(Severity::error, "ENDS_BEFORE_START", "session '" + s.title + "' ends at " + at(*s.end) + ", not after it starts at " + at(s.start), &s);
      if (!s.end)
        add(Severity::warning, "NO_END",
            "session '" + s.title + "' has no end time; calendars and apps give it " + std::to_string(assumed_length(s)) +
                " minutes (program.default_length, at most until the next session)",
            &s);
      if (s.start.minutes < 6 * 60 || (s.end && s.end->minutes > 23 * 60))
        add(Severity::warning, "OUTSIDE_DAY",
            "session '" + s.title + "' is at " + at(s.start) + ", outside 06:00-23:00: an a.m./p.m. slip?", &s);
      const Session*& previous = previous_in[{date_of(w_, s), room_of(w_, s)}];
      if (previous && s.start.minutes < previous->start.minutes)
        add(Severity::error, "TIME_BACKWARDS",
            "session '" + s.title + "' starts at " + at(s.start) + ", before the session listed above it, '" + previous->title +
                "', at " + at(previous->start),
            &s);
      previous = &s;
    }
  }

  // Two sessions in one room at one time, however far apart they are listed:
  // the later one (by start, then by listing) is named, with the other's place.
  void one_session_per_room() {
    std::map<std::pair<std::string, std::string>, std::vector<const Session*>> by_room;
    for (const auto& s : w_.sessions) by_room[{date_of(w_, s), room_of(w_, s)}].push_back(&s);
    for (auto& [where, sessions] : by_room) {
      std::stable_sort(sessions.begin(), sessions.end(), [](const Session* a, const Session* b) { return a->start.minutes < b->start.minutes; });
      for (std::size_t j = 1; j < sessions.size(); ++j)
        for (std::size_t i = 0; i < j; ++i) {
          const Session& a = *sessions[i];
          const Session& b = *sessions[j];
          const int a_end = a.end ? a.end->minutes : a.start.minutes;
          if (b.start.minutes >= a_end) continue;
          if (where.second.empty() && a.venue != b.venue) continue;  // two workshops of a volume, rooms not yet announced
          add(Severity::error, "OVERLAP",
              "session '" + b.title + "' starts at " + at(b.start) + " while '" + a.title + "' runs until " + clock_text(a_end) +
                  (where.second.empty() ? "" : " in " + where.second) + place_of(a),
              &b);
          break;  // one finding per session
        }
    }
  }

  // " (workshop.yaml:12)": where a session was read, when known.
  static std::string place_of(const Session& s) { return s.read_at.line ? " (" + s.read_at.text() + ")" : ""; }

  int assumed_length(const Session& s) const {
    for (const auto& e : entries_)
      if (e.session == &s && !e.talk) return *e.end - *e.start;
    return w_.default_length;
  }

  void rooms() {
    const bool all_have_one = std::all_of(w_.sessions.begin(), w_.sessions.end(), [&](const Session& s) { return !s.room.empty(); });
    if (w_.room.empty() && !all_have_one && !w_.sessions.empty())
      add(Severity::warning, "NO_ROOM", "the program names no room (program.room); calendars and apps show 'Room TBA'");
  }

  void talks_inside_sessions() {
    for (const auto& s : w_.sessions) {
      const Talk* previous = nullptr;
      for (const auto& t : s.talks) {
        if (t.start && t.end && t.end->minutes <= t.start->minutes)
          add(Severity::error, "ENDS_BEFORE_START", "talk '" + t.title + "' ends at " + at(*t.end) + ", not after it starts", &s);
        if (t.start && (t.start->minutes < s.start.minutes || (s.end && t.end && t.end->minutes > s.end->minutes)))
          add(Severity::error, "OUTSIDE_SESSION", "talk '" + t.title + "' is not within the times of session '" + s.title + "'", &s);
        if (previous && previous->end && t.start && t.start->minutes < previous->end->minutes)
          add(Severity::error, "OVERLAP", "talk '" + t.title + "' starts at " + at(*t.start) + " before '" + previous->title + "' ends", &s);
        previous = &t;
      }
    }
  }

  // The same person in two entries at once, one not inside the other: one
  // finding per pair of sessions, naming everyone booked twice there, however
  // many talks of the two clash. In one room an error; in two rooms a warning
  // (TWO_ROOMS): people do dash between rooms, and two workshops of a volume
  // may have two people of one name.
  void people_in_one_place() {
    std::map<std::string, std::vector<const Entry*>> by_person;
    for (const auto& e : entries_)
      if (e.start && e.end)
        for (const auto& p : e.people) by_person[p].push_back(&e);
    struct Clash {
      const Entry* first = nullptr;
      const Entry* second = nullptr;
      std::vector<std::string> people;
    };
    std::map<std::pair<std::size_t, std::size_t>, Clash> clashes;  // by the sessions' places in the program
    for (const auto& [person, list] : by_person)
      for (std::size_t i = 0; i < list.size(); ++i)
        for (std::size_t j = i + 1; j < list.size(); ++j) {
          const Entry& a = *list[i];
          const Entry& b = *list[j];
          if (a.session == b.session && (!a.talk || !b.talk)) continue;  // chairing the session you speak in
          if (a.date != b.date || !(*a.start < *b.end && *b.start < *a.end)) continue;
          Clash& clash = clashes[{index_of(a.session), index_of(b.session)}];
          if (!clash.first) clash = Clash{&a, &b, {}};
          if (clash.people.empty() || clash.people.back() != person) clash.people.push_back(person);
        }
    for (const auto& [sessions, clash] : clashes) {
      const bool one_room = clash.first->room == clash.second->room;
      const auto in_room = [&](const Entry& e) { return one_room ? "" : " (" + room_text(e) + ")"; };
      add(one_room ? Severity::error : Severity::warning, one_room ? "DOUBLE_BOOKED" : "TWO_ROOMS",
          name_list(clash.people) + (clash.people.size() > 1 ? " are" : " is") + " in " + clash.first->label() +
              in_room(*clash.first) + " and " + clash.second->label() + in_room(*clash.second) + " at the same time (" +
              clock_text(*clash.second->start) + ")",
          clash.second->session);
    }
  }

  static std::string room_text(const Entry& e) { return e.room.empty() ? "no room announced" : e.room; }

  std::size_t index_of(const Session* s) const { return static_cast<std::size_t>(s - w_.sessions.data()); }

  void chairs_and_titles() {
    for (const auto& s : w_.sessions) {
      const bool needs_chair = s.kind == "talks" || s.kind == "papers" || s.kind == "discussion";
      if (needs_chair && s.chairs.empty()) add(Severity::warning, "NO_CHAIR", "session '" + s.title + "' has no chair", &s);
      for (const auto& t : s.talks) {
        if (t.title == "TBD" || t.title == "TBA")
          add(Severity::warning, "TITLE_TBD", "a talk in session '" + s.title + "' has the title '" + t.title + "'", &s);
        if (t.kind == "discussion" && t.speakers.empty())
          add(Severity::warning, "NO_MODERATOR", "discussion '" + t.title + "' names no moderator", &s);
      }
    }
  }

  void papers_and_program() {
    std::map<std::string, int> scheduled;
    for (const auto& s : w_.sessions)
      for (const auto& t : s.talks) {
        if (!t.paper_id.empty()) scheduled[t.paper_id]++;
        if (t.kind == "paper" && t.paper_id.empty())
          add(Severity::error, "TALK_WITHOUT_PAPER", "paper talk '" + t.title + "' names no accepted paper", &s);
      }
    for (const auto& p : w_.papers) {
      if (!scheduled.count(p.id)) add(Severity::error, "PAPER_NOT_SCHEDULED", "accepted paper '" + p.id + "' (" + p.title + ") is not in the program");
      else if (scheduled[p.id] > 1) add(Severity::warning, "PAPER_TWICE", "accepted paper '" + p.id + "' is in the program twice");
    }
  }

  // The chair has looked at a session's slip and confirmed it: it is published as it is.
  void confirmations() {
    std::set<std::pair<const Session*, std::string>> matched;
    for (auto& f : out_) {
      if (!f.session) continue;
      const auto& codes = f.session->confirmed;
      if (std::find(codes.begin(), codes.end(), f.code) == codes.end()) continue;
      f.severity = Severity::warning;
      f.message += " (confirmed by the chair: " + f.code + " is in the session's 'confirmed')";
      matched.emplace(f.session, f.code);
    }
    for (const auto& s : w_.sessions)
      for (const auto& code : s.confirmed)
        if (!matched.count({&s, code}))
          add(Severity::warning, "CONFIRMED_UNUSED",
              "session '" + s.title + "' confirms " + code + ", but the program check finds no " + code +
                  " there: remove it from 'confirmed'",
              &s);
  }

  const Workshop& w_;
  std::vector<Entry> entries_;
  std::vector<ProgramFinding> out_;
};

}  // namespace

std::vector<ProgramFinding> check_program(const Workshop& w) { return ProgramChecker(w).run(); }

}  // namespace proceedings

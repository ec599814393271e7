#pragma once
// A program's entry as the page prints it (a time, a label, a title, its
// speakers, chairs and abstract), and the readers of an entry's own lines.
#include <optional>
#include <string>
#include <vector>

#include "import/web_page.hpp"
#include "proceedings/model.hpp"

namespace proceedings::import::web {

struct Entry {
  ClockTime start;
  std::optional<ClockTime> end;
  std::string zone;
  std::string day;     // YYYY-MM-DD of the day heading above it; empty: the event's date
  std::string label;   // "Invited Talk 1", "Featured Speaker", "Keynote"
  std::string title;
  std::string slug;    // from a /talks/<slug> link
  std::vector<Person> speakers;
  std::vector<std::string> chairs;
  std::string abstract;
  bool header = false;  // a session heading whose timed talks follow
  bool chairs_carried = false;  // chairs from a "Session chair:" line above, until the entry names its own
  bool untimed = false;  // a talk listed under its session's time, as a list item
  bool abstract_full = false;  // the text under it reached abstract_limit; the rest was not read
};

// "Keynote: Title", "Invited Talk 1", "Title": the entry's label and title.
void set_title(Entry& e, const std::string& text);
// The talk's page on the event's site, /talks/<slug>; a segment the loader would
// refuse is normalised and said (`notes`), or dropped when nothing of it is left.
void take_talk_link(Entry& e, const std::vector<Link>& links, std::vector<std::string>& notes);
// A line under an entry's time: a labelled line, its title, its speakers, or their affiliation.
void add_body_line(Entry& e, const PageLine& line, std::vector<std::string>& notes);
// "Title, Jane Doe (Univ)": the first comma after which only people follow.
void split_comma_speakers(Entry& e);
// "Keynote: Title - Jane Doe (Univ)", "Title by Jane Doe": the speakers on the time's own line.
void split_trailing_speakers(Entry& e);
// "Session 2: Systems", "Paper Session": a heading whose talks follow.
bool is_session_heading(const std::string& text);
// "Session 1 (Chair: Jane Doe)": the chairs out of the heading's title.
void split_heading_chair(Entry& e);

}  // namespace proceedings::import::web

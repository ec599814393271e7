#include "booklet/grid.hpp"

#include <algorithm>

#include "booklet/schedule.hpp"
#include "proceedings/text.hpp"

namespace proceedings::booklet {

namespace {

// A cell of the grid: the session that starts there (and any other booked into
// the same room at the same time, published with --force), and the rows it spans.
struct Cell {
  std::vector<const Entry*> sessions;
  std::size_t row = 0;
  std::size_t rows = 1;
};

class DayGrid {
 public:
  DayGrid(std::vector<const Entry*> sessions, std::vector<std::string> rooms) : rooms_(std::move(rooms)) {
    for (const Entry* s : sessions) {
      times_.push_back(*s->start);
      times_.push_back(end_of(*s));
    }
    std::sort(times_.begin(), times_.end());
    times_.erase(std::unique(times_.begin(), times_.end()), times_.end());
    rows_ = std::max<std::size_t>(times_.size(), 2) - 1;
    owner_.assign(rows_, std::vector<int>(rooms_.size(), -1));
    std::stable_sort(sessions.begin(), sessions.end(), [](const Entry* a, const Entry* b) { return *a->start < *b->start; });
    for (const Entry* s : sessions) place(*s);
  }

  std::size_t rows() const { return rows_; }
  int time_of_row(std::size_t r) const { return times_[r]; }
  // The cell starting at (row, column), or null: free, or covered by a cell above.
  const Cell* starting_at(std::size_t r, std::size_t c) const {
    const int k = owner_[r][c];
    return k >= 0 && cells_[static_cast<std::size_t>(k)].row == r ? &cells_[static_cast<std::size_t>(k)] : nullptr;
  }
  bool free(std::size_t r, std::size_t c) const { return owner_[r][c] < 0; }

 private:
  static int end_of(const Entry& s) { return std::max(s.end.value_or(*s.start), *s.start); }

  std::size_t row_of(int minutes) const {
    return static_cast<std::size_t>(std::lower_bound(times_.begin(), times_.end(), minutes) - times_.begin());
  }

  void place(const Entry& s) {
    const auto column = static_cast<std::size_t>(std::find(rooms_.begin(), rooms_.end(), room_name(s)) - rooms_.begin());
    const std::size_t first = std::min(row_of(*s.start), rows_ - 1);
    if (const int k = owner_[first][column]; k >= 0) {  // two sessions at once in one room: one cell shows both
      cells_[static_cast<std::size_t>(k)].sessions.push_back(&s);
      return;
    }
    std::size_t last = std::max(row_of(end_of(s)), first + 1);
    for (std::size_t r = first + 1; r < last; ++r)
      if (r >= rows_ || owner_[r][column] >= 0) last = r;
    cells_.push_back(Cell{{&s}, first, last - first});
    for (std::size_t r = first; r < last; ++r) owner_[r][column] = static_cast<int>(cells_.size() - 1);
  }

  std::vector<std::string> rooms_;
  std::vector<int> times_;
  std::size_t rows_ = 1;
  std::vector<Cell> cells_;
  std::vector<std::vector<int>> owner_;  // [row][column] -> cell, -1 when free
};

// One session in its cell: time, title, room (shown on a phone, where no column names it), workshop, chair, talks.
std::string session_in_cell(const Workshop& w, const TimeZone& zone, const std::vector<Entry>& entries, const Entry& s,
                            const PageLinks& links) {
  std::string talks;
  for (const Entry* t = &s + 1; t != entries.data() + entries.size() && t->talk; ++t) {
    if (s.session->talks.size() == 1 && t->title == s.title && t->people.empty()) continue;
    const bool own_time = t->start && !(t->start == s.start && t->end == s.end);
    talks += "<li id=\"" + html_escape(t->uid) + "\">" + (own_time ? when(t->date, zone, t->start, t->published_end(), links.flags.mark(*t)) : "") +
             "<span class=\"title\">" + html_escape(t->title) + "</span>" +
             (t->people.empty() ? "" : " <span class=\"people\">" + html_escape(name_list(t->people)) + "</span>") +
             talk_links(paper_of(w, *t->talk), links.papers_folder) + "</li>\n";
  }
  const std::string venue = s.session->venue.empty() ? "" : " <span class=\"venue\">" + html_escape(s.session->venue) + "</span>";
  return "<div class=\"entry kind-" + html_escape(s.session->kind) + "\" id=\"" + html_escape(s.session->id) + "\">\n<h3>" +
         when(s.date, zone, s.start, s.published_end(), links.flags.mark(s)) + "<span class=\"title\">" + html_escape(s.title) +
         "</span></h3>\n<p class=\"where\"><span class=\"room\">" + html_escape(room_name(s)) + "</span>" + venue + "</p>\n" +
         (links.flags.marked(s) ? "<p class=\"flag\">" + html_escape(links.flags.note(s)) + "</p>\n" : "") + chair_line(s) +
         (talks.empty() ? "" : "<ul class=\"talks\">\n" + talks + "</ul>\n") + "</div>\n";
}

std::string day_table(const Workshop& w, const TimeZone& zone, const std::vector<Entry>& entries, const std::string& date,
                      const std::vector<std::string>& program_rooms_in_order, const PageLinks& links) {
  std::vector<const Entry*> sessions;
  std::vector<std::string> rooms;
  for (const auto& e : entries)
    if (!e.talk && e.date == date) sessions.push_back(&e);
  for (const auto& room : program_rooms_in_order)
    if (std::any_of(sessions.begin(), sessions.end(), [&](const Entry* s) { return room_name(*s) == room; })) rooms.push_back(room);
  const DayGrid grid(sessions, rooms);
  std::string html = "<div class=\"grid-wrap\">\n<table class=\"grid\">\n<thead><tr><th scope=\"col\">Time</th>";
  for (const auto& room : rooms) html += "<th scope=\"col\">" + html_escape(room) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < grid.rows(); ++r) {
    html += "<tr><th scope=\"row\"><time datetime=\"" + iso_instant(date, zone, grid.time_of_row(r)) + "\">" +
            clock_text(grid.time_of_row(r)) + "</time></th>";
    for (std::size_t c = 0; c < rooms.size(); ++c) {
      if (grid.free(r, c)) {
        html += "<td class=\"free\"></td>";
      } else if (const Cell* cell = grid.starting_at(r, c)) {
        html += "<td class=\"session\"" + (cell->rows > 1 ? " rowspan=\"" + std::to_string(cell->rows) + "\"" : std::string()) + ">\n";
        for (const Entry* s : cell->sessions) html += session_in_cell(w, zone, entries, *s, links);
        html += "</td>";
      }
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n";
}

}  // namespace

GridPage program_grid(const Workshop& w, const TimeZone& zone, const std::vector<Entry>& entries, const PageLinks& links) {
  GridPage page;
  std::vector<std::string> rooms;
  for (const auto& e : entries)
    if (std::find(rooms.begin(), rooms.end(), room_name(e)) == rooms.end()) rooms.push_back(room_name(e));
  for (const auto& date : program_dates(entries)) {
    const std::string id = "day-" + date;
    page.days += "<section class=\"day\" id=\"" + id + "\" aria-labelledby=\"" + id + "-title\">\n<h2 id=\"" + id +
                 "-title\"><time datetime=\"" + date + "\">" + html_escape(day_heading(date)) + "</time></h2>\n" +
                 day_table(w, zone, entries, date, rooms, links) + "</section>\n";
    page.nav += "<li><a href=\"#" + id + "\">" + html_escape(day_heading(date)) + "</a></li>\n";
  }
  return page;
}

}  // namespace proceedings::booklet

#pragma once
// The program section of an event page, line by line: time lines open
// entries, day headings set their day, session headings group them, and the
// lines under an entry fill it in. Times are kept as the page prints them.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "import/web_dates.hpp"
#include "import/web_entry.hpp"
#include "import/web_page.hpp"

namespace proceedings::import::web {

class ProgramReader {
 public:
  // `clues` learns the event's date and zone from the program; `notes` gets what is not understood.
  ProgramReader(EventClues& clues, std::vector<std::string>& notes) : clues_(clues), notes_(notes) {}

  void line(const PageLine& line);
  // After the last line: headings without times take the times of the talks under them.
  void close();

  const std::vector<Entry>& entries() const { return entries_; }
  const std::vector<std::string>& days() const { return days_; }  // YYYY-MM-DD of the day headings, in order

 private:
  void timed_line(const TimeLine& t, const PageLine& line);
  Entry timed_entry(const TimeLine& t, const PageLine& line);
  bool day_heading(const std::string& text);
  bool session_heading(const PageLine& line, const std::string& text);
  bool chair_line(const std::string& text);
  bool listed_talk(const PageLine& line);
  bool entries_open_now();
  void flush_header();

  EventClues& clues_;
  std::vector<std::string>& notes_;
  std::vector<Entry> entries_;
  bool entries_open_ = true;
  std::optional<Entry> pending_header_;
  std::vector<std::string> carried_chairs_;
  std::vector<std::pair<std::size_t, Entry>> untimed_headers_;
  std::string day_;
  std::vector<std::string> days_;
};

}  // namespace proceedings::import::web

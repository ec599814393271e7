#pragma once
// The program as a Jekyll tree the event's site can drop in: the program as
// data (_data/program.yml), an include that renders it
// (_includes/program.html), a program page, one page per talk under
// /talks/<slug> and per speaker under /speakers/<slug> (the slugs the site
// already uses: a talk's `slug`, a speaker's name as url_slug spells it), and
// the calendar and frab schedule beside them. Every page is made from the
// same program model as the booklet, the calendar and the frab XML.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "booklet/schedule.hpp"
#include "proceedings/model.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings::booklet {

// File path inside the tree -> content: the data and pages made here, and the
// include, layouts and program page from `templates` (templates/booklet/jekyll).
// `ics_file` and `frab_file` are the names of the calendar and frab files the
// caller writes into the tree ("" when not written). The times of a session
// in `flags` carry the mark, and the session and its talks the note (`flag`).
std::map<std::string, std::string> jekyll_tree(const Workshop& w, const TimeZone& zone, const std::filesystem::path& templates,
                                               const std::string& ics_file, const std::string& frab_file,
                                               const Flags& flags = {});

// Writes the tree, with the calendar (<id>-program.ics) and frab schedule
// (<id>-program.xml) in it, as `folder`: built beside it and renamed into
// place, so a site never sees half a tree. `now_utc`: the calendar's stamp.
void write_jekyll(const Workshop& w, const TimeZone& zone, const std::filesystem::path& templates,
                  const std::filesystem::path& folder, std::int64_t now_utc, const Flags& flags = {});

}  // namespace proceedings::booklet

#pragma once
// `proceedings init`: a new venue's workshop.yaml, papers.yaml and
// message.md, from flags, a preset and the event's page; command.cpp maps
// the options here and prints the result.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings::init {

// What an event's page says of the venue (name, acronym, date, zone,
// organizers, committees, important dates) and what its reader noticed.
// `import web`'s reader, handed in by the command line (tools see no other tool).
struct PageVenue {
  Workshop workshop;
  std::vector<std::string> notes;
};
using PageReader = std::function<PageVenue(const std::string& page, const std::string& timezone)>;

struct InitJob {
  std::string folder = ".";
  std::string from;      // a CfP or event page, a file or an http(s) URL; empty: none
  std::string preset;    // sc-workshop; empty: none
  std::string name, acronym, id, kind, host, place, date, timezone, website, publication;
  std::string review;    // single-blind or double-blind, at submission
  std::vector<std::string> organizers;  // "Name[, Affiliation][ <email>]"
  std::string contact;                  // "Name <email>"; empty: "<acronym> chairs" at the first organizer's email
  std::string acm_dates, acm_location;  // the host's dates and place as ACM prints them
  std::string written_on;               // YYYY-MM-DD for the header; empty: today (UTC)
};

struct InitResult {
  std::vector<std::filesystem::path> written;
  std::vector<std::string> notes;  // what the page's reader noticed, what is left for the chair
};

// Writes the three files, all or none; a usage Error (nothing written) when
// one exists already or a value the venue needs is missing or malformed.
InitResult run_init(const InitJob& job, const PageReader& read_page);

// "Ada Lovelace, Example University <ada@example.org>" as a person.
Person parse_organizer(const std::string& text);

}  // namespace proceedings::init

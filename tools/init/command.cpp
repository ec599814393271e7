#include "init/command.hpp"

#include <iostream>

#include "init/preset.hpp"
#include "proceedings/error.hpp"

namespace proceedings::init {

namespace {

void print(const InitResult& r, const std::string& folder) {
  for (const auto& n : r.notes) std::cout << "note: " << n << "\n";
  for (const auto& f : r.written) std::cout << "wrote " << f.string() << "\n";
  const std::string venue = folder == "." ? "" : " --venue " + folder;
  std::cout << "next: proceedings import" << venue << " --write EXPORT (the submission system's accepted papers), then\n"
            << "      proceedings collect" << venue << " UPLOADS, proceedings check" << venue << ", proceedings status" << venue
            << "\n";
}

}  // namespace

void add_options(CLI::App& cmd, int& status, PageReader read_page) {
  auto job = std::make_shared<InitJob>();
  cmd.footer(
      "Writes DIR/workshop.yaml (every field with a comment saying what it is for), DIR/papers.yaml (empty, for\n"
      "`proceedings import`) and DIR/message.md (the chairs' message that opens the book). It never overwrites:\n"
      "a file that exists already is an error (exit status 2) and nothing is written. The values come from the\n"
      "flags, else from --from's page (a CfP or the event's page, read as `import web` reads it), flags first.\n"
      "--preset sc-workshop fills the SC Workshops volume's ACM record for the year of --date (short name \"SC\n"
      "Workshops 'YY\", the proceedings title), sigconf rules (5-6 pages without the references, letter, two\n"
      "columns) at both stages; SC's dates and place are printed on every paper and init does not guess them:\n"
      "give --acm-dates and --acm-location, else acm: is written commented out.");
  cmd.add_option("DIR", job->folder, "The venue's folder, created if missing")->capture_default_str();
  cmd.add_option("--from", job->from, "A CfP or event page (file or http(s) URL) to read the venue from");
  cmd.add_option("--preset", job->preset, std::string("What a kind of venue always has: ") + preset_names());
  cmd.add_option("--name", job->name, "The full name, e.g. \"ExaML: The Workshop on Machine Learning at Exascale\"");
  cmd.add_option("--short", job->acronym, "The acronym with its year, e.g. \"ExaML'26\"");
  cmd.add_option("--id", job->id, "File-name id (default: from --short and the year, e.g. examl-2026)");
  cmd.add_option("--kind", job->kind, "workshop or symposium (default: workshop)");
  cmd.add_option("--date", job->date, "The day it meets, YYYY-MM-DD");
  cmd.add_option("--place", job->place, "City, region, country, e.g. \"St. Louis, Missouri, USA\"");
  cmd.add_option("--timezone", job->timezone,
                 "IANA zone of the program's times, e.g. America/Chicago (default: the zone of --place, when known)");
  cmd.add_option("--host", job->host, "The conference it is held with, e.g. SC26");
  cmd.add_option("--website", job->website, "The workshop's page");
  cmd.add_option("--publication", job->publication, "Where the papers appear");
  cmd.add_option("--organizer", job->organizers, "A chair, 'Name[, Affiliation][ <email>]'; repeat for each");
  cmd.add_option("--contact", job->contact,
                 "Who notices to authors come from, 'Name <email>' (default: \"ACRONYM chairs\" at the first "
                 "organizer's email)");
  cmd.add_option("--review", job->review, "Review at submission: single-blind or double-blind");
  cmd.add_option("--acm-dates", job->acm_dates, "With --preset: the host's dates as ACM prints them, e.g. \"November 16–21, 2025\"");
  cmd.add_option("--acm-location", job->acm_location, "With --preset: the host's place as ACM prints it, e.g. \"St. Louis, MO, USA\"");
  cmd.callback([job, &status, read_page] {
    print(run_init(*job, read_page), job->folder);
    status = static_cast<int>(Exit::ok);
  });
}

}  // namespace proceedings::init

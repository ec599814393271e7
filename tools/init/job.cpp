#include "init/job.hpp"

#include <chrono>
#include <map>
#include <ctime>

#include "init/preset.hpp"
#include "init/scaffold.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings::init {

namespace {

namespace fs = std::filesystem;

const char* const venue_files[] = {"workshop.yaml", "papers.yaml", "message.md"};

void refuse_existing_files(const fs::path& folder) {
  std::string existing;
  for (const char* name : venue_files)
    if (fs::exists(folder / name)) existing += (existing.empty() ? "" : ", ") + (folder / name).string();
  if (!existing.empty())
    throw usage_error(existing, "exists already; init never overwrites a venue's files (nothing was written)");
  if (fs::exists(folder) && !fs::is_directory(folder)) throw usage_error(folder.string(), "is not a folder");
}

std::string today_utc() { return utc_text(unix_seconds_now(), "%Y-%m-%d"); }

// "examl-2026" for "ExaML'26" on 2026-11-16: the acronym without its year, then the date's year.
std::string id_from(const std::string& acronym, const std::string& date) {
  static const Regex year(R"(\s*(?:'|’|-|\s)?(?:\d\d|\d{4})$)");
  const std::string base = url_slug(year.replace(acronym, ""));
  return base.empty() ? "" : base + "-" + date.substr(0, 4);
}

void take(std::string& field, const std::string& flag) {
  if (!flag.empty()) field = flag;
}

Workshop with_flags(Workshop w, const InitJob& job) {
  take(w.name, job.name);
  take(w.acronym, job.acronym);
  take(w.kind, job.kind);
  take(w.host, job.host);
  take(w.location, job.place);
  take(w.date, job.date);
  take(w.timezone, job.timezone);
  take(w.website, job.website);
  take(w.publication, job.publication);
  if (!job.organizers.empty()) {
    w.organizers.clear();
    for (const auto& o : job.organizers) w.organizers.push_back(parse_organizer(o));
  }
  if (w.kind.empty()) w.kind = "workshop";
  w.id = !job.id.empty() ? job.id : w.date.size() >= 4 ? id_from(w.acronym, w.date) : w.id;
  return w;
}

// Every value a workshop.yaml cannot do without, named at once with the flag that gives it.
void require_fields(const Workshop& w, const InitJob& job) {
  std::string missing;
  for (const auto& [flag, value] : {std::pair{"--name", w.name}, std::pair{"--short (the acronym, e.g. ExaML'26)", w.acronym},
                                    std::pair{"--date YYYY-MM-DD", w.date},
                                    std::pair{"--timezone (e.g. America/Chicago)", w.timezone}})
    if (value.empty()) missing += (missing.empty() ? "" : ", ") + std::string(flag);
  if (w.organizers.empty()) missing += (missing.empty() ? "" : ", ") + std::string("--organizer 'Name <email>'");
  if (!missing.empty())
    throw usage_error("init", "a workshop.yaml needs " + missing + (job.from.empty() ? "" : ", which " + job.from + " does not give") +
                                  " (nothing was written)");
  if (!is_calendar_date(w.date)) throw usage_error("--date", "'" + w.date + "' is not a date YYYY-MM-DD the calendar has");
  if (!TimeZone::known(w.timezone))
    throw usage_error("--timezone", "'" + w.timezone + "' is not an IANA time zone this system knows (see /usr/share/zoneinfo)");
  if (w.kind != "workshop" && w.kind != "symposium") throw usage_error("--kind", "must be workshop or symposium");
  if (!is_file_name_id(w.id))
    throw usage_error("--id", "'" + w.id + "' must be 1 to 100 letters, digits, '-' and '_' (it becomes file names)");
}

// --contact, else the chairs at the first organizer's address; nullopt when no address is known.
std::optional<Person> contact_of(const Workshop& w, const std::string& flag) {
  if (!flag.empty()) {
    Person p = parse_organizer(flag);
    if (p.emails.empty()) throw usage_error("--contact", "'" + flag + "' has no address: give 'Name <email>'");
    return p;
  }
  for (const auto& o : w.organizers)
    if (!o.emails.empty()) return Person{w.acronym + " chairs", {}, {}, {o.email()}, {}, {}};
  return std::nullopt;
}

NewVenue new_venue(const InitJob& job, const PageReader& read_page, std::vector<std::string>& notes) {
  NewVenue v;
  Workshop from_page;
  if (!job.from.empty()) {
    PageVenue page = read_page(job.from, job.timezone);
    from_page = std::move(page.workshop);
    from_page.sessions.clear();  // `import web` merges the program into the venue afterwards
    from_page.papers.clear();
    notes = std::move(page.notes);
  }
  v.workshop = with_flags(std::move(from_page), job);
  if (v.workshop.timezone.empty() && !v.workshop.location.empty()) {
    v.workshop.timezone = zone_for_place(v.workshop.location);  // "St. Louis, Missouri" -> America/Chicago
    if (!v.workshop.timezone.empty())
      notes.push_back("timezone: " + v.workshop.timezone + ", the zone of " + v.workshop.location +
                      " (--timezone names another)");
  }
  require_fields(v.workshop, job);
  v.origin = job.from.empty() ? "the command line" : job.from;
  if (!job.preset.empty()) v.origin += " with --preset " + job.preset;
  v.written_on = job.written_on.empty() ? today_utc() : job.written_on;
  if (!job.review.empty()) {
    if (job.review != "single-blind" && job.review != "double-blind")
      throw usage_error("--review", "must be single-blind or double-blind");
    v.submission = SubmissionRules{};
    v.submission->review = job.review == "double-blind" ? Review::double_blind : Review::single_blind;
  }
  v.contact = contact_of(v.workshop, job.contact);
  if (!v.contact)
    notes.push_back("contact: is written commented out: notify needs it; give --contact 'Name <email>' or an "
                    "--organizer with an email");
  if (!job.preset.empty()) apply_preset(v, job.preset, job.acm_dates, job.acm_location);
  else if (!job.acm_dates.empty() || !job.acm_location.empty())
    throw usage_error("--acm-dates", "fills the acm: record of a preset; give --preset sc-workshop too");
  if (v.workshop.acm && !v.acm_complete)
    notes.push_back("acm: is written commented out: give --acm-dates and --acm-location (the host's dates and place as "
                    "ACM prints them, e.g. \"November 16–21, 2025\" and \"St. Louis, MO, USA\"), or fill them in");
  return v;
}

// What init writes is what the loader accepts: checked on a scratch copy first.
void require_loadable(const std::map<std::string, std::string>& files, const fs::path& folder) {
  ScratchDir scratch("proceedings-init");
  for (const auto& [name, text] : files) write_file_atomic(scratch.path() / name, text);
  try {
    load_workshop(scratch.path());
  } catch (const Error& e) {
    std::string where = e.where();
    if (where.rfind(scratch.path().string(), 0) == 0) where = (folder / where.substr(scratch.path().string().size() + 1)).string();
    throw usage_error(where, std::string("init would write a file proceedings refuses: ") + e.what() + " (nothing was written)");
  }
}

}  // namespace

Person parse_organizer(const std::string& text) {
  static const Regex form(R"(^\s*([^,<]+?)\s*(?:,\s*([^<]+?))?\s*(?:<\s*([^<>\s]+@[^<>\s]+)\s*>)?\s*$)");
  Match m;
  if (!form.match(text, m) || trim(m[1].str()).empty())
    throw usage_error("--organizer", "'" + text + "' is not of the form 'Name[, Affiliation][ <email>]'");
  Person p;
  p.name = trim(m[1].str());
  if (m[2].matched) p.affiliations.push_back(Affiliation{{}, {}, trim(m[2].str()), {}, {}, {}, {}, {}});
  if (m[3].matched) p.emails.push_back(m[3].str());
  return p;
}

InitResult run_init(const InitJob& job, const PageReader& read_page) {
  const fs::path folder = job.folder.empty() ? "." : job.folder;
  refuse_existing_files(folder);
  InitResult result;
  const NewVenue v = new_venue(job, read_page, result.notes);
  const std::map<std::string, std::string> files{{"workshop.yaml", workshop_yaml_text(v)},
                                                 {"papers.yaml", papers_yaml_text(v)},
                                                 {"message.md", message_md_text(v)}};
  require_loadable(files, folder);
  fs::create_directories(folder);
  refuse_existing_files(folder);  // one written meanwhile stays as it is
  for (const char* name : venue_files) {
    write_file_atomic(folder / name, files.at(name));
    result.written.push_back(folder / name);
  }
  return result;
}

}  // namespace proceedings::init

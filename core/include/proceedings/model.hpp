#pragma once
// The one model every subcommand shares: a workshop with its people,
// committees, submission rules, accepted papers and program.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace proceedings {

// An affiliation as acmart and ACM's author records structure it. A record
// that gives only one string keeps it whole as the institution.
struct Affiliation {
  std::string position;
  std::vector<std::string> departments;  // outermost last, as acmart prints them
  std::string institution;
  std::string street;
  std::string city;
  std::string state;
  std::string postcode;
  std::string country;
  bool operator==(const Affiliation&) const = default;
};

// "Department, Institution, City, State, Country": the text printed for it.
std::string display_affiliation(const Affiliation& a);

struct Person {
  std::string name;
  std::vector<Affiliation> affiliations;  // empty when the public record does not say
  std::vector<Affiliation> additional;    // acmart's \additionalaffiliation
  std::vector<std::string> emails;
  std::string orcid;
  // The family name where the name alone misleads (given: "Rafael", family:
  // "Ferreira da Silva"); empty: family_name(name) finds it.
  std::string family = {};
  // The given name(s) as the source splits them (HotCRP's given_name,
  // EasyChair's first and middle names); empty: the name before the family
  // name. With `family` it places a family name written first ("Li Wei",
  // family: "Li", given: "Wei").
  std::string given = {};
  // The middle name(s) where the source gives them apart (EasyChair's
  // middle_name): the end of the given names ("Mary Ann", middle: "Ann").
  std::string middle = {};
  // The author ACM's rights form goes to (HotCRP's contact, EasyChair's
  // corresponding author); when no author of a paper is marked, the first is.
  bool contact = false;
  // The affiliations as one line ("A; B"), for where text is printed.
  std::string affiliation() const;
  std::string email() const { return emails.empty() ? "" : emails.front(); }
  bool operator==(const Person&) const = default;
};

struct Committee {
  std::string name;
  std::vector<Person> members;
};

struct ImportantDate {
  std::string what;
  std::string date;  // YYYY-MM-DD
  std::string note;
};

enum class Review { single_blind, double_blind };

// The two stages a venue's uploads go through; each has its own rules (a
// double-blind review hides the authors at submission; the camera-ready
// version shows them and carries ACM's rights block).
enum class Stage { submission, camera_ready };

// "submission" or "camera-ready", as the command line and every report spell it.
const char* stage_name(Stage stage);
// The stage so spelt; nullopt for any other text.
std::optional<Stage> stage_named(const std::string& name);

// The format rules a venue sets for one stage's uploads; `check` takes its
// defaults here. The camera-ready stage's are the submission's with the
// `camera_ready:` block's fields on top.
struct SubmissionRules {
  std::string template_name = "any";  // acmart-sigconf, acmart or any
  std::string paper = "letter";       // letter or a4
  int columns = 2;
  int min_pages = 0;                  // body pages; 0 means no minimum
  int max_pages = 0;                  // body pages; 0 means no maximum
  bool bibliography_excluded = true;  // page limits count body pages only
  Review review = Review::single_blind;
  double min_font_pt = 0;             // 0: the template's own size
  bool word_interim = false;          // Word authors may use ACM's Interim Layout instead of acmart
  // Submission only: acmart's template rights block (ISBN 978-x-..., Woodstock '18) may stand.
  bool placeholders_allowed = true;
  // Camera-ready only: the paper shows its authors, and at a venue ACM
  // publishes page 1 carries the venue's rights block.
  bool authors_shown = true;
  bool acm_rights = true;
};

// The copyright and license choices of ACM's rights form, by the names
// acmart's \setcopyright takes (cc: a Creative Commons license, \setcctype).
const std::vector<std::string>& acm_rights_types();

// The venue's publication record at ACM, as the rights form, acmart's
// \acmConference/\acmISBN/\acmBooktitle and the Digital Library print it.
struct AcmRecord {
  std::string proceedings_title;  // "Proceedings of the ..." (\acmBooktitle, the cover, BibTeX booktitle)
  std::string conference;         // full name, \acmConference{name}{}{}
  std::string short_name;         // as printed: "SC Workshops '25" (\acmConference[short])
  std::string dates;              // as printed: "November 16–21, 2025"
  std::string location;           // as printed: "St. Louis, MO, USA"
  int year = 0;                   // copyright and publication year (\copyrightyear, \acmYear)
  int month = 0;                  // publication month 1-12 (\acmMonth, BibTeX month); 0 unknown
  std::string isbn;               // "979-8-4007-1234-5"; empty until ACM assigns it
  std::string doi;                // the volume's DOI, e.g. 10.1145/3731599; empty until assigned
  std::string publisher = "Association for Computing Machinery";
  std::string address = "New York, NY, USA";
  std::string series;             // BibTeX series; empty: the short name
  std::string event_id;           // the proceeding ID ACM gives the chairs for its rights forms; empty until then
  std::string paper_type = "Full Paper";  // ACM's paper type of a paper whose `type` is empty
};

struct Paper {
  std::string id;
  std::string title;
  std::vector<Person> authors;
  std::string source;  // folder of the LaTeX source, relative to manuscripts/<workshop id>/
  std::string arxiv;   // arXiv identifier (e.g. 2501.01234), for events that publish there
  std::string doi;     // e.g. 10.1145/3731599.3767342, once the publisher has assigned it
  std::string abstract;
  std::string rights;      // the type chosen on ACM's rights form: one of acm_rights_types()
  std::string submission;  // the paper's number in the submission system ("hotcrp:17"), set by import
  std::string type = {};   // ACM's paper type: Full Paper, Short Paper, Poster, ...; empty: the venue's acm.paper_type
  bool operator==(const Paper&) const = default;
};

// Minutes after local midnight; `text` is the time as the record spells it.
struct ClockTime {
  int minutes = 0;
  std::string text;
  bool operator==(const ClockTime&) const = default;
};

struct Talk {
  std::string title;
  std::string kind;  // keynote, invited, paper, remarks, discussion
  std::vector<Person> speakers;
  std::string paper_id;  // set for a talk that presents an accepted paper
  std::optional<ClockTime> start;
  std::optional<ClockTime> end;
  std::string abstract;
  std::string slug;  // its page on the event's site, /talks/<slug>; empty: made from the title
  bool operator==(const Talk&) const = default;
};

// Where a record was read, for findings that point there: the file and the
// 1-based line (0 when made in memory). Not part of what the record says: two
// records that say the same are equal wherever they were read.
struct SourcePlace {
  std::string file;
  int line = 0;
  std::string text() const { return line ? file + ":" + std::to_string(line) : file; }
  bool operator==(const SourcePlace&) const { return true; }
};

struct Session {
  std::string id;
  std::string title;
  std::string kind;  // opening, talks, papers, break, discussion, closing
  ClockTime start;
  std::optional<ClockTime> end;
  std::vector<std::string> chairs;
  std::vector<Talk> talks;
  std::string room;  // overrides the program's room for this session (and a day's room, read into it)
  // Program-check codes (TIME_BACKWARDS, OUTSIDE_DAY, ...) the chair has
  // confirmed for this session: the times are as intended, publish them.
  std::vector<std::string> confirmed;
  std::string date;   // YYYY-MM-DD from program.days; empty: the venue's date (the one-day form)
  std::string venue;  // in a volume's program, the acronym of the workshop it belongs to; empty in a venue's own
  SourcePlace read_at;
  bool operator==(const Session&) const = default;
};

struct Workshop {
  std::filesystem::path folder;  // where workshop.yaml was read
  std::string id;
  std::string acronym;
  std::string name;
  std::string kind;  // workshop or symposium
  std::string host;
  std::string location;
  std::string date;      // YYYY-MM-DD
  std::string timezone;  // IANA name, e.g. America/Chicago
  std::string website;
  std::string publication;
  std::vector<Person> organizers;
  // Who speaks for the venue to its authors (`contact: {name, email}`): notify's From and Reply-To.
  std::optional<Person> contact;
  std::vector<Committee> committees;
  std::vector<ImportantDate> dates;
  std::optional<SubmissionRules> submission;
  // The camera-ready stage's rules: the submission's (or the defaults) with
  // the `camera_ready:` block on top; nullopt when workshop.yaml has no such block.
  std::optional<SubmissionRules> camera_ready;
  std::optional<AcmRecord> acm;  // set when the papers are published by ACM
  std::string room;         // the venue room of the program; empty when not announced
  int default_length = 10;  // minutes given to a session the program publishes without an end
  std::string ics_domain;   // right-hand side of calendar UIDs; empty: UUIDs
  std::vector<Session> sessions;
  std::vector<Paper> papers;
  // The chairs' Markdown (message, report notes) may hold raw LaTeX and TeX
  // math only when the venue says so: such a note can \input any file.
  bool markdown_raw_tex = false;
};

// Reads DIR/workshop.yaml and, when present, DIR/papers.yaml. Any mistake is
// a usage Error naming file, line and field.
Workshop load_workshop(const std::filesystem::path& folder);

// True for a date YYYY-MM-DD that the Gregorian calendar has (no 2025-02-30).
bool is_calendar_date(const std::string& iso);

// The venue's name without the acronym it starts with ("SuperCompute-Green'26:
// The 2nd Workshop ..." -> "The 2nd Workshop ..."), for where the acronym is
// printed beside it; the name itself when it does not start with the acronym.
std::string name_after_acronym(const Workshop& w);

// "ACRONYM: Name" as titles print the venue, the acronym once even when the
// name starts with it.
std::string venue_title(const Workshop& w);

// Seconds since 1970 for pinning the dates a typeset PDF carries: the
// SOURCE_DATE_EPOCH of the environment when set, else the workshop's date at
// 00:00 UTC, so that the same inputs give the same bytes.
std::string source_date_epoch(const Workshop& workshop);

// The SOURCE_DATE_EPOCH a reproducible build sets (seconds since 1970, as
// `date +%s` prints them), or nullopt when it is unset or empty; a usage
// Error naming the variable when it is anything but 1 to 18 digits. The one
// reader of the variable, so that the book, the bundle and the booklet agree.
std::optional<std::int64_t> source_date_epoch_from_environment();

// Parses "09:10", "9:10", "9am", "9:10 AM", "12:30pm"; nullopt when it is none of these.
std::optional<ClockTime> parse_clock_time(const std::string& text);

// The family name in a "Given Family" name, compound ones whole: "Rafael
// Ferreira da Silva" -> "Ferreira da Silva", "Ludwig van Beethoven" -> "van
// Beethoven", "Pedro Valero-Lara" -> "Valero-Lara".
std::string family_name(const std::string& full_name);

// The key names sort by in an index: the family name without its leading
// particles ("Beethoven" for "van Beethoven"), then the full name.
std::string family_sort_key(const std::string& full_name);

// The same for a person, whose explicit `family:` wins over the guess.
std::string family_name(const Person& person);
// The person's given name(s): `given`, else the name without its family name
// at either end ("Li Wei" with family "Li" -> "Wei").
std::string given_name(const Person& person);
std::string family_sort_key(const Person& person);

// "Ferreira da Silva, Rafael" as an author index prints a person.
std::string index_name(const Person& person);

}  // namespace proceedings

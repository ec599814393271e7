#include "init/scaffold.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "proceedings/model.hpp"
#include "proceedings/papers_yaml.hpp"

namespace proceedings::init {

namespace {

std::string scalar(const std::string& text) {
  YAML::Emitter e;
  e << (text.find_first_of("'\"#:,[]{}") == std::string::npos ? YAML::Auto : YAML::DoubleQuoted) << text;
  return e.c_str();
}

// Lines of YAML, each with the comment that explains it, written with the
// comments lined up; a line without its value is written commented out.
class Block {
 public:
  Block& field(const std::string& line, const std::string& comment) {
    lines_.push_back({line, comment});
    return *this;
  }
  // The field as an example for the chair to fill in: the loader does not see it.
  Block& example(const std::string& line, const std::string& comment) { return field("# " + line, comment); }
  std::string text() const {
    std::size_t column = 0;
    for (const auto& [line, comment] : lines_)
      if (!comment.empty() && line.size() <= 48) column = std::max(column, line.size());
    std::string out;
    for (const auto& [line, comment] : lines_) {
      out += line;
      if (!comment.empty()) out += std::string(line.size() < column ? column - line.size() : 0, ' ') + "  # " + comment;
      out += "\n";
    }
    return out;
  }

 private:
  std::vector<std::pair<std::string, std::string>> lines_;
};

// "id: VALUE" when the value is known, else the field as a commented-out example.
void text_field(Block& b, const std::string& key, const std::string& value, const std::string& example,
                const std::string& comment) {
  if (!value.empty()) b.field(key + ": " + scalar(value), comment);
  else b.example(key + ": " + scalar(example), comment);
}

std::string header(const NewVenue& v) {
  const Workshop& w = v.workshop;
  return "# " + w.acronym + ": the venue's record for `proceedings`, written by `proceedings init`\n"
         "# on " + v.written_on + " from " + v.origin + ". Edit it freely: every command reads it\n"
         "# (the schema is docs/metadata.md), and a misspelt field is an error naming its line.\n"
         "# A line starting with '#' is a comment; remove the '# ' before a field to use it.\n";
}

std::string event_block(const NewVenue& v) {
  const Workshop& w = v.workshop;
  Block b;
  b.field("id: " + scalar(w.id), "names the outputs (" + w.id + "-program.html, ...): letters, digits, - and _");
  b.field("acronym: " + scalar(w.acronym), "as the cover, the program and the e-mails to authors print it");
  b.field("name: " + scalar(w.name), "the full name");
  b.field("kind: " + w.kind, "workshop or symposium: how the book and the report speak of it");
  text_field(b, "host", w.host, "SC26", "the conference it is held with");
  text_field(b, "location", w.location, "St. Louis, Missouri, USA", "city, region, country");
  b.field("date: " + w.date, "the day it meets, YYYY-MM-DD");
  b.field("timezone: " + w.timezone, "IANA zone of the program's times (see /usr/share/zoneinfo)");
  text_field(b, "website", w.website, "https://example.org/workshop", "the workshop's own page");
  text_field(b, "publication", w.publication, "Proceedings of ...", "where the papers appear, as the book's cover says");
  b.example("markdown_raw_tex: false", "true lets message.md hold raw LaTeX (it could \\input any file)");
  return b.text();
}

std::string people_block(const std::string& key, const std::vector<Person>& people, const std::string& example) {
  if (people.empty()) return "# " + key + ":\n#   - " + example + "\n";
  std::string out = key + ":\n";
  for (const auto& p : people) out += "  - " + person_yaml(p) + "\n";
  return out;
}

std::string organizers_block(const Workshop& w) {
  return "\n# The chairs, listed in the book's front matter and on the program. A person\n"
         "# is a name or {name, affiliation, email}; at least one is required.\n" +
         people_block("organizers", w.organizers, "{name: Ada Lovelace, affiliation: Example University, email: ada@example.org}");
}

std::string contact_block(const NewVenue& v) {
  std::string out = "\n# Who the notices to authors come from and whom they answer (`proceedings notify`'s\n"
                    "# From and Reply-To): {name, email}.\n";
  if (!v.contact) return out + "# contact: {name: \"Workshop chairs\", email: chairs@example.org}\n";
  return out + "contact: {name: " + scalar(v.contact->name) + ", email: " + scalar(v.contact->email()) +
         "}  # notify's From and Reply-To\n";
}

std::string committees_block(const Workshop& w) {
  std::string out = "\n# Committees, listed in the book's front matter: each {name, members: [person, ...]}.\n";
  if (w.committees.empty())
    return out + "# committees:\n#   - name: Technical Program Committee\n#     members: [Grace Hopper, Alan Turing]\n";
  out += "committees:\n";
  for (const auto& c : w.committees) {
    out += "  - name: " + scalar(c.name) + "\n    members:\n";
    for (const auto& p : c.members) out += "      - " + person_yaml(p) + "\n";
  }
  return out;
}

std::string dates_block(const Workshop& w) {
  std::string out = "\n# Important dates, shown on the program page: each {what, date: YYYY-MM-DD, note}.\n";
  if (w.dates.empty()) return out + "# dates:\n#   - {what: Submission deadline, date: 2026-08-01, note: \"11:59pm AoE\"}\n";
  out += "dates:\n";
  for (const auto& d : w.dates)
    out += "  - {what: " + scalar(d.what) + ", date: " + d.date + (d.note.empty() ? "" : ", note: " + scalar(d.note)) + "}\n";
  return out;
}

std::string pages_text(const SubmissionRules& r) {
  std::string out = "{";
  if (r.min_pages) out += "min: " + std::to_string(r.min_pages) + ", ";
  out += "max: " + std::to_string(r.max_pages);
  if (r.bibliography_excluded) out += ", excluding: bibliography";
  return out + "}";
}

void rules_fields(Block& b, const SubmissionRules& r) {
  b.field("  template: " + r.template_name, "acmart-sigconf, acmart or any");
  b.field("  paper: " + r.paper, "letter or a4");
  b.field("  columns: " + std::to_string(r.columns), "1 to 4");
  if (r.max_pages) b.field("  pages: " + pages_text(r), "body pages; excluding: bibliography leaves the references out");
  else b.example("  pages: {min: 5, max: 6, excluding: bibliography}", "body pages; no limit while commented out");
  if (r.word_interim) b.field("  word_interim: true", "Word authors may use ACM's Interim Layout");
}

std::string stages_block(const NewVenue& v) {
  std::string out =
      "\n# The rules each stage's uploads are checked against (`proceedings check --stage\n"
      "# submission|camera-ready`; camera-ready is the default): at submission the paper\n"
      "# hides its authors when the review is double-blind and may carry acmart's\n"
      "# placeholders; at camera-ready it shows its authors and ACM's rights block.\n";
  Block s;
  if (v.submission) {
    s.field("submission:", "");
    rules_fields(s, *v.submission);
    s.field(std::string("  review: ") + (v.submission->review == Review::double_blind ? "double-blind" : "single-blind"),
            "single-blind or double-blind: whether submissions hide their authors");
  } else {
    s.example("submission:", "");
    s.example("  template: acmart-sigconf", "acmart-sigconf, acmart or any");
    s.example("  pages: {max: 6, excluding: bibliography}", "body pages");
    s.example("  review: double-blind", "single-blind or double-blind");
  }
  Block c;
  if (v.camera_ready) {
    c.field("camera_ready:", "the submission's format, authors shown, ACM's rights block");
    if (v.camera_ready->max_pages) c.field("  pages: " + pages_text(*v.camera_ready), "write max: 7 where the venue grants an extra page");
  } else {
    c.example("camera_ready:", "");
    c.example("  template: acmart-sigconf", "acmart-sigconf, acmart or any");
    c.example("  pages: {max: 7, excluding: bibliography}", "where the venue grants an extra page");
  }
  return out + s.text() + c.text();
}

std::string acm_block(const NewVenue& v) {
  std::string out =
      "\n# The volume's record at ACM, exactly as every paper's page 1 must print it\n"
      "# (\\acmConference[short]{conference}{dates}{location}, \\acmBooktitle): `check`\n"
      "# compares each camera-ready paper with it, `export acm-csv` and the book use it.\n"
      "# The ISBN, the volume's DOI and the event ID come in ACM's e-mail to the chairs.\n";
  if (!v.workshop.acm) return out + "# acm:\n#   proceedings_title: \"Proceedings of ...\"\n";
  const AcmRecord& a = *v.workshop.acm;
  if (!v.acm_complete)
    out += "# Commented out until the host's dates and place are known as ACM prints them\n"
           "# (init does not guess them): fill in `dates` and `location` from the host's\n"
           "# announcement, then remove the '# ' before each line.\n";
  Block b;
  auto line = [&](const std::string& text, const std::string& comment) {
    if (v.acm_complete) b.field(text, comment);
    else b.example(text, comment);
  };
  line("acm:", "");
  line("  proceedings_title: " + scalar(a.proceedings_title), "\\acmBooktitle, the book's cover");
  line("  conference: " + scalar(a.conference), "\\acmConference{name}");
  line("  short_name: " + scalar(a.short_name), "\\acmConference[short]");
  line("  dates: " + scalar(a.dates.empty() ? "DATES" : a.dates), "as printed, with an en dash: November 16–21, 2025");
  line("  location: " + scalar(a.location.empty() ? "PLACE" : a.location), "as printed: St. Louis, MO, USA");
  line("  year: " + std::to_string(a.year), "copyright and publication year");
  line("  month: " + std::to_string(a.month), "publication month, 1 to 12");
  line("  isbn: \"\"", "ISBN-13 from ACM, e.g. 979-8-4007-1234-0");
  line("  doi: \"\"", "the volume's DOI from ACM, e.g. 10.1145/3731599");
  line("  event_id: \"\"", "the proceeding ID ACM gives for the rights forms");
  return out + b.text();
}

std::string program_block() {
  return "\n# The program: `proceedings import web --venue . --write PAGE` reads it from the\n"
         "# event's page; `proceedings booklet` publishes it. Times are in `timezone`.\n"
         "program:\n"
         "  # room: Room 123                # the room, for calendars and frab XML\n"
         "  sessions: []                    # each {id, title, kind, start, end, chairs, talks}\n";
}

// "November 16, 2025" for 2025-11-16.
std::string long_date(const std::string& iso) {
  static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
  const int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
  return std::string(months[month - 1]) + " " + std::to_string(day) + ", " + iso.substr(0, 4);
}

}  // namespace

std::string workshop_yaml_text(const NewVenue& v) {
  return header(v) + "\n" + event_block(v) + organizers_block(v.workshop) + contact_block(v) + committees_block(v.workshop) +
         dates_block(v.workshop) + stages_block(v) + acm_block(v) + program_block();
}

std::string papers_yaml_text(const NewVenue& v) {
  return "# " + v.workshop.acronym + "'s accepted papers. `proceedings import --venue . --write EXPORT`\n"
         "# fills this list from the submission system's export (HotCRP JSON, EasyChair\n"
         "# XML or CSV) and keeps what you edit here on the next import. Each paper:\n"
         "#   - id: wages                       # unique; camera-ready uploads become papers/<id>.pdf\n"
         "#     title: \"WAGES: ...\"\n"
         "#     authors: [{name: Tianyu Wang, email: tw@example.org, contact: true}, ...]\n"
         "#     submission: hotcrp:12           # its number in the submission system\n"
         "#     rights: acmlicensed             # what the authors chose on ACM's rights form\n"
         "#     doi: 10.1145/...                # once ACM assigns it\n"
         "papers: []\n";
}

std::string message_md_text(const NewVenue& v) {
  const Workshop& w = v.workshop;
  std::string chairs;
  for (std::size_t i = 0; i < w.organizers.size(); ++i)
    chairs += (i == 0 ? "" : i + 1 == w.organizers.size() ? " and " : ", ") + w.organizers[i].name;
  return "Welcome to the proceedings of **" + w.acronym + "**, " + name_after_acronym(w) +
         (w.host.empty() ? "" : ", held with " + w.host) + (w.location.empty() ? "" : " in " + w.location) + " on " +
         long_date(w.date) + ".\n\n"
         "*This message from the chairs opens the book (`proceedings build` typesets it\n"
         "from Markdown); replace this draft with your own words.*\n\n"
         "We thank the authors, the reviewers and the organizers of " + (w.host.empty() ? "the conference" : w.host) + ".\n\n"
         "--- " + chairs + "\n";
}

}  // namespace proceedings::init

#include "proceedings/model.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <cctype>
#include <cstdlib>
#include <initializer_list>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/suggest.hpp"
#include "proceedings/text.hpp"
#include "proceedings/timezone.hpp"
#include "proceedings/yaml_input.hpp"
#include "model/volume_file.hpp"

namespace proceedings {

namespace {

// A YAML mapping being read, with the file and field path kept for messages.
class Fields {
 public:
  Fields(YAML::Node node, std::string file, std::string path)
      : node_(std::move(node)), file_(std::move(file)), path_(std::move(path)) {
    if (!node_.IsMap()) fail("must be a mapping of fields");
  }

  [[noreturn]] void fail(const std::string& what) const { fail_at(node_, path_, what); }

  [[noreturn]] void fail_at(const YAML::Node& node, const std::string& field,
                            const std::string& what) const {
    const auto mark = node.Mark();
    std::string where = file_;
    if (mark.line >= 0) where += ":" + std::to_string(mark.line + 1);
    throw usage_error(where, (field.empty() ? std::string("document") : "field '" + field + "'") + " " + what);
  }

  [[noreturn]] void fail_field(const std::string& key, const std::string& what) const {
    fail_at(node_[key], child(key), what);
  }

  // Every key must be one of `known`: a misspelt field is an error, not a silent default.
  void only(std::initializer_list<const char*> known) const {
    for (const auto& item : node_) {
      // "? [a, b]: c" makes a list a key; as<std::string> would throw a YAML exception.
      if (!item.first.IsScalar()) fail_at(item.first, path_, "has a key that is not text");
      const auto key = item.first.as<std::string>();
      if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; }))
        fail_at(item.first, child(key),
                "is not a known field" + did_you_mean(key, std::vector<std::string>(known.begin(), known.end())));
    }
  }

  bool has(const std::string& key) const { return static_cast<bool>(node_[key]); }

  std::string text(const std::string& key, bool required = false) const {
    const YAML::Node value = node_[key];
    if (!value) {
      if (required) fail("needs '" + key + "'");
      return {};
    }
    if (!value.IsScalar()) fail_at(value, child(key), "must be text");
    auto out = value.as<std::string>();
    if (required && out.empty()) fail_at(value, child(key), "must not be empty");
    return out;
  }

  int integer(const std::string& key, int fallback) const {
    const YAML::Node value = node_[key];
    if (!value) return fallback;
    try {
      return value.as<int>();
    } catch (const YAML::Exception&) {
      fail_at(value, child(key), "must be a whole number");
    }
  }

  bool boolean(const std::string& key, bool fallback) const {
    const std::string value = text(key);
    if (value.empty()) return fallback;
    if (value != "true" && value != "false") fail_field(key, "must be true or false");
    return value == "true";
  }

  double number(const std::string& key, double fallback) const {
    const YAML::Node value = node_[key];
    if (!value) return fallback;
    try {
      return value.as<double>();
    } catch (const YAML::Exception&) {
      fail_at(value, child(key), "must be a number");
    }
  }

  Fields map(const std::string& key) const { return Fields(node_[key], file_, child(key)); }

  // Calls `each` with every element of the list at `key` (absent: no call).
  template <typename Each>
  void list(const std::string& key, Each each) const {
    const YAML::Node value = node_[key];
    if (!value) return;
    if (!value.IsSequence()) fail_at(value, child(key), "must be a list");
    for (std::size_t i = 0; i < value.size(); ++i)
      each(value[i], child(key) + "[" + std::to_string(i) + "]");
  }

  Fields at(const YAML::Node& node, const std::string& path) const { return Fields(node, file_, path); }
  const std::string& file() const { return file_; }
  const YAML::Node& node() const { return node_; }

 private:
  std::string child(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  YAML::Node node_;
  std::string file_;
  std::string path_;
};

YAML::Node parse_yaml(const std::filesystem::path& file) {
  const std::string bytes = read_file(file);
  require_utf8(bytes, file.string());  // what is read here reaches HTML, ICS and XML
  return load_yaml(bytes, file.string(), {"abstract"});
}

// One string (the older form, kept whole as the institution) or a mapping of
// acmart's fields; `department` is one string or a list of them.
Affiliation read_affiliation(const Fields& parent, const YAML::Node& node, const std::string& path) {
  if (node.IsScalar()) {
    Affiliation whole;
    whole.institution = node.as<std::string>();
    return whole;
  }
  const Fields f = parent.at(node, path);
  if (!node.IsMap()) f.fail("must be text or a mapping of institution, department, city, ...");
  f.only({"position", "department", "institution", "street", "city", "state", "postcode", "country"});
  Affiliation a{f.text("position"), {}, f.text("institution"), f.text("street"), f.text("city"),
                f.text("state"), f.text("postcode"), f.text("country")};
  if (f.has("department") && node["department"].IsSequence())
    f.list("department", [&](const YAML::Node& n, const std::string& at) {
      if (!n.IsScalar()) f.at(n, at).fail("must be text");
      a.departments.push_back(n.as<std::string>());
    });
  else if (const std::string d = f.text("department"); !d.empty())
    a.departments.push_back(d);
  if (a.institution.empty()) f.fail("needs 'institution'");
  return a;
}

std::vector<Affiliation> read_affiliations(const Fields& f, const std::string& key) {
  std::vector<Affiliation> out;
  f.list(key, [&](const YAML::Node& n, const std::string& path) { out.push_back(read_affiliation(f, n, path)); });
  return out;
}

// "Li" in "Li Wei" or "Wei" in "Li Wei", but not "L" or "Wei" in "Li Weiss".
bool whole_words_at_an_end(const std::string& name, const std::string& part) {
  if (part.size() > name.size()) return false;
  if (part.size() == name.size()) return part == name;
  return (name.starts_with(part) && name[part.size()] == ' ') ||
         (name.ends_with(part) && name[name.size() - part.size() - 1] == ' ');
}

// A person is a mapping, or just a name where nothing else is known.
Person read_person(const Fields& parent, const YAML::Node& node, const std::string& path) {
  if (node.IsScalar()) return Person{node.as<std::string>(), {}, {}, {}, {}, {}};
  const Fields f = parent.at(node, path);
  f.only({"name", "family", "given", "middle", "affiliation", "affiliations", "additional", "email", "emails", "orcid", "contact"});
  Person p{f.text("name", true), read_affiliations(f, "affiliations"), read_affiliations(f, "additional"), {},
           f.text("orcid"), f.text("family")};
  p.given = f.text("given");
  // A family name may come first ("Li Wei", family: Li), so either end of the name will do.
  for (const auto& [key, part] : {std::pair{"family", &p.family}, std::pair{"given", &p.given}})
    if (!part->empty() && !whole_words_at_an_end(p.name, *part))
      f.fail_field(key, "'" + *part + "' is neither the start nor the end of the name '" + p.name + "'");
  p.middle = f.text("middle");
  if (const std::string given = given_name(p); !p.middle.empty() && !given.ends_with(" " + p.middle))
    f.fail_field("middle", "'" + p.middle + "' is not the end of the given names '" + given + "'");
  if (f.has("affiliation")) p.affiliations.insert(p.affiliations.begin(), read_affiliation(f, node["affiliation"], path + ".affiliation"));
  if (const std::string e = f.text("email"); !e.empty()) p.emails.push_back(e);
  f.list("emails", [&](const YAML::Node& n, const std::string& at) {
    if (!n.IsScalar()) f.at(n, at).fail("must be text");
    p.emails.push_back(n.as<std::string>());
  });
  p.contact = f.boolean("contact", false);
  static const Regex orcid(R"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])");
  if (!p.orcid.empty() && !regex_match(p.orcid, orcid))
    f.fail_field("orcid", "'" + p.orcid + "' is not of the form 0000-0000-0000-0000");
  return p;
}

// The venue's contact: a name and one email, both required.
Person read_contact(const Fields& f) {
  f.only({"name", "email"});
  Person p{f.text("name", true), {}, {}, {}, {}, {}};
  p.emails.push_back(f.text("email", true));
  return p;
}

std::vector<Person> read_people(const Fields& f, const std::string& key) {
  std::vector<Person> people;
  f.list(key, [&](const YAML::Node& n, const std::string& path) { people.push_back(read_person(f, n, path)); });
  return people;
}

void require_date(const Fields& f, const std::string& key, const std::string& value) {
  if (value.empty() || is_calendar_date(value)) return;
  static const Regex iso(R"(\d{4}-\d{2}-\d{2})");
  if (!regex_match(value, iso)) f.fail_field(key, "must be a date YYYY-MM-DD, not '" + value + "'");
  f.fail_field(key, "is " + value + ", a day the calendar does not have");
}

// An id that becomes a file or folder name (OUT/<id>-program.html,
// bundle/papers/<id>.pdf) must not be able to name another folder.
std::string file_name_id(const Fields& f, const std::string& key, bool required) {
  const std::string id = f.text(key, required);
  if (!id.empty() && !is_file_name_id(id))
    f.fail_field(key, "'" + id + "' must be 1 to 100 letters, digits, '-' and '_', starting with a "
                                          "letter or digit (it becomes a file name)");
  return id;
}

ClockTime read_time(const Fields& f, const std::string& key) {
  const std::string text = f.text(key, true);
  auto parsed = parse_clock_time(text);
  if (!parsed) f.fail_field(key, "is not a time like 09:10 or 9:10 AM: '" + text + "'");
  return *parsed;
}

std::optional<ClockTime> read_optional_time(const Fields& f, const std::string& key) {
  if (!f.has(key)) return std::nullopt;
  return read_time(f, key);
}

// The format fields both stages share, on top of `rules`.
void read_format(const Fields& f, SubmissionRules& rules) {
  rules.template_name = f.has("template") ? f.text("template") : rules.template_name;
  if (rules.template_name != "acmart-sigconf" && rules.template_name != "acmart" && rules.template_name != "any")
    f.fail_field("template", "must be acmart-sigconf, acmart or any");
  rules.paper = f.has("paper") ? f.text("paper") : rules.paper;
  if (rules.paper != "letter" && rules.paper != "a4") f.fail_field("paper", "must be letter or a4");
  rules.columns = f.integer("columns", rules.columns);
  if (rules.columns < 1 || rules.columns > 4) f.fail_field("columns", "must be 1 to 4");
  if (f.has("pages")) {
    const Fields pages = f.map("pages");
    pages.only({"min", "max", "excluding"});
    rules.min_pages = pages.integer("min", 0);
    rules.max_pages = pages.integer("max", 0);
    const std::string excluding = pages.text("excluding");
    if (!excluding.empty() && excluding != "bibliography") pages.fail("excluding may only be 'bibliography'");
    rules.bibliography_excluded = excluding == "bibliography";
    if (rules.min_pages < 0 || rules.max_pages < 0 || (rules.max_pages && rules.min_pages > rules.max_pages))
      pages.fail("needs 0 <= min <= max");
  }
  rules.min_font_pt = f.number("font_min_pt", rules.min_font_pt);
  rules.word_interim = f.boolean("word_interim", rules.word_interim);
}

SubmissionRules read_rules(const Fields& f) {
  f.only({"template", "paper", "columns", "pages", "review", "font_min_pt", "word_interim", "placeholders"});
  SubmissionRules rules;
  read_format(f, rules);
  const std::string review = f.has("review") ? f.text("review") : "single-blind";
  if (review != "single-blind" && review != "double-blind") f.fail_field("review", "must be single-blind or double-blind");
  rules.review = review == "double-blind" ? Review::double_blind : Review::single_blind;
  rules.placeholders_allowed = f.boolean("placeholders", true);
  return rules;
}

// The camera-ready block on top of the submission's rules: `review` is the
// submission's alone, so it is refused here rather than silently ignored.
SubmissionRules read_camera_ready(const Fields& f, const SubmissionRules& submission) {
  if (f.has("review"))
    f.fail_field("review", "belongs under 'submission:' (the camera-ready version always shows its authors; "
                           "see authors_shown)");
  f.only({"template", "paper", "columns", "pages", "font_min_pt", "word_interim", "authors_shown", "acm_rights"});
  SubmissionRules rules = submission;
  if (f.has("pages")) rules.min_pages = 0, rules.max_pages = 0;  // its own limit replaces the submission's whole
  read_format(f, rules);
  rules.authors_shown = f.boolean("authors_shown", true);
  rules.acm_rights = f.boolean("acm_rights", true);
  return rules;
}

// ISBN-13 as ACM prints it: 978 or 979, 13 digits with hyphens, the last a check digit.
bool is_isbn13(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    else if (c != '-') return false;
  }
  if (digits.size() != 13 || (digits.rfind("978", 0) != 0 && digits.rfind("979", 0) != 0)) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) sum += (digits[i] - '0') * (i % 2 ? 3 : 1);
  return (10 - sum % 10) % 10 == digits[12] - '0';
}

const Regex& doi_form() {
  static const Regex doi(R"(10\.\d{4,9}/\S+)");
  return doi;
}

AcmRecord read_acm(const Fields& f) {
  f.only({"proceedings_title", "conference", "short_name", "dates", "location", "year", "month", "isbn", "doi",
          "publisher", "address", "series", "event_id", "paper_type"});
  AcmRecord acm;
  acm.proceedings_title = f.text("proceedings_title", true);
  acm.conference = f.text("conference", true);
  acm.short_name = f.text("short_name", true);
  acm.dates = f.text("dates", true);
  acm.location = f.text("location", true);
  acm.year = f.integer("year", 0);
  if (acm.year < 1947 || acm.year > 2100) f.fail_field("year", "must be the publication year, e.g. 2025");
  acm.month = f.integer("month", 0);
  if (acm.month < 0 || acm.month > 12) f.fail_field("month", "must be 1 to 12");
  acm.isbn = f.text("isbn");
  if (!acm.isbn.empty() && !is_isbn13(acm.isbn))
    f.fail_field("isbn", "'" + acm.isbn + "' is not an ISBN-13 (978 or 979, 13 digits, right check digit)");
  acm.doi = f.text("doi");
  if (!acm.doi.empty() && !regex_match(acm.doi, doi_form()))
    f.fail_field("doi", "'" + acm.doi + "' is not of the form 10.NNNN/suffix");
  if (f.has("publisher")) acm.publisher = f.text("publisher", true);
  if (f.has("address")) acm.address = f.text("address", true);
  acm.series = f.text("series");
  acm.event_id = f.text("event_id");
  if (f.has("paper_type")) acm.paper_type = f.text("paper_type", true);
  return acm;
}

Talk read_talk(const Fields& f) {
  f.only({"title", "kind", "speakers", "paper", "start", "end", "abstract", "slug"});
  Talk t;
  t.title = f.text("title", true);
  t.kind = f.has("kind") ? f.text("kind") : "talk";
  t.speakers = read_people(f, "speakers");
  t.paper_id = f.text("paper");
  t.start = read_optional_time(f, "start");
  t.end = read_optional_time(f, "end");
  t.abstract = f.text("abstract");
  t.slug = file_name_id(f, "slug", false);
  return t;
}

// `date` and `room`: the day's, in the program.days form ("" in the one-day form).
Session read_session(const Fields& f, std::size_t index, const std::string& date, const std::string& room) {
  f.only({"id", "title", "kind", "start", "end", "chairs", "talks", "room", "confirmed"});
  Session s;
  s.id = f.has("id") ? file_name_id(f, "id", true) : "s" + std::to_string(index + 1);
  s.title = f.text("title", true);
  s.kind = f.has("kind") ? f.text("kind") : "talks";
  static const std::vector<std::string> kinds{"opening", "talks", "papers", "break", "discussion", "closing"};
  if (std::find(kinds.begin(), kinds.end(), s.kind) == kinds.end())
    f.fail_field("kind", "must be one of opening, talks, papers, break, discussion, closing");
  s.start = read_time(f, "start");
  s.end = read_optional_time(f, "end");
  f.list("chairs", [&](const YAML::Node& n, const std::string& path) {
    s.chairs.push_back(read_person(f, n, path).name);
  });
  f.list("talks", [&](const YAML::Node& n, const std::string& path) { s.talks.push_back(read_talk(f.at(n, path))); });
  s.room = f.has("room") ? f.text("room") : room;
  s.date = date;
  s.read_at = {f.file(), f.node().Mark().line + 1};
  static const Regex code("[A-Z][A-Z_]*");
  f.list("confirmed", [&](const YAML::Node& n, const std::string& path) {
    if (!n.IsScalar() || !regex_match(n.as<std::string>(), code))
      f.fail_at(n, path, "must be a program check's code, like TIME_BACKWARDS");
    s.confirmed.push_back(n.as<std::string>());
  });
  return s;
}

// program.sessions of one day (`date` and `room` ""), or of one of program.days.
void read_sessions(const Fields& f, Workshop& w, const std::string& date, const std::string& room) {
  f.list("sessions", [&](const YAML::Node& n, const std::string& path) {
    const Fields session = f.at(n, path);
    w.sessions.push_back(read_session(session, w.sessions.size(), date, room));
    for (std::size_t i = 0; i + 1 < w.sessions.size(); ++i)
      if (w.sessions[i].id == w.sessions.back().id)
        session.fail("id '" + w.sessions.back().id + "' is used by session " + std::to_string(i + 1) + " too");
  });
}

// program.days: a date, the day's room, its sessions (docs/program.md).
void read_days(const Fields& f, Workshop& w) {
  std::vector<std::string> dates;
  f.list("days", [&](const YAML::Node& n, const std::string& path) {
    const Fields day = f.at(n, path);
    day.only({"date", "room", "sessions"});
    const std::string date = day.text("date", true);
    require_date(day, "date", date);
    if (std::find(dates.begin(), dates.end(), date) != dates.end()) day.fail_field("date", "is " + date + ", a day listed above too");
    dates.push_back(date);
    if (!day.has("sessions")) day.fail("needs 'sessions'");
    read_sessions(day, w, date, day.text("room"));
  });
}

void read_program(const Fields& f, Workshop& w) {
  f.only({"room", "default_length", "ics_domain", "sessions", "days"});
  if (f.has("sessions") && f.has("days")) f.fail("has either 'sessions' (one day) or 'days', not both");
  w.room = f.text("room");
  w.default_length = f.integer("default_length", w.default_length);
  if (w.default_length < 1 || w.default_length > 240) f.fail_field("default_length", "must be 1 to 240 minutes");
  w.ics_domain = f.text("ics_domain");
  static const Regex domain(R"([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+)");
  if (!w.ics_domain.empty() && !regex_match(w.ics_domain, domain))
    f.fail_field("ics_domain", "'" + w.ics_domain + "' is not a domain name like example.org");
  read_sessions(f, w, "", "");
  read_days(f, w);
}

std::vector<Committee> read_committees(const Fields& f) {
  std::vector<Committee> committees;
  f.list("committees", [&](const YAML::Node& n, const std::string& path) {
    const Fields c = f.at(n, path);
    c.only({"name", "members"});
    committees.push_back(Committee{c.text("name", true), read_people(c, "members")});
  });
  return committees;
}

void read_workshop_file(const Fields& f, Workshop& w) {
  f.only({"id", "acronym", "name", "kind", "host", "location", "date", "timezone", "website", "publication",
          "organizers", "committees", "dates", "submission", "camera_ready", "program", "markdown_raw_tex", "acm",
          "contact"});
  w.id = file_name_id(f, "id", true);
  w.acronym = f.text("acronym", true);
  w.name = f.text("name", true);
  w.kind = f.text("kind", true);
  if (w.kind != "workshop" && w.kind != "symposium") f.fail_field("kind", "must be workshop or symposium");
  w.host = f.text("host");
  w.location = f.text("location");
  w.date = f.text("date", true);
  require_date(f, "date", w.date);
  w.timezone = f.text("timezone", true);
  if (!TimeZone::known(w.timezone))
    f.fail_field("timezone", "'" + w.timezone + "' is not an IANA time zone this system knows (see /usr/share/zoneinfo)");
  w.website = f.text("website");
  w.publication = f.text("publication");
  w.organizers = read_people(f, "organizers");
  if (f.has("contact")) w.contact = read_contact(f.map("contact"));
  if (w.organizers.empty()) f.fail("needs at least one entry in 'organizers'");
  w.committees = read_committees(f);
  f.list("dates", [&](const YAML::Node& n, const std::string& path) {
    const Fields d = f.at(n, path);
    d.only({"what", "date", "note"});
    ImportantDate date{d.text("what", true), d.text("date", true), d.text("note")};
    require_date(d, "date", date.date);
    w.dates.push_back(date);
  });
  w.markdown_raw_tex = f.boolean("markdown_raw_tex", false);
  if (f.has("submission")) w.submission = read_rules(f.map("submission"));
  if (f.has("camera_ready")) w.camera_ready = read_camera_ready(f.map("camera_ready"), w.submission.value_or(SubmissionRules{}));
  if (f.has("program")) read_program(f.map("program"), w);
  if (f.has("acm")) w.acm = read_acm(f.map("acm"));
}

void read_papers_file(const Fields& f, Workshop& w) {
  f.only({"papers"});
  f.list("papers", [&](const YAML::Node& n, const std::string& path) {
    const Fields p = f.at(n, path);
    p.only({"id", "title", "authors", "source", "arxiv", "doi", "abstract", "rights", "submission", "type"});
    Paper paper{file_name_id(p, "id", true), p.text("title", true), read_people(p, "authors"), p.text("source"), p.text("arxiv"),
                p.text("doi"), p.text("abstract"), p.text("rights"), p.text("submission"), p.text("type")};
    if (!paper.doi.empty() && !regex_match(paper.doi, doi_form()))
      p.fail_field("doi", "'" + paper.doi + "' is not of the form 10.NNNN/suffix");
    const auto& types = acm_rights_types();
    if (!paper.rights.empty() && std::find(types.begin(), types.end(), paper.rights) == types.end()) {
      std::string known;
      for (const auto& t : types) known += (known.empty() ? "" : ", ") + t;
      p.fail_field("rights", "'" + paper.rights + "' is not a rights type of ACM's form (" + known + ")");
    }
    if (paper.doi.find("nnnnnnn") != std::string::npos || paper.doi.find("XXXXXXX") != std::string::npos)
      p.fail_field("doi", "'" + paper.doi + "' is acmart's placeholder, not a DOI ACM assigned");
    if (w.acm && !w.acm->doi.empty() && !paper.doi.empty() && paper.doi.rfind(w.acm->doi + ".", 0) != 0)
      p.fail_field("doi", "'" + paper.doi + "' is not in the volume " + w.acm->doi + " that workshop.yaml's acm.doi names");
    if (paper.authors.empty()) p.fail("needs at least one author");
    for (const auto& other : w.papers)
      if (other.id == paper.id) p.fail("id '" + paper.id + "' is used twice");
    w.papers.push_back(std::move(paper));
  });
}

// A talk may only name a paper that papers.yaml lists.
void check_references(const Workshop& w, const std::string& program_file) {
  for (const auto& session : w.sessions)
    for (const auto& talk : session.talks) {
      if (talk.paper_id.empty()) continue;
      const bool known = std::any_of(w.papers.begin(), w.papers.end(),
                                     [&](const Paper& p) { return p.id == talk.paper_id; });
      if (!known)
        throw usage_error(program_file, "talk '" + talk.title + "' names paper '" + talk.paper_id +
                                            "', which papers.yaml does not list");
    }
}

Fields root_fields(const std::filesystem::path& file) {
  const YAML::Node root = parse_yaml(file);
  if (!root.IsMap()) throw usage_error(file.string(), "must hold a mapping of fields at the top");
  return Fields(root, file.string(), "");
}

}  // namespace

namespace model_detail {

VolumeFile read_volume_file(const std::filesystem::path& file) {
  const Fields f = root_fields(file);
  f.only({"id", "acronym", "name", "host", "location", "date", "timezone", "publication", "acm", "chairs", "committees",
          "workshops", "markdown_raw_tex"});
  VolumeFile out;
  Volume& v = out.volume;
  v.id = file_name_id(f, "id", true);
  v.name = f.text("name", true);
  if (!f.has("acm")) f.fail("needs 'acm': the volume's ACM record, which each of its workshops inherits");
  v.acm = read_acm(f.map("acm"));
  v.acronym = f.has("acronym") ? f.text("acronym", true) : v.acm.short_name;
  v.host = f.text("host");
  v.location = f.has("location") ? f.text("location") : v.acm.location;
  v.date = f.text("date");
  require_date(f, "date", v.date);
  v.timezone = f.text("timezone");
  if (!v.timezone.empty() && !TimeZone::known(v.timezone))
    f.fail_field("timezone", "'" + v.timezone + "' is not an IANA time zone this system knows (see /usr/share/zoneinfo)");
  v.publication = f.text("publication");
  v.chairs = read_people(f, "chairs");
  v.committees = read_committees(f);
  v.markdown_raw_tex = f.boolean("markdown_raw_tex", false);
  if (!f.has("workshops")) f.fail("needs 'workshops': the workshop folders, in the volume's order");
  f.list("workshops", [&](const YAML::Node& n, const std::string& path) {
    if (!n.IsScalar() || n.as<std::string>().empty()) f.fail_at(n, path, "must be a workshop folder, relative to volume.yaml");
    out.workshops.push_back({n.as<std::string>(), n.Mark().line + 1});
  });
  if (out.workshops.empty()) f.fail_field("workshops", "must list at least one workshop folder");
  return out;
}

}  // namespace model_detail

const std::vector<std::string>& acm_rights_types() {
  static const std::vector<std::string> types{
      "acmcopyright",  "acmlicensed",        "rightsretained", "usgov",     "usgovmixed",
      "cagov",         "cagovmixed",         "licensedusgovmixed", "licensedcagov", "licensedcagovmixed",
      "othergov",      "licensedothergov",   "cc"};
  return types;
}

namespace {

// "ExHetAI" for "ExHetAI'25", "ExHetAI 2025" or "ExHetAI-25": the acronym without its year.
std::string_view without_year(std::string_view acronym) {
  std::size_t end = acronym.size();
  while (end > 0 && std::isdigit(static_cast<unsigned char>(acronym[end - 1]))) --end;
  if (const std::size_t digits = acronym.size() - end; digits != 2 && digits != 4) return acronym;
  for (const std::string_view sep : {"'", "\u2019", " ", "-"})
    if (acronym.substr(0, end).ends_with(sep)) return acronym.substr(0, end - sep.size());
  return acronym.substr(0, end);
}

// The length of `acronym` (or of it without its year) that `name` starts with as a word; 0 when none.
std::size_t acronym_prefix(const std::string& name, const std::string& acronym) {
  for (const std::string_view a : {std::string_view(acronym), without_year(acronym)}) {
    // "SC'25 Workshops" starts with "SC'25"; "SCinet" does not start with "SC".
    if (!a.empty() && name.starts_with(a) &&
        (name.size() == a.size() || !std::isalnum(static_cast<unsigned char>(name[a.size()]))))
      return a.size();
  }
  return 0;
}

}  // namespace

std::string name_after_acronym(const Workshop& w) {
  const std::size_t prefix = acronym_prefix(w.name, w.acronym);
  if (prefix == 0) return w.name;
  std::string_view rest = std::string_view(w.name).substr(prefix);
  const auto separator = [&] {
    for (const std::string_view sep : {":", ",", " ", "-", "\u2013", "\u2014"})
      if (rest.starts_with(sep)) return sep.size();
    return std::size_t{0};
  };
  while (const std::size_t n = separator()) rest.remove_prefix(n);
  return rest.empty() ? w.name : std::string(rest);
}

std::string venue_title(const Workshop& w) {
  if (w.acronym.empty()) return w.name;
  if (w.name.empty() || w.name == w.acronym) return w.acronym;
  return w.acronym + ": " + name_after_acronym(w);
}

std::optional<std::int64_t> source_date_epoch_from_environment() {
  const char* set = std::getenv("SOURCE_DATE_EPOCH");
  if (!set || !*set) return std::nullopt;
  const std::string text = set;
  if (text.size() > 18 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw usage_error("SOURCE_DATE_EPOCH", "must be seconds since 1970, not '" + valid_utf8(text) + "'");
  return std::stoll(text);
}

std::string source_date_epoch(const Workshop& workshop) {
  if (const auto set = source_date_epoch_from_environment()) return std::to_string(*set);
  if (!is_calendar_date(workshop.date)) return "0";
  // Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil).
  int y = std::stoi(workshop.date.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(workshop.date.substr(5, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(workshop.date.substr(8, 2)));
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = static_cast<long long>(era) * 146097 + static_cast<long long>(doe) - 719468;
  return std::to_string(days * 86400);
}

bool is_calendar_date(const std::string& iso) {
  static const Regex form(R"((\d{4})-(\d{2})-(\d{2}))");
  Match m;
  if (!form.match(iso, m)) return false;
  const int year = std::stoi(m[1]), month = std::stoi(m[2]), day = std::stoi(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<ClockTime> parse_clock_time(const std::string& text) {
  static const Regex form(R"(\s*(\d{1,2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*)");
  Match m;
  if (!form.match(text, m)) return std::nullopt;
  int hours = std::stoi(m[1]);
  const int minutes = m[2].matched ? std::stoi(m[2]) : 0;
  if (!m[2].matched && !m[3].matched) return std::nullopt;  // a bare number is not a time
  if (minutes > 59) return std::nullopt;
  if (m[3].matched) {
    if (hours < 1 || hours > 12) return std::nullopt;
    const bool pm = std::tolower(static_cast<unsigned char>(m[3].str()[0])) == 'p';
    hours = hours % 12 + (pm ? 12 : 0);
  } else if (hours > 23) {
    return std::nullopt;
  }
  return ClockTime{hours * 60 + minutes, text};
}

Workshop load_workshop(const std::filesystem::path& folder) {
  const auto workshop_file = folder / "workshop.yaml";
  if (!std::filesystem::exists(workshop_file))
    throw usage_error(folder.string(), "is not a workshop folder: no workshop.yaml in it");
  Workshop w;
  w.folder = folder;
  read_workshop_file(root_fields(workshop_file), w);
  const auto papers_file = folder / "papers.yaml";
  if (std::filesystem::exists(papers_file)) read_papers_file(root_fields(papers_file), w);
  check_references(w, workshop_file.string());
  return w;
}

std::string display_affiliation(const Affiliation& a) {
  std::string out;
  auto add = [&](const std::string& part) {
    if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
  };
  for (const auto& d : a.departments) add(d);
  for (const auto* part : {&a.institution, &a.city, &a.state, &a.country}) add(*part);
  return out;
}

std::string Person::affiliation() const {
  std::string out;
  for (const auto& a : affiliations) out += (out.empty() ? "" : "; ") + display_affiliation(a);
  return out;
}

namespace {

std::vector<std::string> name_words(const std::string& name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : name + " ") {
    if (c != ' ') {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

bool is_particle(const std::string& name_word) {
  const std::string word = ascii_lower(name_word);
  static const char* particles[] = {"da", "das", "de", "del", "della", "der", "den", "di", "do", "dos", "du",
                                    "la", "le", "van", "von", "y", "zu", "ter", "ten", "bin", "al"};
  return std::any_of(std::begin(particles), std::end(particles), [&](const char* p) { return word == p; });
}

}  // namespace

std::string family_name(const std::string& full_name) {
  const auto words = name_words(full_name);
  if (words.size() < 2) return words.empty() ? "" : words.front();
  std::size_t start = words.size() - 1;
  for (std::size_t i = 1; i + 1 < words.size(); ++i)
    if (is_particle(words[i])) {  // "Ferreira da Silva": the word before the particle starts it, unless it is the given name
      start = i >= 2 ? i - 1 : i;
      break;
    }
  std::string out;
  for (std::size_t i = start; i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

std::string family_name(const Person& person) {
  if (!person.family.empty()) return person.family;
  if (person.given.empty() || person.given.size() >= person.name.size()) return family_name(person.name);
  if (person.name.starts_with(person.given + " ")) return person.name.substr(person.given.size() + 1);
  if (person.name.ends_with(" " + person.given)) return person.name.substr(0, person.name.size() - person.given.size() - 1);
  return family_name(person.name);
}

std::string given_name(const Person& person) {
  if (!person.given.empty()) return person.given;
  const std::string family = family_name(person);
  if (family.size() >= person.name.size()) return "";
  if (person.name.ends_with(" " + family)) return person.name.substr(0, person.name.size() - family.size() - 1);
  if (person.name.starts_with(family + " ")) return person.name.substr(family.size() + 1);
  return "";
}

std::string family_sort_key(const Person& person) {
  if (person.family.empty() && person.given.empty()) return family_sort_key(person.name);
  auto words = name_words(family_name(person));
  while (words.size() > 1 && is_particle(words.front())) words.erase(words.begin());
  std::string key;
  for (const auto& w : words) key += (key.empty() ? "" : " ") + w;
  return ascii_lower(ascii_fold(key) + " " + ascii_fold(person.name));
}

std::string index_name(const Person& person) {
  const std::string family = family_name(person);
  const std::string given = given_name(person);
  if (family.empty()) return person.name;
  return given.empty() ? family : family + ", " + given;
}

std::string family_sort_key(const std::string& full_name) {
  auto words = name_words(family_name(full_name));
  while (words.size() > 1 && is_particle(words.front())) words.erase(words.begin());
  std::string key;
  for (const auto& w : words) key += (key.empty() ? "" : " ") + w;
  return ascii_lower(ascii_fold(key) + " " + ascii_fold(full_name));
}

const char* stage_name(Stage stage) { return stage == Stage::submission ? "submission" : "camera-ready"; }

std::optional<Stage> stage_named(const std::string& name) {
  if (name == "submission") return Stage::submission;
  if (name == "camera-ready") return Stage::camera_ready;
  return std::nullopt;
}

}  // namespace proceedings

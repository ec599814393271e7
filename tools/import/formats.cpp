#include "import/formats.hpp"

#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

#include "proceedings/csv.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/names.hpp"
#include "proceedings/merge.hpp"
#include "proceedings/text.hpp"
#include "proceedings/xml.hpp"

namespace proceedings::import {

namespace {

// ---- what an imported text may hold ----

// The longest texts an import takes, in characters: an abstract, and any
// other field (a title, a name, an affiliation, an e-mail address). No
// submission system's export comes near them; a file that does is not one,
// and everything downstream (TeX, HTML, mail) then handles bounded texts.
constexpr std::size_t abstract_limit = 10000;
constexpr std::size_t field_limit = 1000;

std::size_t characters(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The first control character (C0, DEL, C1) in `text` as "U+000D at character 12";
// a line feed is allowed where `lines` is.
std::optional<std::string> control_character(const std::string& text, bool lines) {
  std::size_t character = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) ++character;
    if (lines && c == '\n') continue;
    if (const auto code = control_character_at(text, i))
      return code_point_name(*code) + " at character " + std::to_string(character);
  }
  return std::nullopt;
}

// An abstract's line ends as LF and its tabs as spaces: what a spreadsheet
// cell or a web form gives, in the one spelling papers.yaml holds.
std::string abstract_text(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i] == '\r' ? '\n' : text[i] == '\t' ? ' ' : text[i];
  }
  return trim(out);
}

// `record` names the file and the paper ("hotcrp.json: paper 3 (pid 7)");
// control characters (a CR/LF in an e-mail becomes a mail header) and
// overlong texts are refused there, before anything is written.
void require_text(const std::string& record, const std::string& field, const std::string& value, bool lines = false) {
  if (const auto c = control_character(value, lines))
    throw usage_error(record, field + " holds the control character " + *c +
                                  "; imported text may not hold control characters" +
                                  (lines ? " other than line breaks" : " or line breaks"));
  const std::size_t limit = lines ? abstract_limit : field_limit;
  if (const std::size_t n = characters(value); n > limit)
    throw usage_error(record, field + " is " + std::to_string(n) + " characters long; an import takes at most " +
                                  std::to_string(limit));
}

void require_email(const std::string& record, const std::string& field, const std::string& value) {
  require_text(record, field, value);
  const bool one_address = std::count(value.begin(), value.end(), '@') == 1 &&
                           value.find_first_of(" <>,;\"()[]\\") == std::string::npos;
  if (!one_address) throw usage_error(record, field + " '" + value + "' is not one e-mail address");
}

void require_person(const std::string& record, const std::string& who, const Person& p) {
  require_text(record, who + "'s name", p.name);
  for (const auto& a : p.affiliations) {
    require_text(record, who + "'s affiliation", a.institution);
    require_text(record, who + "'s country", a.country);
  }
  for (const auto& e : p.emails) require_email(record, who + "'s e-mail", e);
  require_text(record, who + "'s ORCID", p.orcid);
}

void require_importable(const Submission& s, const std::string& record) {
  require_text(record, "the number", s.number);
  require_text(record, "the title", s.title);
  require_text(record, "the abstract", s.abstract, true);
  require_text(record, "the decision", s.decision);
  for (std::size_t i = 0; i < s.authors.size(); ++i)
    require_person(record, "author " + std::to_string(i + 1), s.authors[i]);
}

// ---- HotCRP JSON ----

std::string json_text(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return "";
  if (found->is_string()) return found->get<std::string>();
  if (found->is_number_integer()) return std::to_string(found->get<long long>());
  return "";
}

Person hotcrp_author(const nlohmann::json& a) {
  Person p;
  // The author's own split is kept: ACM's first and last name come from it.
  p = person_named(trim(json_text(a, "given_name")), trim(json_text(a, "family_name")));
  if (p.name.empty()) p = person_named(trim(json_text(a, "first")), trim(json_text(a, "last")));
  if (p.name.empty()) p.name = trim(json_text(a, "name"));
  if (const std::string aff = json_text(a, "affiliation"); !trim(aff).empty()) p.affiliations.push_back(affiliation_from_text(aff));
  if (const std::string email = trim(json_text(a, "email")); !email.empty()) p.emails.push_back(email);
  // HotCRP's contact flag: ACM's rights form goes to this author (issue 25 item 12).
  p.contact = a.contains("contact") && a["contact"].is_boolean() && a["contact"].get<bool>();
  return p;
}

// ---- EasyChair ACM XML ----

xmlNode* child(xmlNode* parent, const char* name) {
  for (xmlNode* c = parent ? parent->children : nullptr; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name)) return c;
  return nullptr;
}

std::vector<xmlNode*> children(xmlNode* parent, const char* name) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = parent ? parent->children : nullptr; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name)) out.push_back(c);
  return out;
}

std::string text_of(xmlNode* parent, const char* name) {
  xmlNode* c = child(parent, name);
  return c ? element_text(c) : "";
}

Person easychair_author(xmlNode* a) {
  Person p;
  p = person_named(trim(text_of(a, "first_name")), trim(text_of(a, "last_name")), trim(text_of(a, "middle_name")));
  const std::string country = text_of(a, "country");
  for (xmlNode* aff : children(child(a, "affiliations"), "affiliation"))
    if (!element_text(aff).empty()) p.affiliations.push_back(affiliation_from_text(element_text(aff), country));
  if (const std::string email = text_of(a, "email_address"); !email.empty()) p.emails.push_back(email);
  p.orcid = text_of(a, "ORCID");
  p.contact = trim(text_of(a, "contact_author")) == "Y";  // EasyChair's corresponding author (issue 25 item 12)
  return p;
}

// ---- CSV ----

struct Table {
  std::string file;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;

  int column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (ascii_lower(trim(header[i])) == ascii_lower(name)) return static_cast<int>(i);
    return -1;
  }
  int required(const std::string& name) const {
    const int c = column(name);
    if (c < 0) throw usage_error(file + ":1", "has no column '" + name + "'");
    return c;
  }
  static std::string cell(const CsvRow& row, int column) {
    return column >= 0 && static_cast<std::size_t>(column) < row.cells.size() ? trim(row.cells[column]) : "";
  }
};

Table read_table(const std::string& text, const std::string& file) {
  auto rows = parse_csv(text, file);
  if (rows.empty()) throw usage_error(file, "is empty: no header row");
  Table t{file, rows.front().cells, {rows.begin() + 1, rows.end()}};
  if (!t.header.empty() && t.header[0].rfind("\xEF\xBB\xBF", 0) == 0) t.header[0].erase(0, 3);
  return t;
}

bool yes(const std::string& value) {
  const std::string v = ascii_lower(trim(value));
  return v == "yes" || v == "y" || v == "true" || v == "1";
}

std::string expand(const std::string& pattern, int n) {
  std::string out = pattern;
  const auto at = out.find("{n}");
  if (at != std::string::npos) out.replace(at, 3, std::to_string(n));
  return out;
}

}  // namespace

std::vector<Person> split_author_cell(const std::string& cell) {
  std::vector<std::string> parts;
  std::string current;
  int depth = 0;
  auto flush = [&] {
    if (!trim(current).empty()) parts.push_back(trim(current));
    current.clear();
  };
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth == 0 && (c == ',' || c == ';')) {
      flush();
      continue;
    }
    if (depth == 0 && cell.compare(i, 5, " and ") == 0) {
      flush();
      i += 4;
      continue;
    }
    current += c;
  }
  flush();
  std::vector<Person> people;
  for (const auto& part : parts) {
    Person p;
    const auto open = part.find('(');
    const auto close = part.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open) {
      p.name = trim(part.substr(0, open));
      // "Inst1; Inst2" in one pair of parentheses: two affiliations.
      std::string inside = part.substr(open + 1, close - open - 1);
      for (std::size_t start = 0; start <= inside.size();) {
        const auto end = std::min(inside.find(';', start), inside.size());
        if (const std::string aff = trim(inside.substr(start, end - start)); !aff.empty())
          p.affiliations.push_back(affiliation_from_text(aff));
        start = end + 1;
      }
    } else {
      p.name = part;
    }
    if (!p.name.empty()) people.push_back(std::move(p));
  }
  return people;
}

std::vector<Submission> read_hotcrp_json(const std::string& text, const std::string& file) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // a syntax error, or a number past its type's range
    throw usage_error(file, std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_array()) throw usage_error(file, "is not HotCRP's JSON export: the top level is not an array of papers");
  std::vector<Submission> out;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const auto& paper = doc[i];
    const std::string where = file + ": paper " + std::to_string(i + 1);
    if (!paper.is_object() || json_text(paper, "pid").empty())
      throw usage_error(where, "is not a HotCRP paper object (no 'pid')");
    Submission s;
    s.system = "hotcrp";
    s.number = json_text(paper, "pid");
    s.title = collapse_whitespace(json_text(paper, "title"));
    s.abstract = abstract_text(json_text(paper, "abstract"));
    const std::string status = ascii_lower(json_text(paper, "status"));
    s.decision = ascii_lower(json_text(paper, "decision"));
    s.status = status;
    if (s.decision.empty()) s.decision = status;
    s.withdrawn = status == "withdrawn" || (paper.contains("withdrawn") && paper["withdrawn"].is_boolean() &&
                                            paper["withdrawn"].get<bool>());
    if (paper.contains("authors") && paper["authors"].is_array())
      for (const auto& a : paper["authors"])
        if (a.is_object()) s.authors.push_back(hotcrp_author(a));
    if (s.title.empty()) throw usage_error(where + " (pid " + s.number + ")", "has no title");
    require_importable(s, where + " (pid " + s.number + ")");
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Submission> read_easychair_xml(const std::string& text, const std::string& file) {
  const XmlDocument doc = read_untrusted_xml(text, file);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || !xmlStrEqual(root->name, BAD_CAST "erights_record"))
    throw usage_error(file, "is not EasyChair's ACM data download: the root element is not <erights_record>");
  std::vector<Submission> out;
  for (xmlNode* paper : children(root, "paper")) {
    Submission s;
    s.system = "easychair";
    s.number = text_of(paper, "event_tracking_number");
    s.title = text_of(paper, "paper_title");
    s.decision = "accept";  // the ACM data download lists the accepted papers
    std::vector<std::pair<int, Person>> ordered;
    for (xmlNode* a : children(child(paper, "authors"), "author")) {
      int seq = static_cast<int>(ordered.size()) + 1;
      try {
        seq = std::stoi(text_of(a, "sequence_no"));
      } catch (const std::exception&) {
      }
      ordered.emplace_back(seq, easychair_author(a));
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto& [seq, person] : ordered) s.authors.push_back(std::move(person));
    const std::string where = file + ":" + std::to_string(xmlGetLineNo(paper));
    if (s.number.empty() || s.title.empty()) throw usage_error(where, "<paper> needs <event_tracking_number> and <paper_title>");
    require_importable(s, where + " (paper " + s.number + ")");
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Submission> read_easychair_csv(const std::string& submissions, const std::string& submissions_file,
                                           const std::string& authors, const std::string& authors_file) {
  const Table subs = read_table(submissions, submissions_file);
  const Table auths = read_table(authors, authors_file);
  const int number = subs.required("#"), title = subs.required("title"), decision = subs.column("decision"),
            abstract = subs.column("abstract"), deleted = subs.column("deleted?");
  const int of = auths.required("submission #"), first = auths.required("first name"),
            last = auths.required("last name"), email = auths.column("email"), country = auths.column("country"),
            affiliation = auths.column("affiliation");
  std::vector<Submission> out;
  for (const auto& row : subs.rows) {
    Submission s;
    s.system = "easychair";
    s.number = Table::cell(row, number);
    s.title = collapse_whitespace(Table::cell(row, title));
    s.decision = ascii_lower(Table::cell(row, decision));
    s.abstract = abstract_text(Table::cell(row, abstract));
    s.withdrawn = yes(Table::cell(row, deleted));
    const std::string where = submissions_file + ":" + std::to_string(row.line);
    if (s.number.empty()) throw usage_error(where, "a row has no '#'");
    for (const auto& a : auths.rows) {
      if (Table::cell(a, of) != s.number) continue;
      Person p;
      p = person_named(Table::cell(a, first), Table::cell(a, last));
      if (const std::string aff = Table::cell(a, affiliation); !aff.empty())
        p.affiliations.push_back(affiliation_from_text(aff, Table::cell(a, country)));
      if (const std::string e = Table::cell(a, email); !e.empty()) p.emails.push_back(e);
      require_person(authors_file + ":" + std::to_string(a.line) + " (submission " + s.number + ")", "the author", p);
      s.authors.push_back(std::move(p));
    }
    require_importable(s, where + " (submission " + s.number + ")");
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Submission> read_mapped_csv(const std::string& text, const std::string& file, const ColumnMap& map) {
  static const std::vector<std::string> keys{"number", "title", "abstract", "decision", "authors", "author",
                                             "first", "last", "affiliation", "email", "country", "orcid"};
  for (const auto& [key, column] : map)
    if (std::find(keys.begin(), keys.end(), key) == keys.end())
      throw usage_error("--map", "'" + key + "' is not a field (number, title, abstract, decision, authors, author, "
                                             "first, last, affiliation, email, country, orcid)");
  if (!map.count("title")) throw usage_error("--map", "needs title=COLUMN");
  const Table t = read_table(text, file);
  auto column = [&](const std::string& key, int n = 0) {
    const auto found = map.find(key);
    if (found == map.end()) return -1;
    const std::string name = n ? expand(found->second, n) : found->second;
    const int c = t.column(name);
    if (c < 0 && !n) throw usage_error(file + ":1", "has no column '" + name + "' (--map " + key + "=" + name + ")");
    return c;
  };
  const bool repeated = map.count("author") || map.count("last");
  // Every numbered author column the sheet has; a pattern without {n} names one author.
  const std::string name_pattern = map.count("author") ? map.at("author") : repeated ? map.at("last") : "";
  const int last_author = name_pattern.find("{n}") == std::string::npos ? 1 : std::numeric_limits<int>::max();
  std::vector<Submission> out;
  for (const auto& row : t.rows) {
    Submission s;
    s.system = "csv";
    s.title = collapse_whitespace(Table::cell(row, column("title")));
    s.number = map.count("number") ? Table::cell(row, column("number")) : title_key(s.title);
    s.abstract = abstract_text(Table::cell(row, column("abstract")));
    s.decision = map.count("decision") ? ascii_lower(Table::cell(row, column("decision"))) : "accept";
    if (map.count("authors")) s.authors = split_author_cell(Table::cell(row, column("authors")));
    for (int n = 1; repeated && n <= last_author; ++n) {
      const int name_col = column(map.count("author") ? "author" : "last", n);
      if (name_col < 0) break;
      Person p;
      if (map.count("author")) p.name = Table::cell(row, name_col);
      else p = person_named(Table::cell(row, column("first", n)), Table::cell(row, name_col));
      if (p.name.empty()) continue;
      if (const std::string aff = Table::cell(row, column("affiliation", n)); !aff.empty())
        p.affiliations.push_back(affiliation_from_text(aff, Table::cell(row, column("country", n))));
      if (const std::string e = Table::cell(row, column("email", n)); !e.empty()) p.emails.push_back(e);
      p.orcid = Table::cell(row, column("orcid", n));
      s.authors.push_back(std::move(p));
    }
    if (s.title.empty()) continue;  // spreadsheets end with blank-ish rows
    require_importable(s, file + ":" + std::to_string(row.line) + (map.count("number") ? " (submission " + s.number + ")" : ""));
    out.push_back(std::move(s));
  }
  return out;
}

ColumnMap parse_column_map(const std::string& spec) {
  ColumnMap map;
  std::string text = spec;
  char separator = ',';
  if (!spec.empty() && spec.find('=') == std::string::npos) {
    text = read_file(spec);
    separator = '\n';
  } else if (std::filesystem::is_regular_file(spec)) {
    text = read_file(spec);
    separator = '\n';
  }
  for (std::size_t start = 0; start < text.size();) {
    const auto end = std::min(text.find(separator, start), text.size());
    const std::string item = trim(text.substr(start, end - start));
    start = end + 1;
    if (item.empty() || item[0] == '#') continue;
    const auto eq = item.find('=');
    if (eq == std::string::npos) throw usage_error("--map", "'" + item + "' is not FIELD=COLUMN");
    map[trim(item.substr(0, eq))] = trim(item.substr(eq + 1));
  }
  return map;
}

std::vector<Submission> read_exports(const std::vector<std::filesystem::path>& files, const ColumnMap& map) {
  std::vector<Submission> out;
  auto append = [&](std::vector<Submission> more, const std::string& file) {
    std::vector<std::string> keys;
    for (const auto& s : more) keys.push_back(s.key());
    refuse_duplicate_keys(keys, file);
    for (auto& s : more) out.push_back(std::move(s));
  };
  std::vector<std::pair<std::string, std::string>> csvs;  // file, text
  for (const auto& path : files) {
    const std::string text = read_file(path);
    require_utf8(text, path.string());
    const std::string start = trim(text.substr(0, 512));
    if (!start.empty() && start[0] == '[') append(read_hotcrp_json(text, path.string()), path.string());
    else if (start.find("<erights_record") != std::string::npos || (start.rfind("<?xml", 0) == 0 && text.find("<erights_record") != std::string::npos))
      append(read_easychair_xml(text, path.string()), path.string());
    else if (!start.empty() && (start[0] == '{' || start[0] == '<'))
      throw usage_error(path.string(), "is neither HotCRP's JSON array of papers nor EasyChair's <erights_record> XML");
    else
      csvs.emplace_back(path.string(), text);
  }
  if (!map.empty()) {
    for (const auto& [file, text] : csvs) append(read_mapped_csv(text, file, map), file);
    return out;
  }
  // EasyChair's pair: the one with a 'submission #' column holds the authors.
  const std::pair<std::string, std::string>*subs = nullptr, *auths = nullptr;
  for (const auto& csv : csvs) {
    const Table t = read_table(csv.second, csv.first);
    if (t.column("submission #") >= 0) auths = &csv;
    else if (t.column("#") >= 0 && t.column("title") >= 0) subs = &csv;
    else
      throw usage_error(csv.first + ":1", "is not EasyChair's submission.csv or author.csv; give --map FIELD=COLUMN,... "
                                          "for another spreadsheet");
  }
  if (subs && !auths) throw usage_error(subs->first, "is EasyChair's submission.csv: give its author.csv too");
  if (auths && !subs) throw usage_error(auths->first, "is EasyChair's author.csv: give its submission.csv too");
  if (subs) append(read_easychair_csv(subs->second, subs->first, auths->second, auths->first), subs->first);
  return out;
}

}  // namespace proceedings::import

#include "export/acm_csv.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <nlohmann/json.hpp>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "proceedings/names.hpp"

namespace proceedings::exporter {

namespace {

struct Placed {
  const Paper* paper;
  std::string section;
  int section_seq = 0;
};

// Papers in program order, each with its session; then the papers the program does not name.
std::vector<Placed> in_program_order(const Workshop& w) {
  std::vector<Placed> out;
  auto placed = [&](const std::string& id) {
    for (const auto& p : out)
      if (p.paper->id == id) return true;
    return false;
  };
  int section = 0;
  for (const auto& session : w.sessions) {
    bool counted = false;
    for (const auto& talk : session.talks) {
      if (talk.paper_id.empty() || placed(talk.paper_id)) continue;
      for (const auto& paper : w.papers)
        if (paper.id == talk.paper_id) {
          if (!counted) ++section, counted = true;
          out.push_back({&paper, session.title, section});
        }
    }
  }
  for (const auto& paper : w.papers)
    if (!placed(paper.id)) out.push_back({&paper, "", 0});
  return out;
}

std::string department(const Affiliation& a) {
  std::string out;
  for (const auto& d : a.departments) out += (out.empty() ? "" : ", ") + d;
  return out;
}

void add_affiliation(std::vector<std::string>& row, const Affiliation* a) {
  if (!a) {
    row.insert(row.end(), 5, "");
    return;
  }
  row.insert(row.end(), {department(*a), a->institution, a->city, a->state, a->country});
}

// The author ACM's rights form goes to: the one the export marked, else the first.
std::size_t contact_index(const Paper& p) {
  for (std::size_t i = 0; i < p.authors.size(); ++i)
    if (p.authors[i].contact) return i;
  return 0;
}

bool is_contact(const Paper& p, std::size_t i) {
  return p.authors[i].contact || (i == 0 && contact_index(p) == 0);
}

std::string paper_type(const Paper& p, const AcmRecord& acm) { return p.type.empty() ? acm.paper_type : p.type; }

}  // namespace

const std::vector<std::string>& acm_csv_columns() {
  static const std::vector<std::string> columns{
      "proceeding ID", "event_tracking_number", "paper_type", "theTitle", "prefix", "first_name", "middle_name", "last_name", "suffix",
      "author_sequence_no", "contact_author", "ACM_profile_id", "ACM_client_no", "orcid", "email", "department_school_lab", "institution", "city",
      "state_province", "country", "secondary_department_school_lab", "secondary_institution", "secondary_city",
      "secondary_state_province", "secondary_country", "section_title", "section_seq_no", "published_article_number",
      "start_page", "end_page", "article_seq_no"};
  return columns;
}

std::string event_tracking_number(const Paper& p) {
  const auto colon = p.submission.rfind(':');
  return colon == std::string::npos ? p.submission : p.submission.substr(colon + 1);
}

std::vector<Diagnostic> acm_csv_problems(const Workshop& w) {
  std::vector<Diagnostic> out;
  const std::string papers = (w.folder / "papers.yaml").string();
  const std::string workshop = (w.folder / "workshop.yaml").string();
  if (w.acm && w.acm->event_id.empty())
    out.push_back({"ACM_EVENT_ID", Severity::warning, workshop, 0,
                   "acm.event_id is not recorded: the proceeding ID column is empty (ACM gives it to the chairs)"});
  for (const auto& p : w.papers) {
    for (std::size_t i = 0; i < p.authors.size(); ++i)
      if (is_contact(p, i) && p.authors[i].email().empty())
        out.push_back({"ACM_CONTACT_EMAIL", Severity::error, papers, 0,
                       "paper '" + p.id + "': its contact author " + p.authors[i].name +
                           " has no e-mail, and ACM sends the rights form there (add 'email:', or mark another "
                           "author 'contact: true')"});
    std::string without;
    for (const auto& a : p.authors)
      if (a.affiliations.empty() || a.affiliations.front().country.empty())
        without += (without.empty() ? "" : ", ") + a.name;
    if (!without.empty())
      out.push_back({"ACM_COUNTRY", Severity::warning, papers, 0,
                     "paper '" + p.id + "': no country for " + without + " (ACM's form asks for it)"});
  }
  return out;
}

std::vector<std::vector<std::string>> acm_csv_rows(const Workshop& w, const std::map<std::string, PageRange>& pages) {
  const AcmRecord acm = w.acm.value_or(AcmRecord{});
  std::vector<std::vector<std::string>> rows;
  int article = 0;
  for (const auto& placed : in_program_order(w)) {
    const Paper& p = *placed.paper;
    ++article;
    const auto range = pages.find(p.id);
    for (std::size_t i = 0; i < p.authors.size(); ++i) {
      const Person& a = p.authors[i];
      // The author's own split (HotCRP's given_name, EasyChair's first name), never a guessed middle name.
      const AcmNameParts name = acm_name_parts(a);
      std::vector<std::string> row{acm.event_id, event_tracking_number(p), paper_type(p, acm), p.title, "", name.first,
                                   name.middle, name.last, "", std::to_string(i + 1), is_contact(p, i) ? "yes" : "no",
                                   "", "", a.orcid, a.email()};
      add_affiliation(row, a.affiliations.empty() ? nullptr : &a.affiliations[0]);
      add_affiliation(row, a.affiliations.size() < 2 ? (a.additional.empty() ? nullptr : &a.additional[0])
                                                     : &a.affiliations[1]);
      row.insert(row.end(), {placed.section, placed.section_seq ? std::to_string(placed.section_seq) : "", "",
                             range == pages.end() ? "" : std::to_string(range->second.first),
                             range == pages.end() ? "" : std::to_string(range->second.last),
                             std::to_string(article)});
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

namespace {

std::size_t column(const std::string& name) {
  const auto& columns = acm_csv_columns();
  return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
}

}  // namespace

std::vector<std::vector<std::string>> acm_csv_volume_rows(const Volume& v, const std::map<std::string, PageRange>& pages) {
  const std::size_t title = column("section_title"), seq = column("section_seq_no"), article = column("article_seq_no");
  std::vector<std::vector<std::string>> rows;
  int before = 0;  // articles of the workshops before this one
  for (std::size_t k = 0; k < v.workshops.size(); ++k) {
    const Workshop& w = v.workshops[k];
    for (auto& row : acm_csv_rows(w, pages)) {
      row[title] = venue_title(w);
      row[seq] = std::to_string(k + 1);
      row[article] = std::to_string(before + std::stoi(row[article]));
      rows.push_back(std::move(row));
    }
    before += static_cast<int>(w.papers.size());
  }
  return rows;
}

std::vector<Diagnostic> acm_csv_volume_problems(const Volume& v) {
  std::vector<Diagnostic> out;
  if (v.acm.event_id.empty())
    out.push_back({"ACM_EVENT_ID", Severity::warning, (v.folder / volume_file_name).string(), 0,
                   "acm.event_id is not recorded: the proceeding ID column is empty (ACM gives it to the chairs)"});
  for (const auto& w : v.workshops)
    for (auto& d : acm_csv_problems(w))
      if (d.code != "ACM_EVENT_ID") out.push_back(std::move(d));
  return out;
}

std::string formula_safe(const std::string& cell) {
  // OWASP's rule for CSV injection: a spreadsheet evaluates a cell that starts
  // with one of these ("=cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3").
  if (cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos) return cell;
  return "'" + cell;
}

std::string csv_text(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::string f = formula_safe(fields[i]);
      if (i) out += ',';
      if (f.find_first_of(",\"\r\n") == std::string::npos) {
        out += f;
        continue;
      }
      out += '"';
      for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += "\r\n";
  };
  line(header);
  for (const auto& r : rows) line(r);
  return out;
}

std::map<std::string, PageRange> book_pages(const std::string& out) {
  namespace fs = std::filesystem;
  fs::path manifest = fs::path(out) / "manifest.json";
  if (!fs::exists(manifest)) manifest = fs::path(out) / "bundle" / "manifest.json";
  if (!fs::exists(manifest)) throw input_error(out, "holds no manifest.json of a built book (run proceedings build first)");
  std::map<std::string, PageRange> pages;
  try {
    const auto doc = nlohmann::json::parse(read_file(manifest));
    for (const auto& p : doc.at("papers"))
      pages[p.at("id").get<std::string>()] = {p.at("pages").at("first").get<int>(), p.at("pages").at("last").get<int>()};
  } catch (const nlohmann::json::exception& e) {
    throw input_error(manifest.string(), std::string("is not a book manifest: ") + e.what());
  }
  return pages;
}

}  // namespace proceedings::exporter

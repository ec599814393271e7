#include "meta/papers_writer.hpp"

#include <yaml-cpp/yaml.h>

#include <sstream>

#include "meta/crosscheck.hpp"
#include "proceedings/yaml_update.hpp"

namespace proceedings::meta {

namespace {

std::string joined_affiliations(const std::vector<Affiliation>& list) {
  std::string out;
  for (const auto& aff : list) out += (out.empty() ? "" : "; ") + display_affiliation(aff);
  return out;
}

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Fills a field the record leaves empty; what a person wrote is never overwritten.
template <typename Field, typename Show>
void fill(Field& field, const Field& value, const std::string& what, Show show, std::vector<std::string>& changes) {
  if (!field.empty() || value.empty()) return;
  field = value;
  changes.push_back(what + " set to '" + show(value) + "'");
}

std::string new_id(const std::string& stem, const std::vector<Paper>& papers) {
  std::string id;
  for (char c : stem) id += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
  if (id.empty()) id = "paper";
  std::string candidate = id;
  for (int n = 2; std::any_of(papers.begin(), papers.end(), [&](const Paper& p) { return p.id == candidate; }); ++n)
    candidate = id + "-" + std::to_string(n);
  return candidate;
}

void emit_affiliation(YAML::Emitter& out, const Affiliation& a) {
  out << YAML::Flow << YAML::BeginMap;
  auto field = [&](const char* key, const std::string& value) {
    if (!value.empty()) out << YAML::Key << key << YAML::Value << value;
  };
  field("position", a.position);
  if (a.departments.size() == 1) field("department", a.departments.front());
  if (a.departments.size() > 1) out << YAML::Key << "department" << YAML::Value << YAML::Flow << a.departments;
  field("institution", a.institution);
  field("street", a.street);
  field("city", a.city);
  field("state", a.state);
  field("postcode", a.postcode);
  field("country", a.country);
  out << YAML::EndMap;
}

void emit_affiliations(YAML::Emitter& out, const char* key, const std::vector<Affiliation>& list) {
  if (list.empty()) return;
  out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const auto& a : list) emit_affiliation(out, a);
  out << YAML::EndSeq;
}

bool only_institution(const Affiliation& a) {
  Affiliation bare;
  bare.institution = a.institution;
  return a == bare;
}

void emit_person(YAML::Emitter& out, const Person& p) {
  if (p.affiliations.empty() && p.additional.empty() && p.emails.empty() && p.orcid.empty()) {
    out << p.name;
    return;
  }
  out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << p.name;
  // One affiliation that is only an institution keeps the one-text form it was read from.
  if (p.affiliations.size() == 1 && only_institution(p.affiliations.front()))
    out << YAML::Key << "affiliation" << YAML::Value << p.affiliations.front().institution;
  else
    emit_affiliations(out, "affiliations", p.affiliations);
  emit_affiliations(out, "additional", p.additional);
  if (p.emails.size() == 1) out << YAML::Key << "email" << YAML::Value << p.emails.front();
  if (p.emails.size() > 1) out << YAML::Key << "emails" << YAML::Value << YAML::Flow << p.emails;
  if (!p.orcid.empty()) out << YAML::Key << "orcid" << YAML::Value << p.orcid;
  out << YAML::EndMap;
}

}  // namespace

std::pair<std::vector<Paper>, std::vector<std::string>> merge_papers(std::vector<Paper> papers,
                                                                      const std::vector<Extracted>& found) {
  std::vector<std::string> changes;
  for (const auto& item : found) {
    const Paper* match = match_record(papers, item.meta, item.stem);
    if (!match) {
      Paper added{new_id(item.stem, papers), item.meta.title, {}, item.meta.kind == "latex" ? item.stem : "", ""};
      for (const auto& a : item.meta.authors) added.authors.push_back(a);
      changes.push_back(added.id + ": added ('" + added.title + "', " + std::to_string(added.authors.size()) + " authors)");
      papers.push_back(std::move(added));
      continue;
    }
    Paper& record = papers[static_cast<std::size_t>(match - papers.data())];
    const auto partner = pair_authors(record.authors, item.meta.authors);
    for (std::size_t r = 0; r < record.authors.size(); ++r) {
      if (partner[r] < 0) continue;
      const AuthorMeta& a = item.meta.authors[static_cast<std::size_t>(partner[r])];
      const std::string who = record.id + ": " + record.authors[r].name + ": ";
      std::vector<std::string> local;
      Person& person = record.authors[r];
      fill(person.affiliations, a.affiliations, "affiliation", joined_affiliations, local);
      fill(person.additional, a.additional, "additional affiliation", joined_affiliations, local);
      fill(person.emails, a.emails, "email", joined, local);
      fill(person.orcid, a.orcid, "orcid", [](const std::string& s) { return s; }, local);
      for (const auto& c : local) changes.push_back(who + c);
    }
  }
  return {std::move(papers), changes};
}

std::string header_comment(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') break;
    out += line + "\n";
  }
  return out;
}

std::string papers_yaml(const std::vector<Paper>& papers, const std::string& header) {
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "papers" << YAML::Value << YAML::BeginSeq;
  for (const auto& p : papers) {
    out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << p.id << YAML::Key << "title" << YAML::Value
        << YAML::DoubleQuoted << p.title << YAML::Key << "authors" << YAML::Value << YAML::BeginSeq;
    for (const auto& a : p.authors) emit_person(out, a);
    out << YAML::EndSeq;
    if (!p.source.empty()) out << YAML::Key << "source" << YAML::Value << p.source;
    if (!p.arxiv.empty()) out << YAML::Key << "arxiv" << YAML::Value << YAML::DoubleQuoted << p.arxiv;
    if (!p.doi.empty()) out << YAML::Key << "doi" << YAML::Value << YAML::DoubleQuoted << p.doi;
    if (!p.abstract.empty()) out << YAML::Key << "abstract" << YAML::Value << YAML::DoubleQuoted << p.abstract;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return header + out.c_str() + "\n";
}

std::string updated_papers_yaml(const std::string& original, const std::vector<Paper>& papers) {
  return keep_unchanged_yaml(original, papers_yaml(papers, header_comment(original)), "papers", "id");
}

}  // namespace proceedings::meta

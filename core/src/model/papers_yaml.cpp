#include "proceedings/papers_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <sstream>

#include "proceedings/yaml_update.hpp"

namespace proceedings {

namespace {

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
  Person bare;
  bare.name = p.name;
  if (p == bare) {  // any other field set: the mapping, so no field of Person is lost
    out << p.name;
    return;
  }
  out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << p.name;
  if (!p.given.empty()) out << YAML::Key << "given" << YAML::Value << p.given;
  if (!p.middle.empty()) out << YAML::Key << "middle" << YAML::Value << p.middle;
  if (!p.family.empty()) out << YAML::Key << "family" << YAML::Value << p.family;
  // One affiliation that is only an institution keeps the one-text form it was read from.
  if (p.affiliations.size() == 1 && only_institution(p.affiliations.front()))
    out << YAML::Key << "affiliation" << YAML::Value << p.affiliations.front().institution;
  else
    emit_affiliations(out, "affiliations", p.affiliations);
  emit_affiliations(out, "additional", p.additional);
  if (p.emails.size() == 1) out << YAML::Key << "email" << YAML::Value << p.emails.front();
  if (p.emails.size() > 1) out << YAML::Key << "emails" << YAML::Value << YAML::Flow << p.emails;
  if (!p.orcid.empty()) out << YAML::Key << "orcid" << YAML::Value << p.orcid;
  if (p.contact) out << YAML::Key << "contact" << YAML::Value << true;
  out << YAML::EndMap;
}

void emit_text(YAML::Emitter& out, const char* key, const std::string& value, bool quoted) {
  if (value.empty()) return;
  out << YAML::Key << key << YAML::Value;
  if (quoted) out << YAML::DoubleQuoted;
  out << value;
}

}  // namespace

std::string people_yaml(const std::vector<Person>& people) {
  YAML::Emitter out;
  out << YAML::Flow << YAML::BeginSeq;
  for (const auto& p : people) emit_person(out, p);
  out << YAML::EndSeq;
  return out.c_str();
}

std::string person_yaml(const Person& person) {
  const std::string list = people_yaml({person});
  return list.substr(1, list.size() - 2);  // "[...]": written as an item of a flow list, so quoted where one needs it
}

std::string header_comment(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line != "\r" && line[0] != '#') break;  // "\r": a blank line of a CR LF file
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
    emit_text(out, "source", p.source, false);
    emit_text(out, "arxiv", p.arxiv, true);
    emit_text(out, "doi", p.doi, true);
    emit_text(out, "rights", p.rights, false);
    emit_text(out, "type", p.type, false);
    emit_text(out, "submission", p.submission, true);
    emit_text(out, "abstract", p.abstract, true);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return header + out.c_str() + "\n";
}

std::string updated_papers_yaml(const std::string& original, const std::vector<Paper>& papers) {
  return keep_unchanged_yaml(original, papers_yaml(papers, header_comment(original)), "papers", "id");
}

}  // namespace proceedings

#include "meta/papers_writer.hpp"

#include <yaml-cpp/yaml.h>

#include <sstream>

#include "meta/crosscheck.hpp"

namespace proceedings::meta {

namespace {

std::string joined_affiliations(const AuthorMeta& a) {
  std::string out;
  for (const auto& aff : a.affiliations) out += (out.empty() ? "" : "; ") + aff;
  return out;
}

void fill(std::string& field, const std::string& value, const std::string& what, std::vector<std::string>& changes) {
  if (!field.empty() || value.empty()) return;
  field = value;
  changes.push_back(what + " set to '" + value + "'");
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

void emit_person(YAML::Emitter& out, const Person& p) {
  if (p.affiliation.empty() && p.email.empty() && p.orcid.empty()) {
    out << p.name;
    return;
  }
  out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << p.name;
  if (!p.affiliation.empty()) out << YAML::Key << "affiliation" << YAML::Value << p.affiliation;
  if (!p.email.empty()) out << YAML::Key << "email" << YAML::Value << p.email;
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
      for (const auto& a : item.meta.authors) added.authors.push_back({a.name, joined_affiliations(a), a.email, a.orcid});
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
      fill(record.authors[r].affiliation, joined_affiliations(a), "affiliation", local);
      fill(record.authors[r].email, a.email, "email", local);
      fill(record.authors[r].orcid, a.orcid, "orcid", local);
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
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return header + out.c_str() + "\n";
}

}  // namespace proceedings::meta

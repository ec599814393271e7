#include "meta/papers_writer.hpp"

#include <algorithm>

#include "meta/crosscheck.hpp"

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

}  // namespace

std::pair<std::vector<Paper>, std::vector<std::string>> merge_papers(std::vector<Paper> papers,
                                                                      const std::vector<Extracted>& found) {
  std::vector<std::string> changes;
  for (const auto& item : found) {
    const Paper* match = match_record(papers, item.meta, item.stem);
    if (!match) {
      Paper added;
      added.id = new_id(item.stem, papers);
      added.title = item.meta.title;
      if (item.meta.kind == "latex") added.source = item.stem;
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

}  // namespace proceedings::meta

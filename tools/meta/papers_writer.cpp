#include "meta/papers_writer.hpp"

#include <algorithm>

#include "meta/crosscheck.hpp"
#include "proceedings/merge.hpp"

namespace proceedings::meta {

std::pair<std::vector<Paper>, std::vector<std::string>> merge_papers(std::vector<Paper> papers,
                                                                      const std::vector<Extracted>& found) {
  std::vector<std::string> changes;
  for (const auto& item : found) {
    const Paper* match = match_record(papers, item.meta, item.stem);
    if (!match) {
      Paper added;
      added.id = unique_paper_id(item.stem, papers);
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
      // Core's one fill-in: what a person wrote is never overwritten.
      for (const auto& c : fill_in(record.authors[r], a)) changes.push_back(who + c);
    }
  }
  return {std::move(papers), changes};
}

}  // namespace proceedings::meta

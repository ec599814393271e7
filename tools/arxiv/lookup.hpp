#pragma once
// arXiv look-ups through its Atom API: which accepted papers are on arXiv,
// and the proceedings index listing for events that publish there.
#include <chrono>
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings::arxiv {

struct ArxivEntry {
  std::string id;  // without version: 2501.01234
  std::string title;
  std::vector<std::string> authors;
};

// Entries of an Atom feed as the arXiv API returns it; a usage-free input
// Error for a feed that is not XML.
std::vector<ArxivEntry> parse_atom(const std::string& xml, const std::string& where);

struct Found {
  std::string paper_id;
  std::string arxiv_id;  // empty: not found
};

// One query a paper (by title), `delay` between queries as the API asks.
std::vector<Found> arxiv_lookup(const Workshop& w, const std::string& base_url, std::chrono::milliseconds delay);

// Does this entry report this paper? Same title, and an author's family name in common.
bool same_paper(const Paper& paper, const ArxivEntry& entry);

}  // namespace proceedings::arxiv

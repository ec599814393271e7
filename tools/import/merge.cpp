#include "import/merge.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "proceedings/error.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/text.hpp"

namespace proceedings::import {

namespace {

std::string folded_words(const std::string& text) {
  std::string out;
  for (char c : ascii_fold(text)) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return trim(out);
}

bool accepted(const Submission& s, const std::vector<std::string>& decisions) {
  if (s.withdrawn) return false;
  return std::any_of(decisions.begin(), decisions.end(),
                     [&](const std::string& d) { return s.decision.find(d) != std::string::npos; });
}

Paper* find_paper(std::vector<Paper>& papers, const Submission& s) {
  for (auto& p : papers)
    if (p.submission == s.key()) return &p;
  const std::string title = folded_words(s.title);
  for (auto& p : papers)
    if (p.submission.empty() && folded_words(p.title) == title) return &p;
  return nullptr;
}

std::vector<std::string> names(const std::vector<Person>& people) {
  std::vector<std::string> out;
  for (const auto& p : people) out.push_back(p.name);
  return out;
}

class Merger {
 public:
  Merger(std::vector<Paper> papers, ImportState state) {
    out_.papers = std::move(papers);
    out_.state = std::move(state);
  }

  void add(const Submission& s) {
    Paper* mine = find_paper(out_.papers, s);
    const ImportedFields now{s.title, s.abstract, authors_text(s.authors)};
    if (!mine) {
      Paper p;
      p.id = slug_id(s.title, out_.papers);
      p.title = s.title;
      p.authors = s.authors;
      p.abstract = s.abstract;
      p.submission = s.key();
      out_.changes.push_back("add " + p.id + " (" + s.key() + "): '" + s.title + "', " +
                             std::to_string(s.authors.size()) + " author(s)");
      out_.papers.push_back(std::move(p));
      out_.state[s.key()] = now;
      return;
    }
    const auto before = out_.state.find(s.key());
    const ImportedFields* base = before == out_.state.end() ? nullptr : &before->second;
    const std::string who = mine->id + " (" + s.key() + ")";
    if (mine->submission.empty()) {
      mine->submission = s.key();
      out_.changes.push_back(who + ": matched by title; submission number recorded");
    }
    field(who, "title", mine->title, s.title, base ? &base->title : nullptr);
    field(who, "abstract", mine->abstract, s.abstract, base ? &base->abstract : nullptr);
    authors(who, *mine, s, base);
    out_.state[s.key()] = now;
  }

  void skip(const Submission& s, const std::vector<Paper>& papers) {
    const bool listed = std::any_of(papers.begin(), papers.end(), [&](const Paper& p) { return p.submission == s.key(); });
    const std::string why = s.withdrawn ? "withdrawn" : "decision '" + (s.decision.empty() ? "none" : s.decision) + "'";
    if (listed)
      out_.conflicts.push_back(s.key() + " '" + s.title + "' is in papers.yaml but now " + why +
                               ": kept; remove it by hand if it is out");
    else
      out_.skipped.push_back(s.key() + " '" + s.title + "': " + why);
  }

  MergeResult result() { return std::move(out_); }

 private:
  // Three-way: the export's value replaces mine only where mine is still what
  // the last import wrote (or empty); where both changed, mine stays.
  void field(const std::string& who, const char* name, std::string& mine, const std::string& theirs,
             const std::string* base) {
    const FieldMerge m = merge_field(mine, theirs, base);
    if (m == FieldMerge::keep) return;
    if (m == FieldMerge::take) {
      out_.changes.push_back(who + ": " + name + " '" + shorten(mine) + "' -> '" + shorten(theirs) + "'");
      mine = theirs;
      return;
    }
    out_.conflicts.push_back(who + ": " + name + " differs: papers.yaml has '" + shorten(mine) +
                             "', the export '" + shorten(theirs) + "' (papers.yaml kept)");
  }

  void authors(const std::string& who, Paper& mine, const Submission& s, const ImportedFields* base) {
    const std::string theirs = authors_text(s.authors);
    if (authors_text(mine.authors) == theirs || s.authors.empty()) return;
    if (mine.authors.empty() || (base && authors_text(mine.authors) == base->authors)) {
      out_.changes.push_back(who + ": authors -> " + theirs);
      mine.authors = s.authors;
      return;
    }
    if (names(mine.authors) == names(s.authors)) {
      int filled = 0;
      for (std::size_t i = 0; i < mine.authors.size(); ++i) filled += fill_in(mine.authors[i], s.authors[i]);
      if (filled) out_.changes.push_back(who + ": affiliations, emails or ORCIDs filled in for " +
                                         std::to_string(filled) + " author(s)");
      return;
    }
    if (base && theirs == base->authors) return;
    out_.conflicts.push_back(who + ": authors differ: papers.yaml has " + authors_text(mine.authors) +
                             ", the export " + theirs + " (papers.yaml kept)");
  }

  static std::string shorten(const std::string& s) { return s.size() > 70 ? s.substr(0, 67) + "..." : s; }

  MergeResult out_;
};

}  // namespace

FieldMerge merge_field(const std::string& mine, const std::string& theirs, const std::string* base) {
  if (mine == theirs || theirs.empty()) return FieldMerge::keep;
  if (mine.empty() || (base && mine == *base)) return FieldMerge::take;
  if (base && theirs == *base) return FieldMerge::keep;  // a person's edit, the export unchanged
  return FieldMerge::conflict;
}

bool fill_in(Person& mine, const Person& theirs) {
  bool changed = false;
  if (mine.affiliations.empty() && !theirs.affiliations.empty()) mine.affiliations = theirs.affiliations, changed = true;
  if (mine.emails.empty() && !theirs.emails.empty()) mine.emails = theirs.emails, changed = true;
  if (mine.orcid.empty() && !theirs.orcid.empty()) mine.orcid = theirs.orcid, changed = true;
  return changed;
}

std::string authors_text(const std::vector<Person>& authors) {
  std::string out;
  for (const auto& a : authors) {
    out += (out.empty() ? "" : "; ") + a.name;
    if (!a.affiliations.empty()) out += " (" + a.affiliation() + ")";
  }
  return out;
}

std::string slug_id(const std::string& title, const std::vector<Paper>& taken) {
  std::string words = folded_words(title);
  const auto colon = title.find(':');
  if (colon != std::string::npos && colon > 0 && colon <= 24) words = folded_words(title.substr(0, colon));
  static const std::vector<std::string> minor{"a", "an", "the", "of", "for", "and", "on", "in", "to", "with", "via"};
  std::string id;
  int count = 0;
  for (std::size_t start = 0; start < words.size() && count < 4;) {
    const auto end = std::min(words.find(' ', start), words.size());
    const std::string w = words.substr(start, end - start);
    start = end + 1;
    if (std::find(minor.begin(), minor.end(), w) != minor.end() && !id.empty()) continue;
    id += (id.empty() ? "" : "-") + w;
    ++count;
  }
  if (id.empty()) id = "paper";
  id = id.substr(0, 60);
  std::string candidate = id;
  for (int n = 2; std::any_of(taken.begin(), taken.end(), [&](const Paper& p) { return p.id == candidate; }); ++n)
    candidate = id + "-" + std::to_string(n);
  return candidate;
}

MergeResult merge_submissions(std::vector<Paper> papers, ImportState state, const std::vector<Submission>& found,
                              const std::vector<std::string>& decisions) {
  const std::vector<Paper> original = papers;
  Merger merger(std::move(papers), std::move(state));
  for (const auto& s : found) {
    if (accepted(s, decisions)) merger.add(s);
    else merger.skip(s, original);
  }
  return merger.result();
}

ImportState parse_state(const std::string& json, const std::string& file) {
  ImportState state;
  try {
    const auto doc = nlohmann::json::parse(json);
    for (const auto& [key, v] : doc.at("papers").items())
      state[key] = {v.value("title", ""), v.value("abstract", ""), v.value("authors", "")};
  } catch (const nlohmann::json::exception& e) {
    throw usage_error(file, std::string("is not the import state this tool writes: ") + e.what());
  }
  return state;
}

std::string state_json(const ImportState& state) {
  nlohmann::json doc;
  doc["about"] = "What `proceedings import` last took from the submission system, per submission; kept so that a "
                 "re-import can tell the system's changes from edits to papers.yaml.";
  doc["papers"] = nlohmann::json::object();
  for (const auto& [key, f] : state)
    doc["papers"][key] = {{"title", f.title}, {"abstract", f.abstract}, {"authors", f.authors}};
  return doc.dump(2) + "\n";
}

}  // namespace proceedings::import

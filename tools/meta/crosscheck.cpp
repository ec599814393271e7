#include "meta/crosscheck.hpp"

#include "proceedings/latex_text.hpp"

#include <algorithm>
#include <cstring>
#include <set>
#include <sstream>

namespace proceedings::meta {

namespace {

std::vector<std::string> words_of(const std::string& folded_spaced) {
  std::istringstream in(folded_spaced);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

bool alike(const std::string& a, const std::string& b) {
  const std::string fa = fold_name(a), fb = fold_name(b);
  if (fa == fb) return true;
  if (edit_distance(fa, fb) <= 2 && std::min(fa.size(), fb.size()) >= 6) return true;
  // The same first and last name, one with a middle name.
  const auto wa = words_of(fold_words(a)), wb = words_of(fold_words(b));
  return wa.size() >= 2 && wb.size() >= 2 && wa.front() == wb.front() && wa.back() == wb.back();
}

std::string normalized_title(const std::string& title) { return fold_name(title); }

std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

const Paper* match_record(const std::vector<Paper>& papers, const PaperMeta& meta, const std::string& stem) {
  for (const auto& p : papers)
    if (p.id == stem) return &p;
  for (const auto& p : papers)
    if (normalized_title(p.title) == normalized_title(meta.title)) return &p;
  return nullptr;
}

std::vector<int> pair_authors(const std::vector<Person>& record, const std::vector<AuthorMeta>& found) {
  std::vector<int> partner(record.size(), -1);
  std::set<std::size_t> taken;
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t r = 0; r < record.size(); ++r) {
      if (partner[r] >= 0) continue;
      for (std::size_t f = 0; f < found.size(); ++f) {
        if (taken.count(f)) continue;
        const bool same = pass == 0 ? same_name(record[r].name, found[f].name) : alike(record[r].name, found[f].name);
        if (same) {
          partner[r] = static_cast<int>(f);
          taken.insert(f);
          break;
        }
      }
    }
  return partner;
}

namespace {

Diagnostic mismatch(std::string kind, std::string message) {
  return {std::move(kind), Severity::error, "", 0, std::move(message)};
}

}  // namespace

Diagnostic no_record(const std::string& stem, const std::string& title) {
  return mismatch("no-record", "no accepted paper in papers.yaml has the id '" + stem + "' or the title '" + title + "'");
}

std::vector<Diagnostic> crosscheck(const Paper& record, const PaperMeta& meta) {
  std::vector<Diagnostic> out;
  if (record.title != meta.title) {
    const bool cosmetic = normalized_title(record.title) == normalized_title(meta.title);
    out.push_back(mismatch("title", std::string(cosmetic ? "title differs in case or punctuation" : "title differs") +
                                ": record '" + record.title + "', paper '" + meta.title + "'"));
  }
  const auto partner = pair_authors(record.authors, meta.authors);
  std::set<int> paired;
  for (std::size_t r = 0; r < record.authors.size(); ++r) {
    if (partner[r] < 0) {
      out.push_back(mismatch("author-missing", "author '" + record.authors[r].name + "' is in the record but not in the paper"));
      continue;
    }
    paired.insert(partner[r]);
    const auto& found = meta.authors[static_cast<std::size_t>(partner[r])].name;
    if (!same_name(found, record.authors[r].name))  // ’ for ', an en dash for a hyphen, NFD for NFC: the same name
      out.push_back(mismatch("author-spelling",
                             "author spelled differently: record '" + record.authors[r].name + "', paper '" + found + "'"));
  }
  for (std::size_t f = 0; f < meta.authors.size(); ++f)
    if (!paired.count(static_cast<int>(f)))
      out.push_back(mismatch("author-added", "author '" + meta.authors[f].name + "' is in the paper but not in the record"));
  std::vector<int> order;
  for (int p : partner)
    if (p >= 0) order.push_back(p);
  if (!std::is_sorted(order.begin(), order.end())) {
    std::vector<std::string> record_names, paper_names;
    for (const auto& a : record.authors) record_names.push_back(a.name);
    for (const auto& a : meta.authors) paper_names.push_back(a.name);
    out.push_back(mismatch("author-order", "authors are in another order: record " + name_list(record_names) +
                                               "; paper " + name_list(paper_names)));
  }
  return out;
}

}  // namespace proceedings::meta

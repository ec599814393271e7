#pragma once
// How exactly `meta` reads a paper whose truth is known: the generated
// corpus (scripts/make-meta-corpus.py) writes a truth.json next to each
// source. Shared by `make bench` and the tests that hold the floors.
#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/paper_meta.hpp"

namespace proceedings::meta {

struct PaperTruth {
  std::string name;
  std::string title;
  std::string subtitle;
  bool anonymous = false;  // the PDF carries no names; the source still does
  std::vector<Person> authors;
};

// Reads one truth.json; an input Error when it is not one.
PaperTruth read_truth(const std::filesystem::path& file);

enum Field { titles, author_lists, institutions, departments, countries, emails, orcids, field_count };
const char* field_name(Field f);

struct Tally {
  std::array<int, field_count> right{}, total{};
  void add(const Tally& other);
  double percent(Field f) const { return total[f] ? 100.0 * right[f] / total[f] : 100.0; }
};

// Titles and author lists count once per paper, the other fields once per
// author. From a PDF of an anonymised build, no authors is the right list.
// `misses` gets one line for each field read wrong.
Tally score(const PaperMeta& got, const PaperTruth& truth, bool from_pdf, std::vector<std::string>* misses = nullptr);

}  // namespace proceedings::meta

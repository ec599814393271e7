#include "proceedings/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace proceedings {

namespace {

char folded(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::size_t allowed_edits(std::size_t length) { return length <= 4 ? 1 : length <= 8 ? 2 : 3; }

bool begins_with(std::string_view name, std::string_view start) {
  if (start.size() > name.size()) return false;
  return std::equal(start.begin(), start.end(), name.begin(), [](char a, char b) { return folded(a) == folded(b); });
}

}  // namespace

// Optimal string alignment: Levenshtein's three edits and the swap of two
// neighbouring letters ("venue" for "veneu"), the commonest typing slip.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const bool same = folded(a[i - 1]) == folded(b[j - 1]);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && folded(a[i - 1]) == folded(b[j - 2]) && folded(a[i - 2]) == folded(b[j - 1]))
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    before.swap(previous);
    previous.swap(current);
  }
  return previous[m];
}

std::string closest_name(std::string_view given, const std::vector<std::string>& known) {
  if (given.empty()) return "";
  std::string best;
  std::size_t best_distance = allowed_edits(given.size()) + 1;
  bool tie = false;
  for (const auto& name : known) {
    if (name == given) return "";  // known: not a misspelling
    const std::size_t d = edit_distance(given, name);  // 0: the same but for case
    if (d < best_distance) best = name, best_distance = d, tie = false;
    else if (d == best_distance && name != best) tie = true;
  }
  if (!best.empty() && !tie) return best;
  if (given.size() < 3) return "";
  std::string begun;
  for (const auto& name : known)
    if (begins_with(name, given)) {
      if (!begun.empty() && begun != name) return "";
      begun = name;
    }
  return begun;
}

std::string did_you_mean(std::string_view given, const std::vector<std::string>& known) {
  const std::string name = closest_name(given, known);
  return name.empty() ? "" : "; did you mean '" + name + "'?";
}

}  // namespace proceedings

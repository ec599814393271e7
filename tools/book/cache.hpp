#pragma once
// Typeset parts kept in OUT/.build under names made of their inputs' hash:
// equal inputs, equal name, so a rebuild finds what it can reuse by name.
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "book/typeset.hpp"

namespace proceedings::book {

struct CachedPart {
  std::filesystem::path pdf;
  std::vector<std::pair<std::string, int>> sections;
  bool reused = false;
};

// `work`/NAME-KEY.pdf, typeset by `make` (in a scratch folder) unless it is
// there already; its section list is kept beside it.
CachedPart cached_part(const std::filesystem::path& work, const std::string& name, const std::string& key,
                       const std::function<Typeset(const std::filesystem::path& scratch)>& make);

}  // namespace proceedings::book

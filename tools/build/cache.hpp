#pragma once
// Typeset parts kept in OUT/.build under names made of their inputs' hash:
// equal inputs, equal name, so a rebuild finds what it can reuse by name.
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "build/folio.hpp"
#include "build/pdf_book.hpp"
#include "build/typeset.hpp"

namespace proceedings::build {

// The front matter and the author index, typeset in one LaTeX run: the
// front matter alone (frontmatter-KEY.pdf, for the bundle), the book's two
// parts (frontmatter-KEY.seg, authorindex-KEY.seg) and the front matter's
// sections (frontmatter-KEY.sections, written last: with it, the rest is there).
struct TypesetParts {
  TypesetFiles files;
  std::vector<std::pair<std::string, int>> sections;
  int front_pages = 0, back_pages = 0;
  std::vector<int> part_pages;  // a volume's: the pages of each workshop's part (part-KEY-N.seg)
  bool reused = false;
};

// The parts for `key` in `work`, typeset by `make` (in a scratch folder) unless
// they are there already; `text_font` is asked for the front matter's text font
// only when they are typeset. A volume's typeset document also holds `parts`
// workshops' own pages.
TypesetParts typeset_parts(const std::filesystem::path& work, const std::string& key,
                           const std::function<Typeset(const std::filesystem::path& scratch)>& make,
                           const std::function<FolioFont()>& text_font, std::size_t parts = 0);

// Removes typeset parts of other keys from `work`: they are not reused once
// the front matter or the index changed.
void remove_other_typeset_parts(const std::filesystem::path& work, const TypesetParts& current);

}  // namespace proceedings::build

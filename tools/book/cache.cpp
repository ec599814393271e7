#include "book/cache.hpp"

#include "proceedings/files.hpp"

namespace proceedings::book {

namespace fs = std::filesystem;

CachedPart cached_part(const fs::path& work, const std::string& name, const std::string& key,
                       const std::function<Typeset(const fs::path& scratch)>& make) {
  const fs::path pdf = work / (name + "-" + key + ".pdf");
  const fs::path sections = work / (name + "-" + key + ".sections");
  CachedPart part{pdf, {}, fs::exists(pdf) && fs::exists(sections)};
  if (!part.reused) {
    ScratchDir scratch("proceedings-" + name);
    const Typeset made = make(scratch.path());
    std::string lines;
    for (const auto& [title, page] : made.sections) lines += title + "|" + std::to_string(page) + "\n";
    write_file_atomic(sections, lines);
    copy_file_atomic(made.pdf, pdf);
    part.sections = made.sections;
    return part;
  }
  part.sections = read_sections(sections);
  return part;
}

}  // namespace proceedings::book

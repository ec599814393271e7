#include "build/cache.hpp"

#include "proceedings/pdf_segment.hpp"
#include "proceedings/files.hpp"

namespace proceedings::build {

namespace fs = std::filesystem;

namespace {

// The section list is written last: with it, the rest is there.
fs::path sections_of(const TypesetFiles& files) { return fs::path(files.front_pdf).replace_extension(".sections"); }

}  // namespace

TypesetParts typeset_parts(const fs::path& work, const std::string& key, const std::function<Typeset(const fs::path&)>& make,
                           const std::function<FolioFont()>& text_font) {
  TypesetParts parts;
  parts.files = {work / ("frontmatter-" + key + ".pdf"), work / ("frontmatter-" + key + ".seg"),
                 work / ("authorindex-" + key + ".seg")};
  const fs::path sections = sections_of(parts.files);
  parts.reused = fs::exists(sections) && fs::exists(parts.files.front_pdf) && intact_segment(parts.files.front_segment) &&
                 intact_segment(parts.files.back_segment);
  if (parts.reused) {
    parts.sections = read_sections(sections);
    parts.front_pages = load_segment_header(parts.files.front_segment).pages;
    parts.back_pages = load_segment_header(parts.files.back_segment).pages;
    return parts;
  }
  ScratchDir scratch("proceedings-typeset");
  const Typeset made = make(scratch.path());
  parts.back_pages = split_typeset(made.pdf, made.front_pages, text_font(), made.forward_pages, parts.files);
  parts.front_pages = made.front_pages;
  parts.sections = made.sections;
  std::string lines;
  for (const auto& [title, page] : made.sections) lines += title + "|" + std::to_string(page) + "\n";
  write_file_atomic(sections, lines);
  return parts;
}

void remove_other_typeset_parts(const fs::path& work, const TypesetParts& current) {
  const TypesetFiles& files = current.files;
  const fs::path sections = sections_of(files);
  for (const auto& e : fs::directory_iterator(work)) {
    const fs::path& file = e.path();
    const std::string name = file.filename().string();
    const bool typeset = name.rfind("frontmatter-", 0) == 0 || name.rfind("authorindex-", 0) == 0;
    if (typeset && file != files.front_pdf && file != files.front_segment && file != files.back_segment && file != sections)
      fs::remove(file);
  }
}

}  // namespace proceedings::build

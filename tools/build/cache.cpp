#include "build/cache.hpp"

#include <algorithm>

#include "proceedings/pdf_segment.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings::build {

namespace fs = std::filesystem;

namespace {

// The section list is written last: with it, the rest is there.
fs::path sections_of(const TypesetFiles& files) { return fs::path(files.front_pdf).replace_extension(".sections"); }

}  // namespace

TypesetParts typeset_parts(const fs::path& work, const std::string& key, const std::function<Typeset(const fs::path&)>& make,
                           const std::function<FolioFont()>& text_font, std::size_t part_count) {
  TypesetParts parts;
  parts.files = {work / ("frontmatter-" + key + ".pdf"), work / ("frontmatter-" + key + ".seg"),
                 work / ("authorindex-" + key + ".seg")};
  for (std::size_t k = 0; k < part_count; ++k)
    parts.files.part_segments.push_back(work / ("part-" + key + "-" + std::to_string(k + 1) + ".seg"));
  const fs::path sections = sections_of(parts.files);
  parts.reused = fs::exists(sections) && fs::exists(parts.files.front_pdf) && intact_segment(parts.files.front_segment) &&
                 intact_segment(parts.files.back_segment) &&
                 std::all_of(parts.files.part_segments.begin(), parts.files.part_segments.end(), intact_segment);
  if (parts.reused) {
    parts.sections = read_sections(sections);
    parts.front_pages = load_segment_header(parts.files.front_segment).pages;
    parts.back_pages = load_segment_header(parts.files.back_segment).pages;
    for (const auto& part : parts.files.part_segments) parts.part_pages.push_back(load_segment_header(part).pages);
    return parts;
  }
  ScratchDir scratch("proceedings-typeset");
  const Typeset made = make(scratch.path());
  if (made.part_starts.size() != part_count)
    throw input_error(made.pdf.string(), "marks " + std::to_string(made.part_starts.size()) + " workshop part(s), not the volume's " +
                                             std::to_string(part_count) + " (the template calls \\volumepart once a workshop)");
  parts.back_pages = split_typeset(made.pdf, made.front_pages, text_font(), made.forward_pages, parts.files, made.part_starts);
  parts.front_pages = made.part_starts.empty() ? made.front_pages : made.part_starts.front();
  for (std::size_t k = 0; k < part_count; ++k)
    parts.part_pages.push_back((k + 1 < part_count ? made.part_starts[k + 1] : made.front_pages) - made.part_starts[k]);
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
    const bool typeset = name.rfind("frontmatter-", 0) == 0 || name.rfind("authorindex-", 0) == 0 || name.rfind("part-", 0) == 0;
    const bool current_part = std::find(files.part_segments.begin(), files.part_segments.end(), file) != files.part_segments.end();
    if (typeset && file != files.front_pdf && file != files.front_segment && file != files.back_segment && file != sections &&
        !current_part)
      fs::remove(file);
  }
}

}  // namespace proceedings::build

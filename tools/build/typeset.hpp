#pragma once
// The pages `build` typesets itself, from the LaTeX templates in templates/.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "build/pdf_book.hpp"
#include "build/plan.hpp"
#include "proceedings/template.hpp"

namespace proceedings::build {

struct Typeset {
  std::filesystem::path pdf;
  std::vector<std::pair<std::string, int>> sections;  // front matter: title, 1-based page
  int front_pages = -1;  // the pages before the author index
  std::vector<PlacedText> forward_pages;  // contents' page numbers to print in the text font (split_typeset)
  std::vector<int> part_starts = {};       // a volume's: the 0-based page each workshop's part starts on
};

// The front matter with the author index after it, in one document: writes
// frontmatter.tex in `work` from templates/proceedings (authorindex.tex fills
// its {{AUTHOR_INDEX}} slot; a volume's from volume.tex, with each workshop's
// part between its front matter and the index) and runs LaTeX once: pdfLaTeX, or LuaLaTeX when a
// character is beyond T1 Libertine (tex_engine_for). A character no font has
// is a usage Error naming its field in workshop.yaml or papers.yaml.
// A draft's placeholder page for `paper` (templates/proceedings/placeholder.tex:
// its title, authors and BookPaper::placeholder), typeset in `work` once per text.
std::filesystem::path typeset_placeholder(const BookPlan& plan, const BookPaper& paper,
                                          const std::filesystem::path& templates, const std::filesystem::path& work);

// The files the front matter and the author index are typeset from, read
// once a build: the chairs' messages as written (message.md, "" where there
// is none; a volume's own, then each workshop's) and the templates.
struct TypesetSources {
  std::string message;
  std::vector<std::string> part_messages;
  // preamble, frontmatter, authorindex, volume: each one's text, none where it is missing
  std::vector<std::pair<std::string, std::optional<std::string>>> templates;
  std::string template_text() const;  // the templates joined, as they enter the cache keys
  // The template `name` of `folder` (templates/proceedings); a usage Error when it is missing.
  const std::string& template_named(const std::filesystem::path& folder, const std::string& name) const;
};
TypesetSources read_typeset_sources(const BookPlan& plan, const std::filesystem::path& templates);

// The front matter's slots but the chairs' messages, and a volume's
// workshop parts (the PARTS slot) as each one's text before and after its message.
struct FrontMatterSlots {
  std::map<std::string, std::string> values;
  std::vector<std::pair<std::string, std::string>> parts;
  bool volume = false;
  // The slots with these messages in theirs: as written (for the cache key) or in LaTeX (to typeset).
  std::map<std::string, std::string> with(const std::string& message, const std::vector<std::string>& part_messages) const;
};
FrontMatterSlots front_matter_slots(const BookPlan& plan);

// What the front matter and the author index are typeset from, computed
// once a build: the typeset parts' cache key is made of it (key_text), and
// typesetting fills the templates with the same values, the messages
// converted to LaTeX.
struct TypesetInputs {
  TypesetSources sources;
  FrontMatterSlots front;
  std::map<std::string, std::string> index;  // the author index's slots
  std::string key_text() const;
};
TypesetInputs typeset_inputs(const BookPlan& plan, TypesetSources sources);

Typeset typeset_front_matter_and_index(const BookPlan& plan, const TypesetInputs& inputs,
                                       const std::filesystem::path& templates, const std::filesystem::path& work);

// The sections ("Title|page" lines) of a section list the templates write.
std::vector<std::pair<std::string, int>> read_sections(const std::filesystem::path& file);

// What ACM's copyright page and contents cannot print yet, one warning each
// naming its file: papers whose rights type, or DOI, is not recorded, the
// volume's ISBN or DOI; nothing for a venue ACM does not publish.
std::vector<std::string> publication_gaps(const BookPlan& plan);

// The front matter's slot values with these messages (front_matter_slots(plan).with).
// `part_messages`: a volume's, each workshop's message in the parts' order.
std::map<std::string, std::string> front_matter_values(const BookPlan& plan, const std::string& message_latex,
                                                       const std::vector<std::string>& part_messages = {});
std::map<std::string, std::string> author_index_values(const BookPlan& plan);

// Authors with the first pages of their papers, sorted by family name with
// accents ignored ("Ångström" among the A's).
std::vector<std::pair<std::string, std::vector<int>>> author_index(const BookPlan& plan);

}  // namespace proceedings::build

#pragma once
// `build --volume`: the plan of a volume of workshops (volume.yaml) and the
// outline of its book; the rest of the build is the workshop's.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "build/pdf_book.hpp"
#include "build/plan.hpp"
#include "build/state.hpp"
#include "proceedings/volume.hpp"

namespace proceedings::build {

// Every workshop's papers in the volume's order, each workshop's in its own
// program order (make_plan), numbered 1, 2, ... across the volume; paper
// PDFs at `papers_dir`/<workshop id>/<paper id>.pdf. The plan's workshop is
// volume_venue(volume), its parts the workshops. A workshop without papers
// is a part without papers.
BookPlan make_volume_plan(const Volume& volume, const std::filesystem::path& papers_dir,
                          std::map<std::string, PaperFacts>& facts, unsigned jobs);

// The outline of a volume's book: the front matter's sections (0-based book
// pages from `front_sections`' 1-based ones), one item per workshop at its
// part's first page with its papers, the author index.
std::vector<OutlineItem> volume_outline(const BookPlan& plan, const std::vector<std::pair<std::string, int>>& front_sections,
                                        int front_pages, const std::vector<int>& part_pages);

// What an unchanged rebuild of a volume compares instead of reading its
// eighty-odd YAML files again (BuildCache::volume_unchanged): each file the
// book is made from (volume.yaml and message.md, each workshop's
// workshop.yaml, papers.yaml and message.md, each paper's PDF and its folder,
// the templates).
std::vector<std::filesystem::path> volume_input_files(const BookPlan& plan, const std::filesystem::path& templates);

// The book's 0-based page of each paper's first page: after the front
// matter, and after the part pages of its own workshop and those before it.
std::vector<int> first_book_pages(const BookPlan& plan, int front_pages, const std::vector<int>& part_pages);

}  // namespace proceedings::build

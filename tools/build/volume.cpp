#include "build/volume.hpp"

#include <algorithm>

#include "build/folio.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings::build {

namespace fs = std::filesystem;

BookPlan make_volume_plan(const Volume& volume, const fs::path& papers_dir, std::map<std::string, PaperFacts>& facts,
                          unsigned jobs) {
  BookPlan plan;
  plan.workshop = volume_venue(volume);
  plan.footer = folio_venue(plan.workshop);
  std::map<std::string, PaperFacts> now;
  int pages = 0;
  for (std::size_t k = 0; k < volume.workshops.size(); ++k) {
    const Workshop& w = volume.workshops[k];
    BookPart part{w, plan.papers.size(), 0};
    if (!w.papers.empty()) {
      std::map<std::string, PaperFacts> known = facts;  // make_plan keeps only its own papers'
      BookPlan own = make_plan(w, papers_dir / w.id, known, jobs);
      now.insert(known.begin(), known.end());
      part.workshop = std::move(own.workshop);
      part.papers = own.papers.size();
      for (auto& p : own.papers) {
        p.first_page += pages;
        p.part = k;
        plan.papers.push_back(std::move(p));
      }
      pages += own.paper_pages;
    }
    plan.parts.push_back(std::move(part));
  }
  if (plan.papers.empty())
    throw usage_error((volume.folder / volume_file_name).string(), "lists workshops without papers: no book to build");
  facts = std::move(now);
  plan.paper_pages = pages;
  return plan;
}

std::vector<fs::path> volume_input_files(const BookPlan& plan, const fs::path& templates) {
  std::vector<fs::path> files{plan.workshop.folder / volume_file_name, plan.workshop.folder / "message.md"};
  for (const auto& part : plan.parts)
    for (const char* name : {"workshop.yaml", "papers.yaml", "message.md"}) files.push_back(part.workshop.folder / name);
  for (const auto& p : plan.papers) {
    files.push_back(p.pdf);
    // its folder too: a file added there may be the one the matcher takes for a paper
    if (std::find(files.begin(), files.end(), p.pdf.parent_path()) == files.end()) files.push_back(p.pdf.parent_path());
  }
  for (const char* name : {"preamble", "frontmatter", "authorindex", "volume"})
    files.push_back(templates / "proceedings" / (std::string(name) + ".tex"));
  return files;
}

std::vector<int> first_book_pages(const BookPlan& plan, int front_pages, const std::vector<int>& part_pages) {
  std::vector<int> first;
  int before = front_pages;
  std::size_t part = 0;
  for (const auto& p : plan.papers) {
    for (; part <= p.part && part < part_pages.size(); ++part) before += part_pages[part];
    first.push_back(before + p.first_page - 1);
  }
  return first;
}

std::vector<OutlineItem> volume_outline(const BookPlan& plan, const std::vector<std::pair<std::string, int>>& front_sections,
                                        int front_pages, const std::vector<int>& part_pages) {
  std::vector<OutlineItem> items;
  for (const auto& [title, page] : front_sections) items.push_back({title, page - 1, {}});
  const std::vector<int> first = first_book_pages(plan, front_pages, part_pages);
  int part_start = front_pages;
  for (std::size_t k = 0; k < plan.parts.size(); ++k) {
    const BookPart& part = plan.parts[k];
    OutlineItem item{venue_title(part.workshop), part_start, {}};
    for (std::size_t i = part.first_paper; i < part.first_paper + part.papers; ++i)
      item.children.push_back({plan.papers[i].record.title, first[i], {}});
    items.push_back(std::move(item));
    part_start += (k < part_pages.size() ? part_pages[k] : 0);
    if (part.papers) part_start = first[part.first_paper + part.papers - 1] + plan.papers[part.first_paper + part.papers - 1].pages;
  }
  items.push_back({"Author Index", part_start, {}});
  return items;
}

}  // namespace proceedings::build

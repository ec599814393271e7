#include "book/plan.hpp"

#include "book/folio.hpp"

#include <algorithm>
#include <set>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings::book {

namespace {

// Papers in the order the program presents them, then the rest as listed.
std::vector<std::pair<const Paper*, std::string>> program_order(const Workshop& w) {
  std::vector<std::pair<const Paper*, std::string>> order;
  std::set<std::string> placed;
  for (const auto& session : w.sessions)
    for (const auto& talk : session.talks) {
      if (talk.paper_id.empty() || placed.count(talk.paper_id)) continue;
      const auto it = std::find_if(w.papers.begin(), w.papers.end(), [&](const Paper& p) { return p.id == talk.paper_id; });
      order.emplace_back(&*it, session.title);
      placed.insert(talk.paper_id);
    }
  for (const auto& p : w.papers)
    if (!placed.count(p.id)) order.emplace_back(&p, "");
  return order;
}

}  // namespace

BookPlan make_plan(Workshop workshop, const std::filesystem::path& papers_dir) {
  BookPlan plan;
  plan.workshop = std::move(workshop);
  const Workshop& w = plan.workshop;
  if (w.papers.empty()) throw usage_error((w.folder / "papers.yaml").string(), "lists no papers to build a book from");
  plan.footer = folio_venue(w);
  PdfReader reader;
  int next_page = 1;
  for (const auto& [paper, session] : program_order(w)) {
    BookPaper item{*paper, papers_dir / (paper->id + ".pdf"), {}, session, 0, next_page};
    if (!std::filesystem::exists(item.pdf))
      throw input_error(item.pdf.string(), "missing: the camera-ready PDF of paper '" + paper->id + "'");
    item.pages = static_cast<int>(reader.read(item.pdf, {false}).pages.size());
    item.sha256 = sha256_file(item.pdf);
    next_page += item.pages;
    plan.papers.push_back(std::move(item));
  }
  plan.paper_pages = next_page - 1;
  return plan;
}

}  // namespace proceedings::book

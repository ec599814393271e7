#include "build/plan.hpp"

#include "build/folio.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/parallel.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings::build {

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

BookPlan make_plan(Workshop workshop, const std::filesystem::path& papers_dir,
                   std::map<std::string, PaperFacts>& facts, unsigned jobs) {
  BookPlan plan;
  plan.workshop = std::move(workshop);
  const Workshop& w = plan.workshop;
  if (w.papers.empty()) throw usage_error((w.folder / "papers.yaml").string(), "lists no papers to build a book from");
  plan.footer = folio_venue(w);
  for (const auto& [paper, session] : program_order(w)) {
    BookPaper item{*paper, papers_dir / (paper->id + ".pdf"), {}, session, 0, 0};
    if (!std::filesystem::exists(item.pdf))
      throw input_error(item.pdf.string(), "missing: the camera-ready PDF of paper '" + paper->id + "'");
    plan.papers.push_back(std::move(item));
  }
  std::vector<PaperFacts> now(plan.papers.size());
  std::vector<std::unique_ptr<PdfReader>> readers(jobs == 0 ? default_jobs() : jobs);  // made when needed
  parallel_for(plan.papers.size(), static_cast<unsigned>(readers.size()), [&](std::size_t i, unsigned worker) {
    const auto& pdf = plan.papers[i].pdf;
    now[i].stamp = input_stamp(pdf);
    const auto known = facts.find(pdf.string());
    if (known != facts.end() && !now[i].stamp.empty() && known->second.stamp == now[i].stamp) {
      now[i] = known->second;
      return;
    }
    now[i].sha256 = sha256_file(pdf);
    if (!readers[worker]) readers[worker] = std::make_unique<PdfReader>();
    now[i].pages = readers[worker]->page_count(pdf);
  });
  facts.clear();
  int next_page = 1;
  for (std::size_t i = 0; i < plan.papers.size(); ++i) {
    auto& item = plan.papers[i];
    item.pages = now[i].pages;
    item.sha256 = now[i].sha256;
    item.first_page = next_page;
    next_page += item.pages;
    facts[item.pdf.string()] = now[i];
  }
  plan.paper_pages = next_page - 1;
  return plan;
}

}  // namespace proceedings::build

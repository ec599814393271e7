// `proceedings arxiv` as a job (job.hpp); command.cpp maps the options onto it.
#include "arxiv/job.hpp"

#include <algorithm>

#include "proceedings/files.hpp"
#include "proceedings/install.hpp"
#include "proceedings/model.hpp"
#include "proceedings/papers_yaml.hpp"

namespace proceedings {

namespace arxiv {

namespace {

// Papers in program order, then the ones the program does not name.
std::vector<const Paper*> in_program_order(const Workshop& w) {
  std::vector<const Paper*> out;
  auto add = [&](const std::string& id) {
    for (const auto& p : w.papers)
      if (p.id == id && std::find(out.begin(), out.end(), &p) == out.end()) out.push_back(&p);
  };
  for (const auto& s : w.sessions)
    for (const auto& t : s.talks) add(t.paper_id);
  for (const auto& p : w.papers) add(p.id);
  return out;
}

// Records each id found where papers.yaml has none; a different one is kept and said.
void record_found(Workshop& w, const Found& f, ArxivResult& result) {
  for (auto& p : w.papers) {
    if (p.id != f.paper_id || f.arxiv_id.empty()) continue;
    if (p.arxiv.empty()) {
      p.arxiv = f.arxiv_id;
      result.changes.push_back(p.id + ": arxiv set to '" + f.arxiv_id + "'");
    } else if (p.arxiv != f.arxiv_id) {
      result.disagreements.push_back(p.id + ": papers.yaml says " + p.arxiv + ", arXiv lists " + f.arxiv_id + "; kept");
    }
  }
}

}  // namespace

}  // namespace arxiv

ArxivResult run_arxiv(const ArxivJob& o) {
  using namespace arxiv;
  Workshop w = load_workshop(venue_folder(o.venue));
  ArxivResult result;
  result.found = arxiv_lookup(w, o.base_url, std::chrono::milliseconds(o.delay_ms));
  for (const auto& f : result.found) record_found(w, f, result);
  for (const Paper* p : in_program_order(w))
    if (!p->arxiv.empty()) result.listing += "LIST:arXiv:" + p->arxiv + "\n";
  if (!o.index.empty()) write_file_atomic(o.index, result.listing);
  if (o.write && !result.changes.empty()) {
    result.papers_yaml = w.folder / "papers.yaml";
    write_file_atomic(result.papers_yaml, updated_papers_yaml(read_file(result.papers_yaml), w.papers));
  }
  if (!o.write) result.changes.clear();
  return result;
}

}  // namespace proceedings

#include "build/plan.hpp"

#include "build/folio.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/parallel.hpp"
#include "proceedings/pdf.hpp"
#include "proceedings/text.hpp"
#include "proceedings/uploads.hpp"

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

// Each paper's PDF in `papers_dir`, as core's matcher takes the folder's files.
struct Found {
  std::map<std::string, std::filesystem::path> pdf;  // paper id -> its file
  std::vector<std::string> taken, problems, strays;
};

Found find_papers(const Workshop& w, const std::filesystem::path& papers_dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(papers_dir)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name[0] != '.' && ascii_lower(e.path().extension().string()) == ".pdf") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::unique_ptr<PdfReader> reader;
  const auto title_of = [&](const std::filesystem::path& file) {
    if (!reader) reader = std::make_unique<PdfReader>();
    return read_title_text(*reader, file);
  };
  Found found;
  for (const MatchedUpload& m : match_uploads(files, w.papers, title_of)) {
    if (m.taken()) {
      found.pdf[m.match.paper] = m.file;
      if (m.match.by != MatchedBy::file_name)
        found.taken.push_back(m.file.string() + ": paper " + m.match.paper + " (by " + m.match.how() + ")");
    } else if (m.match.matched() || m.match.ambiguous()) {
      found.problems.push_back(m.file.string() + " " + m.problem());
    } else {
      found.strays.push_back(m.file.string() + " " + m.problem());
    }
  }
  return found;
}

// Every paper without its PDF at once.
[[noreturn]] void throw_missing(const std::filesystem::path& papers_dir, const std::vector<std::string>& missing) {
  if (missing.size() == 1)
    throw input_error((papers_dir / (missing.front() + ".pdf")).string(),
                      "missing: the camera-ready PDF of paper '" + missing.front() + "'");
  std::string list;
  for (const auto& id : missing) list += (list.empty() ? "" : ", ") + id;
  throw input_error(papers_dir.string(), "the camera-ready PDFs of " + std::to_string(missing.size()) +
                                             " papers are missing: " + list +
                                             " (build --draft puts a placeholder page in their place)");
}

}  // namespace

void number_pages(BookPlan& plan) {
  int next_page = 1;
  for (auto& item : plan.papers) {
    item.first_page = next_page;
    next_page += item.pages;
  }
  plan.paper_pages = next_page - 1;
}

BookPlan make_plan(Workshop workshop, const std::filesystem::path& papers_dir,
                   std::map<std::string, PaperFacts>& facts, unsigned jobs, bool draft) {
  BookPlan plan;
  plan.workshop = std::move(workshop);
  const Workshop& w = plan.workshop;
  if (w.papers.empty()) throw usage_error((w.folder / "papers.yaml").string(), "lists no papers to build a book from");
  plan.footer = folio_venue(w);
  Found found = find_papers(w, papers_dir);
  if (!found.problems.empty()) {
    std::string all;
    for (const auto& p : found.problems) all += (all.empty() ? "" : "; ") + p;
    throw usage_error(papers_dir.string(), "cannot tell which file is which paper: " + all);
  }
  plan.taken = std::move(found.taken);
  plan.strays = std::move(found.strays);
  std::vector<std::string> missing;
  for (const auto& [paper, session] : program_order(w)) {
    const auto pdf = found.pdf.find(paper->id);
    BookPaper item{*paper, pdf == found.pdf.end() ? std::filesystem::path() : pdf->second, {}, session, 0, 0};
    if (item.pdf.empty()) {
      missing.push_back(paper->id);
      item.placeholder = "no camera-ready PDF yet";
      item.pages = 1;
    }
    plan.papers.push_back(std::move(item));
  }
  if (!missing.empty() && !draft) throw_missing(papers_dir, missing);
  std::vector<PaperFacts> now(plan.papers.size());
  std::vector<std::unique_ptr<PdfReader>> readers(jobs == 0 ? default_jobs() : jobs);  // made when needed
  parallel_for(plan.papers.size(), static_cast<unsigned>(readers.size()), [&](std::size_t i, unsigned worker) {
    const auto& pdf = plan.papers[i].pdf;
    if (pdf.empty()) return;  // a draft's placeholder, typeset later
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
  for (std::size_t i = 0; i < plan.papers.size(); ++i) {
    auto& item = plan.papers[i];
    if (item.pdf.empty()) continue;
    item.pages = now[i].pages;
    item.sha256 = now[i].sha256;
    facts[item.pdf.string()] = now[i];
  }
  number_pages(plan);
  return plan;
}

}  // namespace proceedings::build

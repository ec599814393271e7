#include <algorithm>
#include <future>
#include <optional>
#include <set>

#include "build/build_cache.hpp"
#include "build/bundle.hpp"
#include "build/cache.hpp"
#include "build/folio.hpp"
#include "build/pdf_book.hpp"
#include "proceedings/pdf_segment.hpp"
#include "build/plan.hpp"
#include "build/state.hpp"
#include "build/typeset.hpp"
#include "build/volume.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/install.hpp"
#include "build/job.hpp"
#include "proceedings/check.hpp"
#include "proceedings/parallel.hpp"
#include "proceedings/terminal.hpp"
#include "proceedings/volume.hpp"

namespace proceedings {

namespace build {

namespace {

// How long each phase took, into the result (printed with --timings).
class Phases {
 public:
  explicit Phases(std::vector<BuildResult::Phase>& out) : out_(out), last_(std::chrono::steady_clock::now()) {}
  void done(const char* phase) {
    const auto now = std::chrono::steady_clock::now();
    out_.push_back({phase, std::chrono::duration_cast<std::chrono::milliseconds>(now - last_).count()});
    last_ = now;
  }

 private:
  std::vector<BuildResult::Phase>& out_;
  std::chrono::steady_clock::time_point last_;
};

// Papers must pass the venue's checks before they go into the book. A paper
// that passed before with the same bytes and rules is not checked again; the
// others are checked beside the LaTeX run, each before it is stamped.
// A volume's papers are each checked against their own workshop's rules.
class PaperGate {
 public:
  PaperGate(const BookPlan& plan, const std::set<std::string>& passed,
            const std::map<std::string, std::vector<std::string>>& warnings, unsigned workers)
      : passed_(passed), warnings_(warnings), verdicts_(plan.papers.size(), unknown), keys_(plan.papers.size()),
        new_warnings_(plan.papers.size()), errors_(plan.papers.size()) {
    std::vector<const Workshop*> venues{&plan.workshop};
    if (!plan.parts.empty()) venues.clear();
    for (const auto& part : plan.parts) venues.push_back(&part.workshop);
    for (const Workshop* venue : venues)
      // The checker's own version is part of the key: a new release may judge differently.
      rules_.push_back(venue->submission ? "|" + std::string(PROCEEDINGS_VERSION) + "|" + check_rules_key(*venue) : "");
    if (std::any_of(rules_.begin(), rules_.end(), [](const std::string& r) { return !r.empty(); }))
      gate_ = std::make_unique<CheckGate>(venues, workers);
  }
  bool passes(std::size_t i, const BookPaper& paper, unsigned worker) {
    if (!gate_ || rules_.at(paper.part).empty()) return true;
    if (verdicts_[i] != unknown) return verdicts_[i] == passed_now;  // judged before (a draft's first look)
    keys_[i] = paper.sha256 + rules_[paper.part];
    if (passed_.count(keys_[i])) return true;
    const CheckGate::Verdict verdict = gate_->check(paper.pdf, i, worker, paper.part);
    if (!verdict.error.empty()) throw input_error(paper.pdf.string(), verdict.error);
    verdicts_[i] = verdict.passed ? passed_now : failed;
    for (const auto& p : verdict.problems)
      (p.severity == Severity::warning ? new_warnings_[i] : errors_[i]).push_back(p.code + ": " + p.message);
    return verdicts_[i] == passed_now;
  }
  std::set<std::string> passed() const {
    std::set<std::string> all = passed_;
    for (std::size_t i = 0; i < verdicts_.size(); ++i)
      if (verdicts_[i] == passed_now) all.insert(keys_[i]);
    return all;
  }
  // The warnings of each paper that passed, by its key, for the next build to show without checking again.
  std::map<std::string, std::vector<std::string>> warnings() const {
    std::map<std::string, std::vector<std::string>> all;
    for (const auto& key : passed())
      if (const auto known = warnings_.find(key); known != warnings_.end()) all[key] = known->second;
    for (std::size_t i = 0; i < verdicts_.size(); ++i)
      if (verdicts_[i] == passed_now && !new_warnings_[i].empty()) all[keys_[i]] = new_warnings_[i];
    return all;
  }
  // Paper i's warnings ("CODE: message"), when it passed: from this check or the last build's.
  std::vector<std::string> warnings_of(std::size_t i) const {
    if (verdicts_[i] == passed_now) return new_warnings_[i];
    const auto known = warnings_.find(keys_[i]);
    return known == warnings_.end() ? std::vector<std::string>{} : known->second;
  }
  // The codes of paper i's errors, when it failed.
  std::string error_codes(std::size_t i) const {
    std::string out;
    for (const auto& e : errors_[i]) out += (out.empty() ? "" : ", ") + e.substr(0, e.find(':'));
    return out;
  }
  std::string failing_table() const { return gate_ ? gate_->failing_table() : ""; }

 private:
  enum Verdict : char { unknown, passed_now, failed };
  const std::set<std::string>& passed_;
  const std::map<std::string, std::vector<std::string>>& warnings_;  // the last build's, by key
  std::vector<Verdict> verdicts_;  // one per paper; each written by one task only
  std::vector<std::string> keys_;
  std::vector<std::vector<std::string>> new_warnings_, errors_;  // per paper, from this build's checks
  std::vector<std::string> rules_;  // per venue; "" where it sets no rules
  std::unique_ptr<CheckGate> gate_;
};

std::vector<OutlineItem> outline(const BookPlan& plan, const TypesetParts& typeset) {
  const int front_pages = typeset.front_pages;
  std::vector<OutlineItem> items;
  for (const auto& [title, page] : typeset.sections) items.push_back({title, page - 1, {}});
  for (const auto& p : plan.papers) {
    const std::string group = p.session.empty() ? "Papers" : p.session;
    if (items.empty() || items.back().title != group || items.back().children.empty())
      items.push_back({group, front_pages + p.first_page - 1, {}});
    items.back().children.push_back({p.record.title, front_pages + p.first_page - 1, {}});
  }
  items.push_back({"Author Index", front_pages + plan.paper_pages, {}});
  return items;
}

// The typeset front matter and author index (one LaTeX run), and every
// paper checked and stamped with its folio, each also kept as the book's
// part: one parallel_for, the LaTeX run first (the longest task). A paper
// that fails the checks is not stamped unless `force`.
struct Parts {
  TypesetParts typeset;
  std::vector<fs::path> stamped;
  std::vector<std::string> stamped_sha256;
  std::vector<std::string> restamped;  // ids
};

Parts make_parts(const BookPlan& plan, const BuildCache& cache, const fs::path& templates, const TypesetInputs& inputs,
                 PaperGate& gate, std::shared_future<BookFonts>& fonts, bool force, bool draft,
                 unsigned jobs) {
  const std::string typeset_key = BuildCache::typeset_key(inputs);
  // The folio font: the glyphs of the venue's name and the digits, cut from the
  // Type 1 font the LaTeX footer used; its bytes are part of every stamp's key.
  // A draft's pages carry the watermark, drawn in the same font.
  const std::string watermark = draft ? "DRAFT" : "";
  const FolioFont font = folio_font(fonts.get().folio, plan.workshop, watermark);
  const std::string stamps_key = BuildCache::stamps_key(font, plan.footer, watermark);
  const Stamper stamper(font, plan.footer, watermark);
  Parts parts;
  const std::size_t n = plan.papers.size();
  parts.stamped.resize(n);
  parts.stamped_sha256.resize(n);
  std::vector<char> restamped(n, 0);
  Progress progress("stamping", n);
  parallel_for(n + 1, jobs, [&](std::size_t task, unsigned worker) {
    if (task == 0) {
      parts.typeset = typeset_parts(
          cache.folder(), typeset_key, [&](const fs::path& d) { return typeset_front_matter_and_index(plan, inputs, templates, d); },
          [&] { return subset_type1(fonts.get().text, "0123456789cdilmvx"); }, plan.parts.size());
      return;
    }
    const std::size_t i = task - 1;
    const auto& p = plan.papers[i];
    if (p.placeholder.empty() && !gate.passes(i, p, worker) && !force) return;
    const fs::path out = cache.stamped_paper(p, stamps_key);
    if (BuildCache::stamped_intact(out)) {
      parts.stamped_sha256[i] = cache.part_sha256(out);
    } else {
      stamper.stamp(p.pdf, p.first_page, out, segment_of(out));
      parts.stamped_sha256[i] = sha256_file(out);
      restamped[i] = 1;
    }
    parts.stamped[i] = out;
    progress.advance(p.record.id);
  });
  for (std::size_t i = 0; i < n; ++i)
    if (restamped[i]) parts.restamped.push_back(plan.papers[i].record.id);
  std::sort(parts.restamped.begin(), parts.restamped.end());
  return parts;
}

fs::path write_book_file(const BookPlan& plan, const Parts& parts, const std::string& inputs, const BuildCache& cache) {
  const fs::path book = cache.book_file(inputs, parts.typeset, parts.stamped);
  if (cache.made_before(book)) return book;
  BookParts book_parts{parts.typeset.files.front_segment, {}, parts.typeset.files.back_segment, outline(plan, parts.typeset),
                       "Proceedings of " + venue_title(plan.workshop), plan.workshop.publication};
  for (const auto& stamped : parts.stamped) book_parts.papers.push_back(segment_of(stamped));
  if (!plan.parts.empty()) {  // a volume: each workshop's own pages before its papers
    book_parts.outline = volume_outline(plan, parts.typeset.sections, parts.typeset.front_pages, parts.typeset.part_pages);
    if (plan.workshop.acm && !plan.workshop.acm->proceedings_title.empty()) book_parts.title = plan.workshop.acm->proceedings_title;
    for (std::size_t k = 0; k < plan.parts.size(); ++k)
      book_parts.interludes.push_back(
          {parts.typeset.files.part_segments.at(k), plan.parts[k].first_paper, plan.parts[k].workshop.acronym + " "});
  }
  for (const auto& editor : plan.workshop.organizers)
    book_parts.author += (book_parts.author.empty() ? "" : ", ") + editor.name;
  assemble_book(book_parts, book);
  return book;
}

// A draft's stand-ins: each paper that fails the checks (or cannot be read)
// gets a placeholder page too, as the missing ones have; each placeholder is
// typeset, and the book's pages are numbered again.
void stand_in(BookPlan& plan, PaperGate& gate, const fs::path& templates, const fs::path& work, unsigned jobs) {
  std::vector<std::string> why(plan.papers.size());
  parallel_for(plan.papers.size(), jobs, [&](std::size_t i, unsigned worker) {
    const BookPaper& p = plan.papers[i];
    if (!p.placeholder.empty()) return;
    try {
      if (!gate.passes(i, p, worker)) why[i] = "fails the venue's checks: " + gate.error_codes(i);
    } catch (const Error& e) {
      why[i] = "cannot be read: " + std::string(e.what());
    }
  });
  for (std::size_t i = 0; i < plan.papers.size(); ++i) {
    BookPaper& p = plan.papers[i];
    if (!why[i].empty()) p.placeholder = why[i];
    if (p.placeholder.empty()) continue;
    p.pdf = typeset_placeholder(plan, p, templates, work);
    p.sha256 = sha256_file(p.pdf);
    p.pages = 1;
  }
  number_pages(plan);
}

// The fonts where the last build found them while they are the same files;
// else TeX's search for them, which is slow to start: with more than one job
// it begins now and runs while the papers are read, with one it runs when
// the fonts are first needed.
std::shared_future<BookFonts> book_fonts(const State& previous, unsigned jobs) {
  const auto remembered = [&](const char* name) -> std::optional<fs::path> {
    const auto at = previous.fonts.find(name);
    if (at == previous.fonts.end() || at->second.stamp.empty() || input_stamp(at->second.path) != at->second.stamp)
      return std::nullopt;
    return fs::path(at->second.path);
  };
  const auto folio = remembered(folio_font_name), text = remembered(text_font_name);
  if (!folio || !text) return std::async(jobs > 1 ? std::launch::async : std::launch::deferred, find_book_fonts).share();
  std::promise<BookFonts> known;
  known.set_value({*folio, *text});
  return known.get_future().share();
}

std::map<std::string, FoundFile> found_fonts(const BookFonts& fonts) {
  return {{folio_font_name, {fonts.folio.string(), input_stamp(fonts.folio)}},
          {text_font_name, {fonts.text.string(), input_stamp(fonts.text)}}};
}

}  // namespace

}  // namespace build

BuildResult run_build(const BuildJob& o) {
  using namespace build;
  BuildResult result;
  Phases phases(result.phases);
  std::optional<Volume> volume;
  Workshop workshop;
  if (!o.volume.empty()) {
    if (!is_volume_folder(o.volume))
      throw usage_error((fs::path(o.volume) / volume_file_name).string(), "missing: a volume folder holds volume.yaml");
  } else {
    if (!o.venue.empty() && is_volume_folder(o.venue) && !fs::exists(fs::path(o.venue) / "workshop.yaml"))
      throw usage_error(o.venue, "holds volume.yaml, not workshop.yaml: build a volume with --volume " + o.venue);
    workshop = load_workshop(venue_folder(o.venue));
  }
  const fs::path papers_dir = o.papers;
  if (!fs::is_directory(papers_dir))
    throw usage_error(papers_dir.string(), o.volume.empty() ? "is not a folder of camera-ready PDFs named <paper id>.pdf (see --papers)"
                                                            : "is not a folder of camera-ready PDFs in <workshop id>/<paper id>.pdf (see --papers)");
  const fs::path out(o.out), work = out / ".build";
  refuse_output_folder_over_file(out, "--out");
  result.bundle = out / "bundle";
  fs::create_directories(work / "stamped");
  const OutputLock lock(work / "lock", out.string());
  const BuildCache cache(work);
  const State& previous = cache.previous();
  State now;
  now.papers = previous.papers;
  const unsigned jobs = o.jobs ? o.jobs : default_jobs();
  const std::string volume_run = o.volume.empty() ? "" : BuildCache::volume_run(o);
  if (!o.volume.empty()) {
    if (cache.volume_unchanged(volume_run)) {
      result.up_to_date = true;
      return result;
    }
    volume = load_volume(o.volume);
  }
  std::shared_future<BookFonts> fonts = book_fonts(previous, jobs);
  BookPlan plan = volume ? make_volume_plan(*volume, papers_dir, now.papers, jobs)
                         : make_plan(std::move(workshop), papers_dir, now.papers, jobs, o.draft);
  PaperGate gate(plan, previous.passed, previous.warnings, jobs);
  if (o.draft) stand_in(plan, gate, templates_folder(o.templates) / "proceedings", work / "placeholders", jobs);
  for (const auto& p : plan.papers)
    if (!p.placeholder.empty()) result.placeholders.push_back(p.record.id + ": " + p.placeholder);
  result.taken = plan.taken;
  result.strays = plan.strays;
  result.papers = plan.papers.size();
  result.warnings = publication_gaps(plan);
  phases.done("plan");

  const fs::path templates_root = templates_folder(o.templates);
  TypesetSources sources = read_typeset_sources(plan, templates_root / "proceedings");  // read once, hashed into every key
  now.inputs = cache.inputs_key(plan, o, sources);
  if (cache.up_to_date(now.inputs)) {
    if (volume) cache.save_volume_stamps(volume_run, previous.inputs, volume_input_files(plan, templates_root));
    if (previous.papers != now.papers) cache.save(State{previous.inputs, previous.outputs, previous.stamps,
                                                                    previous.passed, now.papers, previous.parts, previous.fonts,
                                                                    previous.warnings});
    result.up_to_date = true;
    return result;
  }
  phases.done("state");
  const Parts parts =
      make_parts(plan, cache, templates_root / "proceedings", typeset_inputs(plan, std::move(sources)), gate, fonts, o.force,
                 o.draft, jobs);
  phases.done("front matter and index, papers checked and stamped");
  now.passed = gate.passed();
  result.failing_table = gate.failing_table();
  if (!result.failing_table.empty() && !o.force && !o.draft) {
    // What passed need not be checked again, and the parts made are kept for the next build.
    cache.save(State{previous.inputs, previous.outputs, previous.stamps, now.passed, now.papers, previous.parts,
                                 previous.fonts, gate.warnings()});
    result.status = Exit::failed;
    return result;
  }
  now.warnings = gate.warnings();
  for (std::size_t i = 0; i < plan.papers.size(); ++i)
    for (const auto& w : plan.papers[i].placeholder.empty() ? gate.warnings_of(i) : std::vector<std::string>{})
      result.passed_warnings.push_back(plan.papers[i].record.id + ": " + w);
  const fs::path book = write_book_file(plan, parts, now.inputs, cache);
  const std::string book_sha = cache.part_sha256(book);
  phases.done("book");
  const fs::path& front_pdf = parts.typeset.files.front_pdf;
  const std::string front_sha = cache.part_sha256(front_pdf);
  const BundleWritten written = write_bundle(
      plan, {book, book_sha, front_pdf, front_sha, parts.stamped, parts.stamped_sha256, parts.typeset.front_pages,
             parts.typeset.part_pages},
      result.bundle, previous);
  phases.done("bundle");

  cache.forget_stale_parts(parts.typeset, parts.stamped, book);
  for (std::size_t i = 0; i < parts.stamped.size(); ++i)
    now.parts[parts.stamped[i].filename().string()] = parts.stamped_sha256[i];
  now.parts[book.filename().string()] = book_sha;
  now.parts[front_pdf.filename().string()] = front_sha;
  now.outputs = written.sha256;
  now.fonts = found_fonts(fonts.get());
  for (const auto& file : written.files) now.stamps[file.string()] = output_stamp(file);
  cache.save(now);
  if (volume) cache.save_volume_stamps(volume_run, now.inputs, volume_input_files(plan, templates_root));
  phases.done("state saved");

  result.zip = written.zip;
  result.zip_reused = written.zip_reused;
  result.front_pages = parts.typeset.front_pages;
  result.paper_pages = plan.paper_pages;
  result.index_pages = parts.typeset.back_pages;
  for (int pages : parts.typeset.part_pages) result.part_pages += pages;
  result.stamped = parts.restamped;
  result.front_typeset = result.index_typeset = !parts.typeset.reused;
  return result;
}

}  // namespace proceedings

#include "book/command.hpp"

#include <nlohmann/json.hpp>

#include <future>
#include <set>
#include <iostream>
#include <mutex>
#include <thread>

#include "book/bundle.hpp"
#include "book/folio.hpp"
#include "book/pdf_book.hpp"
#include "book/plan.hpp"
#include "book/typeset.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/install.hpp"
#include "proceedings/jobs.hpp"
#include "proceedings/pdf.hpp"
#include "proceedings/terminal.hpp"

namespace proceedings::book {

namespace {

struct Options {
  std::string venue;
  std::string papers;
  std::string out = "out";
  std::string templates;
  bool force = false;
  bool timings = false;
};

// Phase times on stderr with --timings.
class Phases {
 public:
  explicit Phases(bool on) : on_(on), last_(std::chrono::steady_clock::now()) {}
  void done(const char* phase) {
    const auto now = std::chrono::steady_clock::now();
    if (on_)
      std::cerr << "build: " << phase << " " << std::chrono::duration_cast<std::chrono::milliseconds>(now - last_).count()
                << " ms\n";
    last_ = now;
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point last_;
};

std::string key16(const std::string& text) { return sha256_hex(text).substr(0, 16); }

std::string file_or_empty(const fs::path& file) { return fs::exists(file) ? read_file(file) : ""; }

std::string templates_text(const fs::path& templates) {
  std::string all;
  for (const char* name : {"preamble", "frontmatter", "authorindex"})
    all += file_or_empty(templates / "proceedings" / (std::string(name) + ".tex"));
  return all;
}

// Everything the bundle depends on; equal keys mean nothing to do.
std::string inputs_key(const BookPlan& plan, const Options& o, const std::string& templates) {
  std::string all = std::string(PROCEEDINGS_VERSION) + (o.force ? "force" : "");
  for (const auto& p : plan.papers) all += p.record.id + p.sha256;
  for (const char* file : {"workshop.yaml", "papers.yaml", "message.md"})
    all += file_or_empty(plan.workshop.folder / file);
  return sha256_hex(all + templates);
}

std::string values_text(const std::map<std::string, std::string>& values) {
  std::string all;
  for (const auto& [k, v] : values) all += k + "\x01" + v + "\x02";
  return all;
}

// A typeset part is kept under a name made of its inputs' hash.
struct CachedPart {
  fs::path pdf;
  std::vector<std::pair<std::string, int>> sections;
  bool reused = false;
};

template <typename Make>
CachedPart cached(const fs::path& work, const std::string& name, const std::string& key, Make make) {
  const fs::path pdf = work / (name + "-" + key + ".pdf");
  const fs::path sections = work / (name + "-" + key + ".sections");
  CachedPart part{pdf, {}, fs::exists(pdf)};
  if (!part.reused) {
    ScratchDir scratch("proceedings-" + name);
    const Typeset made = make(scratch.path());
    std::string lines;
    for (const auto& [title, page] : made.sections) lines += title + "|" + std::to_string(page) + "\n";
    write_file_atomic(sections, lines);
    copy_file_atomic(made.pdf, pdf);
  }
  std::istringstream in(file_or_empty(sections));
  for (std::string line; std::getline(in, line);) {
    const auto bar = line.rfind('|');
    if (bar != std::string::npos) part.sections.emplace_back(line.substr(0, bar), std::stoi(line.substr(bar + 1)));
  }
  return part;
}

// Papers must pass the venue's checks before they go into the book. A paper
// that passed before with the same bytes and rules is not checked again.
bool papers_pass(const BookPlan& plan, bool force, std::set<std::string>& passed) {
  if (!plan.workshop.submission) return true;
  // The checker's own version is part of the key: a new release may judge differently.
  const std::string rules =
      "|" + std::string(PROCEEDINGS_VERSION) + "|" + check_rules_key(plan.workshop);
  std::vector<fs::path> files;
  std::vector<std::string> keys;
  for (const auto& p : plan.papers)
    if (!passed.count(p.sha256 + rules)) {
      files.push_back(p.pdf);
      keys.push_back(p.sha256 + rules);
    }
  const CheckGate gate =
      check_gate(plan.workshop, files, std::max(1u, std::thread::hardware_concurrency()));
  for (std::size_t i = 0; i < files.size(); ++i)
    if (gate.passed[i]) passed.insert(keys[i]);
  if (gate.failing_table.empty()) return true;
  std::cerr << (force ? "build: --force: building despite papers that fail the checks:\n"
                      : "build: papers fail the venue's checks (use --force to build anyway):\n")
            << gate.failing_table;
  return force;
}

std::vector<OutlineItem> outline(const BookPlan& plan, const CachedPart& front, int front_pages) {
  std::vector<OutlineItem> items;
  for (const auto& [title, page] : front.sections) items.push_back({title, page - 1, {}});
  for (const auto& p : plan.papers) {
    const std::string group = p.session.empty() ? "Papers" : p.session;
    if (items.empty() || items.back().title != group || items.back().children.empty())
      items.push_back({group, front_pages + p.first_page - 1, {}});
    items.back().children.push_back({p.record.title, front_pages + p.first_page - 1, {}});
  }
  items.push_back({"Author Index", front_pages + plan.paper_pages, {}});
  return items;
}

struct State {
  std::string inputs;
  std::map<std::string, std::string> outputs;  // path -> sha256
  std::map<std::string, std::string> stamps;   // path -> size and modification time when written
  std::set<std::string> passed;                // paper sha256 + rules that passed the checks
};

State load_state(const fs::path& file) {
  State s;
  if (!fs::exists(file)) return s;
  try {
    const auto j = nlohmann::json::parse(read_file(file));
    s.inputs = j.at("inputs").get<std::string>();
    s.outputs = j.at("outputs").get<std::map<std::string, std::string>>();
    s.stamps = j.value("stamps", std::map<std::string, std::string>{});
    s.passed = j.value("passed", std::set<std::string>{});
  } catch (const std::exception&) {
    return {};  // a damaged state file only costs a full rebuild
  }
  return s;
}

// Size and modification time of an output as written; "" if it is gone.
std::string file_stamp(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return "";
  const auto time = fs::last_write_time(file, ec);
  if (ec) return "";
  return std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count());
}

// An output whose size and time are as this build left them is not read
// again (hashing a 800-paper bundle costs more than the rest of an
// unchanged rebuild); one that differs is hashed, and must match.
bool outputs_intact(const State& s) {
  if (s.outputs.empty()) return false;
  for (const auto& [path, sha] : s.outputs) {
    const auto stamp = s.stamps.find(path);
    if (stamp != s.stamps.end() && !stamp->second.empty() && file_stamp(path) == stamp->second) continue;
    if (!fs::exists(path) || sha256_file(path) != sha) return false;
  }
  return true;
}

void remove_stale(const fs::path& dir, const std::set<fs::path>& keep) {
  if (!fs::exists(dir)) return;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && !keep.count(e.path())) fs::remove(e.path());
}

int run(const Options& o) {
  Phases phases(o.timings);
  Workshop workshop = load_workshop(venue_folder(o.venue));
  const fs::path papers_dir = o.papers;
  if (!fs::is_directory(papers_dir))
    throw usage_error(papers_dir.string(), "is not a folder of camera-ready PDFs named <paper id>.pdf (see --papers)");
  const BookPlan plan = make_plan(std::move(workshop), papers_dir);
  phases.done("plan");
  const fs::path out(o.out), work = out / ".build", bundle = out / "bundle", state_file = work / "state.json";
  fs::create_directories(work / "stamped");
  const OutputLock lock(work / "lock", out.string());

  const fs::path templates_root = templates_folder(o.templates);
  const std::string template_files = templates_text(templates_root);  // read once, hashed into every key
  const std::string inputs = inputs_key(plan, o, template_files);
  const State previous = load_state(state_file);
  if (previous.inputs == inputs && outputs_intact(previous)) {
    std::cout << "build: " << bundle.string() << " is up to date; nothing to do\n";
    return static_cast<int>(Exit::ok);
  }
  phases.done("state");
  std::set<std::string> passed = previous.passed;
  if (!papers_pass(plan, o.force, passed)) return static_cast<int>(Exit::failed);
  phases.done("check");

  const fs::path templates = templates_root / "proceedings";
  const std::string message = file_or_empty(plan.workshop.folder / "message.md");
  const std::string front_key = key16(values_text(front_matter_values(plan, message)) + template_files);
  const std::string index_key = key16(values_text(author_index_values(plan)) + template_files);
  // The folio font: the glyphs of the venue's name and the digits, cut from the
  // Type 1 font the LaTeX footer used; its bytes are part of every stamp's key.
  const FolioFont font = subset_type1(folio_font_file(), plan.footer + "0123456789");
  const std::string stamps_key = key16(font.program + font.to_unicode_cmap() + plan.footer + std::to_string(font.widths.size()));
  auto front_job = std::async(std::launch::async, [&] {
    return cached(work, "frontmatter", front_key, [&](const fs::path& d) { return typeset_front_matter(plan, templates, d); });
  });
  auto index_job = std::async(std::launch::async, [&] {
    return cached(work, "authorindex", index_key, [&](const fs::path& d) { return typeset_author_index(plan, templates, d); });
  });
  std::vector<fs::path> stamped(plan.papers.size());
  std::vector<std::string> restamped;
  std::mutex mutex;
  {
    Progress progress("stamping", plan.papers.size());
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> failures(plan.papers.size());
    auto work_on = [&] {
      const Stamper stamper(font, plan.footer);
      for (std::size_t i = next++; i < plan.papers.size(); i = next++) {
        const auto& p = plan.papers[i];
        stamped[i] = work / "stamped" / (p.record.id + "-" + key16(p.sha256 + stamps_key + std::to_string(p.first_page)) + ".pdf");
        try {
          if (!fs::exists(stamped[i])) {
            stamper.stamp(p.pdf, p.first_page, stamped[i]);
            std::lock_guard<std::mutex> lock(mutex);
            restamped.push_back(p.record.id);
          }
        } catch (...) {
          failures[i] = std::current_exception();
        }
        progress.advance(p.record.id);
      }
    };
    std::thread helper(work_on);
    work_on();
    helper.join();
    for (auto& f : failures)
      if (f) std::rethrow_exception(f);
  }
  phases.done("stamping");
  const CachedPart front = front_job.get();
  const CachedPart index = index_job.get();
  phases.done("front matter and index");

  PdfReader reader;
  const int front_pages = static_cast<int>(reader.read(front.pdf, {false}).pages.size());
  BookParts parts{front.pdf, stamped, index.pdf, outline(plan, front, front_pages),
                  "Proceedings of " + plan.workshop.acronym + ": " + plan.workshop.name,
                  plan.workshop.publication};
  for (const auto& editor : plan.workshop.organizers) parts.author += (parts.author.empty() ? "" : ", ") + editor.name;
  const fs::path book = work / ("book-" + key16(inputs) + ".pdf");
  assemble_book(parts, book);
  phases.done("book");
  const BundleWritten written = write_bundle(plan, {book, front.pdf, stamped, front_pages}, bundle);
  const fs::path& zip = written.zip;
  phases.done("bundle");

  std::set<fs::path> keep(stamped.begin(), stamped.end());
  remove_stale(work / "stamped", keep);
  for (const auto& e : fs::directory_iterator(work))
    if (e.path().filename().string().rfind("book-", 0) == 0 && e.path() != book) fs::remove(e.path());
  State now{inputs, written.sha256, {}, passed};
  for (const auto& [path, sha] : now.outputs) now.stamps[path] = file_stamp(path);
  write_file_atomic(state_file, nlohmann::json{{"inputs", now.inputs},
                                               {"outputs", now.outputs},
                                               {"stamps", now.stamps},
                                               {"passed", now.passed}}
                                    .dump(1));
  phases.done("state saved");

  std::sort(restamped.begin(), restamped.end());
  std::string which;
  for (const auto& id : restamped) which += (which.empty() ? "" : ", ") + id;
  std::cout << "build: " << bundle.string() << ": " << plan.papers.size() << " papers, "
            << front_pages + plan.paper_pages + static_cast<int>(reader.read(index.pdf, {false}).pages.size())
            << " pages (front matter " << front_pages << ", papers " << plan.paper_pages << ", author index)\n"
            << "build: stamped " << restamped.size() << " paper(s)" << (which.empty() ? "" : " (" + which + ")")
            << ", reused " << plan.papers.size() - restamped.size() << "; front matter "
            << (front.reused ? "reused" : "typeset") << ", author index " << (index.reused ? "reused" : "typeset")
            << "\n"
            << "build: wrote " << zip.string() << "\n";
  return static_cast<int>(Exit::ok);
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto options = std::make_shared<Options>();
  cmd.footer(
      "Papers are checked with the venue's rules first; a failing paper stops the build unless --force.\n"
      "A rebuild redoes only what changed (content hashes); an unchanged rebuild does nothing.");
  cmd.add_option("--venue", options->venue, "Workshop folder (default: the current folder, if it holds workshop.yaml)");
  cmd.add_option("--papers", options->papers,
                  "Folder of camera-ready PDFs named <paper id>.pdf")->required();
  cmd.add_option("--out", options->out, "Output folder; the bundle goes to OUT/bundle")->capture_default_str();
  cmd.add_option("--templates", options->templates,
                 "Templates folder (default: $PROCEEDINGS_TEMPLATES, else the installed share/proceedings/templates)");
  cmd.add_flag("--force", options->force, "Build even if papers fail the checks");
  cmd.add_flag("--timings", options->timings, "Print how long each phase took (stderr)");
  cmd.callback([options, &status] { status = run(*options); });
}

}  // namespace proceedings::book

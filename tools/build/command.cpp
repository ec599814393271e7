#include "build/command.hpp"

#include <iostream>

#include "build/job.hpp"

namespace proceedings::build {

namespace {

// At most `shown` ids, then how many more.
std::string id_list(const std::vector<std::string>& ids, std::size_t shown = 12) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < shown; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > shown) out += " and " + std::to_string(ids.size() - shown) + " more";
  return out;
}

int print(const BuildResult& r, bool force, bool draft, bool timings) {
  if (timings)
    for (const auto& phase : r.phases) std::cerr << "build: " << phase.name << " " << phase.ms << " ms\n";
  for (const auto& w : r.warnings) std::cerr << "build: warning: " << w << "\n";
  for (const auto& t : r.taken) std::cout << "build: " << t << "\n";
  for (const auto& s : r.strays) std::cerr << "build: warning: " << s << "; not in the book\n";
  if (!r.failing_table.empty())
    std::cerr << (draft   ? "build: --draft: placeholder pages for the papers that fail the checks:\n"
                  : force ? "build: --force: building despite papers that fail the checks:\n"
                          : "build: papers fail the venue's checks (use --force to build anyway, --draft for a draft):\n")
              << r.failing_table;
  if (r.status != Exit::ok) return static_cast<int>(r.status);
  if (r.up_to_date) {
    std::cout << "build: " << r.bundle.string() << " is up to date; nothing to do\n";
    return static_cast<int>(Exit::ok);
  }
  const std::string which = id_list(r.stamped);
  std::cout << "build: " << r.bundle.string() << ": " << r.papers << " papers, "
            << r.front_pages + r.part_pages + r.paper_pages + r.index_pages << " pages (front matter " << r.front_pages
            << (r.part_pages ? ", workshops' parts " + std::to_string(r.part_pages) : "") << ", papers "
            << r.paper_pages << ", author index)\n"
            << "build: stamped " << r.stamped.size() << " paper(s)" << (which.empty() ? "" : " (" + which + ")")
            << ", reused " << r.papers - r.stamped.size() << "; front matter "
            << (r.front_typeset ? "typeset" : "reused") << ", author index " << (r.index_typeset ? "typeset" : "reused")
            << "\n"
            << "build: wrote " << r.zip.string()
            << (r.zip_reused ? " (" + std::to_string(r.zip_reused) + " unchanged member(s) copied from the last one)" : "")
            << "\n";
  if (draft)
    std::cout << "build: a DRAFT (every page watermarked), " << r.placeholders.size() << " placeholder page(s)"
              << (r.placeholders.empty() ? "" : ":") << "\n";
  for (const auto& p : r.placeholders) std::cout << "build:   " << p << "\n";
  if (!r.passed_warnings.empty())
    std::cout << "build: " << r.passed_warnings.size() << " warning(s) of the check in papers that passed:\n";
  for (const auto& w : r.passed_warnings) std::cout << "build:   " << w << "\n";
  return static_cast<int>(Exit::ok);
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto job = std::make_shared<BuildJob>();
  auto timings = std::make_shared<bool>(false);
  cmd.footer(
      "Papers are checked with the venue's rules first; a failing paper stops the build unless --force.\n"
      "A rebuild redoes only what changed (content hashes); an unchanged rebuild does nothing.");
  auto* venue = cmd.add_option("--venue", job->venue, "Workshop folder (default: the current folder, if it holds workshop.yaml)");
  cmd.add_option("--volume", job->volume,
                 "A volume of workshops (a folder with volume.yaml, docs/volume.md) instead of --venue; its papers are in "
                 "PAPERS/<workshop id>/<paper id>.pdf")
      ->excludes(venue);
  cmd.add_option("--papers", job->papers, "Folder of camera-ready PDFs named <paper id>.pdf")->required();
  cmd.add_option("--out", job->out, "Output folder; the bundle goes to OUT/bundle")->capture_default_str();
  cmd.add_option("--templates", job->templates,
                 "Templates folder (default: $PROCEEDINGS_TEMPLATES, else the installed share/proceedings/templates)");
  cmd.add_flag("--force", job->force, "Build even if papers fail the checks");
  cmd.add_flag("--draft", job->draft,
               "A watermarked draft: a placeholder page for each paper whose PDF is missing or fails the checks");
  cmd.add_flag("--timings", *timings, "Print how long each phase took (stderr)");
  cmd.callback([job, timings, &cmd, &status] {
    job->jobs = cmd.get_parent()->get_option("--jobs")->as<unsigned>();  // the global limit (tools/cli)
    status = print(run_build(*job), job->force, job->draft, *timings);
  });
}

}  // namespace proceedings::build

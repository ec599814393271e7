#include "check/command.hpp"

#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "check/banal.hpp"
#include "proceedings/error.hpp"
#include "check/job.hpp"
#include "proceedings/check/report.hpp"
#include "proceedings/install.hpp"
#include "proceedings/text.hpp"

namespace proceedings::check {

namespace {

// --format banal answers for one PDF, as HotCRP's checker does; the rules
// and the other outputs are HotCRP's business there.
std::filesystem::path banal_file(const CheckJob& o) {
  if (!o.venue.empty() || !o.pages.empty() || !o.paper.empty() || o.columns || !o.template_name.empty() ||
      !o.review.empty() || !o.stage.empty() || !o.html.empty() || !o.annotate.empty())
    throw usage_error("check --format banal",
                      "takes no rules and no other output: HotCRP judges the JSON against the chair's format spec");
  if (o.inputs.size() != 1) throw usage_error("check --format banal", "takes one FILE, the PDF HotCRP appends");
  if (std::filesystem::is_directory(o.inputs.front()))
    throw usage_error(o.inputs.front(), "is a folder; check --format banal takes one PDF");
  return o.inputs.front();
}

std::vector<std::string> file_names(const std::vector<std::filesystem::path>& files) {
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.string());
  return names;
}

// A volume: each workshop's table under its name, then one line per workshop.
Exit print_volume(CheckJob& o, bool json, std::optional<StreamReport>& report) {
  if (json || !o.venue.empty()) throw usage_error("--volume", "checks each workshop with its own rules: no --venue or --json");
  o.on_files = [&](const std::vector<std::filesystem::path>& files) {
    report.emplace(std::cout, false, file_names(files), stage_name(stage_of(o)));
  };
  const VolumeCheckResult result = run_volume_check(o, [&](const Workshop& w, const std::filesystem::path& folder) {
    if (report) report->finish();
    report.reset();
    std::cout << "== " << venue_title(w) << ": " << folder.string() << " (rules: " << (w.folder / "workshop.yaml").string()
              << ")\n";
  });
  if (report) report->finish();
  std::cout << "== by workshop\n";
  for (const auto& t : result.workshops) {
    if (!t.not_checked.empty()) {
      std::cout << t.acronym << ": not checked (" << t.not_checked << ")\n";
      continue;
    }
    std::cout << t.acronym << ": " << t.papers << " papers, " << t.passed << " pass, " << t.failed << " fail"
              << (t.unreadable ? ", " + std::to_string(t.unreadable) + " unreadable" : "") << "\n";
  }
  return result.status;
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto options = std::make_shared<CheckJob>();
  auto json = std::make_shared<bool>(false);
  cmd.footer("A FOLDER stands for the PDFs in it.");
  cmd.add_option("--venue", options->venue,
                 "Workshop folder whose rules apply (default: the current folder, if it holds workshop.yaml; else "
                 "generic rules)");
  cmd.add_option("--volume", options->volume,
                 "A volume of workshops (volume.yaml, docs/volume.md): FILE is one folder holding a folder of PDFs per "
                 "workshop id, each checked with its own workshop's rules; then a summary by workshop");
  cmd.add_option("--pages", options->pages, "Body pages allowed, excluding the bibliography: MIN-MAX, MIN-, -MAX");
  cmd.add_option("--paper", options->paper, "Required paper size")->check(CLI::IsMember({"letter", "a4"}));
  cmd.add_option("--columns", options->columns, "Required number of text columns")->check(CLI::Range(1, 4));
  cmd.add_option("--template", options->template_name, "Required template")
      ->check(CLI::IsMember({"acmart-sigconf", "acmart", "any"}));
  cmd.add_option("--stage", options->stage,
                 "Whose rules: submission or camera-ready (default: camera-ready; submission with --review)")
      ->check(CLI::IsMember({"submission", "camera-ready"}));
  cmd.add_option("--review", options->review, "Review mode at submission (implies --stage submission)")
      ->check(CLI::IsMember({"single-blind", "double-blind"}));
  auto format = std::make_shared<std::string>("text");
  auto banal = std::make_shared<BanalRun>();
  auto* json_flag = cmd.add_flag("--json", *json, "Print one JSON object instead of the table (--format json)");
  cmd.add_option("--format", *format,
                 "text (the table), json, or banal: HotCRP's format-checker JSON for one FILE (docs/hotcrp.md)")
      ->check(CLI::IsMember({"text", "json", "banal"}))
      ->excludes(json_flag);
  auto* time_limit = cmd.add_option("--time-limit", banal->time_limit_seconds,
                                    "With --format banal: print banal's failure form after SECONDS (default 6)")
                         ->check(CLI::PositiveNumber)
                         ->type_name("SECONDS");
  auto* hold = cmd.add_option("--hold", banal->hold_seconds,
                              "With --format banal: exit no sooner than SECONDS after the start (client tests only)")
                   ->check(CLI::NonNegativeNumber)
                   ->type_name("SECONDS");
  cmd.add_option("--html", options->html,
                  "Also write one self-contained HTML page for the batch: verdicts, problems, page images")
      ->type_name("FILE");
  cmd.add_option("--annotate", options->annotate,
                  "Write a copy of each failing paper with PDF annotations (problems boxed, notes) into DIR");
  cmd.add_option("FILE", options->inputs, "PDF files or folders of PDFs")->required();
  cmd.callback([options, json, format, banal, time_limit, hold, &cmd, &status] {
    if (*format == "banal") {
      status = static_cast<int>(print_banal(banal_file(*options), *banal, std::cout, std::cerr));
      return;
    }
    if (time_limit->count() || hold->count()) throw usage_error("check", "--time-limit and --hold go with --format banal");
    if (!options->volume.empty()) {
      options->jobs = cmd.get_parent()->get_option("--jobs")->as<unsigned>();  // the global limit (tools/cli)
      std::optional<StreamReport> report;
      options->on_paper = [&](const Analysis& a) { report->add(a); };
      status = static_cast<int>(print_volume(*options, *json || *format == "json", report));
      return;
    }
    // --venue defaults to the current folder when it holds workshop.yaml, as for every command (issue 27 item 9).
    options->venue = venue_folder_if_any(options->venue);
    *json = *json || *format == "json";
    options->jobs = cmd.get_parent()->get_option("--jobs")->as<unsigned>();  // the global limit (tools/cli)
    std::optional<StreamReport> report;
    options->on_files = [&](const std::vector<std::filesystem::path>& files) {
      if (!*json)  // which rules, at which stage (the JSON's "stage")
        std::cout << (options->venue.empty()
                          ? std::string("Rules: no venue: generic rules, the defaults and the command line's (name the "
                                        "venue with --venue DIR, or run check in its folder).\n")
                          : "Rules: " + (std::filesystem::path(options->venue) / "workshop.yaml").string() +
                                " with the command line's on top.\n");
      report.emplace(std::cout, *json, file_names(files), stage_name(stage_of(*options)));
    };
    std::map<std::string, std::vector<std::string>> files_of;  // a venue's paper -> the files taken for it
    options->on_paper = [&](const Analysis& a) {
      report->add(a);
      if (!a.paper_id.empty()) files_of[a.paper_id].push_back(std::filesystem::path(a.file).filename().string());
    };
    status = static_cast<int>(run_check(*options));
    if (report) report->finish();
    // Two files taken for one paper: which is the paper's is the chair's call (collect installs neither).
    for (const auto& [paper, files] : files_of)
      if (files.size() > 1) {
        std::cerr << "check: " << files.size() << " files were taken for paper '" << paper << "': " << joined(files, ", ")
                  << "\n";
        status = std::max(status, static_cast<int>(Exit::failed));
      }
  });
}

}  // namespace proceedings::check

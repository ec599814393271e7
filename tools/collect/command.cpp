#include "collect/command.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

#include "collect/job.hpp"
#include "proceedings/text.hpp"

namespace proceedings::collect {

namespace {

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::string line_of(const CollectedFile& f, std::size_t width) {
  if (f.action == Action::not_taken) return padded(f.name, width) + "  not taken: " + f.problem;
  std::string out = padded(f.name, width) + "  -> " + f.paper + " (by " + f.how + "): " + action_name(f.action);
  if (!f.kept.empty()) out += ", the previous version kept as " + f.kept.string();
  return out;
}

void print_text(std::ostream& out, const Job& job, const Result& r) {
  std::size_t width = 4;
  for (const auto& f : r.files) width = std::max(width, f.name.size());
  out << "collect: " << r.files.size() << " PDF(s) from " << job.source << " into " << r.papers_dir.string()
      << (job.dry_run ? " (dry run: nothing installed)" : "") << "\n";
  for (const auto& f : r.files) out << "  " << line_of(f, width) << "\n";
  if (!r.ignored.empty()) out << "ignored (not PDFs): " << joined(r.ignored, ", ") << "\n";
  std::size_t installed = 0, replaced = 0, unchanged = 0;
  for (const auto& f : r.files) {
    installed += f.action == Action::installed || f.action == Action::would_install;
    replaced += f.action == Action::replaced;
    unchanged += f.action == Action::unchanged;
  }
  out << installed << (job.dry_run ? " to install, " : " installed, ") << replaced << " replaced, " << unchanged
      << " unchanged, " << r.not_taken() << " not taken\n";
}

nlohmann::json json_of(const CollectedFile& f) {
  nlohmann::json j{{"file", f.name},     {"paper", f.paper.empty() ? nlohmann::json() : nlohmann::json(f.paper)},
                   {"how", f.how},       {"action", action_name(f.action)},
                   {"sha256", f.sha256}, {"bytes", f.bytes}};
  if (!f.installed.empty()) j["installed"] = f.installed.string();
  if (!f.kept.empty()) j["kept"] = f.kept.string();
  if (!f.problem.empty()) j["problem"] = f.problem;
  if (!f.candidates.empty()) j["candidates"] = f.candidates;
  return j;
}

void print_json(std::ostream& out, const Job& job, const Result& r) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : r.files) files.push_back(json_of(f));
  const nlohmann::json doc{{"source", job.source},   {"papers", r.papers_dir.string()}, {"dry_run", job.dry_run},
                           {"files", files},         {"ignored", r.ignored},          {"not_taken", r.not_taken()}};
  out << doc.dump(2) << "\n";
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto job = std::make_shared<Job>();
  auto json = std::make_shared<bool>(false);
  cmd.footer(
      "SOURCE is a folder of PDFs (fetch's --out is one), or a .zip or .tar.gz of them (a submission system's\n"
      "\"download all final versions\"). Each PDF is matched to a paper of papers.yaml by its file name (the id),\n"
      "the submission number in its name (HotCRP's <prefix>final12.pdf), or the title on its first page, and\n"
      "installed atomically as VENUE/papers/<id>.pdf; a replaced version is kept in VENUE/papers/.versions/.");
  cmd.add_option("--venue", job->venue, "Workshop folder: papers.yaml to match, papers/ to install into (default: the current folder)");
  cmd.add_flag("--dry-run,-n", job->dry_run, "Match and report only; install nothing");
  cmd.add_flag("--json", *json, "Print one JSON object instead of the list");
  cmd.add_option("SOURCE", job->source, "Folder, .zip or .tar.gz of uploaded PDFs")->required();
  cmd.callback([job, json, &status] {
    const Result result = run(*job);
    if (*json) print_json(std::cout, *job, result);
    else print_text(std::cout, *job, result);
    status = static_cast<int>(result.status());
  });
}

}  // namespace proceedings::collect

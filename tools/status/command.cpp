#include "status/command.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "status/cells.hpp"
#include "status/html.hpp"
#include "status/job.hpp"

namespace proceedings::status {

namespace {

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

// Rows as columns two spaces apart, each as wide as its widest cell.
void print_columns(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width;
  for (const auto& r : rows) {
    width.resize(std::max(width.size(), r.size()), 0);
    for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  }
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t c = 0; c < r.size(); ++c) line += c + 1 < r.size() ? padded(r[c], width[c]) + "  " : r[c];
    out << line << "\n";
  }
}

void print_text(std::ostream& out, const VenueStatus& s) {
  out << "status of " << s.venue << " at the " << stage_name(s.stage) << " stage; uploads in " << s.papers_dir.string()
      << (s.book_manifest.empty() ? "; no book built yet" : "; book: " + s.book_manifest.string()) << "\n";
  const std::vector<std::string> head{"paper", "state", "upload", "check", "rights, DOI", "last notice", "book"};
  std::vector<std::vector<std::string>> rows{head};
  for (const auto& p : s.papers)
    rows.push_back({p.id, state_name(p.state), upload_cell(p), check_cell(p), rights_cell(p), notice_cell(p), book_cell(p)});
  print_columns(out, rows);
  for (const auto& stray : s.strays) out << "not taken: " << stray.file.string() << ": " << stray.problem << "\n";
  out << status_summary(s) << "\n";
}

nlohmann::json json_of(const PaperStatus& p) {
  nlohmann::json j{{"id", p.id},         {"title", p.title},       {"state", state_name(p.state)},
                   {"verdict", p.verdict}, {"errors", p.errors},     {"warnings", p.warnings},
                   {"rights", p.rights}, {"doi", p.doi},           {"waiting_for", p.waiting_for}};
  j["upload"] = p.upload ? nlohmann::json{{"file", p.upload->file.string()}, {"how", p.upload->how},
                                          {"time", p.upload->time},          {"bytes", p.upload->bytes},
                                          {"sha256", p.upload->sha256}}
                         : nlohmann::json();
  if (!p.unreadable.empty()) j["unreadable"] = p.unreadable;
  j["last_notice"] = p.notice ? nlohmann::json{{"time", p.notice->time},   {"verdict", p.notice->verdict},
                                               {"codes", p.notice->codes}, {"to", p.notice->to},
                                               {"sha256", p.notice->sha256}}
                              : nlohmann::json();
  j["book"] = p.book ? nlohmann::json{{"first_page", p.book->first_page}, {"last_page", p.book->last_page},
                                      {"stale", p.book->stale}}
                     : nlohmann::json();
  return j;
}

nlohmann::json json_doc(const VenueStatus& s);

void print_json(std::ostream& out, const VenueStatus& s) { out << json_doc(s).dump(2) << "\n"; }

// A volume: one table of every workshop's papers, then a summary line per workshop.
void print_volume_text(std::ostream& out, const std::vector<VenueStatus>& all) {
  const std::vector<std::string> head{"workshop", "paper", "state", "upload", "check", "rights, DOI", "last notice", "book"};
  std::vector<std::vector<std::string>> rows{head};
  for (const auto& s : all)
    for (const auto& p : s.papers)
      rows.push_back({s.venue, p.id, state_name(p.state), upload_cell(p), check_cell(p), rights_cell(p), notice_cell(p),
                      book_cell(p)});
  print_columns(out, rows);
  for (const auto& s : all) {
    for (const auto& stray : s.strays) out << "not taken: " << stray.file.string() << ": " << stray.problem << "\n";
    out << s.title << ": " << status_summary(s) << "\n";
  }
}

void print_volume_json(std::ostream& out, const std::vector<VenueStatus>& all) {
  nlohmann::json workshops = nlohmann::json::array();
  for (const auto& s : all) workshops.push_back(json_doc(s));
  out << nlohmann::json{{"workshops", workshops}}.dump(2) << "\n";
}

// The volume's table (or JSON) on stdout and its page in `html` when given.
Exit volume_command(const Job& job, bool json, const std::string& html) {
  const VolumeStatus all = run_volume(job);
  if (json) print_volume_json(std::cout, all.workshops);
  else print_volume_text(std::cout, all.workshops);
  if (!html.empty()) write_file_atomic(html, volume_html_page(all.title, all.workshops));
  return exit_status(all);
}

nlohmann::json json_doc(const VenueStatus& s) {
  nlohmann::json papers = nlohmann::json::array(), strays = nlohmann::json::array();
  for (const auto& p : s.papers) papers.push_back(json_of(p));
  for (const auto& stray : s.strays) strays.push_back({{"file", stray.file.string()}, {"problem", stray.problem}});
  const nlohmann::json doc{
      {"venue", s.venue},
      {"stage", stage_name(s.stage)},
      {"papers_dir", s.papers_dir.string()},
      {"book", s.book_manifest.empty() ? nlohmann::json() : nlohmann::json(s.book_manifest.string())},
      {"papers", papers},
      {"not_taken", strays},
      {"summary",
       {{"papers", s.papers.size()},
        {"ready", s.count(PaperState::ready)},
        {"failing", s.count(PaperState::failing)},
        {"missing", s.count(PaperState::missing)},
        {"without_rights_or_doi", s.waiting_for_rights_or_doi()},
        {"text", status_summary(s)}}}};
  return doc;
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto job = std::make_shared<Job>();
  auto json = std::make_shared<bool>(false);
  auto html = std::make_shared<std::string>();
  cmd.footer(
      "One line per paper of papers.yaml: its upload in VENUE/papers (date, size, hash; matched as collect\n"
      "matches), the check's verdict at the stage, rights and DOI, the last notice notify sent, its pages in the\n"
      "last book; then a summary. A paper is ready when its upload passes at the stage; at a venue ACM\n"
      "publishes, the papers whose rights or DOI are not yet recorded are counted in the summary too.");
  auto* venue = cmd.add_option("--venue", job->venue, "Workshop folder (default: the current folder)");
  cmd.add_option("--volume", job->volume,
                 "A volume of workshops (volume.yaml, docs/volume.md): one table of every workshop's papers; --papers "
                 "then holds a folder per workshop id, --book is build --volume's --out")
      ->excludes(venue);
  cmd.add_option("--stage", job->stage, "The check's stage: submission or camera-ready (default: camera-ready)")
      ->check(CLI::IsMember({"submission", "camera-ready"}));
  cmd.add_option("--papers", job->papers, "Folder of the uploads (default: VENUE/papers, where collect puts them)");
  cmd.add_option("--book", job->book, "A build's --out folder whose manifest lists the last book (default: VENUE/out)");
  cmd.add_flag("--json", *json, "Print one JSON object instead of the table");
  cmd.add_option("--html", *html, "Also write the status as one self-contained HTML page")->type_name("FILE");
  cmd.callback([job, json, html, &cmd, &status] {
    job->jobs = cmd.get_parent()->get_option("--jobs")->as<unsigned>();  // the global limit (tools/cli)
    if (!html->empty()) refuse_output_over_input(*html, OutputKind::html, {}, "--html");
    if (!job->volume.empty()) {
      status = static_cast<int>(volume_command(*job, *json, *html));
      return;
    }
    const VenueStatus result = run(*job);
    if (*json) print_json(std::cout, result);
    else print_text(std::cout, result);
    if (!html->empty()) write_file_atomic(*html, html_page(result));
    status = static_cast<int>(exit_status(result));
  });
}

}  // namespace proceedings::status

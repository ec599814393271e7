// `proceedings export` as a job (job.hpp); command.cpp maps the options onto it.
#include "export/job.hpp"

#include <functional>

#include "export/acm_csv.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "proceedings/volume.hpp"

namespace proceedings {

namespace exporter {

namespace {

namespace fs = std::filesystem;

// The files this run reads: an output must never replace one of them.
std::vector<fs::path> venue_inputs(const ExportJob& o) {
  std::vector<fs::path> inputs;
  for (const fs::directory_entry& entry : fs::directory_iterator(o.venue, fs::directory_options::skip_permission_denied))
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  if (!o.book.empty()) inputs.push_back(fs::path(o.book) / "manifest.json");
  return inputs;
}

ExportResult write_sheet(const ExportJob& o, std::vector<Diagnostic> problems,
                         const std::function<std::vector<std::vector<std::string>>()>& rows) {
  // ACM mails each rights form to the paper's contact author: a sheet without
  // that address is not one to upload.
  ExportResult result{Exit::ok, std::move(problems), ""};
  if (count_errors(result.problems)) {
    result.status = Exit::failed;
    return result;
  }
  const std::string text = csv_text(acm_csv_columns(), rows());
  if (o.out.empty()) result.csv = text;
  else write_file_atomic(o.out, text);
  return result;
}

// One sheet for a volume: ACM's sections are its workshops.
ExportResult run_volume(const ExportJob& o) {
  const Volume v = load_volume(o.volume);
  if (!o.out.empty()) {
    std::vector<fs::path> inputs{v.folder / volume_file_name};
    for (const auto& w : v.workshops)
      for (const char* file : {"workshop.yaml", "papers.yaml"}) inputs.push_back(w.folder / file);
    if (!o.book.empty()) inputs.push_back(fs::path(o.book) / "manifest.json");
    refuse_output_over_input(o.out, OutputKind::csv, inputs, "--out");
  }
  const auto pages = o.book.empty() ? std::map<std::string, PageRange>{} : book_pages(o.book);
  return write_sheet(o, acm_csv_volume_problems(v), [&] { return acm_csv_volume_rows(v, pages); });
}

ExportResult run(const ExportJob& o) {
  if (!o.volume.empty()) return run_volume(o);
  if (o.venue.empty()) throw usage_error("export acm-csv", "needs --venue DIR (a workshop) or --volume DIR (a volume of workshops)");
  const Workshop w = load_workshop(o.venue);
  if (!o.out.empty()) refuse_output_over_input(o.out, OutputKind::csv, venue_inputs(o), "--out");
  if (!w.acm) throw usage_error(o.venue + "/workshop.yaml", "has no 'acm' record: ACM does not publish this venue");
  const auto pages = o.book.empty() ? std::map<std::string, PageRange>{} : book_pages(o.book);
  return write_sheet(o, acm_csv_problems(w), [&] { return acm_csv_rows(w, pages); });
}

}  // namespace

}  // namespace exporter

ExportResult run_export_acm_csv(const ExportJob& job) { return exporter::run(job); }

}  // namespace proceedings

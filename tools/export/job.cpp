// `proceedings export` as a job (job.hpp); command.cpp maps the options onto it.
#include "export/job.hpp"

#include "export/acm_csv.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"

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

ExportResult run(const ExportJob& o) {
  const Workshop w = load_workshop(o.venue);
  if (!o.out.empty()) refuse_output_over_input(o.out, OutputKind::csv, venue_inputs(o), "--out");
  if (!w.acm) throw usage_error(o.venue + "/workshop.yaml", "has no 'acm' record: ACM does not publish this venue");
  const auto pages = o.book.empty() ? std::map<std::string, PageRange>{} : book_pages(o.book);
  // ACM mails each rights form to the paper's contact author: a sheet without
  // that address is not one to upload.
  ExportResult result{Exit::ok, acm_csv_problems(w), ""};
  if (count_errors(result.problems)) {
    result.status = Exit::failed;
    return result;
  }
  const std::string text = csv_text(acm_csv_columns(), acm_csv_rows(w, pages));
  if (o.out.empty()) result.csv = text;
  else write_file_atomic(o.out, text);
  return result;
}

}  // namespace

}  // namespace exporter

ExportResult run_export_acm_csv(const ExportJob& job) { return exporter::run(job); }

}  // namespace proceedings

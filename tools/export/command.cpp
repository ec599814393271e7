#include "export/command.hpp"

#include <iostream>

#include "export/acm_csv.hpp"
#include "proceedings/diagnostic.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"

namespace proceedings::exporter {

namespace {

struct Options {
  std::string venue;
  std::string book;
  std::string out;
};

// The files this run reads: an output must never replace one of them.
std::vector<fs::path> venue_inputs(const Options& o) {
  std::vector<fs::path> inputs;
  for (const fs::directory_entry& entry : fs::directory_iterator(o.venue, fs::directory_options::skip_permission_denied))
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  if (!o.book.empty()) inputs.push_back(fs::path(o.book) / "manifest.json");
  return inputs;
}

int run_acm_csv(const Options& o) {
  const Workshop w = load_workshop(o.venue);
  if (!o.out.empty()) refuse_output_over_input(o.out, OutputKind::csv, venue_inputs(o), "--out");
  if (!w.acm) throw usage_error(o.venue + "/workshop.yaml", "has no 'acm' record: ACM does not publish this venue");
  const auto pages = o.book.empty() ? std::map<std::string, PageRange>{} : book_pages(o.book);
  // ACM mails each rights form to the paper's contact author: a sheet without
  // that address is not one to upload.
  const auto problems = acm_csv_problems(w);
  for (const auto& d : problems)
    std::cerr << d.file << ": " << severity_name(d.severity) << ": " << d.code << ": " << d.message << "\n";
  if (count_errors(problems)) {
    std::cerr << "export acm-csv: " << count_errors(problems) << " error(s); nothing written\n";
    return static_cast<int>(Exit::failed);
  }
  const std::string text = csv_text(acm_csv_columns(), acm_csv_rows(w, pages));
  if (o.out.empty()) std::cout << text;
  else write_file_atomic(o.out, text);
  return 0;
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  cmd.require_subcommand(1);
  auto o = std::make_shared<Options>();
  CLI::App* acm = cmd.add_subcommand("acm-csv", "ACM's proceedings CSV: one row per author (docs/acm-csv.md)");
  acm->add_option("--venue", o->venue, "Workshop folder with an acm: record")->required();
  acm->add_option("--book", o->book, "A built book's folder: start_page and end_page from its manifest.json");
  acm->add_option("--out,-o", o->out, "Write the CSV here (atomically) instead of to stdout");
  acm->callback([o, &status] { status = run_acm_csv(*o); });
}

}  // namespace proceedings::exporter

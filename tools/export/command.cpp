#include "export/command.hpp"

#include <iostream>

#include "export/job.hpp"
#include "proceedings/diagnostic.hpp"
#include "proceedings/error.hpp"
#include "proceedings/install.hpp"

namespace proceedings::exporter {

namespace {

Exit print(const ExportResult& r) {
  for (const auto& d : r.problems)
    std::cerr << d.file << ": " << severity_name(d.severity) << ": " << d.code << ": " << d.message << "\n";
  if (r.status == Exit::failed) std::cerr << "export acm-csv: " << count_errors(r.problems) << " error(s); nothing written\n";
  std::cout << r.csv;
  return r.status;
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  cmd.require_subcommand(1);
  auto o = std::make_shared<ExportJob>();
  CLI::App* acm = cmd.add_subcommand("acm-csv", "ACM's proceedings CSV: one row per author (docs/acm-csv.md)");
  auto* venue = acm->add_option("--venue", o->venue,
                                "Workshop folder with an acm: record (default: the current folder, if it holds workshop.yaml)");
  acm->add_option("--volume", o->volume, "A volume of workshops (volume.yaml): one CSV, a section per workshop (docs/volume.md)")
      ->excludes(venue);
  acm->add_option("--book", o->book, "A built book's folder: start_page and end_page from its manifest.json");
  acm->add_option("--out,-o", o->out, "Write the CSV here (atomically) instead of to stdout");
  acm->callback([o, &status] {
    if (o->volume.empty()) o->venue = venue_folder(o->venue).string();
    status = static_cast<int>(print(run_export_acm_csv(*o)));
  });
}

}  // namespace proceedings::exporter

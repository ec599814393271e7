#include "booklet/command.hpp"

#include <iostream>

#include "booklet/job.hpp"

namespace proceedings::booklet {

namespace {

// The program's findings on stderr, then what was written on stdout.
Exit print(const BookletResult& r) {
  std::size_t errors = 0;
  for (const auto& f : r.findings) {
    std::cerr << (f.file.empty() ? r.workshop_yaml.string() : f.file) << (f.line ? ":" + std::to_string(f.line) : "") << ": "
              << severity_name(f.severity) << ": " << f.code << ": " << f.message << "\n";
    errors += f.severity == Severity::error;
  }
  std::cerr << "booklet: " << r.acronym << " program: " << errors << " error(s), " << r.findings.size() - errors
            << " warning(s)\n";
  if (r.refused) std::cerr << "booklet: nothing written: fix the errors above, or publish as it is with --force\n";
  for (const auto& file : r.written)
    std::cout << "booklet: wrote " << file.string() << (file.extension().empty() ? "/" : "") << "\n";
  return r.status;
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto options = std::make_shared<BookletJob>();
  cmd.footer(
      "The program is validated first; its findings go to stderr. Errors stop publication unless --force.\n"
      "Files go to OUT/booklet/<workshop id>-program.{pdf,html,ics,xml} (a volume: <volume id>); jekyll writes the tree\n"
      "OUT/booklet/<workshop id>-jekyll/ (_data/program.yml, _includes/program.html, /program/, a page per talk\n"
      "under /talks/<slug> and per speaker under /speakers/<slug>, and the .ics and frab XML) for the event's site.\n"
      "A program over several days or rooms (program.days, or --volume) is laid out by day and room (docs/program.md).");
  auto* venue = cmd.add_option("--venue", options->venue, "Workshop folder (default: the current folder, if it holds workshop.yaml)");
  cmd.add_option("--volume", options->volume,
                 "A volume's folder (volume.yaml): one program of all its workshops, by day and room, as OUT/booklet/<volume id>-program.*")
      ->excludes(venue);
  cmd.add_option("--out", options->out, "Output folder")->capture_default_str();
  cmd.add_option("--format", options->formats, "Comma-separated: pdf, html, ics, xml, jekyll")->capture_default_str();
  cmd.add_option("--templates", options->templates,
                 "Templates folder (default: $PROCEEDINGS_TEMPLATES, else the installed share/proceedings/templates)");
  cmd.add_flag("--check", options->check_only, "Only validate the program");
  cmd.add_flag("--half-letter", options->half_letter, "PDF on half-letter pages (5.5 x 8.5 in), to fold as a booklet");
  cmd.add_flag("--force", options->force, "Publish even if the program has errors");
  cmd.callback([options, &status] { status = static_cast<int>(print(run_booklet(*options))); });
}

}  // namespace proceedings::booklet

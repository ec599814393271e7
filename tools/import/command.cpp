#include "import/command.hpp"

#include <iostream>
#include <optional>

#include "import/formats.hpp"
#include "import/merge.hpp"
#include "import/venue_files.hpp"
#include "proceedings/error.hpp"
#include "proceedings/install.hpp"
#include "proceedings/files.hpp"
#include "import/job.hpp"
#include "proceedings/model.hpp"
#include "proceedings/papers_yaml.hpp"

namespace proceedings::import {

namespace {

struct Options {
  std::string venue;
  std::vector<std::string> files;
  bool write = false;
  std::vector<std::string> decisions;  // empty: each system's own vocabulary
  std::string map;
  Resolutions resolutions;
};

void print(const MergeResult& r, bool write) {
  const char* verb = write ? "" : "would ";
  for (const auto& c : r.changes) std::cout << verb << c << "\n";
  for (const auto& c : r.resolved) std::cout << (write ? "resolved " : "would resolve ") << c << "\n";
  for (const auto& s : r.skipped) std::cout << "skipped " << s << "\n";
  for (const auto& n : r.notes) std::cout << "note: " << n << "\n";
  for (const auto& c : r.conflicts) std::cout << "conflict: " << c << "\n";
  std::cout << r.changes.size() << " change(s), " << r.conflicts.size() << " conflict(s), " << r.skipped.size()
            << " skipped" << (write || r.changes.empty() ? "" : "; run with --write to apply") << "\n";
}

int run(const Options& o) {
  const fs::path venue = o.venue;
  std::optional<OutputLock> lock;
  if (o.write && fs::is_directory(venue)) lock.emplace(venue / import_lock_file_name, venue.string());
  const Workshop w = load_workshop(venue);
  std::vector<fs::path> files(o.files.begin(), o.files.end());
  const auto found = read_exports(files, o.map.empty() ? ColumnMap{} : parse_column_map(o.map));
  const fs::path state_file = venue / import_state_file_name;
  ImportState state = fs::exists(state_file) ? parse_state(read_file(state_file), state_file.string()) : ImportState{};
  MergeResult result = merge_submissions(w.papers, state, found, o.decisions, o.resolutions);
  const fs::path papers_file = venue / "papers.yaml";
  const bool writes_papers = o.write && !result.changes.empty();
  if (writes_papers) {
    const std::string original = fs::exists(papers_file) ? read_file(papers_file) : "";
    write_venue_files(venue, {std::nullopt, updated_papers_yaml(original, result.papers)}, o.files.front());
  }
  print(result, o.write);
  if (writes_papers) std::cout << "wrote " << papers_file.string() << "\n";
  if (o.write) write_file_atomic(state_file, state_json(result.state));
  return static_cast<int>(result.conflicts.empty() ? Exit::ok : Exit::failed);
}

void print(const ImportWebResult& r, bool write) {
  const char* verb = write ? "" : "would ";
  for (const auto& c : r.changes) std::cout << verb << c << "\n";
  for (const auto& n : r.notes) std::cout << "note: " << n << "\n";
  for (const auto& c : r.conflicts) std::cout << "conflict: " << c << "\n";
  std::cout << r.changes.size() << " change(s), " << r.conflicts.size() << " conflict(s)"
            << (write || r.changes.empty() ? "" : "; run with --write to apply") << "\n";
  for (const auto& file : r.written) std::cout << "wrote " << file.string() << "\n";
}

void add_web_options(CLI::App& cmd, int& status) {
  auto o = std::make_shared<ImportWebJob>();
  CLI::App* web = cmd.add_subcommand("web", "Read the event's web page (HTML, Jekyll/Markdown or text; a file or URL) into the venue");
  web->footer(
      "Reads the program (days, sessions, times as published with their zone, talks, speakers, affiliations,\n"
      "session chairs, moderators, breaks), the organizers and committees (name, affiliation, e-mail written\n"
      "'x at y.org') and the important dates. Into a folder without workshop.yaml it writes a new one; into a\n"
      "venue it merges like the other imports: without --write nothing is written, what a person wrote is never\n"
      "overwritten, a field changed on the page and in workshop.yaml is a conflict (exit status 1) until\n"
      "--take-export PATH, --keep-mine PATH or an edit resolves it, and\n"
      "DIR/import-web-state.json records what the page said. Paper talks name the accepted paper of the same\n"
      "title, or are added to papers.yaml. Times are kept as published; slips are noted, and reported by\n"
      "`proceedings booklet --check`.");
  web->add_option("--venue", o->venue,
                  "Workshop folder, created with a new workshop.yaml when it has none (default: the current folder, "
                  "if it holds workshop.yaml)");
  web->add_flag("--write", o->write, "Write workshop.yaml and papers.yaml (atomically) and the import state");
  web->add_option("--timezone", o->timezone, "IANA zone of the page's times when it names none (e.g. America/Chicago)");
  web->add_option("--take-export", o->take_export,
                  "Resolve the conflict of a field (its path as the conflict prints it, or a paper's ID[.FIELD]) "
                  "with the page's value (repeatable)")
      ->allow_extra_args(false);
  web->add_option("--keep-mine", o->keep_mine, "Resolve the conflict of a field by keeping the venue's value (repeatable)")
      ->allow_extra_args(false);
  web->add_option("PAGE", o->page, "The page: a file (.html, .md, .txt) or an http(s) URL")->required();
  web->callback([o, &status] {
    o->venue = venue_folder(o->venue).string();
    const ImportWebResult result = run_import_web(*o);
    print(result, o->write);
    status = static_cast<int>(result.status);
  });
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto o = std::make_shared<Options>();
  cmd.footer(
      "FILE is HotCRP's JSON export, EasyChair's ACM data download (XML), EasyChair's submission.csv with its\n"
      "author.csv, or with --map any CSV. Without --write nothing is written: the changes are printed.\n"
      "What a person wrote in papers.yaml is never overwritten; where the export and papers.yaml both\n"
      "changed a field, it is listed as a conflict and papers.yaml is kept (exit status 1) until the chair\n"
      "resolves it: --take-export ID[.FIELD], --keep-mine ID[.FIELD], or an edit that makes both equal.\n"
      "A paper removed from papers.yaml stays out of later imports until --restore ID.\n"
      "Without --decision each system's own vocabulary decides (HotCRP's status, EasyChair's 'accept').\n"
      "--map: number, title, abstract, decision, authors (one cell 'A (Inst), B (Inst)'), or per author\n"
      "author, first, last, affiliation, email, country, orcid with {n} for 1, 2, ... ('author=Author {n}').");
  cmd.add_option("--venue", o->venue,
                 "Workshop folder whose papers.yaml receives the papers (default: the current folder, if it holds "
                 "workshop.yaml)");
  cmd.add_flag("--write", o->write, "Update papers.yaml (atomically) and DIR/import-state.json");
  cmd.add_option("--decision", o->decisions,
                 "Import papers whose decision is exactly this value, case aside (repeatable; default: the "
                 "system's own accept decisions)")
      ->take_all();
  cmd.add_option("--take-export", o->resolutions.take_export,
                 "Resolve the conflicts of paper ID (or of its FIELD: title, abstract, authors, authors.N.email...) "
                 "with the export's value (repeatable)")
      ->allow_extra_args(false);
  cmd.add_option("--keep-mine", o->resolutions.keep_mine,
                 "Resolve the conflicts of ID[.FIELD] by keeping papers.yaml's value (repeatable)")
      ->allow_extra_args(false);
  cmd.add_option("--restore", o->resolutions.restore,
                 "Import again paper ID (or submission key), which was removed from papers.yaml (repeatable)")
      ->allow_extra_args(false);
  cmd.add_option("--map", o->map, "FIELD=COLUMN,... or a file of FIELD=COLUMN lines, for any other CSV");
  cmd.add_option("FILE", o->files, "The submission system's export file(s)");
  add_web_options(cmd, status);
  cmd.callback([o, &cmd, &status] {
    if (cmd.got_subcommand("web")) return;
    o->venue = venue_folder(o->venue).string();
    if (o->files.empty()) throw usage_error("import", "names no export FILE (or use `import web` for an event page)");
    status = run(*o);
  });
}

}  // namespace proceedings::import

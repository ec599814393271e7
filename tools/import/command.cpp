#include "import/command.hpp"

#include <iostream>

#include "import/formats.hpp"
#include "import/merge.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "proceedings/papers_yaml.hpp"

namespace proceedings::import {

namespace {

struct Options {
  std::string venue;
  std::vector<std::string> files;
  bool write = false;
  std::vector<std::string> decisions{"accept"};
  std::string map;
};

const char* state_file_name = "import-state.json";

void print(const MergeResult& r, bool write) {
  const char* verb = write ? "" : "would ";
  for (const auto& c : r.changes) std::cout << verb << c << "\n";
  for (const auto& s : r.skipped) std::cout << "skipped " << s << "\n";
  for (const auto& c : r.conflicts) std::cout << "conflict: " << c << "\n";
  std::cout << r.changes.size() << " change(s), " << r.conflicts.size() << " conflict(s), " << r.skipped.size()
            << " skipped" << (write || r.changes.empty() ? "" : "; run with --write to apply") << "\n";
}

int run(const Options& o) {
  const fs::path venue = o.venue;
  const Workshop w = load_workshop(venue);
  std::vector<fs::path> files(o.files.begin(), o.files.end());
  std::vector<std::string> decisions;
  for (auto d : o.decisions) {
    for (char& c : d) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    decisions.push_back(d);
  }
  const auto found = read_exports(files, o.map.empty() ? ColumnMap{} : parse_column_map(o.map));
  const fs::path state_file = venue / state_file_name;
  ImportState state = fs::exists(state_file) ? parse_state(read_file(state_file), state_file.string()) : ImportState{};
  MergeResult result = merge_submissions(w.papers, state, found, decisions);
  print(result, o.write);
  if (o.write && !result.changes.empty()) {
    const fs::path papers_file = venue / "papers.yaml";
    const std::string original = fs::exists(papers_file) ? read_file(papers_file) : "";
    write_file_atomic(papers_file, updated_papers_yaml(original, result.papers));
    std::cout << "wrote " << papers_file.string() << "\n";
  }
  if (o.write) write_file_atomic(state_file, state_json(result.state));
  return static_cast<int>(result.conflicts.empty() ? Exit::ok : Exit::failed);
}

}  // namespace

void add_options(CLI::App& cmd, int& status) {
  auto o = std::make_shared<Options>();
  cmd.footer(
      "FILE is HotCRP's JSON export, EasyChair's ACM data download (XML), EasyChair's submission.csv with its\n"
      "author.csv, or with --map any CSV. Without --write nothing is written: the changes are printed.\n"
      "What a person wrote in papers.yaml is never overwritten; where the export and papers.yaml both\n"
      "changed a field, it is listed as a conflict and papers.yaml is kept (exit status 1).\n"
      "--map: number, title, abstract, decision, authors (one cell 'A (Inst), B (Inst)'), or per author\n"
      "author, first, last, affiliation, email, country, orcid with {n} for 1, 2, ... ('author=Author {n}').");
  cmd.add_option("--venue", o->venue, "Workshop folder whose papers.yaml receives the papers")->required();
  cmd.add_flag("--write", o->write, "Update papers.yaml (atomically) and DIR/import-state.json");
  cmd.add_option("--decision", o->decisions,
                 "Import papers whose decision contains this word (repeatable; default: accept)")
      ->take_all();
  cmd.add_option("--map", o->map, "FIELD=COLUMN,... or a file of FIELD=COLUMN lines, for any other CSV");
  cmd.add_option("FILE", o->files, "The submission system's export file(s)")->required();
  cmd.callback([o, &status] { status = run(*o); });
}

}  // namespace proceedings::import

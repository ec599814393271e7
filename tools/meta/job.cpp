// `proceedings meta` as a job (job.hpp); command.cpp maps the options onto it.
#include "meta/job.hpp"

#include "meta/crosscheck.hpp"
#include "meta/latex_source.hpp"
#include "meta/papers_writer.hpp"
#include "meta/pdf_meta.hpp"
#include "meta/report.hpp"
#include "proceedings/archive.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "proceedings/text.hpp"

namespace proceedings::meta {

namespace {

enum class InputKind { pdf, source, archive };

struct Input {
  fs::path path;
  InputKind kind;
  std::string stem;
  std::string unreadable;  // why it cannot be read, found before opening it
};

std::string archive_stem(const fs::path& p) {
  std::string name = p.filename().string();
  for (const char* ext : {".tar.gz", ".tgz", ".zip", ".tar"}) {
    const std::string e = ext;
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0)
      return name.substr(0, name.size() - e.size());
  }
  return p.stem().string();
}

bool holds_main_tex(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (is_main_source(e.path())) return true;
  return false;
}

// A file given on its own is a source when it says so by its name (.tex,
// .ltx) or by its \documentclass; anything else is taken for a PDF.
bool source_file(const fs::path& file) {
  const std::string e = ascii_lower(file.extension().string());
  if (e == ".tex" || e == ".ltx" || e == ".latex") return true;
  return e != ".pdf" && is_main_source(file);
}

// A folder is a paper's source if it holds a main file; otherwise it stands
// for the PDFs, archives and source folders inside it.
void add_input(const fs::path& path, std::vector<Input>& out, bool top) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    if (holds_main_tex(path)) {
      out.push_back({path, InputKind::source, path.filename().string(), {}});
      return;
    }
    if (!top) return;
    std::vector<fs::path> inside;
    for (const auto& e : fs::directory_iterator(path)) inside.push_back(e.path());
    std::sort(inside.begin(), inside.end());
    const std::size_t before = out.size();
    for (const auto& p : inside)
      if (fs::is_directory(p) || p.extension() == ".pdf" || is_archive_name(p)) add_input(p, out, false);
    if (out.size() == before) out.push_back({path, InputKind::pdf, path.filename().string(),
                                             "holds no PDF, archive or LaTeX source"});
    return;
  }
  if (const std::string why = not_a_regular_file(path); !why.empty()) {
    out.push_back({path, InputKind::pdf, path.stem().string(), why});
    return;
  }
  if (is_archive_name(path)) out.push_back({path, InputKind::archive, archive_stem(path), {}});
  else if (source_file(path)) out.push_back({path, InputKind::source, path.stem().string(), {}});
  else out.push_back({path, InputKind::pdf, path.stem().string(), {}});
}

PaperMeta read_input(const Input& input, PdfReader& reader) {
  if (!input.unreadable.empty()) throw input_error(input.path.string(), input.unreadable);
  switch (input.kind) {
    case InputKind::pdf:
      return read_pdf_meta(reader.read(input.path), input.path.string());
    case InputKind::source:
      return read_latex_meta(input.path);
    case InputKind::archive: {
      ScratchDir scratch("proceedings-meta");
      extract_archive(input.path, scratch.path());
      PaperMeta meta = read_latex_meta(scratch.path());
      meta.input = input.path.string();
      return meta;
    }
  }
  return {};
}

// A file name need not be UTF-8 (caf\xe9.pdf): it is shown, matched and
// written with U+FFFD for the bytes that are not, the same in text and JSON.
MetaResult result_of(const Input& input, const std::string& stem, PdfReader& reader,
                     const std::optional<Workshop>& workshop) {
  MetaResult r;
  r.input = valid_utf8(input.path.string());
  try {
    r.meta = read_input(input, reader);
    r.meta->input = r.input;
  } catch (const Error& e) {
    r.error = valid_utf8(e.what());
  } catch (const std::exception& e) {  // e.g. a file system error while unpacking
    r.error = valid_utf8(std::string("cannot be read: ") + e.what());
  }
  if (!r.meta || !workshop) return r;
  r.checked = true;
  if (const Paper* record = match_record(workshop->papers, *r.meta, stem)) {
    r.record_id = record->id;
    r.mismatches = crosscheck(*record, *r.meta);
  } else {
    r.mismatches.push_back(no_record(stem, r.meta->title));
  }
  return r;
}

// The papers.yaml changes `found` makes, written when there are any.
std::vector<std::string> write_papers(const Workshop& workshop, const std::vector<Extracted>& found) {
  const fs::path file = workshop.folder / "papers.yaml";
  auto [papers, changes] = merge_papers(workshop.papers, found);
  if (!changes.empty()) write_file_atomic(file, updated_papers_yaml(fs::exists(file) ? read_file(file) : "", papers));
  return changes;
}

MetaRun run(const MetaJob& o) {
  if (o.write && o.venue.empty()) throw usage_error("--write", "needs --venue to know which papers.yaml to update");
  std::optional<Workshop> workshop;
  if (!o.venue.empty()) workshop = load_workshop(o.venue);
  std::vector<Input> inputs;
  for (const auto& arg : o.inputs) add_input(arg, inputs, true);

  PdfReader reader;
  std::vector<MetaResult> results;
  std::vector<Extracted> found;
  for (const auto& input : inputs) {
    const std::string stem = valid_utf8(input.stem);
    MetaResult r = result_of(input, stem, reader, workshop);
    if (r.meta) found.push_back({*r.meta, stem});
    results.push_back(std::move(r));
  }

  MetaRun run;
  if (o.write) {
    run.papers_yaml = workshop->folder / "papers.yaml";
    run.changes = write_papers(*workshop, found);
  }

  std::vector<Diagnostic> all;
  bool errored = false;
  for (const auto& r : results) {
    errored |= !r.meta;
    all.insert(all.end(), r.mismatches.begin(), r.mismatches.end());
  }
  run.status = errored ? Exit::input : worst_exit(all);
  run.papers = std::move(results);
  return run;
}

}  // namespace

}  // namespace proceedings::meta

namespace proceedings {

MetaRun run_meta(const MetaJob& job) { return meta::run(job); }

}  // namespace proceedings

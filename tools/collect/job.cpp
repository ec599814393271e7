// `proceedings collect` as a job: list the source's PDFs, match each to its
// paper with core's one matcher, and install the taken ones atomically,
// keeping what they replace.
#include "collect/job.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <optional>

#include "proceedings/timezone.hpp"
#include "proceedings/archive.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "proceedings/pdf.hpp"
#include "proceedings/text.hpp"
#include "proceedings/uploads.hpp"

namespace proceedings::collect {

namespace {

namespace fs = std::filesystem;

bool hidden(const fs::path& relative) {
  for (const auto& part : relative)
    if (!part.empty() && part.string().front() == '.' && part != "." && part != "..") return true;
  return false;
}

bool is_pdf_name(const fs::path& file) { return ascii_lower(file.extension().string()) == ".pdf"; }

// The source's files under `root`, sorted by their path below it; hidden ones
// (fetch's .partial downloads, macOS's ._ files) left out.
struct SourceFiles {
  std::vector<fs::path> pdfs;
  std::vector<std::string> ignored;
};

SourceFiles files_under(const fs::path& root) {
  SourceFiles out;
  std::vector<fs::path> all;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied);
       it != fs::recursive_directory_iterator(); ++it) {
    const fs::path relative = it->path().lexically_relative(root);
    if (hidden(relative)) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) all.push_back(it->path());
  }
  std::sort(all.begin(), all.end());
  for (const auto& f : all) {
    if (is_pdf_name(f)) out.pdfs.push_back(f);
    else out.ignored.push_back(f.lexically_relative(root).generic_string());
  }
  return out;
}

std::string utc_stamp(fs::file_time_type time) { return utc_text(unix_seconds(time), "%Y-%m-%dT%H%M%SZ"); }

// Keeps the current papers/<id>.pdf under .versions/ before it is replaced:
// a hard link where the file system allows, else a copy.
fs::path keep_version(const fs::path& papers_dir, const std::string& id, const fs::path& current) {
  fs::path kept = kept_version_path(papers_dir, id, fs::last_write_time(current));
  fs::create_directories(kept.parent_path());
  for (int n = 2; fs::exists(kept); ++n) {
    if (sha256_file(kept) == sha256_file(current)) return kept;
    kept = kept.parent_path() / (kept.stem().string() + "-" + std::to_string(n) + ".pdf");
  }
  std::error_code ec;
  fs::create_hard_link(current, kept, ec);
  if (ec) copy_file_atomic(current, kept);
  return kept;
}

// Copies `from` into place through a temporary file, with the upload's own
// modification time, so that status and the kept versions date it.
void install(const fs::path& from, const fs::path& to) {
  AtomicOutput out(to);
  fs::copy_file(from, out.temp(), fs::copy_options::overwrite_existing);
  fs::last_write_time(out.temp(), fs::last_write_time(from));
  out.commit();
}

CollectedFile collected(const MatchedUpload& m, const fs::path& root, const fs::path& papers_dir, bool dry_run) {
  CollectedFile c;
  c.name = m.file.lexically_relative(root).generic_string();
  c.how = m.match.how();
  c.sha256 = sha256_file(m.file);
  c.bytes = fs::file_size(m.file);
  if (!m.taken()) {
    c.problem = m.problem();
    c.candidates = m.match.ambiguous() ? m.match.candidates : std::vector<std::string>{};
    if (m.match.matched()) c.candidates = {m.match.paper};
    return c;
  }
  c.paper = m.match.paper;
  c.installed = papers_dir / (c.paper + ".pdf");
  const bool present = fs::exists(c.installed);
  if (present && sha256_file(c.installed) == c.sha256) {
    c.action = Action::unchanged;
    return c;
  }
  if (dry_run) {
    c.action = Action::would_install;
    return c;
  }
  fs::create_directories(papers_dir);
  if (present) c.kept = keep_version(papers_dir, c.paper, c.installed);
  install(m.file, c.installed);
  c.action = present ? Action::replaced : Action::installed;
  return c;
}

void refuse_source_inside_papers(const fs::path& source, const fs::path& papers_dir) {
  std::error_code ec;
  if (fs::exists(papers_dir) && fs::equivalent(source, papers_dir, ec))
    throw usage_error(source.string(), "is the venue's papers folder itself; collect from the uploads' folder or zip");
}

}  // namespace

const char* action_name(Action action) {
  switch (action) {
    case Action::installed: return "installed";
    case Action::replaced: return "replaced";
    case Action::unchanged: return "unchanged";
    case Action::would_install: return "would install";
    case Action::not_taken: break;
  }
  return "not taken";
}

std::size_t Result::not_taken() const {
  return static_cast<std::size_t>(
      std::count_if(files.begin(), files.end(), [](const CollectedFile& f) { return f.action == Action::not_taken; }));
}

fs::path kept_version_path(const fs::path& papers_dir, const std::string& id, fs::file_time_type installed) {
  return papers_dir / ".versions" / (id + "." + utc_stamp(installed) + ".pdf");
}

Result run(const Job& job) {
  const Workshop venue = load_workshop(job.venue);
  if (venue.papers.empty()) throw usage_error(job.venue + "/papers.yaml", "lists no papers to collect uploads for");
  const fs::path source(job.source);
  Result result;
  result.papers_dir = fs::path(job.venue) / "papers";
  std::optional<ScratchDir> unpacked;
  fs::path root = source;
  if (fs::is_directory(source)) {
    refuse_source_inside_papers(source, result.papers_dir);
  } else if (is_archive_name(source)) {
    require_regular_file(source);
    unpacked.emplace("proceedings-collect");
    extract_archive(source, unpacked->path());
    root = unpacked->path();
  } else {
    throw usage_error(job.source, "is neither a folder nor a .zip or .tar.gz of uploads");
  }
  const SourceFiles files = files_under(root);
  result.ignored = files.ignored;
  if (files.pdfs.empty()) throw input_error(job.source, "holds no PDF");
  std::optional<OutputLock> lock;
  if (!job.dry_run) {
    fs::create_directories(fs::path(job.venue) / ".proceedings");
    lock.emplace(fs::path(job.venue) / ".proceedings" / "collect.lock", job.venue + "/papers");
  }
  PdfReader reader;
  const auto matched =
      match_uploads(files.pdfs, venue.papers, [&](const fs::path& f) { return read_title_text(reader, f); }, root);
  for (const auto& m : matched) result.files.push_back(collected(m, root, result.papers_dir, job.dry_run));
  return result;
}

}  // namespace proceedings::collect

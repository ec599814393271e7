// One venue's season: uploads matched, checked at a stage, and joined with
// papers.yaml, the sent-log and the last book's manifest.
#include "proceedings/timezone.hpp"
#include "proceedings/status.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

#include "proceedings/check/batch.hpp"
#include "proceedings/check/rules.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/pdf.hpp"
#include "proceedings/text.hpp"
#include "proceedings/uploads.hpp"

namespace proceedings {

namespace {

namespace fs = std::filesystem;

std::string utc_minutes(fs::file_time_type time) { return utc_text(unix_seconds(time), "%Y-%m-%d %H:%M"); }

// The PDFs of the papers folder, its hidden .versions/ left out.
std::vector<fs::path> uploads_in(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& entry : fs::directory_iterator(dir, fs::directory_options::skip_permission_denied)) {
    const std::string name = entry.path().filename().string();
    if (!name.empty() && name.front() != '.' && entry.is_regular_file() &&
        ascii_lower(entry.path().extension().string()) == ".pdf")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Book {
  fs::path manifest;
  fs::file_time_type made;
  std::map<std::string, BookEntry> pages;
};

std::optional<fs::path> manifest_in(const fs::path& folder) {
  for (const fs::path& candidate : {folder / "manifest.json", folder / "bundle" / "manifest.json"})
    if (fs::is_regular_file(candidate)) return candidate;
  return std::nullopt;
}

// Whether `doc` is a volume's book (build --volume) with `venue` among its workshops.
bool volume_book_of(const nlohmann::json& doc, const std::string& venue) {
  if (!doc.contains("workshops") || !doc.at("workshops").is_array()) return false;
  for (const auto& w : doc.at("workshops"))
    if (w.value("id", "") == venue) return true;
  return false;
}

// The last book of `venue`: the manifest build wrote into OUT/bundle, the
// venue's own or a volume's it is part of (its papers only). A default
// folder holding another venue's book is no book of this one.
std::optional<Book> last_book(const Workshop& venue, const StatusOptions& o) {
  const bool given = !o.book.empty();
  const auto manifest = manifest_in(given ? o.book : venue.folder / "out");
  if (!manifest) {
    if (given) throw input_error(o.book.string(), "holds no manifest.json of a built book (run proceedings build first)");
    return std::nullopt;
  }
  Book book{*manifest, fs::last_write_time(*manifest), {}};
  try {
    const auto doc = nlohmann::json::parse(read_file(*manifest));
    const bool in_volume = volume_book_of(doc, venue.id);
    if (doc.value("workshop", "") != venue.id && !in_volume) {
      if (given) throw input_error(manifest->string(), "is the book of '" + doc.value("workshop", "") + "', not of '" + venue.id + "'");
      return std::nullopt;
    }
    for (const auto& p : doc.at("papers"))
      if (!in_volume || p.value("workshop", "") == venue.id)
        book.pages[p.at("id").get<std::string>()] = {p.at("pages").at("first").get<int>(),
                                                   p.at("pages").at("last").get<int>(), false};
  } catch (const nlohmann::json::exception& e) {
    throw input_error(manifest->string(), std::string("is not a book manifest: ") + e.what());
  }
  return book;
}

void take_verdict(PaperStatus& row, const check::Analysis& a) {
  row.verdict = check::verdict_name(a.verdict);
  row.unreadable = a.error;
  for (const auto& p : a.problems) (p.severity == Severity::error ? row.errors : row.warnings).push_back(p.code);
}

void judge_state(PaperStatus& row) {
  if (!row.upload) {
    row.state = PaperState::missing;
    return;
  }
  row.state = row.verdict == "pass" ? PaperState::ready : PaperState::failing;
}

void note_waiting(PaperStatus& row, bool acm) {
  if (acm && row.rights.empty()) row.waiting_for.push_back("rights");
  if (acm && row.doi.empty()) row.waiting_for.push_back("DOI");
}

}  // namespace

const char* state_name(PaperState state) {
  switch (state) {
    case PaperState::ready: return "ready";
    case PaperState::failing: return "failing";
    case PaperState::missing: return "missing";
  }
  return "missing";
}

std::size_t VenueStatus::count(PaperState state) const {
  return static_cast<std::size_t>(
      std::count_if(papers.begin(), papers.end(), [&](const PaperStatus& p) { return p.state == state; }));
}

VenueStatus venue_status(const Workshop& venue, const StatusOptions& o) {
  VenueStatus status;
  status.venue = venue.id;
  status.title = venue_title(venue);
  status.stage = o.stage;
  status.papers_dir = o.papers_dir.empty() ? venue.folder / "papers" : o.papers_dir;
  PdfReader reader;
  const auto matched = match_uploads(uploads_in(status.papers_dir), venue.papers,
                                     [&](const fs::path& f) { return read_title_text(reader, f); });
  std::map<std::string, const MatchedUpload*> taken;
  std::vector<fs::path> to_check;
  for (const auto& m : matched) {
    if (!m.taken()) {
      status.strays.push_back({m.file, m.problem()});
      continue;
    }
    taken[m.match.paper] = &m;
    to_check.push_back(m.file);
  }
  const auto analyses = check::check_files(to_check, check::rules_for_venue(venue, o.stage), o.jobs, false);
  std::map<fs::path, const check::Analysis*> analysis_of;
  for (std::size_t i = 0; i < to_check.size(); ++i) analysis_of[to_check[i]] = &analyses[i];
  const auto book = last_book(venue, o);
  if (book) status.book_manifest = book->manifest;
  const auto log = read_sent_log(venue.folder);
  for (const auto& paper : venue.papers) {
    PaperStatus row;
    row.id = paper.id;
    row.title = paper.title;
    row.rights = paper.rights;
    row.doi = paper.doi;
    row.notice = last_notice(log, paper.id);
    if (const auto found = taken.find(paper.id); found != taken.end()) {
      const fs::path& file = found->second->file;
      row.upload = UploadFacts{file, found->second->match.how(), utc_minutes(fs::last_write_time(file)),
                               fs::file_size(file), sha256_file(file)};
      take_verdict(row, *analysis_of.at(file));
    }
    if (book)
      if (const auto in_book = book->pages.find(paper.id); in_book != book->pages.end()) {
        row.book = in_book->second;
        row.book->stale = row.upload && fs::last_write_time(row.upload->file) > book->made;
      }
    judge_state(row);
    note_waiting(row, venue.acm.has_value());
    status.papers.push_back(std::move(row));
  }
  return status;
}

std::size_t VenueStatus::waiting_for_rights_or_doi() const {
  return static_cast<std::size_t>(
      std::count_if(papers.begin(), papers.end(), [](const PaperStatus& p) { return !p.waiting_for.empty(); }));
}

std::string status_summary(const VenueStatus& s) {
  std::string out = std::to_string(s.papers.size()) + " papers: " + std::to_string(s.count(PaperState::ready)) +
                    " ready, " + std::to_string(s.count(PaperState::failing)) + " failing, " +
                    std::to_string(s.count(PaperState::missing)) + " missing";
  if (const auto n = s.waiting_for_rights_or_doi()) out += "; " + std::to_string(n) + " without rights or DOI recorded";
  if (!s.strays.empty()) out += "; " + std::to_string(s.strays.size()) + " file(s) in papers/ taken for no paper";
  return out;
}

}  // namespace proceedings

#include "build/bundle.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "proceedings/archive.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "build/build_cache.hpp"
#include "build/volume.hpp"

namespace proceedings::build {

namespace fs = std::filesystem;

namespace {

std::int64_t seconds_since_1970(fs::file_time_type time) {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(time).time_since_epoch())
      .count();
}

// When a paper's upload last changed; made files take the newest of the
// papers and the venue's own files they are made from. Two builds of the same
// inputs write the same zip; SOURCE_DATE_EPOCH, where set, stands for both.
struct EntryTimes {
  std::optional<std::int64_t> made;
  std::vector<std::optional<std::int64_t>> papers;
};

EntryTimes entry_times(const BookPlan& plan) {
  EntryTimes times;
  if (source_date_epoch_from_environment()) {
    times.papers.resize(plan.papers.size());
    return times;
  }
  std::int64_t newest = 0;
  for (const auto& p : plan.papers) {
    times.papers.push_back(seconds_since_1970(fs::last_write_time(p.pdf)));
    newest = std::max(newest, *times.papers.back());
  }
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(plan.workshop.folder, ec))
    if (f.is_regular_file()) newest = std::max(newest, seconds_since_1970(f.last_write_time()));
  if (newest > 0) times.made = newest;
  return times;
}

std::string bib_text(const std::string& s) { return bibtex_escape(s); }

std::string bib_key(const std::string& workshop, const std::string& id) {
  std::string key;
  for (char c : workshop + ":" + id) key += std::isalnum(static_cast<unsigned char>(c)) || c == ':' || c == '-' ? c : '-';
  return key;
}

// Cache files are never changed in place (new content gets a new name), so
// the bundle can share them: a hard link under a temporary name, renamed over
// the previous file; a copy where the file system cannot link.
void place(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  if (fs::equivalent(from, to, ec)) return;  // linked by the previous build
  AtomicOutput output(to);
  fs::create_hard_link(from, output.temp(), ec);
  if (ec) {
    copy_file_atomic(from, to);
    return;
  }
  output.commit();
}

// Files a previous build left in the bundle that this one did not write.
void remove_stale(const fs::path& bundle, const std::vector<fs::path>& members) {
  std::set<fs::path> keep;
  for (const auto& m : members) keep.insert(bundle / m);
  for (const fs::path& dir : {bundle, bundle / "papers"})
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && !keep.count(e.path())) fs::remove(e.path());
}

}  // namespace

// As the ACM Digital Library exports an entry of a proceedings volume: the
// booktitle as ACM prints it, publisher, address, series, ISBN, DOI; a venue
// without an ACM record keeps its own name, place and publication note.
std::string bibtex(const BookPlan& plan) {
  const Workshop& w = plan.workshop;
  const AcmRecord* acm = w.acm ? &*w.acm : nullptr;
  static const char* months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const int month = acm && acm->month > 0 ? acm->month : std::stoi(w.date.substr(5, 2));
  const std::string year = acm && acm->year > 0 ? std::to_string(acm->year) : w.date.substr(0, 4);
  const std::string booktitle = acm && !acm->proceedings_title.empty() ? acm->proceedings_title
                                                                        : "Proceedings of " + venue_title(w);
  std::ostringstream out;
  auto field = [&out](const char* name, const std::string& value) {
    if (!value.empty()) out << "  " << name << std::string(10 - std::string(name).size(), ' ') << "= {" << bib_text(value) << "},\n";
  };
  for (const auto& p : plan.papers) {
    std::string authors;
    for (const auto& a : p.record.authors) authors += (authors.empty() ? "" : " and ") + bib_text(a.name);
    out << "@inproceedings{" << bib_key(w.id, p.record.id) << ",\n"
        << "  title     = {" << bibtex_title(p.record.title) << "},\n"
        << "  author    = {" << authors << "},\n";
    field("booktitle", booktitle);
    field("year", year);
    if (month >= 1 && month <= 12) out << "  month     = " << months[month - 1] << ",\n";  // BibTeX's month macro
    out << "  pages     = {" << p.first_page << "--" << p.last_page() << "},\n"
        << "  numpages  = {" << p.pages << "},\n";
    if (acm) {
      field("publisher", acm->publisher);
      field("address", acm->address);
      field("location", acm->location.empty() ? w.location : acm->location);
      field("series", acm->series.empty() ? acm->short_name : acm->series);
      field("isbn", acm->isbn);
    } else {
      field("address", w.location);
      field("note", w.publication);
    }
    // doi and url are read verbatim by the styles (\url, \doi): no TeX escapes in them.
    if (!p.record.doi.empty() && p.record.doi.find_first_of("{}\\%# \t\n") == std::string::npos)
      out << "  doi       = {" << p.record.doi << "},\n"
          << "  url       = {https://doi.org/" << p.record.doi << "},\n";
    out << "}\n\n";
  }
  return out.str();
}

BundleWritten write_bundle(const BookPlan& plan, const BundleFiles& files, const fs::path& bundle,
                           const State& previous) {
  fs::create_directories(bundle / "papers");
  const std::string id = plan.workshop.id;
  std::vector<std::pair<fs::path, std::string>> members{{id + "-proceedings.pdf", files.book_sha256},
                                                        {id + "-frontmatter.pdf", files.front_sha256}};
  place(files.book, bundle / members[0].first);
  place(files.front, bundle / members[1].first);
  nlohmann::json papers = nlohmann::json::array();
  const std::vector<int> first_book_page = first_book_pages(plan, files.front_pages, files.part_pages);  // 0-based
  for (std::size_t i = 0; i < plan.papers.size(); ++i) {
    const auto& p = plan.papers[i];
    const fs::path name = fs::path("papers") / (p.record.id + ".pdf");
    place(files.papers[i], bundle / name);
    members.emplace_back(name, files.papers_sha256[i]);
    nlohmann::json authors = nlohmann::json::array();
    for (const auto& a : p.record.authors) authors.push_back(a.name);
    papers.push_back({{"id", p.record.id},
                      {"title", p.record.title},
                      {"authors", authors},
                      {"pages", {{"first", p.first_page}, {"last", p.last_page()}}},
                      {"book_pages", {{"first", first_book_page[i] + 1}, {"last", first_book_page[i] + p.pages}}},
                      {"doi", p.record.doi},
                      {"file", name.generic_string()},
                      {"sha256", files.papers_sha256[i]}});
    if (!plan.parts.empty()) papers.back()["workshop"] = plan.parts[p.part].workshop.id;
  }
  const std::string bib = bibtex(plan);
  write_file_atomic(bundle / (id + ".bib"), bib);
  members.emplace_back(id + ".bib", sha256_hex(bib));
  BundleWritten written;
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& [m, sha] : members)
    listed.push_back({{"path", m.generic_string()}, {"sha256", sha}, {"bytes", fs::file_size(bundle / m)}});
  nlohmann::json manifest{{"workshop", id},
                          {"title", plan.workshop.acronym + ": " + plan.workshop.name},
                          {"generator", std::string("proceedings ") + PROCEEDINGS_VERSION},
                          {"front_matter_pages", files.front_pages},
                          {"papers", papers},
                          {"files", listed}};
  if (!plan.parts.empty()) {  // a volume: its workshops in order, each with its own pages
    nlohmann::json workshops = nlohmann::json::array();
    for (std::size_t k = 0; k < plan.parts.size(); ++k)
      workshops.push_back({{"id", plan.parts[k].workshop.id},
                           {"title", venue_title(plan.parts[k].workshop)},
                           {"papers", plan.parts[k].papers},
                           {"part_pages", k < files.part_pages.size() ? files.part_pages[k] : 0}});
    manifest["workshops"] = workshops;
  }
  const std::string manifest_text = manifest.dump(2) + "\n";
  write_file_atomic(bundle / "manifest.json", manifest_text);
  members.emplace_back("manifest.json", sha256_hex(manifest_text));
  written.zip = bundle / (id + "-bundle.zip");
  const EntryTimes times = entry_times(plan);
  std::map<fs::path, std::optional<std::int64_t>> paper_times;
  for (std::size_t i = 0; i < plan.papers.size(); ++i)
    paper_times[fs::path("papers") / (plan.papers[i].record.id + ".pdf")] = times.papers[i];
  // The previous zip vouches for its members only if it is the one the previous
  // state recorded: a build that replaced the zip but failed before saving its
  // state leaves a zip whose members the recorded checksums do not describe.
  const bool reusable = BuildCache::written_as_recorded(previous, written.zip);
  std::vector<ArchiveMember> entries;
  for (const auto& [m, sha] : members)
    entries.push_back({m.generic_string(), bundle / m, paper_times.count(m) ? paper_times[m] : times.made,
                       reusable && BuildCache::recorded_with(previous, bundle / m, sha)});
  written.zip_reused = write_archive(written.zip, ArchiveFormat::zip, entries,
                                     std::stoll(source_date_epoch(plan.workshop)), reusable ? written.zip : fs::path())
                           .reused;
  members.emplace_back(written.zip.filename(), "");
  for (const auto& [m, sha] : members) {
    written.files.push_back(bundle / m);
    written.sha256[(bundle / m).string()] = sha;
  }
  std::vector<fs::path> names;
  for (const auto& [m, sha] : members) names.push_back(m);
  remove_stale(bundle, names);
  return written;
}

}  // namespace proceedings::build

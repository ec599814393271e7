// `proceedings booklet` as a job (job.hpp); command.cpp maps the options onto it.
#include "booklet/job.hpp"

#include <chrono>
#include <cstdlib>
#include <set>
#include <sstream>

#include "booklet/calendar.hpp"
#include "booklet/frab.hpp"
#include "booklet/html.hpp"
#include "booklet/jekyll.hpp"
#include "booklet/pdf_booklet.hpp"
#include "proceedings/program_checks.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/install.hpp"
#include "proceedings/model.hpp"
#include "proceedings/program.hpp"
#include "proceedings/timezone.hpp"
#include "proceedings/volume.hpp"

namespace proceedings::booklet {

namespace {

std::set<std::string> parse_formats(const std::string& list) {
  std::set<std::string> out;
  std::stringstream in(list);
  for (std::string f; std::getline(in, f, ',');) {
    if (f != "pdf" && f != "html" && f != "ics" && f != "xml" && f != "jekyll")
      throw usage_error("--format", "'" + f + "' is not one of pdf, html, ics, xml, jekyll");
    out.insert(f);
  }
  if (out.empty()) throw usage_error("--format", "names no format");
  return out;
}

// The files published beside the page, and the book's papers when they are built.
PageLinks page_links(const Workshop& w, const std::set<std::string>& formats, const fs::path& out) {
  PageLinks links;
  const std::string stem = w.id + "-program";
  if (formats.count("ics")) links.downloads.push_back({stem + ".ics", "Calendar (iCalendar)"});
  if (formats.count("xml")) links.downloads.push_back({stem + ".xml", "Schedule for apps (frab XML)"});
  if (formats.count("pdf")) links.downloads.push_back({stem + ".pdf", "Printable booklet (PDF)"});
  links.papers_folder = out / "bundle" / "papers";
  return links;
}

// Now, or SOURCE_DATE_EPOCH where a reproducible build sets it.
std::int64_t publication_time() {
  if (const auto set = source_date_epoch_from_environment()) return *set;
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The venue's program, or the union of a volume's workshops' programs.
Workshop program_of(const BookletJob& o) {
  if (o.volume.empty()) return load_workshop(venue_folder(o.venue));
  const Volume volume = load_volume(o.volume);
  return merged_program(volume_venue(volume), volume.workshops);
}

BookletResult run(const BookletJob& o) {
  const auto formats = parse_formats(o.formats);
  const Workshop w = program_of(o);
  const fs::path source = w.folder / (o.volume.empty() ? "workshop.yaml" : volume_file_name);
  const TimeZone zone = TimeZone::load(w.timezone, source.string());
  const auto findings = check_program(w);
  BookletResult result{Exit::ok, w.acronym, source, {findings.begin(), findings.end()}, false, {}};
  std::size_t errors = 0;
  for (const auto& f : findings) errors += f.severity == Severity::error;
  if (errors) result.status = Exit::failed;
  if (o.check_only) return result;
  if (errors && !o.force) {
    result.refused = true;
    return result;
  }
  result.status = Exit::ok;
  refuse_output_folder_over_file(o.out, "--out");
  const fs::path folder = fs::path(o.out) / "booklet";
  const fs::path templates = templates_folder(o.templates) / "booklet";
  fs::create_directories(folder);
  const std::string stem = (folder / (w.id + "-program")).string();
  std::vector<ProgramFinding> unresolved;
  for (const auto& f : findings)
    if (f.severity == Severity::error) unresolved.push_back(f);
  const Flags flags(unresolved);
  if (formats.count("ics")) {
    const fs::path ics = stem + ".ics";
    write_file_atomic(ics, icalendar(w, zone, publication_time(), fs::exists(ics) ? read_file(ics) : "", flags));
  }
  if (formats.count("xml")) write_file_atomic(stem + ".xml", frab_xml(w, zone, flags));
  if (formats.count("html")) {
    PageLinks links = page_links(w, formats, o.out);
    links.flags = flags;
    write_file_atomic(stem + ".html", program_html(w, zone, templates, links));
  }
  if (formats.count("pdf")) typeset_booklet(w, o.half_letter, unresolved, templates, stem + ".pdf");
  if (formats.count("jekyll")) write_jekyll(w, zone, templates, folder / (w.id + "-jekyll"), publication_time(), flags);
  for (const auto& f : formats) result.written.push_back(f == "jekyll" ? folder / (w.id + "-jekyll") : fs::path(stem + "." + f));
  return result;
}

}  // namespace

}  // namespace proceedings::booklet

namespace proceedings {

BookletResult run_booklet(const BookletJob& job) { return booklet::run(job); }

}  // namespace proceedings

#include "booklet/command.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <set>
#include <sstream>

#include "booklet/calendar.hpp"
#include "booklet/frab.hpp"
#include "booklet/html.hpp"
#include "booklet/pdf_booklet.hpp"
#include "booklet/validate.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings::booklet {

namespace {

struct Options {
  std::string venue = "metadata/exhetai-2025";
  std::string out = "out";
  std::string formats = "pdf,html,ics,xml";
  std::string templates = PROCEEDINGS_TEMPLATES_DIR;
  bool check_only = false;
  bool half_letter = false;
  bool force = false;
};

std::set<std::string> parse_formats(const std::string& list) {
  std::set<std::string> out;
  std::stringstream in(list);
  for (std::string f; std::getline(in, f, ',');) {
    if (f != "pdf" && f != "html" && f != "ics" && f != "xml")
      throw usage_error("--format", "'" + f + "' is not one of pdf, html, ics, xml");
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
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    try {
      return std::stoll(epoch);
    } catch (const std::exception&) {
      throw usage_error("SOURCE_DATE_EPOCH", "must be seconds since 1970, not '" + std::string(epoch) + "'");
    }
  }
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int run(const Options& o) {
  const auto formats = parse_formats(o.formats);
  const Workshop w = load_workshop(o.venue);
  const TimeZone zone = TimeZone::load(w.timezone);
  const auto findings = validate(w);
  int errors = 0;
  for (const auto& f : findings) {
    std::cerr << (o.venue + "/workshop.yaml: ") << f.severity << ": " << f.code << ": " << f.message << "\n";
    errors += f.severity == "error";
  }
  std::cerr << "booklet: " << w.acronym << " program: " << errors << " error(s), " << findings.size() - errors
            << " warning(s)\n";
  if (o.check_only) return static_cast<int>(errors ? Exit::failed : Exit::ok);
  if (errors && !o.force) {
    std::cerr << "booklet: nothing written: fix the errors above, or publish as it is with --force\n";
    return static_cast<int>(Exit::failed);
  }
  const fs::path folder = fs::path(o.out) / "booklet";
  const fs::path templates = fs::path(o.templates) / "booklet";
  fs::create_directories(folder);
  const std::string stem = (folder / (w.id + "-program")).string();
  if (formats.count("ics")) {
    const fs::path ics = stem + ".ics";
    write_file_atomic(ics, icalendar(w, zone, publication_time(), fs::exists(ics) ? read_file(ics) : ""));
  }
  if (formats.count("xml")) write_file_atomic(stem + ".xml", frab_xml(w, zone));
  if (formats.count("html")) write_file_atomic(stem + ".html", program_html(w, zone, templates, page_links(w, formats, o.out)));
  std::vector<Finding> unresolved;
  for (const auto& f : findings)
    if (f.severity == "error") unresolved.push_back(f);
  if (formats.count("pdf")) typeset_booklet(w, o.half_letter, unresolved, templates, stem + ".pdf");
  for (const auto& f : formats) std::cout << "booklet: wrote " << stem << "." << f << "\n";
  return static_cast<int>(Exit::ok);
}

}  // namespace

void add_command(CLI::App& app, int& status) {
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("booklet", "Publish the program: PDF booklet, web page, iCalendar, frab XML");
  cmd->footer(
      "The program is validated first; its findings go to stderr. Errors stop publication unless --force.\n"
      "Files go to OUT/booklet/<workshop id>-program.{pdf,html,ics,xml}.\n"
      "Exit status: 0 written (or, with --check, no errors), 1 the program has errors, 2 usage error,\n"
      "4 LaTeX failed.");
  cmd->add_option("--venue", options->venue, "Workshop folder in metadata/")->capture_default_str();
  cmd->add_option("--out", options->out, "Output folder")->capture_default_str();
  cmd->add_option("--format", options->formats, "Comma-separated: pdf, html, ics, xml")->capture_default_str();
  cmd->add_option("--templates", options->templates, "Templates folder")->capture_default_str();
  cmd->add_flag("--check", options->check_only, "Only validate the program");
  cmd->add_flag("--half-letter", options->half_letter, "PDF on half-letter pages (5.5 x 8.5 in), to fold as a booklet");
  cmd->add_flag("--force", options->force, "Publish even if the program has errors");
  cmd->callback([options, &status] { status = run(*options); });
}

}  // namespace proceedings::booklet

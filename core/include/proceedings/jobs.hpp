#pragma once
// The jobs of libproceedings, one struct per command (the qpdf QPDFJob model):
// a command's command.cpp only maps its options onto the job and runs it, and
// one tool uses another's work only through these, never through its files.
// Each job is implemented in its tool's folder (tools/check/job.cpp, ...).
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "proceedings/error.hpp"
#include "proceedings/model.hpp"

namespace proceedings {

// `proceedings check`: results printed to stdout as files are done, in input order.
struct CheckJob {
  std::string venue;          // workshop folder whose submission rules apply; empty: flags only
  std::string pages;          // MIN-MAX body pages
  std::string paper;          // letter, a4
  int columns = 0;
  std::string template_name;  // acmart-sigconf, acmart, any
  std::string review;         // single-blind, double-blind
  bool json = false;
  std::string annotate;       // folder for annotated copies of failing papers
  std::string html;           // the batch's report as one HTML page
  unsigned jobs = 0;          // files checked at once; 0: all cores
  std::vector<std::string> inputs;
};
Exit run_check(const CheckJob& job);

// The check as another job's gate (build): the venue's rules, as `check
// --venue` applies them, one file at a time from up to `workers` threads at
// once (each worker index its own PDF reader), so that checking can run
// beside other work.
class CheckGate {
 public:
  CheckGate(const Workshop& venue, unsigned workers);
  ~CheckGate();
  CheckGate(const CheckGate&) = delete;
  CheckGate& operator=(const CheckGate&) = delete;
  struct Verdict {
    bool passed = false;
    std::string error;  // why the file could not be read at all ("" if it could)
  };
  // Checks `file`; a failing file's analysis is kept under `order` for the table.
  Verdict check(const std::filesystem::path& file, std::size_t order, unsigned worker);
  // The check's table of the failing files, by `order`; "" if none failed.
  std::string failing_table() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// What decides a verdict under the venue's rules, for caches keyed on it.
std::string check_rules_key(const Workshop& venue);

// `proceedings meta`.
struct MetaJob {
  bool json = false;
  std::string venue;  // cross-check with its papers.yaml; empty: no cross-check
  bool write = false; // fill the gaps of papers.yaml
  std::vector<std::string> inputs;
};
Exit run_meta(const MetaJob& job);

// `proceedings build`: the proceedings book and the bundle, redoing only what changed.
struct BookJob {
  std::string venue;  // empty: the current folder if it holds workshop.yaml
  std::string papers; // folder of camera-ready PDFs named <paper id>.pdf
  std::string out = "out";
  std::string templates;  // empty: installed templates (install.hpp)
  bool force = false;     // build even if papers fail the venue's checks
  bool timings = false;   // each phase's time on stderr
  unsigned jobs = 0;      // tasks at once; 0: all cores
};
struct BookResult {
  Exit status = Exit::ok;            // failed: papers fail the checks and no --force (nothing written)
  std::filesystem::path bundle, zip;
  bool up_to_date = false;           // nothing to do: inputs and outputs as the last build left them
  std::size_t papers = 0;
  int front_pages = 0, paper_pages = 0, index_pages = 0;
  std::vector<std::string> stamped;  // ids of the papers stamped by this build, sorted
  bool front_typeset = false, index_typeset = false;  // false: reused from the last build
  std::size_t zip_reused = 0;        // zip members copied from the previous zip, not read again
  std::string failing_table;         // the check's table of the papers that fail, "" if none
  std::vector<std::string> warnings;  // what the publisher's pages cannot print yet (book/typeset.hpp publication_gaps)
};
BookResult run_book(const BookJob& job);

// `proceedings booklet`.
struct BookletJob {
  std::string venue;  // empty: the current folder if it holds workshop.yaml
  std::string out = "out";
  std::string formats = "pdf,html,ics,xml";
  std::string templates;  // empty: installed templates (install.hpp)
  bool check_only = false;
  bool half_letter = false;
  bool force = false;
};
Exit run_booklet(const BookletJob& job);

// `proceedings report` and `report lint`.
struct ReportJob {
  std::string venue;
  std::string out = "out";
  std::string templates;
};
Exit run_report(const ReportJob& job);
struct LintJob {
  std::string input;  // folder, .tar.gz or .zip
  bool compile = true;
  std::string venue;  // the workshop the report retells, its program checked too; empty: not checked
};
Exit run_lint(const LintJob& job);

// `proceedings import web`: the event's public page merged into the venue's
// workshop.yaml and papers.yaml (a new workshop.yaml in a folder without one).
struct ImportWebJob {
  std::string venue;
  std::string page;      // a file (.html, .md, .txt) or an http(s) URL
  std::string timezone;  // IANA zone of the page's times when it names none
  bool write = false;    // without it nothing is written
  // Conflicts the chair resolved, by field path ("program.closing.start") or paper ID[.FIELD].
  std::vector<std::string> take_export, keep_mine;
};
struct ImportWebResult {
  Exit status = Exit::ok;               // failed: a field changed on the page and in the venue (a conflict)
  std::vector<std::string> changes;     // "workshop.yaml: ..." and "papers.yaml: ..."
  std::vector<std::string> conflicts;   // likewise; the venue's value is kept
  std::vector<std::string> notes;       // what the reader noticed, the program's slips included
  std::vector<std::filesystem::path> written;  // with write: the YAML files written
};
ImportWebResult run_import_web(const ImportWebJob& job);

// `proceedings fetch`.
struct FetchJob {
  std::string list;  // .csv or .yaml download list
  std::string out = "uploads";
  unsigned jobs = 4;
  int retries = 3;
  long backoff_ms = 500;
  long stall_seconds = 30;
  long max_mb = 256;
};
Exit run_fetch(const FetchJob& job);

}  // namespace proceedings

#pragma once
// ACM's proceedings CSV: one row per author of each paper, the layout ACM's
// rights-management intake takes (docs/acm-csv.md lists the columns).
#include <map>
#include <string>
#include <vector>

#include "proceedings/diagnostic.hpp"
#include "proceedings/model.hpp"
#include "proceedings/volume.hpp"

namespace proceedings::exporter {

// The header, in the order of ACM's enhanced CSV (31 columns).
const std::vector<std::string>& acm_csv_columns();

// The paper's number in its submission system ("17" for "hotcrp:17"), ACM's event_tracking_number.
std::string event_tracking_number(const Paper& p);

// What ACM's intake would miss: a contact author without an e-mail (an
// error: ACM sends the rights form there), an author without a country and
// a venue without acm.event_id (warnings), each naming the paper.
std::vector<Diagnostic> acm_csv_problems(const Workshop& w);

struct PageRange {
  int first = 0, last = 0;
};

// Rows for every paper of `w`: sections and sequence from the program (papers
// not in it come last, without a section), pages from `pages` by paper id.
std::vector<std::vector<std::string>> acm_csv_rows(const Workshop& w, const std::map<std::string, PageRange>& pages);

// Rows for every paper of a volume: ACM's sections are its workshops
// (section_title "ACRONYM: name", section_seq_no its place in the volume's
// order), article_seq_no runs across the volume, pages from `pages`.
std::vector<std::vector<std::string>> acm_csv_volume_rows(const Volume& v, const std::map<std::string, PageRange>& pages);

// What ACM's intake would miss in a volume: each workshop's problems, the
// proceeding ID once, as the volume's (naming volume.yaml).
std::vector<Diagnostic> acm_csv_volume_problems(const Volume& v);

// `cell` with a ' before it when a spreadsheet would read it as a formula: when
// it starts with =, +, -, @, a tab or a carriage return (OWASP's rule).
std::string formula_safe(const std::string& cell);

// RFC 4180: CRLF line ends, a field quoted when it holds a comma, quote or line end.
// Every cell is formula_safe: the sheet's cells of numbers (sequence numbers,
// pages) are never negative, so only text from people is ever changed.
std::string csv_text(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

// Page ranges from a built book's manifest.json (OUT/manifest.json or OUT/bundle/manifest.json).
std::map<std::string, PageRange> book_pages(const std::string& out);

}  // namespace proceedings::exporter

#pragma once
// `check --format banal`: one PDF's layout in the JSON of HotCRP's format
// checker, banal (src/banal's report_json), so that a HotCRP site can run
// proceedings as its $Opt["banalCommand"]. HotCRP's CheckFormat reads `at`,
// `pages`, `papersize`, `m`, `bodyfontsize`, `leading`, `columns`, `w` and,
// per page, `type`, the same measures where they differ, and `fs`
// (docs/hotcrp.md; shared/standards/hotcrp-banal-contract.md).
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <nlohmann/json.hpp>

#include "proceedings/check/analyze.hpp"
#include "proceedings/error.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings::check {

// banal's measures: sizes and margins in whole points, margins [top, right,
// bottom, left] snapped outward to banal's 4 pt grid, font size and leading
// to 0.1 pt. `at` is the Unix time of the run.
nlohmann::ordered_json banal_report(const PdfFacts& facts, const Analysis& analysis, std::int64_t at);

// banal's answer for a file it cannot read: {"at": T, "error": true, "pages": []}.
// HotCRP accepts it and reports "File may be corrupt or not in PDF format".
nlohmann::ordered_json banal_failure(std::int64_t at);

struct BanalRun {
  double time_limit_seconds = 6;  // HotCRP spends at most 8 s of a request on the checker
  double hold_seconds = 0;        // print no sooner (a client's test of a run in progress); 0 in real use
};

// Reads `file`, prints one JSON object and a newline to `out`: the report,
// or the failure form with a one-line reason on `err` (exit 3) when the
// file cannot be read or its analysis outlasts the time limit.
Exit print_banal(const std::filesystem::path& file, const BanalRun& run, std::ostream& out, std::ostream& err);

}  // namespace proceedings::check

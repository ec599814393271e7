#pragma once
// Every code `check` reports, with its severity, in one table: the analysis
// takes a problem's severity from here, and a test holds
// docs/commands/check.md's code tables to it. A new rule is one row here and
// the judge that adds it.
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "proceedings/diagnostic.hpp"

namespace proceedings::check {

// A paper passes (no error), fails (some error) or could not be analysed.
enum class Verdict { pass, fail, error };

// "pass", "fail" or "error", as the reports and the JSON spell it.
constexpr const char* verdict_name(Verdict verdict) {
  return verdict == Verdict::pass ? "pass" : verdict == Verdict::fail ? "fail" : "error";
}

struct Rule {
  std::string_view code;
  Severity severity;
};

inline constexpr std::array<Rule, 37> rules_table{{
    // How the file was read
    {"REPAIRED", Severity::warning},
    {"PAGE_LIMIT", Severity::error},
    // Pages
    {"PAGES_OVER", Severity::error},
    {"PAGES_UNDER", Severity::error},
    {"NO_REFERENCES", Severity::warning},
    // Layout
    {"PAPER_SIZE", Severity::error},
    {"COLUMNS", Severity::error},
    {"FONT_SIZE", Severity::error},
    {"MARGINS", Severity::error},
    {"OVERFULL_LINE", Severity::warning},
    // Template
    {"TEMPLATE_CLASS", Severity::error},
    {"TEMPLATE_FORMAT", Severity::error},
    {"ACM_REFERENCE_FORMAT", Severity::warning},
    {"CCS_CONCEPTS", Severity::warning},
    {"KEYWORDS", Severity::warning},
    // Fonts and safety: one UNSAFE_ code per hazard kind PdfFacts names
    {"FONTS_NOT_EMBEDDED", Severity::error},
    {"TYPE3_FONTS", Severity::warning},
    {"ENCRYPTED", Severity::error},
    {"UNSAFE_JAVASCRIPT", Severity::error},
    {"UNSAFE_LAUNCH", Severity::error},
    {"UNSAFE_SUBMIT_FORM", Severity::error},
    {"UNSAFE_IMPORT_DATA", Severity::error},
    {"UNSAFE_REMOTE_GOTO", Severity::error},
    {"UNSAFE_EMBEDDED_FILE", Severity::error},
    {"UNSAFE_RICH_MEDIA", Severity::error},
    // Review mode
    {"ANONYMOUS", Severity::error},
    {"AUTHORS_SHOWN", Severity::error},
    {"REVIEW_MODE", Severity::error},
    {"DRAFT_MODE", Severity::error},
    {"WATERMARK", Severity::warning},
    // ACM rights block (acm_rights.cpp)
    {"ACM_PLACEHOLDER", Severity::error},
    {"ACM_CONFERENCE", Severity::error},
    {"ACM_ISBN", Severity::error},
    {"ACM_DOI", Severity::error},
    {"ACM_RIGHTS", Severity::error},
    {"ACM_YEAR", Severity::error},
    // A file that could not be analysed (JSON only)
    {"UNREADABLE", Severity::error},
}};

// The row of `code`, nullopt for a code not in the table.
constexpr std::optional<Rule> rule_named(std::string_view code) {
  for (const Rule& rule : rules_table)
    if (rule.code == code) return rule;
  return std::nullopt;
}

// The problem `code` with `message`, its severity from the table; a code
// missing from the table is a programming error.
inline Diagnostic problem(std::string_view code, std::string message) {
  const auto rule = rule_named(code);
  if (!rule) throw std::logic_error(std::string(code) + ": a check code missing from check/codes.hpp's rules_table");
  return {std::string(code), rule->severity, {}, 0, std::move(message)};
}

}  // namespace proceedings::check

#pragma once
// Check's rules as data: every code `check` reports, with its severity and
// the judge that finds it, in one table (rules_table) that the analysis runs
// row by row; a test holds docs/commands/check.md's code tables to it. A new
// rule is one row and one judge function in analyze.cpp.
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "proceedings/check/rules.hpp"
#include "proceedings/diagnostic.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings::check {

// A paper passes (no error), fails (some error) or could not be analysed.
enum class Verdict { pass, fail, error };

// "pass", "fail" or "error", as the reports and the JSON spell it.
constexpr const char* verdict_name(Verdict verdict) {
  return verdict == Verdict::pass ? "pass" : verdict == Verdict::fail ? "fail" : "error";
}

struct Analysis;

// What a judge sees: the PDF as read, the rules, and what the analysis measured.
struct Evidence {
  const PdfFacts& facts;
  const CheckRules& rules;
  const Analysis& analysis;
  std::size_t content_lines;  // lines the analysis reads, over all pages
};

// The messages of one code for one paper, none when the paper keeps the rule.
using Judge = std::vector<std::string> (*)(const Evidence&);

struct Rule {
  std::string_view code;
  Severity severity;
  Judge judge;  // nullptr for codes judged elsewhere (the ACM rights block, unreadable files)
};

// Every code in report order (defined with the judges in analyze.cpp).
extern const std::array<Rule, 37> rules_table;

// The row of `code`, nullopt for a code not in the table.
inline std::optional<Rule> rule_named(std::string_view code) {
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

#include "proceedings/check/rules.hpp"

#include <cmath>

#include "proceedings/error.hpp"
#include "proceedings/regex.hpp"

namespace proceedings::check {

std::optional<PageSize> paper_named(const std::string& name) {
  if (name == "letter") return PageSize{"letter", 612, 792};
  if (name == "a4") return PageSize{"a4", 595.28, 841.89};
  return std::nullopt;
}

std::string paper_name_of(double width, double height) {
  for (const char* name : {"letter", "a4"}) {
    const auto size = *paper_named(name);
    if (std::fabs(width - size.width) <= 2 && std::fabs(height - size.height) <= 2) return size.name;
  }
  return "";
}

double template_body_size(const std::string& template_name) {
  // acmart's sigconf sets 9 pt body text.
  return template_name == "acmart-sigconf" ? 9.0 : 0.0;
}

CheckRules rules_from(const SubmissionRules& venue) {
  CheckRules rules;
  static_cast<SubmissionRules&>(rules) = venue;
  // acmart's letter layouts keep 0.75 in side margins; allow 6 pt of overfull lines.
  if (venue.template_name.rfind("acmart", 0) == 0) rules.min_side_margin_pt = 48;
  return rules;
}

AcmChecks acm_checks_at(const CheckRules& rules, bool acm_venue) {
  if (rules.stage == Stage::submission) return rules.placeholders_allowed ? AcmChecks::off : AcmChecks::placeholders;
  if (!acm_venue) return AcmChecks::off;
  return rules.acm_rights ? AcmChecks::record : AcmChecks::placeholders;
}

CheckRules rules_for_venue(const Workshop& venue, Stage stage) {
  const auto& stage_rules = stage == Stage::camera_ready && venue.camera_ready ? venue.camera_ready : venue.submission;
  CheckRules rules = stage_rules ? rules_from(*stage_rules) : CheckRules{};
  rules.stage = stage;
  rules.acm_checks = acm_checks_at(rules, venue.acm.has_value());
  rules.acm = venue.acm;
  rules.papers = venue.papers;
  return rules;
}

namespace {

// What of the ACM record and the papers the rights-block checks compare.
std::string acm_key(const CheckRules& r) {
  std::string key = std::to_string(static_cast<int>(r.acm_checks)) + "|";
  if (r.acm)
    for (const std::string& field : {r.acm->short_name, r.acm->conference, r.acm->dates, r.acm->location,
                                     std::to_string(r.acm->year), std::to_string(r.acm->month), r.acm->isbn, r.acm->doi})
      key += field + "|";
  for (const auto& p : r.papers) key += p.id + "|" + p.title + "|" + p.doi + "|" + p.rights + "|";
  return key;
}

}  // namespace

std::string rules_key(const CheckRules& r) {
  std::string key = acm_key(r);
  for (const std::string& field :
       {r.template_name, r.paper, std::to_string(r.columns), std::to_string(r.min_pages), std::to_string(r.max_pages),
        std::string(r.bibliography_excluded ? "bib-excluded" : "bib-included"),
        std::string(r.review == Review::double_blind ? "double-blind" : "single-blind"), std::to_string(r.min_font_pt),
        std::to_string(r.min_side_margin_pt), std::string(r.word_interim ? "word-interim" : "latex-only"), std::string(stage_name(r.stage)),
        std::string(r.placeholders_allowed ? "placeholders" : "no-placeholders"),
        std::string(r.authors_shown ? "authors-shown" : "authors-any"), std::string(r.acm_rights ? "rights" : "no-rights")})
    key += field + "|";
  return key;
}

void apply_page_range(CheckRules& rules, const std::string& range) {
  static const Regex form(R"((\d*)(-?)(\d*))");
  Match m;
  if (range.empty() || !form.match(range, m) || (m[1].length() == 0 && m[3].length() == 0))
    throw usage_error("--pages", "'" + range + "' is not a page range like 5-6, 5-, -6 or 6");
  const bool dash = m[2].length() > 0;
  const int first = m[1].length() ? std::stoi(m.str(1)) : 0;
  const int second = m[3].length() ? std::stoi(m.str(3)) : 0;
  if (!dash) {
    rules.min_pages = 0;
    rules.max_pages = first;
  } else {
    rules.min_pages = first;
    rules.max_pages = second;
  }
  if (rules.max_pages && rules.min_pages > rules.max_pages)
    throw usage_error("--pages", "'" + range + "' has its minimum above its maximum");
}

}  // namespace proceedings::check

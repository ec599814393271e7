#pragma once
// The rules one `check` run applies: the venue's submission rules with the
// command line's overrides on top.
#include <optional>
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings::check {

struct PageSize {
  std::string name;
  double width = 0, height = 0;  // points
};

// Known paper sizes; nullopt for a name we do not know.
std::optional<PageSize> paper_named(const std::string& name);

// The name of the known size `width` x `height` matches within 2 pt, else "".
std::string paper_name_of(double width, double height);

// Which ACM rights-block checks run: none at a venue ACM does not publish;
// acmart's placeholders only without a venue; all of them against the
// venue's `acm:` record.
enum class AcmChecks { off, placeholders, record };

// The venue's submission rules (template, paper, columns, pages, review,
// font size, Word layouts) with what only `check` adds on top.
struct CheckRules : SubmissionRules {
  Stage stage = Stage::camera_ready;  // which of the venue's rules these are
  double min_side_margin_pt = 36;  // no text closer than this to the left or right edge
  AcmChecks acm_checks = AcmChecks::placeholders;
  std::optional<AcmRecord> acm;  // the venue's record, for AcmChecks::record
  std::vector<Paper> papers;     // the venue's papers: each PDF's DOI and rights type
};

// The rules of a venue at `stage`: at submission its `submission:` rules
// (acmart's placeholders allowed unless it says otherwise); at camera-ready
// its `camera_ready:` rules (the submission's format with their own page
// limit), the authors shown and, when ACM publishes it, page 1's rights
// block checked against its ACM record. The submission's review mode
// applies at submission only.
CheckRules rules_for_venue(const Workshop& venue, Stage stage = Stage::camera_ready);

// Which ACM rights-block checks run at the rules' stage.
AcmChecks acm_checks_at(const CheckRules& rules, bool acm_venue);

CheckRules rules_from(const SubmissionRules& venue);

// Every field of `rules` as text: equal keys mean the same verdicts, so a
// paper that passed under one key need not be checked again. A field added
// to CheckRules or SubmissionRules must be added here.
std::string rules_key(const CheckRules& rules);

// "5-6", "5-", "-6" or "6" (at most 6); throws a usage Error otherwise.
void apply_page_range(CheckRules& rules, const std::string& range);

// The body font size the template sets, 0 when we do not know it.
double template_body_size(const std::string& template_name);

}  // namespace proceedings::check

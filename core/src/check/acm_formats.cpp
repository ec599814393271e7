#include "proceedings/check/acm_formats.hpp"

#include <algorithm>
#include <cmath>

#include "proceedings/check/text_match.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::check {

namespace {

bool near(double a, double b, double tolerance) { return std::fabs(a - b) <= tolerance; }

std::string first_journal_foot(const std::vector<std::string>& heads) {
  static const Regex foot(R"(Vol\.\s*\S*,\s*No\.\s*\S*,\s*Article\s*\S*\.?\s*Publication date)");
  for (const auto& h : heads)
    if (foot.contains(h)) return h;
  return "";
}

bool any_contains(const std::vector<std::string>& heads, const std::string& what) {
  for (const auto& h : heads)
    if (h.find(what) != std::string::npos) return true;
  return false;
}

// sigplan's page is sigconf's: its serif title and (since acmart 1.6x) its
// mixed-case heads tell it from a sigconf paper set at 10 pt (older sigplan
// heads are in capitals too, so capitals weigh little), and acmengage
// (sigconf's page at 10 pt too) always prints its head or its Synopsis.
int style_score(const AcmFormat& f, const PageEvidence& seen) {
  int s = 0;
  if (seen.capital_heads) s += *seen.capital_heads ? (f.mixed_case_heads ? 0 : 1) : (f.mixed_case_heads ? 3 : -1);
  if (seen.sans_title) s += *seen.sans_title != f.serif_title ? 3 : 0;
  if (f.name == "acmengage" && !seen.synopsis && !any_contains(seen.running_heads, "EngageCSEdu")) s -= 4;
  return s;
}

// acmart's journal mode (\if@ACM@journal): the journal formats and manuscript.
bool heads_abstract(const AcmFormat& f) { return !f.journal && f.name != "manuscript"; }

int score(const AcmFormat& f, const PageEvidence& seen, const std::string& journal_foot) {
  int s = 0;
  if (seen.columns == f.columns) s += 2;
  if (near(seen.body_pt, f.body_pt, 0.3)) s += 2;
  // acmtog's 52 pt margins lie within a loose tolerance of sigconf's 54 pt;
  // the closer fit decides when no journal foot is printed (acmtog papers
  // of a conference such as SIGGRAPH print the conference's head).
  if (block_matches(f, seen.block, seen.paper_width)) s += 3;
  if (block_matches(f, seen.block, seen.paper_width, 1.2)) s += 2;
  if (near(seen.paper_width, f.paper_width, 3) && near(seen.paper_height, f.paper_height, 3)) s += 4;
  const bool manuscript_foot = any_contains(seen.running_heads, "Manuscript submitted to ACM");
  if (!journal_foot.empty()) s += f.journal ? 3 : -3;
  if (journal_foot.find("ACM Trans. Graph.") != std::string::npos && f.name == "acmtog") s += 2;
  if (manuscript_foot && f.name == "manuscript") s += 3;
  // acmengage's page is sigconf's at 10 pt, like sigplan's; its head and its
  // abstract's name tell it apart.
  if (any_contains(seen.running_heads, "EngageCSEdu") && f.name == "acmengage") s += 4;
  if (seen.synopsis && f.name == "acmengage") s += 3;
  // acmart heads the abstract (\section*{\abstractname}) in its conference
  // formats only; a journal format sets it as a small paragraph. A paper
  // whose geometry the author changed keeps that tell.
  if (seen.abstract_heading) s += heads_abstract(f) ? 3 : -3;
  return s + style_score(f, seen);
}

}  // namespace

// Geometry from acmart.cls 1.88's \geometry calls; manuscript leaves it to
// geometry's defaults (text 0.7 of the paper width, margins 2:3 for amsart's
// two-sided layout), which are the figures given for US letter.
const std::vector<AcmFormat>& acm_formats() {
  static const std::vector<AcmFormat> formats = {
      {"sigconf", 612, 792, 2, 9, 54, 54, true, false, 73},
      {"sigplan", 612, 792, 2, 10, 54, 54, true, false, 72, 0, true, true},
      {"acmtog", 612, 792, 2, 9, 52, 52, true, true, 75},
      {"acmsmall", 486, 720, 1, 10, 46, 46, true, true, 44},
      {"acmlarge", 612, 792, 1, 10, 81, 81, true, true, 114},
      {"manuscript", 612, 792, 1, 9, 73.44, 110.16, true, false, 0},
      {"sigchi-a", 792, 612, 1, 10, 314, 72, false, false, 72, 0, false, true},
      {"acmengage", 612, 792, 2, 10, 54, 54, true, false, 73},
      {"acmcp", 486, 720, 1, 9, 46, 46, true, true, 44},
  };
  return formats;
}

const AcmFormat* acm_format_named(const std::string& name) {
  for (const auto& f : acm_formats())
    if (f.name == name) return &f;
  return nullptr;
}

// ACM's SIG proceedings page for Word authors, as the Word templates state
// it: all text within 7 x 9.25 in on US letter, 0.75 in left and right
// margins, two 3.33 in columns with a 0.33 in gutter, 1 in at the bottom,
// 9 pt body text (ACM's "Word Template for SIG Site" states a 7 x 9.25 in
// print area, 3.33 in columns, a 0.33 in gutter and 0.75 in side margins;
// so do ACM's proceedings specifications as conferences reprint them, e.g.
// http://www.podc.org/podc99/author-instr.html).
// Since 2017 the "Interim Layout" is ACM's one Word template for
// proceedings, beside acmart's sigconf for LaTeX (conference instructions
// such as https://audiomostly.com/2018/info/camera-ready): the same page
// across as sigconf (54 pt sides, a 2pc gutter).
// The one-column Word submission template has no fixed page; only its
// column count is used.
const std::vector<AcmFormat>& acm_word_layouts() {
  static const std::vector<AcmFormat> layouts = {
      {"interim", 612, 792, 2, 9, 54, 54, false, false, 72, 24},
      {"submission", 612, 792, 1, 0, 0, 0, false, false, 0},
  };
  return layouts;
}

const AcmFormat* acm_word_layout_named(const std::string& name) {
  for (const auto& f : acm_word_layouts())
    if (f.name == name) return &f;
  return nullptr;
}

bool block_matches(const AcmFormat& format, const TextBlock& block, double page_width, double tolerance) {
  if (!block.found) return false;
  for (int page : {1, 2}) {
    if (!(page == 1 ? block.odd_measured : block.even_measured)) continue;
    const Box& b = block.on_page(page);
    if (!near(b.x0, format.left_margin(page), tolerance) ||
        !near(page_width - b.x1, format.right_margin(page), tolerance))
      return false;
  }
  return true;
}

std::optional<bool> capital_heads(const std::vector<PdfPage>& pages, double body_pt) {
  std::optional<bool> capitals;
  for (const auto& page : pages)
    for (const auto& line : page.lines)
      if (line.size >= body_pt - 0.3 && !match::reference_heading_word(line.text).empty()) {
        const std::string text = trim(line.text);
        capitals = std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      }
  return capitals;
}

std::optional<bool> sans_title(const PdfPage& first) {
  const PdfLine* title = nullptr;
  for (const auto& line : first.lines)
    if (line.horizontal && !trim(line.text).empty() && (!title || line.size > title->size)) title = &line;
  if (!title) return std::nullopt;
  static const Regex sans(R"(Biolinum|Sans|Helvet|Arial|Heros|NimbusSan|Verdana|Calibri)", Regex::icase);
  static const Regex serif(R"(Libertine|Times|Roman|Termes|NimbusRom|Serif|Palatino|Pagella|Georgia|Cambria|Minion)",
                           Regex::icase);
  if (sans.contains(title->font)) return true;
  if (serif.contains(title->font)) return false;
  return std::nullopt;
}

// A format with a wide note margin (sigchi-a's) sets figures and sidebars
// there: the text block then reaches into it, its outer edge stays.
bool fits_with_notes(const AcmFormat& f, const TextBlock& block, double page_width) {
  return !f.two_sided && f.inner > 2 * f.outer && block.found && block.odd.x0 <= f.inner + 2.5 &&
         near(page_width - block.odd.x1, f.outer, 2.5);
}

bool fits_an_acm_page(const PageEvidence& seen) {
  return std::any_of(acm_formats().begin(), acm_formats().end(), [&](const AcmFormat& f) {
    return seen.columns == f.columns && near(seen.paper_width, f.paper_width, 3) &&
           near(seen.paper_height, f.paper_height, 3) &&
           (block_matches(f, seen.block, seen.paper_width) || fits_with_notes(f, seen.block, seen.paper_width));
  });
}

FormatMatch match_acm_format(const PageEvidence& seen) {
  FormatMatch match;
  const std::string journal_foot = first_journal_foot(seen.running_heads);
  const AcmFormat* best = nullptr;
  int best_score = -100;
  for (const auto& f : acm_formats()) {
    const int s = score(f, seen, journal_foot);
    if (s > best_score) best = &f, best_score = s;
  }
  match.format = best->name;
  const Box& b = seen.block.odd;
  std::string e = best->name + ": paper " + to_fixed(seen.paper_width, 0) + " x " + to_fixed(seen.paper_height, 0) + " pt, " +
                  std::to_string(seen.columns) + " column(s) (" + best->name + ": " + std::to_string(best->columns) +
                  "), body text " + to_fixed(seen.body_pt) + " pt (" + to_fixed(best->body_pt) + ")";
  if (seen.block.found)
    e += ", text block x " + to_fixed(b.x0) + "-" + to_fixed(b.x1) + " pt on odd pages (" + to_fixed(best->inner) + "-" +
         to_fixed(seen.paper_width - best->outer) + ")";
  if (!journal_foot.empty()) e += ", running foot '" + journal_foot + "'";
  else if (any_contains(seen.running_heads, "Manuscript submitted to ACM")) e += ", foot 'Manuscript submitted to ACM'";
  for (const auto& h : seen.running_heads)
    if (h.find("EngageCSEdu") != std::string::npos) {
      e += ", running head '" + h + "'";
      break;
    }
  if (seen.synopsis) e += ", abstract headed 'Synopsis'";
  else if (seen.abstract_heading) e += ", abstract headed 'Abstract'";
  if (seen.capital_heads) e += *seen.capital_heads ? ", heads in capitals" : ", heads in mixed case";
  if (seen.sans_title) e += *seen.sans_title ? ", title in a sans face" : ", title in a serif face";
  match.evidence.push_back(e);
  return match;
}

}  // namespace proceedings::check

#include "notify/notice.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <set>

#include "proceedings/regex.hpp"

namespace proceedings::notify {

namespace {

using json = nlohmann::json;

std::string number(const json& j, const char* key) {
  return j.contains(key) && j[key].is_number() ? std::to_string(j[key].get<long long>()) : "";
}

int integer(const json& j, const char* key) { return j.contains(key) && j[key].is_number() ? j[key].get<int>() : 0; }

bool word_author(const json& r) { return r.contains("template") && r["template"].value("class", "") == "acm-word"; }

// The first number after `label` in the check's sentence ("the limit is 6"), "" when there is none.
std::string number_after(const std::string& message, const std::string& label) {
  Match m;
  if (Regex(label + R"(\D{0,12}?(\d+))").search(message, m)) return m.str(1);
  return "";
}

std::string pages_text(int n) { return std::to_string(n) + (n == 1 ? " page" : " pages"); }

std::string quoted_line(const json& place) {
  std::string text = place.value("text", "");
  if (text.size() > 60) {
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;  // not inside a character
    text = text.substr(0, cut) + "...";
  }
  return text.empty() ? "" : " (\"" + text + "\")";
}

// "line 12 of the left column"; the column only for a two-column paper.
std::string line_text(const json& place, int columns) {
  std::string out = "line " + number(place, "line");
  if (columns == 2 && integer(place, "column") > 0)
    out += integer(place, "column") == 1 ? " of the left column" : " of the right column";
  return out;
}

std::string page_count_fix(const json& r) {
  return word_author(r) ? "" : " Do not shrink the font, the margins or the space between lines to get there: the check "
                               "measures those too.";
}

std::string pages_over(const json& r, const json& problem) {
  const std::string message = problem.value("message", "");
  const std::string limit = number_after(message, "the limit is");
  const int columns = integer(r, "columns");
  const bool all_counted = message.find("including the bibliography") != std::string::npos;
  const int pages = integer(r, "pages"), body = r.contains("body_pages") ? r["body_pages"].get<int>() : pages;
  if (limit.empty()) return message;
  if (all_counted)
    return "The paper has " + pages_text(pages) + ", the references included; the limit is " + limit +
           " pages in all. Shorten it by " + pages_text(pages - std::stoi(limit)) + "." + page_count_fix(r);
  const json& refs = r.contains("references_start") ? r["references_start"] : json(nullptr);
  if (!refs.is_object())
    return "No reference list was found, so all " + pages_text(pages) + " count as text; the limit is " + limit +
           " pages of text. Shorten the text, and give the references a heading (\"References\") so that their pages "
           "are not counted.";
  const int start_page = integer(refs, "page");
  if (start_page > std::stoi(limit)) {
    const std::string line = integer(refs, "line") > 0 ? " at " + line_text(refs, columns) : "";
    return "page " + std::to_string(start_page) + ": the references start" + line + ", after the " + limit +
           "-page limit: the text before them fills " + pages_text(start_page) + ". Shorten the text so that the "
           "references start on page " + limit + " at the latest (the references themselves may run on)." +
           page_count_fix(r);
  }
  return "The text fills " + pages_text(body) + ": the references start within the limit (" + place_text(refs, columns) +
         "), but an appendix after them counts as text too; the limit is " + limit +
         " pages of text. Shorten the text or the appendix." + page_count_fix(r);
}

std::string pages_under(const json& r, const json& problem) {
  const std::string least = number_after(problem.value("message", ""), "at least");
  if (least.empty()) return problem.value("message", "");
  return "The text fills " + pages_text(r.contains("body_pages") ? r["body_pages"].get<int>() : integer(r, "pages")) +
         "; the venue asks for at least " + least + " pages (the references not counted).";
}

std::string paper_size(const json& r, const json&) {
  const std::string size = r.value("paper", "");
  const std::string what = size == "a4" ? "A4" : size == "letter" ? "US letter" : size == "mixed" ? "of different sizes" : "not US letter";
  const std::string fix = word_author(r) ? "In Word choose Layout > Size > Letter (LibreOffice: Format > Page Style > Page)."
                                         : "Remove the a4paper option and any \\geometry or \\pdfpagewidth setting: acmart "
                                           "sets US letter itself.";
  return "The pages are " + what + "; the proceedings are printed on US letter. " + fix;
}

std::string columns(const json& r, const json& problem) {
  const std::string wanted = number_after(problem.value("message", ""), "the venue requires");
  return "The text is set in " + std::to_string(integer(r, "columns")) + " column(s); the proceedings need " +
         (wanted.empty() ? "the template's columns" : wanted + " columns") + ". " +
         (word_author(r) ? "Start again from ACM's Word template in its Interim Layout."
                         : "Use \\documentclass[sigconf]{acmart} and do not change its columns (\\onecolumn, multicol).");
}

std::string font_size(const json& r, const json& problem) {
  const std::string message = problem.value("message", "");
  Match m;
  std::string found, least;
  if (Regex(R"(is ([0-9.]+) pt)").search(message, m)) found = m.str(1);
  if (Regex(R"(at least ([0-9.]+) pt)").search(message, m)) least = m.str(1);
  if (found.empty() || least.empty()) return message;
  return "The text is set in " + found + " pt type; the venue requires at least " + least + " pt. " +
         (word_author(r) ? "Set the Normal style back to the template's size."
                         : "Remove \\small, \\footnotesize, \\fontsize or a smaller class option around the text.");
}

std::string margins_fix(const json& r) {
  return word_author(r) ? "Restore the Interim Layout's page setup: US letter, 0.75 in left and right margins, two columns "
                          "0.33 in apart (Word: Layout > Margins and Columns; LibreOffice: Format > Page Style)."
                        : "Keep the template's page layout: remove \\geometry, \\usepackage{fullpage}, and changes to "
                          "\\textwidth, \\textheight or \\columnsep.";
}

// Up to three of the lines the check found beyond the text block.
std::string example_lines(const json& r, const std::string& side_wanted = "") {
  if (!r.contains("intrusions") || !r["intrusions"].is_array()) return "";
  std::string out;
  int shown = 0, more = 0;
  for (const auto& i : r["intrusions"]) {
    if (!side_wanted.empty() && i.value("side", "") != side_wanted) continue;
    if (shown == 3) {
      ++more;
      continue;
    }
    out += (shown++ ? "; " : "") + place_text(i, integer(r, "columns")) + quoted_line(i);
  }
  if (more) out += "; and " + std::to_string(more) + " more";
  return out;
}

std::string margins(const json& r, const json& problem) {
  const std::string message = problem.value("message", "");
  if (message.rfind("Text runs into", 0) == 0)
    return "Many lines run into the margin, e.g. " + example_lines(r) + ": the page layout was changed. " + margins_fix(r);
  if (message.find("columns are") != std::string::npos)
    return "The space between the two columns was changed from the template's. " + margins_fix(r);
  return "The page margins were changed: the text is not where the template puts it, on every page. " + margins_fix(r);
}

std::string overfull_fix(const json& r) {
  return word_author(r) ? "Let the line wrap: turn on hyphenation and allow long URLs to break (Word: Layout > "
                          "Hyphenation; LibreOffice: Format > Paragraph > Text Flow)."
                        : "Break or shorten it (\\url or \\allowbreak for a long URL or word, a line break in verbatim "
                          "code); the LaTeX log lists it as an \"Overfull \\hbox\".";
}

// The check writes one OVERFULL_LINE per line, in the order of r["intrusions"].
std::string overfull_line(const json& r, const json& problem) {
  const std::string message = problem.value("message", "");
  Match m;
  if (!r.contains("intrusions") || !Regex(R"(page (\d+), )").search(message, m)) return message;
  const int page = std::stoi(m.str(1));
  for (const auto& i : r["intrusions"]) {
    const std::string text = i.value("text", "");
    if (integer(i, "page") != page || text.empty() || message.find(text.substr(0, 40)) == std::string::npos) continue;
    const std::string side = i.value("side", "right");
    return place_text(i, integer(r, "columns")) + quoted_line(i) + ": the line runs past the edge of the text into the " +
           side + " margin. " + overfull_fix(r);
  }
  return message;
}

std::string type3_fonts(const json& r, const json&) {
  const int n = r.contains("fonts") ? integer(r["fonts"], "type3") : 0;
  return "The PDF holds " + std::to_string(n) + " bitmap font(s) (Type 3), which print blurred and cannot be searched. "
         "They usually come from a figure or from LaTeX without a vector font: export figures as PDF with their fonts "
         "embedded, and in LaTeX use \\usepackage[T1]{fontenc} with a Type 1 font (acmart's Libertine is one).";
}

std::string no_references(const json&, const json&) {
  return "No reference list was found, so every page was counted as text. If the paper has references, give them a "
         "heading (\"References\") as the template does.";
}

std::string unreadable(const json& r, const json& problem) {
  const std::string why = r.value("error", problem.value("message", ""));
  return "We could not open the PDF you uploaded" + (why.empty() ? std::string() : " (" + why + ")") +
         ", so nothing else in it could be checked. Export the paper to PDF again, open it in a PDF viewer to see that "
         "it is complete, and upload it again.";
}

using Wording = std::function<std::string(const json&, const json&)>;

const std::vector<std::pair<std::string_view, Wording>>& wordings() {
  static const std::vector<std::pair<std::string_view, Wording>> table{
      {"PAGES_OVER", pages_over},     {"PAGES_UNDER", pages_under},     {"NO_REFERENCES", no_references},
      {"PAPER_SIZE", paper_size},     {"COLUMNS", columns},             {"FONT_SIZE", font_size},
      {"MARGINS", margins},           {"OVERFULL_LINE", overfull_line}, {"TYPE3_FONTS", type3_fonts},
      {"UNREADABLE", unreadable}};
  return table;
}

// Codes whose check sentence already says what to do in the author's terms.
constexpr std::array<std::string_view, 27> as_written{
    "REPAIRED",          "PAGE_LIMIT",           "TEMPLATE_CLASS",       "TEMPLATE_FORMAT",   "ACM_REFERENCE_FORMAT",
    "CCS_CONCEPTS",      "KEYWORDS",             "FONTS_NOT_EMBEDDED",   "ENCRYPTED",         "UNSAFE_EMBEDDED_FILE",
    "UNSAFE_IMPORT_DATA", "UNSAFE_JAVASCRIPT",   "UNSAFE_LAUNCH",        "UNSAFE_REMOTE_GOTO", "UNSAFE_RICH_MEDIA",
    "UNSAFE_SUBMIT_FORM", "ANONYMOUS",           "AUTHORS_SHOWN",        "REVIEW_MODE",       "DRAFT_MODE",
    "WATERMARK",         "ACM_PLACEHOLDER",      "ACM_CONFERENCE",       "ACM_ISBN",          "ACM_DOI",
    "ACM_RIGHTS",        "ACM_YEAR"};

// A check sentence passed on as written, without the coordinates some of
// them give after the page ("page 1, y=693.0 pt: '...'" -> "page 1: '...'").
std::string without_coordinates(const std::string& message) {
  static const Regex coordinates(R"(,? [xy]=[0-9.]+(?: to [0-9.]+)? ?pt)");
  return coordinates.replace(message, "");
}

std::string action_for(const json& r, const json& problem) {
  const std::string code = problem.value("code", "");
  for (const auto& [name, wording] : wordings())
    if (name == code) return wording(r, problem);
  return without_coordinates(problem.value("message", ""));
}

}  // namespace

std::string place_text(const json& place, int columns) {
  std::string out = "page " + number(place, "page");
  if (integer(place, "line") > 0) out += ", " + line_text(place, columns);
  return out;
}

bool worded_by_notify(std::string_view code) {
  const auto& table = wordings();
  return std::any_of(table.begin(), table.end(), [&](const auto& row) { return row.first == code; });
}

bool passed_on_as_written(std::string_view code) {
  return std::find(as_written.begin(), as_written.end(), code) != as_written.end();
}

Actions author_actions(const json& result) {
  Actions out;
  if (!result.contains("problems") || !result["problems"].is_array()) return out;
  std::set<std::string> said;  // the margin problem and its examples once, however many sentences the check wrote
  for (const auto& problem : result["problems"]) {
    std::string action = action_for(result, problem);
    if (!said.insert(action).second) continue;
    (problem.value("severity", "") == "error" ? out.required : out.advised).push_back(std::move(action));
  }
  return out;
}

}  // namespace proceedings::notify

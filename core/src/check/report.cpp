#include "proceedings/check/report.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace proceedings::check {

namespace {

double one_decimal(double v) { return std::round(v * 10) / 10; }

std::string pad(const std::string& s, std::size_t width) {
  // Width counts UTF-8 code points, so accented names line up.
  std::size_t points = 0;
  for (unsigned char c : s) points += (c & 0xC0) != 0x80;
  return points >= width ? s + " " : s + std::string(width - points, ' ');
}

std::string template_cell(const TemplateFacts& t) {
  if (t.class_name != "acmart" && t.class_name != "acm-word") return "not acmart";
  std::string cell = t.class_name;
  if (!t.format.empty()) cell += " " + t.format;
  if (!t.version.empty()) cell += " " + t.version;
  return cell;
}

}  // namespace

nlohmann::json to_json(const Analysis& a) {
  nlohmann::json j;
  j["file"] = a.file;
  j["verdict"] = verdict_name(a.verdict);
  if (a.verdict == Verdict::error) {
    j["error"] = a.error;
    const Problem unreadable = problem("UNREADABLE", a.error);
    j["problems"] = nlohmann::json::array(
        {{{"code", unreadable.code}, {"severity", severity_name(unreadable.severity)}, {"message", unreadable.message}}});
    return j;
  }
  j["pages"] = a.pages;
  j["body_pages"] = a.body_pages.size();
  j["bibliography_pages"] = a.bibliography_pages.size();
  j["body_page_numbers"] = a.body_pages;
  j["bibliography_page_numbers"] = a.bibliography_pages;
  j["references_start"] = a.references_start
                              ? nlohmann::json{{"page", a.references_start->page}, {"y", one_decimal(a.references_start->y)},
                                               {"line", a.references_start->place.line},
                                               {"column", a.references_start->place.column}}
                              : nlohmann::json(nullptr);
  j["evidence"] = a.evidence;
  j["paper"] = a.paper;
  j["columns"] = a.columns;
  j["body_font_pt"] = one_decimal(a.body_font_pt);
  j["margins_pt"] = {{"left", one_decimal(a.margin_left)},
                     {"right", one_decimal(a.margin_right)},
                     {"top", one_decimal(a.margin_top)},
                     {"bottom", one_decimal(a.margin_bottom)}};
  const auto& t = a.template_facts;
  j["template"] = {{"class", t.class_name},
                   {"format", t.format},
                   {"version", t.version},
                   {"producer", t.producer},
                   {"libertine", t.libertine},
                   {"acm_reference_format", t.acm_reference_format},
                   {"ccs_concepts", t.ccs_concepts},
                   {"keywords", t.keywords}};
  j["fonts"] = {{"all_embedded", a.fonts.all_embedded}, {"type3", a.fonts.type3}, {"not_embedded", a.fonts.not_embedded}};
  j["encrypted"] = a.encrypted;
  j["unsafe"] = a.unsafe;
  j["review"] = {{"anonymous", a.anonymous}, {"line_numbers", a.line_numbers}};
  if (!a.taken_for.empty()) {
    j["paper_id"] = a.paper_id.empty() ? nlohmann::json() : nlohmann::json(a.paper_id);
    j["taken_for"] = a.taken_for;
  }
  // The lines beyond the text block, placed as the authors count lines (notify words them).
  j["intrusions"] = nlohmann::json::array();
  for (const auto& i : a.intrusions)
    j["intrusions"].push_back({{"page", i.page}, {"line", i.place.line}, {"column", i.place.column}, {"side", i.side},
                               {"text", i.text}});
  j["problems"] = nlohmann::json::array();
  for (const auto& p : a.problems)
    j["problems"].push_back({{"code", p.code}, {"severity", severity_name(p.severity)}, {"message", p.message}});
  return j;
}

std::string json_report(const std::vector<Analysis>& analyses) {
  nlohmann::json papers = nlohmann::json::array();
  for (const auto& a : analyses) papers.push_back(to_json(a));
  return nlohmann::json{{"papers", papers}}.dump(2) + "\n";
}

namespace {

std::string table_header(std::size_t name_width) {
  return pad("FILE", name_width) + pad("VERDICT", 8) + pad("PAGES", 6) + pad("BODY", 5) + pad("BIB", 4) +
         pad("REFS AT", 12) + pad("PAPER", 8) + pad("COLS", 5) + pad("FONT", 6) + "TEMPLATE\n";
}

std::string table_row(const Analysis& a, std::size_t name_width) {
  std::string row = pad(std::filesystem::path(a.file).filename().string(), name_width) + pad(verdict_name(a.verdict), 8);
  if (a.verdict == Verdict::error) return row + a.error + "\n";
  char refs[32] = "-";
  if (a.references_start) std::snprintf(refs, sizeof refs, "p%d y=%.0f", a.references_start->page, a.references_start->y);
  char font[16];
  std::snprintf(font, sizeof font, "%.1f", a.body_font_pt);
  return row + pad(std::to_string(a.pages), 6) + pad(std::to_string(a.body_pages.size()), 5) +
         pad(std::to_string(a.bibliography_pages.size()), 4) + pad(refs, 12) + pad(a.paper, 8) +
         pad(std::to_string(a.columns), 5) + pad(font, 6) + template_cell(a.template_facts) + "\n";
}

std::string table_details(const Analysis& a) {
  if (a.verdict == Verdict::error) return "";
  std::string out;
  const std::string name = std::filesystem::path(a.file).filename().string();
  if (!a.taken_for.empty()) out += "  " + name + ": taken for " + a.taken_for + "\n";
  for (const auto& p : a.problems) out += "  " + name + ": " + p.code + " (" + severity_name(p.severity) + ") " + p.message + "\n";
  for (const auto& e : a.evidence) out += "  " + name + ": evidence: " + e + "\n";
  return out;
}

std::size_t name_width_of(const std::vector<std::string>& names) {
  std::size_t width = 4;
  for (const auto& n : names) width = std::max(width, std::filesystem::path(n).filename().string().size() + 1);
  return width;
}

}  // namespace

StreamReport::StreamReport(std::ostream& out, bool json, const std::vector<std::string>& file_names,
                           const std::string& stage)
    : out_(out), json_(json), name_width_(name_width_of(file_names)) {
  if (json_) out_ << "{" << (stage.empty() ? "" : "\"stage\": " + nlohmann::json(stage).dump() + ", ") << "\"papers\": [";
  else out_ << (stage.empty() ? "" : "Checked at the " + stage + " stage.\n") << table_header(name_width_);
  out_ << std::flush;
}

void StreamReport::add(const Analysis& a) {
  if (json_) out_ << (count_ ? ",\n" : "\n") << to_json(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  else out_ << table_row(a, name_width_) << table_details(a);
  out_ << std::flush;
  ++count_;
}

void StreamReport::finish() { out_ << (json_ ? "\n]}\n" : "") << std::flush; }

std::string table_report(const std::vector<Analysis>& analyses) {
  std::ostringstream out;
  std::size_t name_width = 4;
  for (const auto& a : analyses)
    name_width = std::max(name_width, std::filesystem::path(a.file).filename().string().size() + 1);
  out << pad("FILE", name_width) << pad("VERDICT", 8) << pad("PAGES", 6) << pad("BODY", 5) << pad("BIB", 4)
      << pad("REFS AT", 12) << pad("PAPER", 8) << pad("COLS", 5) << pad("FONT", 6) << "TEMPLATE\n";
  for (const auto& a : analyses) {
    out << pad(std::filesystem::path(a.file).filename().string(), name_width) << pad(verdict_name(a.verdict), 8);
    if (a.verdict == Verdict::error) {
      out << a.error << "\n";
      continue;
    }
    char refs[32] = "-";
    if (a.references_start) std::snprintf(refs, sizeof refs, "p%d y=%.0f", a.references_start->page, a.references_start->y);
    char font[16];
    std::snprintf(font, sizeof font, "%.1f", a.body_font_pt);
    out << pad(std::to_string(a.pages), 6) << pad(std::to_string(a.body_pages.size()), 5)
        << pad(std::to_string(a.bibliography_pages.size()), 4) << pad(refs, 12) << pad(a.paper, 8)
        << pad(std::to_string(a.columns), 5) << pad(font, 6) << template_cell(a.template_facts) << "\n";
  }
  for (const auto& a : analyses) {
    if (a.verdict == Verdict::error) continue;
    const std::string name = std::filesystem::path(a.file).filename().string();
    for (const auto& p : a.problems) out << "  " << name << ": " << p.code << " (" << severity_name(p.severity) << ") " << p.message << "\n";
    for (const auto& e : a.evidence) out << "  " << name << ": evidence: " << e << "\n";
  }
  return out.str();
}

}  // namespace proceedings::check

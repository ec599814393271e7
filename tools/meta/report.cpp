#include "meta/report.hpp"

#include <sstream>

namespace proceedings::meta {

nlohmann::json to_json(const Affiliation& a) {
  return {{"position", a.position}, {"departments", a.departments}, {"institution", a.institution},
          {"street", a.street},     {"city", a.city},               {"state", a.state},
          {"postcode", a.postcode}, {"country", a.country},         {"text", display_affiliation(a)}};
}

nlohmann::json to_json(const PaperMeta& m) {
  nlohmann::json authors = nlohmann::json::array();
  for (const auto& a : m.authors) {
    nlohmann::json affiliations = nlohmann::json::array(), additional = nlohmann::json::array();
    for (const auto& x : a.affiliations) affiliations.push_back(to_json(x));
    for (const auto& x : a.additional) additional.push_back(to_json(x));
    authors.push_back({{"name", a.name}, {"affiliations", affiliations}, {"additional", additional},
                       {"emails", a.emails}, {"orcid", a.orcid}});
  }
  nlohmann::json ccs = nlohmann::json::array();
  for (const auto& c : m.ccs) ccs.push_back({{"concept", c.text}, {"weight", c.weight ? nlohmann::json(c.weight) : nullptr}});
  return {{"input", m.input},   {"kind", m.kind},         {"title", m.title},     {"subtitle", m.subtitle},
          {"authors", authors}, {"abstract", m.abstract}, {"keywords", m.keywords}, {"ccs", ccs},
          {"pages", m.kind == "pdf" ? nlohmann::json(m.pages) : nullptr},   {"source", m.source},
          {"confidence", m.confidence}, {"notes", m.notes}};
}

nlohmann::json to_json(const MetaResult& r) {
  nlohmann::json j = r.meta ? to_json(*r.meta) : nlohmann::json{{"input", r.input}, {"error", r.error}};
  if (r.checked && r.meta) {
    nlohmann::json mismatches = nlohmann::json::array();
    for (const auto& m : r.mismatches) mismatches.push_back({{"kind", m.code}, {"severity", severity_name(m.severity)}, {"message", m.message}});
    j["crosscheck"] = {{"record", r.record_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.record_id)},
                       {"mismatches", mismatches}};
  }
  return j;
}

namespace {

std::string from(const PaperMeta& m, const char* field) {
  const auto it = m.source.find(field);
  return it == m.source.end() ? "" : "  [" + it->second + "]";
}

std::string shortened(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

}  // namespace

std::string text_report(const MetaResult& r) {
  std::ostringstream out;
  if (!r.meta) {
    out << "== " << r.input << "\n  error: " << r.error << "\n";
    return out.str();
  }
  const PaperMeta& m = *r.meta;
  out << "== " << m.input << " (" << m.kind;
  if (m.kind == "pdf") out << ", " << m.pages << " pages";
  out << ")\n";
  out << "  title:    " << m.title << from(m, "title") << "\n";
  if (!m.subtitle.empty()) out << "  subtitle: " << m.subtitle << from(m, "subtitle") << "\n";
  out << "  authors:" << from(m, "authors") << "\n";
  for (std::size_t i = 0; i < m.authors.size(); ++i) {
    const auto& a = m.authors[i];
    out << "    " << i + 1 << ". " << a.name;
    for (const auto& aff : a.affiliations) out << " | " << display_affiliation(aff);
    for (const auto& aff : a.additional) out << " | also " << display_affiliation(aff);
    for (const auto& e : a.emails) out << " | " << e;
    if (!a.orcid.empty()) out << " | ORCID " << a.orcid;
    out << "\n";
  }
  out << "  abstract: " << shortened(m.abstract, 100) << from(m, "abstract") << "\n";
  out << "  keywords: ";
  for (std::size_t i = 0; i < m.keywords.size(); ++i) out << (i ? "; " : "") << m.keywords[i];
  out << from(m, "keywords") << "\n";
  for (const auto& c : m.ccs) out << "  ccs:      " << c.text << (c.weight ? " (" + std::to_string(c.weight) + ")" : "") << "\n";
  for (const auto& n : m.notes) out << "  note:     " << n << "\n";
  if (r.checked) {
    if (r.mismatches.empty()) out << "  cross-check with '" << r.record_id << "': title and authors match\n";
    for (const auto& mm : r.mismatches) out << "  cross-check: " << mm.code << ": " << mm.message << "\n";
  }
  return out.str();
}

}  // namespace proceedings::meta

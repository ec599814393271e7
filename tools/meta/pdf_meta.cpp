#include "proceedings/text.hpp"
#include "proceedings/xml.hpp"
#include "meta/pdf_meta.hpp"

#include "proceedings/names.hpp"

#include "meta/first_page.hpp"
#include "meta/page_text.hpp"
#include "proceedings/regex.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace proceedings::meta {

namespace {

// The size most characters are set in: the body text. Page 1 counts only in
// a one-page document, since its title block and reference block can outweigh
// a short first column.
double dominant_size(const std::vector<PdfPage>& pages) {
  std::map<double, std::size_t> chars;
  for (const auto& page : pages) {
    if (page.number == 1 && pages.size() > 1) continue;
    for (const auto& line : page.lines) chars[std::round(line.size * 2) / 2] += line.text.size();
  }
  if (chars.empty()) return 0;
  return std::max_element(chars.begin(), chars.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
}

std::string info(const PdfFacts& facts, const char* key) {
  const auto it = facts.info.find(key);
  return it == facts.info.end() ? "" : trim(it->second);
}

// acmart's Subject: "-  A  ->  B.-  C  ->  D."
std::vector<Concept> concepts_from_subject(const std::string& subject) {
  std::vector<Concept> out;
  if (subject.find("->") == std::string::npos) return out;
  for (auto item : split(subject, ".-")) {
    while (!item.empty() && (item.front() == '-' || item.front() == ' ')) item.erase(item.begin());
    append_concepts(item, "->", ".", out);
  }
  return out;
}

std::vector<std::string> list_items(xmlNode* node) {
  std::vector<std::string> items;
  for (xmlNode* c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (!xmlStrcmp(c->name, reinterpret_cast<const xmlChar*>("li"))) items.push_back(element_text(c));
    else {
      auto nested = list_items(c);
      items.insert(items.end(), nested.begin(), nested.end());
    }
  }
  return items;
}

void walk_xmp(xmlNode* node, XmpFields& out) {
  for (xmlNode* n = node; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const std::string ns = n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : "";
    const std::string name = reinterpret_cast<const char*>(n->name);
    const bool dc = ns == "http://purl.org/dc/elements/1.1/";
    if (dc && name == "title") out.title = list_items(n).empty() ? element_text(n) : list_items(n).front();
    else if (dc && name == "creator") out.creators = list_items(n);
    else if (dc && name == "description") out.description = list_items(n).empty() ? element_text(n) : list_items(n).front();
    else if (dc && name == "subject") out.keywords = list_items(n);
    else if (name == "Keywords" && out.keywords.empty()) out.keywords = split(element_text(n), ",");
    else walk_xmp(n->children, out);
  }
}

void drop_anonymised_authors(PaperMeta& meta) {
  meta.authors.clear();
  meta.source.erase("authors");
  meta.notes.push_back("the PDF is anonymised ('Anonymous Author(s)'): it carries no author names");
}

// Where the layout found no author blocks: the names Info or the ACM
// Reference Format give, without affiliations.
void take_metadata_names(const std::vector<std::string>& info_names, const std::vector<std::string>& reference_names,
                         PaperMeta& meta) {
  for (const auto& name : info_names.empty() ? reference_names : info_names) meta.authors.push_back({name, {}, {}, {}, {}});
  if (meta.authors.empty()) return;
  meta.source["authors"] = info_names.empty() ? "pdf-layout" : "pdf-info";
  meta.confidence["authors"] = 0.5;
  meta.notes.push_back("no author blocks found on the first page: names only, from the " +
                       std::string(info_names.empty() ? "ACM Reference Format" : "PDF Info") +
                       "; affiliations and emails left empty");
}

// Layout names first; Info, XMP or the ACM Reference Format where the layout
// gave none. An anonymised build has no names to give.
void settle_authors(const std::vector<std::string>& info_names, const std::vector<std::string>& reference_names,
                    bool anonymous, PaperMeta& meta) {
  anonymous = anonymous ||
              std::any_of(meta.authors.begin(), meta.authors.end(), [](const AuthorMeta& a) { return is_anonymous(a.name); }) ||
              std::any_of(reference_names.begin(), reference_names.end(), is_anonymous);
  if (anonymous) {
    drop_anonymised_authors(meta);
    return;
  }
  if (meta.authors.empty()) {
    take_metadata_names(info_names, reference_names, meta);
    return;
  }
  std::vector<std::string> layout_names;
  for (const auto& a : meta.authors) layout_names.push_back(a.name);
  const auto& check = reference_names.empty() ? info_names : reference_names;
  const bool agree = check.size() == layout_names.size() &&
                     std::equal(check.begin(), check.end(), layout_names.begin(), [](const auto& x, const auto& y) { return same_name(x, y); });
  meta.confidence["authors"] = check.empty() ? 0.8 : agree ? 1.0 : 0.6;
  if (!check.empty() && !agree)
    meta.notes.push_back(std::string("the ") + (reference_names.empty() ? "PDF Info" : "ACM Reference Format") +
                         " lists the authors differently from the author blocks");
}

// The title as laid out wins over the Info dictionary's, which hyperref can
// damage (math dropped, TeX quotes, words glued at a line break).
// acmart sets \translatedtitle lines in the title's own font and size right
// under it; where the Info title is exactly the first lines, the rest are those.
std::string printed_title(const std::vector<std::string>& lines, const std::string& info_title, PaperMeta& meta) {
  for (std::size_t k = 1; k < lines.size() && !info_title.empty(); ++k) {
    const std::vector<std::string> head(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(k));
    if (join_lines(head) == info_title) {
      meta.notes.push_back("the " + std::to_string(lines.size() - k) +
                           " line(s) set like the title after it are taken as translated titles, not as the title");
      return info_title;
    }
  }
  return join_lines(lines);
}

void settle_title(const std::string& info_title, const std::string& xmp_title, const std::string& layout_title,
                  PaperMeta& meta) {
  if (!layout_title.empty() && !info_title.empty()) {
    const bool same = layout_title == info_title;
    meta.title = same ? info_title : layout_title;
    meta.source["title"] = same ? "pdf-info" : "pdf-layout";
    meta.confidence["title"] = same ? 1.0 : 0.8;
    if (!same)
      meta.notes.push_back("the PDF Info title '" + info_title + "' differs from the printed one; the printed title is taken");
  } else if (!layout_title.empty()) {
    meta.title = layout_title;
    meta.source["title"] = "pdf-layout";
    meta.confidence["title"] = 0.8;
  } else if (!info_title.empty() || !xmp_title.empty()) {
    meta.title = info_title.empty() ? xmp_title : info_title;
    meta.source["title"] = info_title.empty() ? "pdf-xmp" : "pdf-info";
    meta.confidence["title"] = 0.6;
    meta.notes.push_back("no title found in the first page's layout: the title is the PDF's " +
                         std::string(info_title.empty() ? "XMP" : "Info") + " one");
  }
}

// A PDF's text is what its producer wrote: an Info string in broken UTF-16
// (a lone surrogate) reaches here as bytes that are not UTF-8, and so can a
// link. Every field read from it must be text that JSON and YAML can hold.
template <typename Facts, typename Visit>  // Facts: PdfFacts or const PdfFacts
void each_text(Facts& facts, Visit visit) {
  for (auto& [key, value] : facts.info) visit(value);
  for (auto& page : facts.pages) {
    for (auto& line : page.lines) {
      visit(line.text);
      visit(line.plain);
      visit(line.font);
    }
    for (auto& link : page.links) visit(link.uri);
  }
}

bool holds_invalid_utf8(const PdfFacts& facts) {
  bool invalid = false;
  each_text(facts, [&](const std::string& text) { invalid = invalid || first_invalid_utf8(text); });
  return invalid;
}

PdfFacts with_valid_utf8(PdfFacts facts) {
  each_text(facts, [](std::string& text) { text = valid_utf8(text); });
  return facts;
}

}  // namespace

XmpFields parse_xmp(const std::string& packet) {
  XmpFields out;
  if (packet.empty()) return out;
  const XmlDocument doc = read_untrusted_xml_or_null(packet);
  if (!doc) return out;
  walk_xmp(xmlDocGetRootElement(doc.get()), out);
  return out;
}

// Every field read gets a source and a confidence: where two witnesses were
// compared (title, authors) the settling set it; otherwise it follows from
// the source (a structured footnote is surer than a block read by position,
// which is surer than what metadata alone says).
void settle_field_confidence(PaperMeta& meta) {
  auto any_author = [&](auto has) { return std::any_of(meta.authors.begin(), meta.authors.end(), has); };
  if (!meta.source.count("affiliations") && any_author([](const AuthorMeta& a) { return !a.affiliations.empty(); }))
    meta.source["affiliations"] = "pdf-layout";
  if (any_author([](const AuthorMeta& a) { return !a.emails.empty(); })) meta.source["emails"] = "pdf-layout";
  if (any_author([](const AuthorMeta& a) { return !a.orcid.empty(); })) meta.source["orcids"] = "pdf-links";
  for (const auto& [field, source] : meta.source) {
    if (meta.confidence.count(field)) continue;
    double c = 0.7;  // PDF Info or XMP alone
    if (source == "pdf-links") c = 1.0;  // an orcid.org link on the name itself
    else if (source.rfind("pdf-layout (", 0) == 0) c = 0.95;
    else if (source == "pdf-layout") c = 0.9;
    meta.confidence[field] = c;
  }
}

namespace {

// The authors the Info dictionary (else the XMP) names; none when anonymised.
std::vector<std::string> metadata_author_names(const PdfFacts& facts, const XmpFields& xmp) {
  std::vector<std::string> info_names = split_names(info(facts, "Author"));
  if (info_names.empty()) info_names = xmp.creators;
  if (std::any_of(info_names.begin(), info_names.end(), is_anonymous)) info_names.clear();
  return info_names;
}

// CCS concepts, keywords and the abstract from the Info dictionary and the
// XMP, over or after what the layout gave.
void settle_metadata_fields(const PdfFacts& facts, const XmpFields& xmp, PaperMeta& meta) {
  const auto subject_ccs = concepts_from_subject(info(facts, "Subject"));
  if (!subject_ccs.empty()) {
    meta.ccs = subject_ccs;
    meta.source["ccs"] = "pdf-info";
  }
  const std::string info_keywords = info(facts, "Keywords");
  if (!info_keywords.empty()) {
    meta.keywords = split(info_keywords, info_keywords.find(';') != std::string::npos ? ";" : ",");
    meta.source["keywords"] = "pdf-info";
  } else if (meta.keywords.empty() && !xmp.keywords.empty()) {
    meta.keywords = xmp.keywords;
    meta.source["keywords"] = "pdf-xmp";
  }
  // hyperref copies the PDF Subject (acmart: the CCS concepts) into the XMP description.
  const bool description_is_subject = xmp.description.find("->") != std::string::npos;
  if (meta.abstract.empty() && !xmp.description.empty() && !description_is_subject) {
    meta.abstract = xmp.description;
    meta.source["abstract"] = "pdf-xmp";
  }
}

}  // namespace

PaperMeta read_pdf_meta(const PdfFacts& facts, const std::string& file) {
  if (holds_invalid_utf8(facts)) return read_pdf_meta(with_valid_utf8(facts), file);
  PaperMeta meta;
  meta.input = valid_utf8(file);
  meta.kind = "pdf";
  meta.pages = static_cast<int>(facts.pages.size());
  const XmpFields xmp = parse_xmp(facts.xmp);
  // The title block can be too tall for page 1 (a long author list in a
  // journal format): TeX then leaves page 1 with its running head only.
  const auto title_page = std::find_if(facts.pages.begin(), facts.pages.end(), [](const PdfPage& p) { return p.lines.size() >= 5; });
  const auto page = title_page == facts.pages.end() ? facts.pages.begin() : title_page;
  FirstPage first(*page, std::next(page) == facts.pages.end() ? nullptr : &*std::next(page), dominant_size(facts.pages), meta);
  const std::vector<std::string> info_names = metadata_author_names(facts, xmp);
  first.known_names = info_names;
  first.read();

  settle_title(info(facts, "Title"), xmp.title, printed_title(first.title_lines, info(facts, "Title").empty() ? xmp.title : info(facts, "Title"), meta), meta);
  if (!first.subtitle_parts.empty()) {
    meta.subtitle = join_lines(first.subtitle_parts);
    meta.source["subtitle"] = "pdf-layout";
  }
  settle_authors(info_names, first.reference_format_names, first.anonymous, meta);

  settle_metadata_fields(facts, xmp, meta);
  settle_field_confidence(meta);
  return meta;
}

}  // namespace proceedings::meta


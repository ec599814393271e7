#include "proceedings/text.hpp"
#include "proceedings/xml.hpp"
#include "meta/pdf_meta.hpp"

#include "meta/crosscheck.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

namespace proceedings::meta {

namespace {

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

std::vector<std::string> split(const std::string& s, const std::string& separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto at = s.find(separator); at != std::string::npos; at = s.find(separator, start)) {
    out.push_back(trim(s.substr(start, at - start)));
    start = at + separator.size();
  }
  out.push_back(trim(s.substr(start)));
  out.erase(std::remove(out.begin(), out.end(), ""), out.end());
  return out;
}

// "A, B, and C" or "A and B" -> names.
std::vector<std::string> split_names(std::string s) {
  s = std::regex_replace(s, std::regex(R"(,?\s+and\s+)"), ", ");
  return split(s, ",");
}

// Joins text lines, mending words hyphenated at a line end.
std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& raw : lines) {
    const std::string line = trim(raw);
    if (line.empty()) continue;
    if (!out.empty() && out.back() == '-' && out.size() > 1 && std::islower(static_cast<unsigned char>(out[out.size() - 2])) &&
        std::islower(static_cast<unsigned char>(line[0])))
      out.pop_back();
    else if (!out.empty())
      out += ' ';
    out += line;
  }
  return out;
}

std::string family(const std::string& font) {
  std::string f = font.substr(0, font.find('-'));
  while (!f.empty() && (f.back() == 'B' || f.back() == 'I' || f.back() == 'O')) f.pop_back();
  return f;
}

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

double center(const Box& b) { return (b.x0 + b.x1) / 2; }

bool overlaps(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

// Reads the first page as acmart (and most title blocks) lay it out.
class FirstPage {
 public:
  FirstPage(const PdfPage& page, double body_size, PaperMeta& meta)
      : page_(page), lines_(page.lines), meta_(meta), body_(body_size) {}

  void read() {
    const std::size_t top_end = title_block_end();
    read_title(top_end);
    read_reference_format();
    read_authors(top_end);
    if (meta_.authors.empty()) read_inline_authors();
    read_section("ABSTRACT", [&](const std::vector<std::string>& text) { set_abstract(join_lines(text)); });
    read_section("KEYWORDS", [&](const std::vector<std::string>& text) { set_keywords(join_lines(text)); });
    read_section("CCS CONCEPTS", [&](const std::vector<std::string>& text) { set_ccs(join_lines(text)); });
  }

  std::vector<std::string> reference_format_names;

 private:
  std::size_t find_line(const std::string& text) const {
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (upper(trim(lines_[i].text)) == text) return i;
    return lines_.size();
  }

  // The title block ends at the ABSTRACT heading, a numbered section heading
  // or the first full-width line of body text, whichever comes first.
  std::size_t title_block_end() const {
    static const std::regex numbered(R"(^\d+(\.\d+)*\.?\s+\S.*)");
    const std::size_t abstract = find_line("ABSTRACT");
    for (std::size_t i = 0; i < std::min(abstract, lines_.size()); ++i) {
      const PdfLine& line = lines_[i];
      if (std::regex_match(trim(line.text), numbered) && line.size >= body_ - 0.3) return i;
      if (std::fabs(line.size - body_) <= 0.6 && line.box.width() > 0.35 * page_.width) return i;
    }
    return abstract;
  }

  bool is_heading(const PdfLine& line) const {
    const std::string t = trim(line.text);
    if (t.rfind("ACM Reference Format", 0) == 0) return true;
    return line.size >= body_ + 1 && upper(t) == t;
  }

  void read_title(std::size_t end) {
    double largest = 0;
    for (std::size_t i = 0; i < end; ++i) largest = std::max(largest, lines_[i].size);
    if (largest < body_ + 2) return;
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i < end && std::fabs(lines_[i].size - largest) > 0.3) ++i;
    title_font_ = lines_[i].font;
    for (; i < end && std::fabs(lines_[i].size - largest) <= 0.3; ++i) parts.push_back(lines_[i].text);
    title_.text = join_lines(parts);
    for (; i < end && lines_[i].size > body_ + 1.5 && lines_[i].size < largest - 0.3 &&
           family(lines_[i].font) == family(title_font_);
         ++i)
      subtitle_parts_.push_back(lines_[i].text);
    after_title_ = i;
  }

  struct Block {
    const PdfLine* name;
    std::vector<const PdfLine*> lines;
  };

  static bool looks_like_date(const std::string& text) {
    static const std::regex date(
        R"(^\s*(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s*\d{4}\s*$)");
    return std::regex_match(text, date);
  }

  void read_authors(std::size_t end) {
    std::vector<Block> blocks;
    for (std::size_t i = after_title_; i < end; ++i)
      if (lines_[i].size >= body_ + 2 && !looks_like_date(lines_[i].text)) blocks.push_back({&lines_[i], {}});
    if (blocks.empty()) return;
    const double name_size = blocks.front().name->size;
    for (std::size_t i = after_title_; i < end; ++i) {
      const PdfLine& line = lines_[i];
      if (line.size >= body_ + 2 || line.size > name_size - 1 || line.size < body_ - 1) continue;
      Block* owner = nullptr;
      for (auto& b : blocks) {
        if (b.name->box.y1 > line.box.y0 + 1) continue;  // the name must stand above
        if (!owner || b.name->box.y0 > owner->name->box.y0 + 1 ||
            (std::fabs(b.name->box.y0 - owner->name->box.y0) <= 1 &&
             std::fabs(center(b.name->box) - center(line.box)) < std::fabs(center(owner->name->box) - center(line.box))))
          owner = &b;
      }
      if (owner) owner->lines.push_back(&line);
    }
    for (const auto& b : blocks) meta_.authors.push_back(author_of(b));
    meta_.source["authors"] = "pdf-layout";
  }

  // acmart's one-column formats: "NAME, Institution, Country" per line, the
  // name in small capitals; its case comes back from the ACM Reference Format.
  void read_inline_authors() {
    for (std::size_t i = after_title_; i < lines_.size(); ++i) {
      const PdfLine& line = lines_[i];
      const std::string text = trim(line.text);
      const auto comma = text.find(", ");
      if (std::fabs(line.size - body_) > 0.6 || comma == std::string::npos) break;
      AuthorMeta a;
      a.name = text.substr(0, comma);
      for (const auto& printed : reference_format_names)
        if (fold_name(printed) == fold_name(a.name)) a.name = printed;
      a.affiliations.push_back(text.substr(comma + 2));
      for (const auto& link : page_.links) {
        const auto at = link.uri.find("orcid.org/");
        if (at != std::string::npos && overlaps(link.box, line.box)) a.orcid = link.uri.substr(at + 10);
      }
      meta_.authors.push_back(std::move(a));
    }
    if (!meta_.authors.empty()) meta_.source["authors"] = "pdf-layout";
  }

  AuthorMeta author_of(const Block& b) const {
    AuthorMeta a;
    a.name = trim(b.name->text);
    std::vector<std::string> group;
    for (std::size_t k = 0; k < b.lines.size(); ++k) {
      const std::string text = trim(b.lines[k]->text);
      if (text.find('@') != std::string::npos) {
        a.email = text;
        continue;
      }
      // A line starting in lower case continues a wrapped one.
      if (!group.empty() && std::islower(static_cast<unsigned char>(text[0]))) {
        group.back() += " " + text;
        continue;
      }
      group.push_back(text);
      // An address line ("City, Country") ends an affiliation.
      const bool more = k + 1 < b.lines.size() && b.lines[k + 1]->text.find('@') == std::string::npos;
      if (text.find(", ") != std::string::npos && more) {
        a.affiliations.push_back(join_with_commas(group));
        group.clear();
      }
    }
    if (!group.empty()) a.affiliations.push_back(join_with_commas(group));
    for (const auto& link : page_.links) {
      const auto at = link.uri.find("orcid.org/");
      if (at != std::string::npos && overlaps(link.box, b.name->box)) a.orcid = link.uri.substr(at + 10);
    }
    return a;
  }

  static std::string join_with_commas(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
  }

  template <typename Use>
  void read_section(const std::string& heading, Use use) const {
    const std::size_t at = find_line(heading);
    if (at >= lines_.size()) return;
    std::vector<std::string> text;
    for (std::size_t i = at + 1; i < lines_.size() && !is_heading(lines_[i]); ++i)
      if (lines_[i].size <= body_ + 0.6) text.push_back(lines_[i].text);
    use(text);
  }

  void set_abstract(const std::string& text) {
    meta_.abstract = text;
    meta_.source["abstract"] = "pdf-layout";
  }

  void set_keywords(const std::string& text) {
    meta_.keywords = split(text, ",");
    meta_.source["keywords"] = "pdf-layout";
  }

  // "• A → B; • C → D." as printed; weights are not printed reliably.
  void set_ccs(const std::string& text) {
    if (!meta_.ccs.empty()) return;
    for (auto item : split(text, "•")) {
      while (!item.empty() && (item.back() == ';' || item.back() == '.')) item.pop_back();
      meta_.ccs.push_back({std::regex_replace(trim(item), std::regex(R"(\s*→\s*)"), "~"), 0});
    }
    meta_.source["ccs"] = "pdf-layout";
  }

  void read_reference_format() {
    std::size_t at = lines_.size();
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (trim(lines_[i].text).rfind("ACM Reference Format", 0) == 0) at = i;
    if (at == lines_.size()) return;
    std::vector<std::string> text;
    for (std::size_t i = at + 1; i < lines_.size() && text.size() < 8 && !is_heading(lines_[i]); ++i)
      text.push_back(lines_[i].text);
    const std::string joined = join_lines(text);
    std::smatch m;
    if (std::regex_search(joined, m, std::regex(R"(^(.*?)\. (19|20)\d\d\. )"))) reference_format_names = split_names(m[1]);
  }

 public:
  struct Title {
    std::string text;
  } title_;
  std::vector<std::string> subtitle_parts_;

 private:
  const PdfPage& page_;
  const std::vector<PdfLine>& lines_;
  PaperMeta& meta_;
  double body_ = 0;
  std::string title_font_;
  std::size_t after_title_ = 0;
};

std::string normalized(std::string s) {
  std::string out;
  for (unsigned char c : s)
    if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(std::tolower(c));
  return out;
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
    while (!item.empty() && item.back() == '.') item.pop_back();
    out.push_back({std::regex_replace(trim(item), std::regex(R"(\s*->\s*)"), "~"), 0});
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

// Layout names first; Info, XMP or the ACM Reference Format where the layout
// gave none. An anonymised build has no names to give.
void settle_authors(const PdfFacts& facts, const XmpFields& xmp, const std::vector<std::string>& reference_names,
                    PaperMeta& meta) {
  const bool anonymous = std::any_of(meta.authors.begin(), meta.authors.end(),
                                     [](const AuthorMeta& a) { return a.name.find("Anonymous Author") == 0; });
  if (anonymous) {
    meta.authors.clear();
    meta.source.erase("authors");
    meta.notes.push_back("the PDF is anonymised ('Anonymous Author(s)'): it carries no author names");
    return;
  }
  std::vector<std::string> info_names = split_names(info(facts, "Author"));
  if (info_names.empty()) info_names = xmp.creators;
  if (meta.authors.empty()) {
    for (const auto& name : info_names.empty() ? reference_names : info_names) meta.authors.push_back({name, {}, {}, {}});
    if (!meta.authors.empty()) meta.source["authors"] = info_names.empty() ? "pdf-layout" : "pdf-info";
    return;
  }
  std::vector<std::string> layout_names;
  for (const auto& a : meta.authors) layout_names.push_back(a.name);
  if (!reference_names.empty() && reference_names != layout_names)
    meta.notes.push_back("the ACM Reference Format lists the authors differently from the author blocks");
}

}  // namespace

XmpFields parse_xmp(const std::string& packet) {
  XmpFields out;
  if (packet.empty()) return out;
  xmlDoc* doc = xmlReadMemory(packet.data(), static_cast<int>(packet.size()), "xmp.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) return out;
  walk_xmp(xmlDocGetRootElement(doc), out);
  xmlFreeDoc(doc);
  return out;
}

PaperMeta read_pdf_meta(const PdfFacts& facts, const std::string& file) {
  PaperMeta meta;
  meta.input = file;
  meta.kind = "pdf";
  meta.pages = static_cast<int>(facts.pages.size());
  const XmpFields xmp = parse_xmp(facts.xmp);
  FirstPage first(facts.pages.front(), dominant_size(facts.pages), meta);
  first.read();

  const std::string info_title = info(facts, "Title");
  const std::string layout_title = first.title_.text;
  if (!info_title.empty()) {
    meta.title = info_title;
    meta.source["title"] = "pdf-info";
    if (!layout_title.empty() && normalized(layout_title) != normalized(info_title))
      meta.notes.push_back("the printed title differs from the PDF Info title: '" + layout_title + "'");
  } else if (!xmp.title.empty()) {
    meta.title = xmp.title;
    meta.source["title"] = "pdf-xmp";
  } else if (!layout_title.empty()) {
    meta.title = layout_title;
    meta.source["title"] = "pdf-layout";
  }
  if (!first.subtitle_parts_.empty()) {
    meta.subtitle = join_lines(first.subtitle_parts_);
    meta.source["subtitle"] = "pdf-layout";
  }

  settle_authors(facts, xmp, first.reference_format_names, meta);

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
  if (meta.abstract.empty() && !xmp.description.empty()) {
    meta.abstract = xmp.description;
    meta.source["abstract"] = "pdf-xmp";
  }
  return meta;
}

}  // namespace proceedings::meta

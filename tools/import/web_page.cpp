#include "import/web_page.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <sstream>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/http.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::import {

namespace {

bool is_url(const std::string& s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

// A line's first 2000 bytes, cut at a character: what a program line needs,
// and a bound on the work of the patterns that read it.
std::string capped(std::string text) {
  constexpr std::size_t limit = 2000;
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text;
}

const char* name_of(xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool one_of(const char* name, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return std::strcmp(name, n) == 0; });
}

// Walks the DOM, cutting lines where a block element starts or ends.
class HtmlLines {
 public:
  explicit HtmlLines(std::vector<PageLine>& out) : out_(out) {}

  void walk(xmlNode* node) {
    for (xmlNode* n = node; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        text(n);
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;
      const char* name = name_of(n);
      if (one_of(name, {"script", "style", "noscript", "template", "head", "svg", "iframe"})) continue;
      if (one_of(name, {"br", "hr"})) {
        flush();
        continue;
      }
      const bool block = one_of(name, {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav",
                                        "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "thead",
                                        "tbody", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure",
                                        "figcaption", "body", "html", "form", "address", "details", "summary"});
      if (block) flush();
      if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == 0) line_.heading = name[1] - '0';
      if (std::strcmp(name, "li") == 0) line_.item = true;
      if (std::strcmp(name, "a") == 0) {
        xmlChar* href = xmlGetProp(n, reinterpret_cast<const xmlChar*>("href"));
        const std::size_t from = line_.text.size();
        walk(n->children);
        if (href) {
          // A block inside the link ended the line it started on: its text is what this line holds.
          const std::size_t start = std::min(from, line_.text.size());
          line_.links.push_back({collapse_whitespace(line_.text.substr(start)), reinterpret_cast<const char*>(href)});
          xmlFree(href);
        }
        continue;
      }
      walk(n->children);
      if (block) flush();
    }
  }

  void flush() {
    line_.text = capped(collapse_whitespace(line_.text));
    for (auto& l : line_.links) l.text = capped(l.text), l.href = capped(l.href);
    if (!line_.text.empty()) out_.push_back(std::move(line_));
    line_ = PageLine{};
  }

 private:
  void text(xmlNode* n) {
    if (!n->content) return;
    if (!line_.line) line_.line = static_cast<int>(xmlGetLineNo(n));
    line_.text += reinterpret_cast<const char*>(n->content);
  }

  std::vector<PageLine>& out_;
  PageLine line_;
};

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using Doc = std::unique_ptr<xmlDoc, DocFree>;

// UTF-8 when the bytes are; otherwise the page's own <meta charset>, else
// ISO-8859-1, as libxml2 reads HTML (its text comes out as UTF-8 either way).
Doc parse_html(const std::string& html, const std::string& source) {
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  const char* encoding = first_invalid_utf8(html) ? nullptr : "UTF-8";
  Doc doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), source.c_str(), encoding, options));
  if (!doc) throw input_error(source, "is not HTML libxml2 can read");
  return doc;
}

xmlNode* find_element(xmlNode* node, const char* name) {
  for (xmlNode* n = node; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && std::strcmp(name_of(n), name) == 0) return n;
    if (xmlNode* found = find_element(n->children, name)) return found;
  }
  return nullptr;
}

Page html_page(const std::string& bytes, const std::string& source) {
  Page page{source, "", {}};
  Doc doc = parse_html(bytes, source);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (xmlNode* title = find_element(root, "title")) {
    xmlChar* t = xmlNodeGetContent(title);
    page.title = collapse_whitespace(t ? reinterpret_cast<const char*>(t) : "");
    xmlFree(t);
  }
  HtmlLines lines(page.lines);
  lines.walk(root);
  lines.flush();
  return page;
}

// One Markdown line's inline content (links, emphasis, embedded HTML) as a PageLine.
PageLine inline_markdown(std::string text, const std::string& source) {
  static const Regex link(R"(\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\))");
  static const Regex emphasis(R"(\*\*|__|`|~~)");
  static const Regex attribute(R"(\s*\{[#.:][^}]*\}\s*$)");
  text = attribute.replace(text, "");
  text = link.replace(text, "<a href=\"$2\">$1</a>");
  text = emphasis.replace(text, "");
  static const Regex single(R"((^|[\s(>])[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_](?=[\s).,:;!?<]|$))");  // *Title*, _Title_
  text = single.replace(text, "$1$2");
  std::vector<PageLine> lines;
  Doc doc = parse_html("<html><body><p>" + text + "</p></body></html>", source);
  HtmlLines walker(lines);
  walker.walk(xmlDocGetRootElement(doc.get()));
  walker.flush();
  PageLine out;
  for (auto& l : lines) {  // embedded block HTML may cut it; a Markdown line stays one line
    out.text += (out.text.empty() ? "" : " ") + l.text;
    for (auto& k : l.links) out.links.push_back(std::move(k));
  }
  return out;
}

// Jekyll front matter: the lines between the first two '---'; only `title:` is kept.
std::size_t skip_front_matter(const std::vector<std::string>& lines, std::string& title) {
  if (lines.empty() || trim(lines[0]) != "---") return 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string l = trim(lines[i]);
    if (l == "---" || l == "...") return i + 1;
    if (l.rfind("title:", 0) == 0) {
      title = trim(l.substr(6));
      if (title.size() >= 2 && (title.front() == '"' || title.front() == '\'') && title.back() == title.front())
        title = title.substr(1, title.size() - 2);
    }
  }
  return 0;
}

std::vector<std::string> split_lines(const std::string& bytes) {
  std::vector<std::string> out;
  std::istringstream in(bytes);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    out.push_back(l);
  }
  return out;
}

Page markdown_page(const std::string& bytes, const std::string& source) {
  Page page{source, "", {}};
  const auto raw = split_lines(bytes);
  static const Regex heading(R"(\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*)");
  static const Regex item(R"(\s*(?:[-*+]|\d{1,3}[.)])\s+(.*))");
  static const Regex rule(R"(\s*([-*_=])(\s*\1){2,}\s*)");
  static const Regex table_rule(R"(\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*)");
  bool fenced = false;
  for (std::size_t i = skip_front_matter(raw, page.title); i < raw.size(); ++i) {
    const std::string l = capped(raw[i]);
    if (trim(l).rfind("```", 0) == 0 || trim(l).rfind("~~~", 0) == 0) {
      fenced = !fenced;
      continue;
    }
    if (fenced || trim(l).empty() || rule.matches(l)) continue;
    Match m;
    PageLine line;
    if (trim(l).rfind('|', 0) == 0) {  // a table row: each cell a line, as HTML's <td>
      if (table_rule.matches(l)) continue;
      std::string row = trim(l);
      row = row.substr(1, row.size() > 1 && row.back() == '|' ? row.size() - 2 : std::string::npos);
      for (std::size_t start = 0; start <= row.size();) {
        const auto end = std::min(row.find('|', start), row.size());
        PageLine cell = inline_markdown(row.substr(start, end - start), source);
        cell.text = collapse_whitespace(cell.text);
        cell.line = static_cast<int>(i + 1);
        if (!cell.text.empty()) page.lines.push_back(std::move(cell));
        start = end + 1;
      }
      continue;
    }
    if (heading.match(l, m)) {
      line = inline_markdown(m[2], source);
      line.heading = static_cast<int>(m[1].length());
    } else if (item.match(l, m)) {
      line = inline_markdown(m[1], source);
      line.item = true;
    } else {
      line = inline_markdown(l, source);
    }
    line.text = collapse_whitespace(line.text);
    line.line = static_cast<int>(i + 1);
    if (!line.text.empty()) page.lines.push_back(std::move(line));
  }
  return page;
}

// A page saved as text: one line a line; bullets make list items.
Page text_page(const std::string& bytes, const std::string& source) {
  Page page{source, "", {}};
  static const Regex bullet(R"(\s*(?:•|◦|▪|‣|\*|-|–)\s+(.*))");
  const auto lines = split_lines(bytes);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string l = capped(lines[i]);
    PageLine line;
    line.line = static_cast<int>(i + 1);
    Match m;
    if (bullet.match(l, m)) {
      line.text = m[1];
      line.item = true;
    } else {
      line.text = l;
    }
    line.text = collapse_whitespace(line.text);
    if (!line.text.empty()) page.lines.push_back(std::move(line));
  }
  return page;
}

}  // namespace

PageFormat page_format(const std::string& bytes, const std::string& name) {
  const std::string lname = ascii_lower(name);
  if (lname.ends_with(".md") || lname.ends_with(".markdown")) return PageFormat::markdown;
  const std::string head = ascii_lower(bytes.substr(0, 4096));
  if (trim(head).rfind("---", 0) == 0) return PageFormat::markdown;
  if (lname.ends_with(".html") || lname.ends_with(".htm") || head.find("<!doctype html") != std::string::npos ||
      head.find("<html") != std::string::npos || head.find("<body") != std::string::npos ||
      trim(head).rfind("<", 0) == 0)
    return PageFormat::html;
  static const Regex md_heading(R"((^|\n)#{1,3} \S)");
  if (md_heading.contains(head)) return PageFormat::markdown;
  return PageFormat::text;
}

namespace {

// The first control character in `text` (C0 but tab, DEL, C1), as "U+001B"; "" when none.
std::string control_character(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (const auto code = control_character_at(text, i); code && *code != '\t') return code_point_name(*code);
  return "";
}

// The start of `text` to quote in a message, its control characters as '?' (a terminal would act on them).
std::string quotable(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && out.size() < 60; ++i) {
    const auto code = control_character_at(text, i);
    if (code && *code >= 0x80) out += '?', ++i;
    else out += code ? '?' : text[i];
  }
  return capped(out.size() < 60 ? out : out + "...");
}

void require_no_control_characters(const Page& page) {
  auto check = [&](const std::string& text, int line) {
    if (const std::string c = control_character(text); !c.empty())
      throw usage_error(page.source + (line ? ":" + std::to_string(line) : ""),
                        "holds the control character " + c + " in '" + quotable(text) +
                            "'; a page's text may not hold control characters");
  };
  check(page.title, 0);
  for (const auto& l : page.lines) {
    check(l.text, l.line);
    for (const auto& k : l.links) check(k.text, l.line), check(k.href, l.line);
  }
}

Page read_lines(const std::string& bytes, const std::string& source) {
  const PageFormat format = page_format(bytes, source);
  if (format == PageFormat::html) return html_page(bytes, source);
  require_utf8(bytes, source);
  switch (format) {
    case PageFormat::html: break;
    case PageFormat::markdown: return markdown_page(bytes, source);
    case PageFormat::text: break;
  }
  return text_page(bytes, source);
}

// The page's bytes: a C0 control character but tab, CR, LF (white space), or DEL,
// refused on its line before a parser drops it or cuts the text at it.
void require_no_control_bytes(const std::string& bytes, const std::string& source) {
  const auto bad = std::find_if(bytes.begin(), bytes.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
  });
  if (bad == bytes.end()) return;
  const auto line = 1 + std::count(bytes.begin(), bad, '\n');
  const auto start = std::find(std::make_reverse_iterator(bad), bytes.rend(), '\n').base();
  throw usage_error(source + ":" + std::to_string(line), "holds the control character " + control_character(std::string(1, *bad)) +
                                                             " in '" + quotable(std::string(start, std::find(bad, bytes.end(), '\n'))) +
                                                             "'; a page's text may not hold control characters");
}

}  // namespace

Page read_page(const std::string& bytes, const std::string& source) {
  require_no_control_bytes(bytes, source);
  Page page = read_lines(bytes, source);
  require_no_control_characters(page);
  return page;
}

Page load_page(const std::string& file_or_url) {
  if (is_url(file_or_url)) return read_page(http_get(file_or_url, "the page"), file_or_url);
  return read_page(read_file(file_or_url), file_or_url);
}

}  // namespace proceedings::import

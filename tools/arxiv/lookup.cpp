#include "proceedings/xml.hpp"
#include "arxiv/lookup.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <thread>

#include "proceedings/names.hpp"
#include "proceedings/error.hpp"
#include "proceedings/http.hpp"

namespace proceedings::arxiv {

namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

std::string bare_id(const std::string& url) {
  std::string id = url.substr(url.rfind("/abs/") == std::string::npos ? 0 : url.rfind("/abs/") + 5);
  const auto v = id.rfind('v');
  if (v != std::string::npos && v + 1 < id.size() && std::all_of(id.begin() + static_cast<long>(v) + 1, id.end(), ::isdigit))
    id = id.substr(0, v);
  return id;
}

// Folded family name; arXiv lists authors by their full names, so the guess is used on both sides.
std::string family(const std::string& name) { return fold_name(family_name(name)); }

}  // namespace

std::vector<ArxivEntry> parse_atom(const std::string& xml, const std::string& where) {
  const XmlDocument doc = read_untrusted_xml_or_null(xml);
  if (!doc) throw input_error(where, "the arXiv API answer is not XML (or declares a DTD, which a feed never needs)");
  std::vector<ArxivEntry> out;
  xmlNode* root = xmlDocGetRootElement(doc.get());
  for (xmlNode* e = root ? root->children : nullptr; e; e = e->next) {
    if (e->type != XML_ELEMENT_NODE || xmlStrcmp(e->name, x("entry"))) continue;
    ArxivEntry entry;
    for (xmlNode* c = e->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (!xmlStrcmp(c->name, x("id"))) entry.id = bare_id(element_text(c));
      else if (!xmlStrcmp(c->name, x("title"))) entry.title = element_text(c);
      else if (!xmlStrcmp(c->name, x("author")))
        for (xmlNode* n = c->children; n; n = n->next)
          if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, x("name"))) entry.authors.push_back(element_text(n));
    }
    if (!entry.id.empty()) out.push_back(entry);
  }
  return out;
}

bool same_paper(const Paper& paper, const ArxivEntry& entry) {
  if (fold_name(paper.title) != fold_name(entry.title)) return false;
  for (const auto& a : paper.authors)
    for (const auto& b : entry.authors)
      if (fold_name(family_name(a)) == family(b)) return true;
  return false;
}

std::vector<Found> arxiv_lookup(const Workshop& w, const std::string& base_url, std::chrono::milliseconds delay) {
  std::vector<Found> out;
  for (std::size_t i = 0; i < w.papers.size(); ++i) {
    if (i > 0) std::this_thread::sleep_for(delay);  // the API asks for a pause between calls
    const Paper& p = w.papers[i];
    const std::string url = base_url + "/api/query?search_query=" + url_escape("ti:\"" + p.title + "\"") + "&max_results=10";
    Found found{p.id, ""};
    for (const auto& entry : parse_atom(http_get(url, "arXiv API"), url))
      if (same_paper(p, entry)) {
        found.arxiv_id = entry.id;
        break;
      }
    out.push_back(found);
  }
  return out;
}

}  // namespace proceedings::arxiv

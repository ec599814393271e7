#include "import/web_entry.hpp"

#include <algorithm>
#include <cstring>

#include "import/formats.hpp"
#include "import/web_people.hpp"
#include "import/web_text.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::import::web {

namespace {

std::string last_segment(std::string href) {
  while (!href.empty() && href.back() == '/') href.pop_back();
  href = href.substr(href.rfind('/') + 1);
  for (const char* ext : {".html", ".htm", ".md"})
    if (href.size() > std::strlen(ext) && href.compare(href.size() - std::strlen(ext), std::string::npos, ext) == 0)
      href.resize(href.size() - std::strlen(ext));
  return href.substr(0, href.find_first_of("?#"));
}

bool links_to(const Link& l, const char* folder) { return l.href.find(std::string("/") + folder + "/") != std::string::npos; }

const Regex& label_form() {
  static const Regex form(
      R"(^((?:featured|keynote|invited|plenary|contributed|opening|closing|distinguished|industry)(?:\s+(?:talk|speaker|address|lecture|presentation|keynote))?|keynote|panel(?:\s+discussion)?|tutorial|lightning\s+talks?|talk|paper|presentation)(?:\s+#?\d+)?$)",
      Regex::icase);
  return form;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// A link's last segment as the loader takes a slug (it names a file): runs of
// anything but letters, digits, '-' and '_' as one '-', no '-' or '_' first,
// at most 100 characters. "Keynote.2025" -> "Keynote-2025", "%2e%2e%2fx" -> "x".
std::string file_name_slug(const std::string& segment) {
  std::string out;
  for (char c : percent_decoded(segment)) {
    const bool kept = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    if (kept) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  const auto first = out.find_first_not_of("-_");
  out = first == std::string::npos ? "" : out.substr(first, 100);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// As long an abstract as the submission imports take (formats.cpp): a page's
// prose under a talk, however long, makes a bounded field; the cut is said.
constexpr std::size_t abstract_limit = 10000;

void add_abstract(Entry& e, const std::string& text, std::vector<std::string>& notes) {
  if (e.abstract_full) return;
  const std::string more = (e.abstract.empty() ? "" : " ") + text;
  if (e.abstract.size() + more.size() > abstract_limit) {
    e.abstract_full = true;
    notes.push_back("the text under '" + e.title + "' is longer than " + std::to_string(abstract_limit) +
                    " bytes; its abstract keeps what came before, the rest is not read");
    return;
  }
  e.abstract += more;
}

}  // namespace

void set_title(Entry& e, const std::string& text) {
  const auto colon = text.find(':');
  if (colon != std::string::npos && regex_match(trim(text.substr(0, colon)), label_form())) {
    e.label = trim(text.substr(0, colon));
    e.title = trim(text.substr(colon + 1));
  } else if (regex_match(trim(text), label_form()) && !matches(trim(text), R"(^(opening|closing)$)")) {
    e.label = trim(text);
    e.title = trim(text);
  } else {
    e.title = trim(text);
  }
}

void take_talk_link(Entry& e, const std::vector<Link>& links, std::vector<std::string>& notes) {
  for (const auto& l : links) {
    if (!e.slug.empty() || !links_to(l, "talks")) continue;
    const std::string segment = last_segment(l.href);
    e.slug = file_name_slug(segment);
    if (e.slug != segment)
      notes.push_back("the talk link '" + l.href + "' names the page '" + segment + "', not 1 to 100 letters, digits, '-' and '_': " +
                      (e.slug.empty() ? "no slug kept" : "slug '" + e.slug + "' kept"));
  }
}

void add_body_line(Entry& e, const PageLine& line, std::vector<std::string>& notes) {
  const std::string text = normalized(line.text);
  Match m;
  static const Regex labelled(
      R"(^(session\s+chairs?|chairs?|chaired\s+by|moderators?|moderated\s+by|panell?ists?|speakers?|presenters?|presented\s+by|by|authors?|abstract)\s*:?\s+(.*)$)",
      Regex::icase);
  // "By combining X and Y, we ...": a sentence, not a speaker line.
  const bool by_people = regex_match(text, m, labelled) && ascii_lower(m[1]) == "by" &&
                         looks_like_people(m[2], split_author_cell(m[2]));
  if (regex_match(text, m, labelled) && (by_people || (ascii_lower(m[1]) != "by" && (text.find(':') != std::string::npos ||
                                                                                     matches(m[1], "by$"))))) {
    const std::string what = ascii_lower(m[1]);
    const std::string value = trim(m[2]);
    if (matches(what, "chair|moderat")) {
      if (e.chairs_carried) e.chairs.clear(), e.chairs_carried = false;
      for (const auto& n : names_in(value))
        if (std::find(e.chairs.begin(), e.chairs.end(), n) == e.chairs.end()) e.chairs.push_back(n);
    } else if (what == "abstract") {
      e.abstract = value;
    } else {
      for (auto& p : split_author_cell(value)) e.speakers.push_back(std::move(p));
    }
    return;
  }
  if (e.title.empty()) {
    set_title(e, text);
    take_talk_link(e, line.links, notes);
    return;
  }
  std::vector<std::string> linked;
  for (const auto& l : line.links)
    if (links_to(l, "speakers") || links_to(l, "people") || links_to(l, "authors")) linked.push_back(l.text);
  const auto people = split_author_cell(text);
  if (!linked.empty() && e.speakers.empty()) {
    e.speakers = looks_like_people(text, people) ? people : std::vector<Person>{};
    if (e.speakers.empty())
      for (const auto& n : linked) e.speakers.push_back(Person{n, {}, {}, {}, {}});
    return;
  }
  if (e.speakers.empty() && looks_like_people(text, people)) {
    e.speakers = people;
    return;
  }
  if (e.speakers.empty()) {  // "Name, Affiliation" or "Name - Affiliation": one speaker
    const auto one = member(text);
    if (one && !one->affiliations.empty() && institution_words(one->affiliation())) {
      e.speakers.push_back(*one);
      return;
    }
  }
  if (e.speakers.size() == 1 && e.speakers[0].affiliations.empty() && text.size() < 150 && !matches(text, R"(\.$)")) {
    e.speakers[0].affiliations.push_back(institution(text));
    return;
  }
  add_abstract(e, text, notes);
}

void split_comma_speakers(Entry& e) {
  for (auto at = e.title.find(','); at != std::string::npos; at = e.title.find(',', at + 1)) {
    const std::string head = trim(e.title.substr(0, at)), tail = trim(e.title.substr(at + 1));
    const auto people = split_author_cell(tail);
    if (head.empty() || looks_like_name(head) || !looks_like_people(tail, people)) continue;
    e.speakers = people;
    e.title = head;
    return;
  }
}

// "Keynote: Title - Jane Doe (Univ)", "Title by Jane Doe": the speakers on the time's own line.
void split_trailing_speakers(Entry& e) {
  for (const char* separator : {" - ", " by "}) {
    const auto at = e.title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    const std::string tail = e.title.substr(at + std::strlen(separator));
    const auto people = split_author_cell(tail);
    if (!looks_like_people(tail, people)) continue;
    e.speakers = people;
    e.title = trim(e.title.substr(0, at));
    return;
  }
}

bool is_session_heading(const std::string& text) {
  static const Regex numbered(R"(^Session\s+([0-9]+|[IVX]+|[A-Z])\b)");
  if (matches(text, R"(^session\s+(chair|moderat))")) return false;
  return regex_search(text, numbered) ||
         matches(text, R"(^((paper|technical|research|poster|contributed|invited|lightning|regular|short paper|full paper)\s+)(talks?\s+)?session\b)");
}

void split_heading_chair(Entry& e) {
  Match m;
  static const Regex chair(R"(\s*[\(\[,;-]?\s*(?:session\s+)?(?:chairs?|chaired by|moderators?)\s*:?\s*([^)\]]+)[\)\]]?\s*$)",
                                  Regex::icase);
  if (regex_search(e.title, m, chair)) {
    e.chairs = names_in(m[1]);
    e.title = trim(std::string(m.prefix()));
  }
}

}  // namespace proceedings::import::web

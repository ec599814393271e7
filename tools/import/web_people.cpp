#include "import/web_people.hpp"

#include <algorithm>
#include <set>

#include "import/formats.hpp"
#include "import/web_text.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::import::web {

namespace {

std::string email_in(std::string& text) {
  static const Regex spelled(R"(\b([A-Za-z0-9._%+-]+)\s*(?:@|\[at\]|\(at\)|\bat\b)\s*([A-Za-z0-9-]+(?:\s*(?:\.|\[dot\]|\(dot\)|\bdot\b)\s*[A-Za-z0-9-]+)+)\b)");
  Match m;
  if (!regex_search(text, m, spelled)) return "";
  static const Regex dot(R"(\s*(\[dot\]|\(dot\)|\bdot\b)\s*)");
  static const Regex space(R"(\s+)");
  const std::string domain = space.replace(dot.replace(m[2].text, "."), "");
  const std::string email = m[1].str() + "@" + domain;
  text = trim(std::string(m.prefix()) + " " + std::string(m.suffix()));
  return email;
}

}  // namespace

bool institution_words(const std::string& text) {
  static const Regex acronym(R"(\b[A-Z]{3,}\b)");  // NVIDIA, CERFACS, META
  return regex_search(text, acronym) ||
         matches(text,
                 R"(\b(universit|institut|laborator|labs?\b|cent(er|re)\b|college|school|inc\b|corp|ltd|gmbh|company|research|national|academy|foundation|agency|department|faculty|hospital|polytechn|technolog|supercomput|computing|sciences?\b|ministry|council))");
}

// "Rio Yokota", "Rafael Ferreira da Silva", "Loïc Pottier": 2-6 words, capitalized or particles, no digits.
bool looks_like_name(const std::string& name) {
  static const std::set<std::string> particles{"de", "da", "do", "dos", "das", "van", "von", "der", "den", "la", "le",
                                               "di", "del", "du", "bin", "al", "el", "y", "ten", "ter", "zu"};
  const std::string n = trim(name);
  if (n.empty() || n.size() > 60 || matches(n, R"([0-9:@/|!?]|\.$)") || institution_words(n)) return false;
  int words = 0;
  std::size_t start = 0;
  while (start < n.size()) {
    const auto end = std::min(n.find(' ', start), n.size());
    const std::string w = n.substr(start, end - start);
    start = end + 1;
    if (w.empty()) continue;
    ++words;
    static const std::set<std::string> title_words{"A", "An", "The", "Of", "For", "And", "On", "In", "To", "With",
                                                   "Via", "From", "Towards", "Toward", "At", "Is", "Are", "Using", "Vs"};
    if (title_words.count(w)) return false;  // "A Survey", "Tools for The Web": a title's words
    const unsigned char first = static_cast<unsigned char>(w[0]);
    if (!(std::isupper(first) || first >= 0x80 || particles.count(w))) return false;
  }
  return words >= 2 && words <= 6;
}

bool looks_like_people(const std::string& line, const std::vector<Person>& people) {
  if (people.empty() || line.size() > 600) return false;
  return std::all_of(people.begin(), people.end(), [](const Person& p) { return looks_like_name(p.name); });
}

Affiliation institution(const std::string& text) {
  Affiliation a;
  a.institution = trim(text);
  return a;
}

// One member line: "Name, Affiliation", "Name (Affiliation) x at y.gov", "Name - Affiliation", "Name".
std::optional<Person> member(std::string text) {
  Person p;
  if (std::string e = email_in(text); !e.empty()) p.emails.push_back(e);
  static const Regex trailing(R"([\s,;:<>-]+$)");
  text = trim(trailing.replace(text, ""));
  Match m;
  static const Regex paren(R"(^([^(]+?)\s*\((.+)\)\s*[.,;]?$)");
  static const Regex dash(R"(^(.+?)\s+[-|]\s+(.+)$)");
  if (regex_match(text, m, paren) || regex_match(text, m, dash)) {
    p.name = trim(m[1]);
    p.affiliations.push_back(institution(m[2]));
  } else if (const auto comma = text.find(','); comma != std::string::npos) {
    p.name = trim(text.substr(0, comma));
    if (const std::string aff = trim(text.substr(comma + 1)); !aff.empty()) p.affiliations.push_back(institution(aff));
  } else {
    p.name = text;
  }
  if (!looks_like_name(p.name)) return std::nullopt;
  return p;
}

std::vector<std::string> names_in(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& p : split_author_cell(text))
    if (!p.name.empty()) out.push_back(p.name);
  return out;
}

void read_person_line(const PageLine& line, std::vector<Person>& into, std::vector<std::string>& notes, EventClues& clues) {
  const std::string text = normalized(line.text);
  if (const auto p = member(text)) {
    into.push_back(*p);
    return;
  }
  if (line.item) notes.push_back("not read as a person: '" + text + "'");
  clues.look_for_event_date(text);
}

}  // namespace proceedings::import::web

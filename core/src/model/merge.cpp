#include "proceedings/merge.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "proceedings/error.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/text.hpp"

namespace proceedings {

namespace {

std::string joined_affiliations(const std::vector<Affiliation>& list) {
  std::string out;
  for (const auto& a : list) out += (out.empty() ? "" : "; ") + display_affiliation(a);
  return out;
}

// Not Latin-1 punctuation or no-break space (U+0080-U+00BF), combining marks
// (U+0300-U+036F: an NFD name folds like its NFC form), general punctuation
// and symbols (U+2000-U+2BFF) or CJK punctuation (U+3000-U+303F).
bool is_letter_of_another_script(const std::string& c) {
  const unsigned b0 = static_cast<unsigned char>(c[0]), b1 = c.size() > 1 ? static_cast<unsigned char>(c[1]) : 0u;
  if (c.size() < 2 || b0 == 0xC2 || b0 == 0xCC || b0 == 0xCD) return false;
  if (b0 == 0xE2) return false;
  if (b0 == 0xE3 && b1 == 0x80) return false;
  return true;
}

// The words of `text`, folded to lower-case ASCII; with `other_scripts`, a
// letter ascii_fold leaves as it is (Greek, Cyrillic, CJK) stays in its word,
// so that two titles or names in such a script do not fold to one empty key.
std::vector<std::string> words(const std::string& text, bool other_scripts = false) {
  std::vector<std::string> out;
  std::string word;
  auto letter = [&](char c) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;  // one UTF-8 character at a time
    while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80) ++len;
    const std::string character = text.substr(i, len);
    i += len;
    const std::string folded = ascii_fold(character);
    if (folded.empty() && other_scripts && is_letter_of_another_script(character)) word += character;
    for (char c : folded) letter(c);
  }
  letter(' ');
  return out;
}

bool says_accept(const std::string& word) { return word == "accept" || word == "accepted"; }

bool says_no(const std::string& word) {
  static const std::set<std::string> negative{"not", "no", "non", "never", "reject", "rejected", "unaccepted",
                                              "declined", "withdrawn", "desk"};
  return negative.count(word) > 0;
}

}  // namespace

FieldMerge merge_field(const std::string& mine, const std::string& theirs, const std::string* base) {
  if (mine == theirs || theirs.empty()) return FieldMerge::keep;
  if (mine.empty() || (base && mine == *base)) return FieldMerge::take;
  if (base && theirs == *base) return FieldMerge::keep;  // a person's edit, the source unchanged
  return FieldMerge::conflict;
}

const std::vector<PersonField>& person_fields() {
  static const std::vector<PersonField> fields{
      {"affiliation", "affiliations", [](const Person& p) { return joined_affiliations(p.affiliations); },
       [](Person& to, const Person& from) { to.affiliations = from.affiliations; }},
      {"additional affiliation", "additional", [](const Person& p) { return joined_affiliations(p.additional); },
       [](Person& to, const Person& from) { to.additional = from.additional; }},
      {"email", "emails", [](const Person& p) { return joined(p.emails, ", "); },
       [](Person& to, const Person& from) { to.emails = from.emails; }},
      {"orcid", "orcid", [](const Person& p) { return p.orcid; },
       [](Person& to, const Person& from) { to.orcid = from.orcid; }},
      {"family name", "family", [](const Person& p) { return p.family; },
       [](Person& to, const Person& from) { to.family = from.family; }},
      {"given name", "given", [](const Person& p) { return p.given; },
       [](Person& to, const Person& from) { to.given = from.given; }},
      {"middle name", "middle", [](const Person& p) { return p.middle; },
       [](Person& to, const Person& from) { to.middle = from.middle; }},
  };
  return fields;
}

std::vector<std::string> fill_in(Person& mine, const Person& theirs) {
  std::vector<std::string> filled;
  for (const auto& f : person_fields()) {
    const std::string value = f.text(theirs);
    if (!f.text(mine).empty() || value.empty()) continue;
    f.copy(mine, theirs);
    filled.push_back(std::string(f.name) + " set to '" + value + "'");
  }
  // An affiliation present as text whose parts (city, country, ...) are empty
  // takes them from the same institution on the other side (issue 25 item 10).
  for (auto* list : {&mine.affiliations, &mine.additional})
    for (auto& a : *list)
      for (const auto& t : list == &mine.affiliations ? theirs.affiliations : theirs.additional)
        if (const std::string was = display_affiliation(a); fill_affiliation(a, t)) {
          filled.push_back("affiliation '" + was + "' filled in as '" + display_affiliation(a) + "'");
          break;
        }
  return filled;
}

std::string person_key(const std::string& name) { return fold_name(name); }

std::string new_paper_id(const std::string& title, const std::vector<Paper>& taken) {
  std::vector<std::string> all = words(title);
  const auto colon = title.find(':');
  if (colon != std::string::npos && colon > 0 && colon <= 24) all = words(title.substr(0, colon));
  static const std::set<std::string> minor{"a", "an", "the", "of", "for", "and", "on", "in", "to", "with", "via"};
  std::string id;
  int count = 0;
  for (const auto& w : all) {
    if (count == 4) break;
    if (minor.count(w) && !id.empty()) continue;
    id += (id.empty() ? "" : "-") + w;
    ++count;
  }
  return unique_paper_id(id, taken);
}

std::string unique_paper_id(const std::string& wanted, const std::vector<Paper>& taken) {
  std::string id;
  for (const auto& w : words(wanted)) id += (id.empty() ? "" : "-") + w;
  id = id.substr(0, 60);
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.empty()) id = "paper";
  std::string candidate = id;
  for (int n = 2; std::any_of(taken.begin(), taken.end(), [&](const Paper& p) { return p.id == candidate; }); ++n)
    candidate = id + "-" + std::to_string(n);
  return candidate;
}

std::string title_key(const std::string& title) {
  std::string key;
  for (const auto& w : words(title, true)) key += (key.empty() ? "" : "-") + w;
  return key;
}

bool decision_accepts(const std::string& system, const std::string& decision, const std::string& status,
                      const std::vector<std::string>& named) {
  const std::vector<std::string> said = words(decision);
  if (!named.empty())
    return std::any_of(named.begin(), named.end(), [&](const std::string& n) { return words(n) == said; });
  if (system == "hotcrp" && !status.empty()) return words(status) == std::vector<std::string>{"accepted"};
  if (said.empty() || std::any_of(said.begin(), said.end(), says_no)) return false;
  if (system == "easychair") return said == std::vector<std::string>{"accept"};
  if (system == "hotcrp") return says_accept(said.front());
  return std::any_of(said.begin(), said.end(), says_accept);
}

void refuse_duplicate_keys(const std::vector<std::string>& keys, const std::string& file) {
  std::set<std::string> seen;
  for (const auto& k : keys)
    if (!seen.insert(k).second)
      throw usage_error(file, "lists submission " + k +
                                  " twice: two submissions are never merged into one paper; fix the export");
}

}  // namespace proceedings

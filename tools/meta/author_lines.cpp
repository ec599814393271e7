#include "meta/author_lines.hpp"

#include <algorithm>
#include <sstream>

#include "proceedings/latex_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::meta {

namespace {

std::vector<std::string> comma_split(const std::string& s) {
  std::vector<std::string> out;
  std::string part;
  for (char c : s) {
    if (c == ',') {
      out.push_back(trim(part));
      part.clear();
    } else {
      part += c;
    }
  }
  out.push_back(trim(part));
  out.erase(std::remove(out.begin(), out.end(), ""), out.end());
  return out;
}

// A person's name as authors write it: two to five words, each starting
// with a capital (or a particle: van, de, von, ...), no digits, no @, no
// word that names an institution.
bool looks_like_name(const std::string& text) {
  static const Regex word(R"(^([A-Z]|[\x{80}-\x{ff}])([A-Za-z'.-]|[\x{80}-\x{ff}])*$|^[a-z]{1,3}$)");
  static const Regex particle(R"(^(van|von|de|der|den|da|di|du|del|la|le|bin|al|y)$)");
  if (text.empty() || names_unit(text) || text.find_first_of("@0123456789()[]{}/:") != std::string::npos) return false;
  std::istringstream in(text);
  int words = 0, capitalised = 0;
  for (std::string w; in >> w;) {
    ++words;
    if (!word.matches(w)) return false;
    if (!particle.matches(w)) ++capitalised;
  }
  return words >= 2 && words <= 5 && capitalised >= 2;
}

// How much an email's mailbox looks like a name: the letters of the name's
// words (3 or more long, or initials joined) found in the mailbox.
int mailbox_likeness(const std::string& email, const std::string& name) {
  std::string mailbox = fold_name(email.substr(0, email.find('@')));
  // German transliteration: ö written oe, ü ue, ä ae
  static const Regex umlaut_e("([aou])e");
  static const Regex non_letters(R"([^A-Za-z]+)");
  std::string short_form = umlaut_e.replace(mailbox, "$1");
  int score = 0;
  std::istringstream in(non_letters.replace(ascii_fold(name), " "));
  std::string initials;
  for (std::string w; in >> w;) {
    const std::string lower = ascii_lower(w);
    initials += lower[0];
    if (lower.size() >= 3 && (mailbox.find(lower) != std::string::npos || short_form.find(lower) != std::string::npos))
      score += 2 * static_cast<int>(lower.size());
  }
  std::size_t prefix = 0;
  while (prefix < initials.size() && prefix < mailbox.size() && mailbox[prefix] == initials[prefix]) ++prefix;
  return score + static_cast<int>(prefix);
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::string without_marks(std::string name) {
  static const Regex marks(R"((\s*(∗|\*|†|‡|§|¶|‖|,))+\s*$)");
  static const Regex apostrophe("'");
  name = trim(marks.replace(name, ""));
  return apostrophe.replace(name, "’");
}

bool names_unit(const std::string& text) {
  static const Regex unit(
      R"(\b(Department|Dept\.|School|Faculty|Division|Institute|Laboratory|Laboratories|Lab|Labs|Center|Centre|College|University|Universit\w*|Universidad|Instituto|Istituto|Institut|École|Ecole|Hochschule|Fakultät|Academy|Inc\.|Corporation|Company|GmbH|Ltd\.?)\b)");
  return unit.contains(text);
}

std::vector<std::string> names_in_line(const std::string& line) {
  static const Regex and_between(R"(,?\s+and\s+)");
  const auto parts = comma_split(and_between.replace(line, ", "));
  if (parts.size() < 2 || !std::all_of(parts.begin(), parts.end(), looks_like_name)) return {trim(line)};
  return parts;
}

std::vector<Marked> split_at_marks(const std::string& text, const std::string& plain, bool marks_before) {
  // What `text` holds beyond `plain` is a mark; spaces next to a mark may be
  // missing from `plain` too and only separate.
  std::vector<Marked> out;
  std::string words, mark;
  std::vector<std::string> marks;
  bool any = false;
  auto push = [&] {
    static const Regex separators(R"(^[\s,]*(and\s+)?|[\s,]*$)");
    const std::string part = trim(separators.replace(words, ""));
    if (!part.empty()) out.push_back({part, marks});
    // "Frank Cangialosi∗ ▪1": a second mark after a space is the same name's
    else if (!marks_before && !out.empty()) out.back().marks.insert(out.back().marks.end(), marks.begin(), marks.end());
    words.clear();
    marks.clear();
  };
  auto end_mark = [&] {
    if (mark.empty()) return;
    for (const auto& m : comma_split(mark)) marks.push_back(m);
    mark.clear();
    any = true;
    if (!marks_before) push();  // "Wei Bai1": the mark closes the name
  };
  std::size_t p = 0;
  for (const char c : text) {
    if (p < plain.size() && plain[p] == c) {
      end_mark();
      words += c;
      ++p;
    } else if (is_space(c)) {
      end_mark();
      words += ' ';
    } else {
      // "1HKUST 2Huawei": a mark opens the next institution
      if (marks_before && mark.empty() && !trim(words).empty()) push();
      mark += c;
    }
  }
  end_mark();
  push();
  if (!any) return {};
  return out;
}

bool map_marks(const std::vector<Marked>& people, const std::vector<Marked>& affiliations, std::vector<AuthorMeta>& out) {
  bool all = true;
  for (const auto& person : people) {
    AuthorMeta a;
    a.name = person.text;
    for (const auto& mark : person.marks) {
      const auto at = std::find_if(affiliations.begin(), affiliations.end(), [&](const Marked& aff) {
        return std::find(aff.marks.begin(), aff.marks.end(), mark) != aff.marks.end();
      });
      if (at == affiliations.end()) {
        all = false;
        continue;
      }
      Affiliation affiliation;
      affiliation.institution = at->text;
      a.affiliations.push_back(affiliation);
    }
    out.push_back(std::move(a));
  }
  return all;
}

namespace {

// An affiliation this reader has already split: kept as written, not parsed
// again (core's affiliation_from_text is for one-line affiliations).
Affiliation split_affiliation(const std::string& institution, const std::string& country) {
  Affiliation a;
  a.institution = institution;
  a.country = country;
  return a;
}

}  // namespace

std::vector<Affiliation> split_institutions(const std::string& text) {
  std::vector<Affiliation> out;
  std::string pending;
  for (const auto& raw : comma_split(text)) {
    std::string part = raw;
    if (part.rfind("and ", 0) == 0 && pending.empty() && !out.empty()) part = part.substr(4);
    // "Country1 and Inst2": a country followed by the next institution.
    const auto and_at = part.find(" and ");
    if (and_at != std::string::npos && !pending.empty() && is_country(part.substr(0, and_at))) {
      out.push_back(split_affiliation(pending, part.substr(0, and_at)));
      pending = part.substr(and_at + 5);
      continue;
    }
    if (!pending.empty() && is_country(part)) {
      out.push_back(split_affiliation(pending, part));
      pending.clear();
      continue;
    }
    pending += (pending.empty() ? "" : ", ") + part;
  }
  // No country we know: none (a country is a country, issue 28 item 4);
  // "A and B" is two institutions when each side names one (item 5).
  if (!pending.empty())
    for (const auto& institution : institutions_in(pending)) out.push_back(split_affiliation(institution, ""));
  return out;
}

std::vector<std::string> mailboxes(const std::string& text) {
  static const Regex grouped(R"([\[{(]([^\]})]+)[\]})]\s*@\s*([\w.-]+\.\w+))");
  static const Regex single(R"([\w.+-]+@[\w.-]+\.\w+)");
  std::vector<std::string> out;
  std::string rest = text;
  while (true) {
    Match g;
    if (!grouped.search(rest, g)) break;
    const std::string before = rest.substr(0, g.position(0));
    for (const Match& s : single.all(before)) out.push_back(s.str(0));
    for (const auto& box : comma_split(g.str(1))) out.push_back(box + "@" + g.str(2));
    rest = rest.substr(g.position(0) + g.length(0));
  }
  for (const Match& s : single.all(rest)) out.push_back(s.str(0));
  return out;
}

std::vector<std::string> institutions_in(const std::string& text) {
  const auto at = text.find(" and ");
  if (at == std::string::npos || text.find(" and ", at + 5) != std::string::npos) return {text};
  const std::string left = trim(text.substr(0, at)), right = trim(text.substr(at + 5));
  // Both sides name a unit of their own ("University College London and
  // University of Leeds"); "INESC TEC and University of Minho" stays whole.
  static const Regex starts_unit(R"(^(The\s+)?(University|Universit\w*|Institute|Instituto|Institut|École|Ecole|College|School|Laboratory|National)\b)");
  if (names_unit(left) && names_unit(right) && (starts_unit.contains(right) || names_unit(right.substr(0, right.find(' ')))))
    return {left, right};
  return {text};
}

void assign_emails(const std::vector<std::string>& emails, std::vector<AuthorMeta>& members) {
  if (members.size() == 1) {
    for (const auto& e : emails) members.front().emails.push_back(e);
    return;
  }
  std::vector<int> owner(emails.size(), -1);
  for (std::size_t e = 0; e < emails.size(); ++e) {
    int best = 0, best_score = 0;
    for (std::size_t m = 0; m < members.size(); ++m) {
      const int score = mailbox_likeness(emails[e], members[m].name);
      if (score > best_score) {
        best_score = score;
        best = static_cast<int>(m);
      }
    }
    if (best_score > 0) owner[e] = best;
  }
  if (std::count(owner.begin(), owner.end(), -1) > 0 && emails.size() == members.size())
    for (std::size_t e = 0; e < emails.size(); ++e) owner[e] = static_cast<int>(e);
  for (std::size_t e = 0; e < emails.size(); ++e)
    if (owner[e] >= 0) members[static_cast<std::size_t>(owner[e])].emails.push_back(emails[e]);
}

}  // namespace proceedings::meta

namespace proceedings::meta {

namespace {

// A mark as authors write one: $^1$, $^{1,2}$, \textsuperscript{3}, or a
// small picture (\includegraphics[width=15pt]{img/beaver}: its file is the mark).
const Regex& mark_pattern() {
  static const Regex mark(
      R"(\$\s*\^\s*\{?([^{}$]*)\}?\s*\$|\\textsuperscript\s*\{([^{}]*)\}|\\includegraphics\*?\s*(?:\[[^\]]*\])?\s*\{([^{}]*)\})");
  return mark;
}

std::string mark_of(const Match& m) {
  for (int g = 1; g <= 3; ++g)
    if (m[g].matched && !trim(m.str(g)).empty()) return trim(m.str(g));
  return "";
}

// The lines of an \author: TeX's \\ outside braces.
std::vector<std::string> latex_lines(const std::string& s) {
  std::vector<std::string> out(1);
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    if (s[i] == '}') --depth;
    if (depth == 0 && s.compare(i, 2, "\\\\") == 0) {
      out.emplace_back();
      ++i;
      continue;
    }
    out.back() += s[i];
  }
  return out;
}

std::string without_separators(const std::string& text) {
  static const Regex separators(R"(^[\s,;]*(and\s+)?|[\s,;]*$)");
  return trim(separators.replace(text, ""));
}

}  // namespace

AuthorLine read_author_line(const std::string& latex, TextOf text_of, const void* context) {
  AuthorLine out;
  for (const auto& line : latex_lines(latex)) {
    const auto marks = mark_pattern().all(line);
    if (marks.empty()) {
      const std::string text = trim(text_of(line, context));
      if (!text.empty())
        for (const auto& name : names_in_line(text)) out.people.push_back({name, {}});
      continue;
    }
    const bool marks_before = trim(text_of(line.substr(0, marks.front().position(0)), context)).empty();
    std::size_t last = 0;
    std::vector<std::string> pending;  // marks before the text they belong to
    for (std::size_t k = 0; k <= marks.size(); ++k) {
      const std::size_t at = k < marks.size() ? marks[k].position(0) : line.size();
      const std::string text = without_separators(text_of(line.substr(last, at - last), context));
      std::vector<std::string> these = k < marks.size() ? comma_split(mark_of(marks[k])) : std::vector<std::string>{};
      if (marks_before) {
        if (!text.empty()) out.affiliations.push_back({text, pending});
        pending = these;
      } else if (!text.empty()) {
        out.people.push_back({text, these});
      } else if (!out.people.empty()) {
        out.people.back().marks.insert(out.people.back().marks.end(), these.begin(), these.end());
      }
      if (k < marks.size()) last = at + marks[k].length(0);
    }
  }
  return out;
}

std::vector<MarkedAffiliation> marked_institutions(const std::string& latex, TextOf text_of, const void* context) {
  static const Regex institution(R"(\\institution\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\})");
  static const Regex quad(R"(\\q?quad\b|\\hfill\b|~~+)");
  std::vector<MarkedAffiliation> out;
  for (const Match& m : institution.all(latex)) {
    const std::string value = m.str(1);
    Match mark;
    if (!mark_pattern().search(value, mark)) continue;
    MarkedAffiliation a;
    a.marks = comma_split(mark_of(mark));
    std::string before = value.substr(0, mark.position(0)), after = value.substr(mark.position(0) + mark.length(0));
    Match q;
    if (before.empty() && quad.search(after, q)) {  // "$^1$Name \quad City, Country"
      before = after.substr(0, q.position(0));
      after = after.substr(q.position(0) + q.length(0));
    }
    a.affiliation.institution = without_separators(text_of(before, context));
    const std::string address = without_separators(text_of(quad.replace(after, " "), context));
    const auto parts = comma_split(address);
    if (!parts.empty() && is_country(parts.back())) read_address_line(address, a.affiliation);
    else if (!parts.empty()) a.affiliation.city = parts.front();
    out.push_back(std::move(a));
  }
  return out;
}

std::string with_picture_macros(const std::string& latex, const Macros& macros) {
  static const Regex command(R"(\\([A-Za-z]+))");
  std::string out;
  std::size_t last = 0;
  for (const Match& m : command.all(latex)) {
    const auto body = macros.find(m.str(1));
    if (body == macros.end() || body->second.find("\\includegraphics") == std::string::npos) continue;
    out += latex.substr(last, m.position(0) - last) + body->second;
    last = m.position(0) + m.length(0);
  }
  return out + latex.substr(last);
}

void settle_country(Affiliation& a) {
  if (a.country.empty() && is_country(a.state)) {
    a.country = a.state;
    a.state.clear();
    return;
  }
  if (a.country.empty()) {
    const auto comma = a.institution.rfind(',');
    if (comma != std::string::npos && is_country(trim(a.institution.substr(comma + 1)))) {
      a.country = trim(a.institution.substr(comma + 1));
      a.institution = trim(a.institution.substr(0, comma));
    }
    return;
  }
  if (is_country(a.country)) return;
  const auto comma = a.country.rfind(',');
  if (comma == std::string::npos || !is_country(trim(a.country.substr(comma + 1)))) return;
  const std::string rest = trim(a.country.substr(0, comma));
  a.country = trim(a.country.substr(comma + 1));
  if (names_unit(rest)) {
    if (!a.institution.empty()) a.departments.push_back(a.institution);
    a.institution = rest;
  } else if (a.city.empty()) {
    a.city = rest;
  }
}

}  // namespace proceedings::meta

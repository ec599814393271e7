#include "meta/author_boxes.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "meta/author_lines.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::meta {

namespace {

bool is_bold(const std::string& font) {
  static const Regex bold(R"((Bold|Bd|Semibold|Black|Heavy|BX\d*|B)$|-B|Bold)");
  return bold.contains(font);
}

std::vector<std::string> comma_parts(const std::string& s) {
  std::vector<std::string> out;
  std::string part;
  for (char c : s) {
    if (c == ',') {
      if (!trim(part).empty()) out.push_back(trim(part));
      part.clear();
    } else {
      part += c;
    }
  }
  if (!trim(part).empty()) out.push_back(trim(part));
  return out;
}

bool looks_like_position(const std::string& line) {
  static const Regex position(
      R"(\b(Professor|Student|Scientist|Researcher|Engineer|Postdoc\w*|Fellow|Director|Lecturer|Manager|Intern|Dean|Architect|Developer|Candidate|Chair|Head of|CEO|CTO|Founder)\b)",
      Regex::icase);
  static const Regex unit(
      R"(\b(Department|Dept|School|Faculty|Division|Institute|Laborator\w*|Lab|Center|Centre|Group|College|University)\b)",
      Regex::icase);
  return position.contains(line) && !unit.contains(line);
}

bool is_address_line(const std::string& line) {
  const auto parts = comma_parts(line);
  return !parts.empty() && is_country(parts.back());
}

// "City, State, Country"; without a country we know, the parts are city and
// state and the country is empty: "University of California, Berkeley" is
// in no country called Berkeley (issue 28 item 4).
void read_address(const std::string& line, Affiliation& a) {
  if (is_address_line(line)) {
    read_address_line(line, a);
    return;
  }
  const auto parts = comma_parts(line);
  if (parts.empty()) return;
  a.city = parts.front();
  for (std::size_t k = 1; k < parts.size(); ++k) a.state += (a.state.empty() ? "" : ", ") + parts[k];
}

// The people of a box: one per name line, or several where one line names
// them ("Hannah Li, David Evans") or marks them ("Wei Bai¹ Kai Chen¹ ...",
// the marks mapped to a line of marked affiliations: "¹HKUST ²Huawei").
std::vector<AuthorMeta> box_members(const AuthorBox& b, const std::vector<Affiliation>& affiliations,
                                    const std::vector<std::pair<Marked, Affiliation>>& marked,
                                    std::vector<Marked> marked_affiliations, const OrcidOn& orcid_on) {
  std::vector<Marked> people;
  std::vector<const PdfLine*> name_lines;
  for (const auto* n : b.names) {
    const bool opens_with_mark = !n->plain.empty() && !n->text.empty() && trim(n->text)[0] != trim(n->plain)[0];
    if (opens_with_mark && !people.empty()) {
      const auto parts = split_at_marks(trim(n->text), trim(n->plain), true);
      marked_affiliations.insert(marked_affiliations.end(), parts.begin(), parts.end());
      continue;
    }
    const auto marked = split_at_marks(trim(n->text), trim(n->plain), false);
    const bool numbered = std::any_of(marked.begin(), marked.end(), [](const Marked& m) {
      return !m.marks.empty() && std::isdigit(static_cast<unsigned char>(m.marks.front()[0]));
    });
    if (marked.size() > 1 || numbered) {
      people.insert(people.end(), marked.begin(), marked.end());
    } else {
      for (const auto& name : names_in_line(without_marks(n->plain))) people.push_back({name, {}});
    }
    name_lines.push_back(n);
  }
  std::vector<AuthorMeta> members;
  if (!marked_affiliations.empty()) {
    map_marks(people, marked_affiliations, members);
  } else if (!marked.empty()) {
    for (const auto& p : people) {
      AuthorMeta a;
      a.name = p.text;
      for (const auto& mark : p.marks)
        for (const auto& [line, affiliation] : marked)
          if (std::find(line.marks.begin(), line.marks.end(), mark) != line.marks.end()) a.affiliations.push_back(affiliation);
      members.push_back(std::move(a));
    }
  } else {
    for (const auto& p : people) {
      AuthorMeta a;
      a.name = without_marks(p.text);
      a.affiliations = affiliations;
      members.push_back(std::move(a));
    }
  }
  if (members.size() == name_lines.size())
    for (std::size_t i = 0; i < members.size(); ++i) members[i].orcid = orcid_on(name_lines[i]->box);
  return members;
}

// Lines that end on a mark ("Centrum Wiskunde & Informatica¹") name the
// institution the mark stands for; the line beside it on the same
// baseline is its address ("Amsterdam, The Netherlands").
std::vector<std::pair<Marked, Affiliation>> marked_institution_lines(const AuthorBox& b,
                                                                    std::vector<const PdfLine*>& used) {
  std::vector<std::pair<Marked, Affiliation>> out;
  for (const PdfLine* l : b.lines) {
    if (std::find(used.begin(), used.end(), l) != used.end()) continue;
    const auto parts = split_at_marks(trim(l->text), trim(l->plain), false);
    const bool address_after = parts.size() == 2 && parts[1].marks.empty();
    if ((parts.size() != 1 && !address_after) || parts[0].marks.empty() || l->text.find('@') != std::string::npos) continue;
    Affiliation a;
    a.institution = parts[0].text;
    if (address_after) read_address(parts[1].text, a);
    for (const PdfLine* r : b.lines)
      if (r != l && std::fabs(r->box.y1 - l->box.y1) < 2 && r->box.x0 > l->box.x1) {
        read_address(trim(r->plain), a);
        used.push_back(r);
      }
    used.push_back(l);
    out.push_back({parts[0], a});
  }
  return out;
}

// Lines under the names that open with a mark ("¹HKUST ²Huawei", or a
// picture before "MIT CSAIL" and another before "UIUC"): the institutions
// the marks stand for.
std::vector<Marked> marks_first_lines(const AuthorBox& b, std::vector<const PdfLine*>& used) {
  std::vector<Marked> out;
  for (const PdfLine* l : b.lines) {
    const std::string text = trim(l->text), plain = trim(l->plain);
    if (text.empty() || plain.empty() || text[0] == plain[0] || std::find(used.begin(), used.end(), l) != used.end()) continue;
    const auto parts = split_at_marks(text, plain, true);
    if (parts.empty() || std::any_of(parts.begin(), parts.end(), [](const Marked& m) { return m.marks.empty(); })) continue;
    out.insert(out.end(), parts.begin(), parts.end());
    used.push_back(l);
  }
  return out;
}

// The box's mailboxes, also where one group of them runs over two lines
// ("{t.roggla, jie.li," / "jack.jansen}@cwi.nl").
std::vector<std::string> mailboxes_of(const AuthorBox& b, std::vector<const PdfLine*>& used) {
  std::string joined;
  for (const PdfLine* l : b.lines) {
    const std::string text = trim(l->plain);
    std::istringstream words(text);
    bool all_mail = text.find('@') != std::string::npos;
    for (std::string w; all_mail && words >> w;) all_mail = w.find_first_of("@.{}[],") != std::string::npos;
    if (!all_mail) continue;
    joined += " " + text;
    used.push_back(l);
  }
  return mailboxes(joined);
}

// TeX broke `line` off `previous`: the next word would not have fit.
bool runs_on(const PdfLine& previous, const PdfLine& line, double box_width) {
  const std::string text = trim(line.plain);
  if (text.empty()) return false;
  const std::string first_word = text.substr(0, text.find(' '));
  const double word_width = line.box.width() * static_cast<double>(first_word.size()) / std::max<std::size_t>(1, text.size());
  return std::islower(static_cast<unsigned char>(text[0])) || previous.box.width() + word_width + 0.3 * line.size > box_width;
}

// An institution's name cut short: it ends on a word that cannot end it
// ("University of Illinois at") or its rest names the unit ("University").
bool ends_unfinished(const std::string& line, const std::string& rest) {
  static const Regex open_end(R"(\b(at|of|de|del|della|di|du|des|der|für|for|and|the|in|y|e)$)", Regex::icase);
  const std::string last_part = trim(line.substr(line.rfind(',') == std::string::npos ? 0 : line.rfind(',') + 1));
  const std::string first_word = rest.substr(0, rest.find(' '));
  return open_end.contains(line) || (names_unit(first_word) && !names_unit(last_part));
}

// Lines before the address: position, departments, the institution, then
// "City, State, Country" (a country only when it is one).
Affiliation affiliation_from(std::vector<std::string> merged, const std::string& address) {
  Affiliation a;
  if (!address.empty()) read_address(address, a);
  if (!a.country.empty() && a.state.empty() && names_unit(a.city)) {
    // "Imperial College London, United Kingdom": an institution, not a city
    merged.push_back(a.city);
    a.city.clear();
  }
  if (merged.empty()) return a;
  a.institution = merged.back();
  merged.pop_back();
  if (!merged.empty() && looks_like_position(merged.front())) {
    a.position = merged.front();
    merged.erase(merged.begin());
  }
  a.departments = merged;
  return a;
}

}  // namespace

std::vector<AuthorMeta> read_author_box(const AuthorBox& b, double box_width, const OrcidOn& orcid_on) {
  std::vector<Affiliation> affiliations;
  std::vector<std::string> group;  // the lines of the affiliation being read, wraps mended
  const PdfLine* previous = nullptr;
  auto close = [&](const std::string& address) {
    affiliations.push_back(affiliation_from(group, address));
    group.clear();
  };
  std::vector<const PdfLine*> used;
  const auto marked_lines = marks_first_lines(b, used);
  const auto marked = marked_institution_lines(b, used);
  const auto emails = mailboxes_of(b, used);
  for (const PdfLine* line : b.lines) {
    if (std::find(used.begin(), used.end(), line) != used.end()) continue;
    const std::string text = trim(line->plain);
    static const Regex web_address(R"(^(https?://|www\.)\S+$)");
    if (web_address.matches(text)) continue;  // a project page written in \city: not an address
    const bool wrapped = previous && !group.empty() && runs_on(*previous, *line, box_width);
    if (is_address_line(text)) {
      const auto comma = text.rfind(", ");
      const std::string head = comma == std::string::npos ? "" : text.substr(0, comma);
      if (wrapped && !head.empty() && head.find(',') == std::string::npos && ends_unfinished(group.back(), head)) {
        // "... Northern Arizona" / "University, USA": the institution ran onto the address line
        group.back() += " " + head;
        close(text.substr(comma + 2));
      } else {
        close(text);
      }
    } else if (!group.empty() && previous && (group.back().back() == ',' || (wrapped && !names_unit(text)))) {
      // a line that ends on a comma goes on in the next ("Department of Computer Science," / "University of ...")
      group.back() += " " + text;
    } else {
      group.push_back(text);
    }
    previous = line;
  }
  if (!group.empty()) {
    // No country we know: the last line is the address, which acmart always prints.
    std::string address;
    if (group.size() > 1) {
      address = group.back();
      group.pop_back();
    }
    close(address);
  }
  std::vector<AuthorMeta> members = box_members(b, affiliations, marked, marked_lines, orcid_on);
  assign_emails(emails, members);
  return members;
}

std::vector<AuthorBox> sigchi_author_boxes(const std::vector<PdfLine>& lines, std::size_t from, std::size_t end,
                                           double body) {
  std::vector<AuthorBox> boxes;
  for (std::size_t i = from; i < std::min(end, lines.size()); ++i) {
    const PdfLine& line = lines[i];
    const std::string text = trim(line.plain);
    if (text.empty() || std::fabs(line.size - body) > 0.8) continue;
    if (is_bold(line.font) && text.find('@') == std::string::npos) {
      // Names that run onto a second line stay one box.
      const bool runs_on = !boxes.empty() && boxes.back().lines.empty() &&
                           std::fabs(boxes.back().names.back()->box.x0 - line.box.x0) <= 3 &&
                           line.box.y0 - boxes.back().names.back()->box.y1 < 0.5 * line.size;
      if (runs_on) boxes.back().names.push_back(&line);
      else boxes.push_back({{&line}, {}});
      continue;
    }
    // The line belongs to the nearest box above it that starts where it starts.
    AuthorBox* owner = nullptr;
    for (auto& b : boxes) {
      const PdfLine& last = b.lines.empty() ? *b.names.back() : *b.lines.back();
      if (std::fabs(b.names.front()->box.x0 - line.box.x0) <= 3 && line.box.y0 >= last.box.y0 &&
          line.box.y0 - last.box.y1 < 2 * line.size)
        owner = &b;
    }
    if (owner) owner->lines.push_back(&line);
  }
  return boxes;
}

double sigchi_box_width(const std::vector<AuthorBox>& boxes) {
  double width = 0;
  for (const auto& a : boxes)
    for (const auto& b : boxes) {
      const double gap = b.names.front()->box.x0 - a.names.front()->box.x0;
      if (gap > 20 && std::fabs(b.names.front()->box.y0 - a.names.front()->box.y0) < 3) width = std::max(width, gap - 12);
    }
  if (width > 0) return width;
  for (const auto& b : boxes)
    for (const auto* l : b.lines) width = std::max(width, l->box.width());
  return width;
}

}  // namespace proceedings::meta


// The journal formats' author block (acmsmall, acmlarge, acmtog, manuscript):
// "NAME, NAME, and NAME, Institution, Country" lines under the title.
#include "meta/first_page.hpp"

#include "meta/author_lines.hpp"
#include "meta/page_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

#include <algorithm>
#include <cmath>

namespace proceedings::meta {

// acmart's journal formats print "NAME, NAME, and NAME, Institution, Country",
// names in capitals, right under the title.
bool FirstPage::is_inline_layout(std::size_t end) const {
  if (after_title_ >= lines_.size()) return false;
  const PdfLine& first = lines_[after_title_];
  const std::string text = trim(first.plain);
  const auto comma = text.find(", ");
  (void)end;
  if (comma == std::string::npos) return is_anonymous(text) && upper(text) == text;
  return looks_like_author_line(text);
}

// "NAME, NAME, and NAME, Institution, ...": the part before the first comma in capitals.
bool FirstPage::looks_like_author_line(const std::string& text) {
  const auto comma = text.find(", ");
  if (comma == std::string::npos) return false;
  const std::string head = text.substr(0, comma);
  return in_capitals(head) && std::any_of(head.begin(), head.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
}

bool FirstPage::ends_with_country(const std::string& text) {
  const auto parts = split(text, ",");
  return !parts.empty() && is_country(parts.back());
}

// The lines of the author block: each group starts with a name in capitals;
// a group whose line is full continues on the next.
std::vector<std::string> FirstPage::author_groups(std::size_t end) {
  std::vector<std::string> groups;
  double text_width = 0;
  for (const auto& l : lines_) text_width = std::max(text_width, l.box.width());
  const PdfLine* previous = nullptr;
  for (std::size_t i = after_title_; i < std::min(end + 1, lines_.size()); ++i) {
    const PdfLine& line = lines_[i];
    const std::string text = trim(line.plain);
    const auto comma = text.find(", ");
    const std::string head = comma == std::string::npos ? text : text.substr(0, comma);
    const bool starts_group = in_capitals(head) && (comma != std::string::npos || is_anonymous(text));
    const bool known_start = std::any_of(known_names.begin(), known_names.end(), [&](const std::string& n) {
      const std::string k = fold_name(n);
      return !k.empty() && fold_name(head).rfind(k, 0) == 0;
    });
    const bool continues = previous && previous->box.width() > 0.9 * text_width && !groups.empty() && !known_start &&
                           !ends_with_country(groups.back());
    if (starts_group && !continues) groups.push_back(text);
    else if (continues) groups.back() = join_lines({groups.back(), text});
    else break;
    after_authors_ = i + 1;
    previous = &line;
    if (is_anonymous(text)) break;
  }
  return groups;
}

namespace {

// Where `rest` ends its first name if that is `known` (case and accents
// aside), else 0.
std::size_t known_name_end(const std::string& rest, const std::string& known) {
  const std::string key = fold_name(known);
  std::string taken;
  std::size_t i = 0;
  while (i < rest.size() && fold_name(taken).size() < key.size()) {
    const std::size_t at = i;
    next_code_point(rest, i);
    taken += rest.substr(at, i - at);
  }
  while (i < rest.size() && rest[i] != ',' && rest[i] != ' ' && fold_name(rest.substr(i, 1)).empty() &&
         static_cast<unsigned char>(rest[i]) < 0x80)
    ++i;  // "JR." : the dot is no letter of the key
  return !key.empty() && fold_name(taken) == key && (i >= rest.size() || rest[i] == ',' || rest[i] == ' ') ? i : 0;
}

// The leading name in capitals, taken off `rest`; empty when there is none.
std::string take_capitals_name(std::string& rest) {
  const auto comma = rest.find(", ");
  const std::string head = trim(rest.substr(0, comma));
  auto and_at = head.find(" AND ");
  if (and_at == std::string::npos) and_at = head.find(" and ");
  const std::string first = and_at == std::string::npos ? head : head.substr(0, and_at);
  if (first.empty() || !in_capitals(first) || comma == std::string::npos) return "";
  rest = rest.substr(and_at == std::string::npos ? comma : and_at + 1);
  return first;
}

}  // namespace

void FirstPage::read_inline_authors(std::size_t end) {
  const auto groups = author_groups(end);
  for (const auto& g : groups)
    if (is_anonymous(g)) {
      anonymous = true;
      return;
    }
  std::size_t next_known = 0;
  for (const auto& group : groups) {
    std::string rest = without_inline_marks(group);
    std::vector<AuthorMeta> members = group_members(rest, next_known);
    static const Regex leading_comma(R"(^\s*,\s*)");
    rest = leading_comma.replace(rest, "");
    const auto affiliations = split_institutions(rest);
    for (auto& m : members) {
      m.affiliations = affiliations;
      meta_.authors.push_back(std::move(m));
    }
  }
  read_orcids_inline();
  read_addresses_footnote();
  if (!meta_.authors.empty()) meta_.source["authors"] = "pdf-layout";
}

// A group's names, taken off the front of `rest`: the known names in order,
// else the leading parts in capitals.
std::vector<AuthorMeta> FirstPage::group_members(std::string& rest, std::size_t& next_known) const {
  std::vector<AuthorMeta> members;
  while (true) {
    static const Regex separator_before(R"(^\s*(,\s*)?(and\s+)?)");
    rest = separator_before.replace(rest, "");
    std::string name;
    if (next_known < known_names.size())
      if (const std::size_t name_end = known_name_end(rest, known_names[next_known])) {
        name = known_names[next_known++];
        rest = rest.substr(name_end);
      }
    if (name.empty()) name = take_capitals_name(rest);
    if (name.empty()) break;
    AuthorMeta a;
    a.name = without_marks(name);
    members.push_back(a);
    if (!another_name_follows(rest, next_known)) break;
  }
  return members;
}

// Is what follows another name? Only if it is in capitals up to the next comma.
bool FirstPage::another_name_follows(const std::string& rest, std::size_t next_known) const {
  if (rest.rfind(",", 0) != 0 && rest.find(" and ") != 0 && rest.find(" AND ") != 0) return false;
  static const Regex separator_after(R"(^\s*,?\s*(and\s+|AND\s+)?)");
  std::string after = separator_after.replace(rest, "");
  const std::string head = after.substr(0, after.find(", "));
  const bool known_next = next_known < known_names.size() && fold_name(after).rfind(fold_name(known_names[next_known]), 0) == 0;
  return known_next || (in_capitals(head) && !head.empty());
}

// Links on the capitalised names: in order of appearance, one per author.
// Match a link to the author whose capitalised name has the same width
// as the link box, in order.
void FirstPage::read_orcids_inline() {
  const std::vector<const PdfLink*> orcid_links = author_line_orcid_links();
  if (orcid_links.empty()) return;
  std::size_t a = 0;
  for (std::size_t i = after_title_; i < lines_.size() && a < meta_.authors.size(); ++i) {
    const PdfLine& line = lines_[i];
    std::vector<const PdfLink*> on_line;
    for (const auto* l : orcid_links)
      if (overlaps(l->box, line.box)) on_line.push_back(l);
    if (on_line.empty() && i > after_title_ + 2 * meta_.authors.size()) break;
    std::sort(on_line.begin(), on_line.end(), [](auto* x, auto* y) { return x->box.x0 < y->box.x0; });
    const std::string key = fold_name(line.plain);
    const std::vector<std::size_t> here = authors_named_in(key, a);
    if (here.empty()) continue;
    for (const auto* link : on_line) meta_.authors[author_under(*link, line, key, here)].orcid = orcid_of(link->uri);
    a = here.back() + 1;
  }
}

// Only the links on the author lines: the addresses footnote links the names again.
std::vector<const PdfLink*> FirstPage::author_line_orcid_links() const {
  const double authors_end = after_authors_ > 0 && after_authors_ < lines_.size() ? lines_[after_authors_].box.y0
                                                                                  : page_.height * 0.5;
  std::vector<const PdfLink*> orcid_links;
  for (const auto& link : page_.links)
    if (!orcid_of(link.uri).empty() && link.box.y0 < authors_end) orcid_links.push_back(&link);
  return orcid_links;
}

// Authors on a line (`key`, folded): the names it holds, in order, from `first`.
std::vector<std::size_t> FirstPage::authors_named_in(const std::string& key, std::size_t first) const {
  std::vector<std::size_t> here;
  std::size_t from = 0;
  for (std::size_t k = first; k < meta_.authors.size(); ++k) {
    const auto at = key.find(fold_name(meta_.authors[k].name), from);
    if (at == std::string::npos) break;
    here.push_back(k);
    from = at + 1;
  }
  return here;
}

// The author whose name's share of the line matches the link's position.
std::size_t FirstPage::author_under(const PdfLink& link, const PdfLine& line, const std::string& key,
                                    const std::vector<std::size_t>& here) const {
  const double rel = (link.box.x0 - line.box.x0) / std::max(1.0, line.box.width());
  std::size_t best = here.front();
  double best_d = 1e9;
  std::size_t pos = 0;
  for (std::size_t k : here) {
    const auto at = key.find(fold_name(meta_.authors[k].name), pos);
    pos = at + 1;
    const double d = std::fabs(static_cast<double>(at) / std::max<std::size_t>(1, key.size()) - rel);
    if (d < best_d) {
      best_d = d;
      best = k;
    }
  }
  return best;
}

}  // namespace proceedings::meta

// The journal formats' authors' addresses footnote: emails, departments and
// addresses of the authors read from the author lines.
#include "meta/first_page.hpp"

#include "meta/author_lines.hpp"
#include "meta/page_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

#include <algorithm>
#include <cmath>

namespace proceedings::meta {

// "Authors' addresses: Name, email, Department, Institution, City, Country; ..."
// (acmart 1.x) or "Authors' Contact Information: ..." (acmart 2.x).
void FirstPage::append_split_footnote(double size, std::vector<std::string>& text) const {
  const auto& lines = next_page_->lines;
  std::size_t k = 0;
  while (k < lines.size() && !(std::fabs(lines[k].size - size) <= 0.3 && lines[k].box.y0 > 0.5 * next_page_->height)) ++k;
  for (; k < lines.size() && std::fabs(lines[k].size - size) <= 0.3; ++k) {
    text.push_back(lines[k].plain);
    if (trim(lines[k].plain).back() == '.') break;
  }
}

namespace {

// The footnote's lines as one text. An email broken at the line's end
// ("a@b." / "org") joins without a space.
std::string joined_footnote(const std::vector<std::string>& text) {
  static const Regex broken_email(R"(\S+@\S*[.@_-]$|\S+@[^.\s]*$)");
  std::string joined;
  for (const auto& raw : text) {
    const std::string piece = trim(raw);
    static const Regex email_start(R"(^[^\s,;]*@)");
    static const Regex mailbox_end(R"([A-Za-z0-9][._-]$)");
    if (!joined.empty() && (broken_email.contains(joined) ||
                            (email_start.contains(piece) && mailbox_end.contains(joined))))
      joined += piece;
    else joined = join_lines({joined, piece});
  }
  while (!joined.empty() && joined.back() == '.') joined.pop_back();
  return joined;
}

}  // namespace

std::string FirstPage::addresses_text() const {
  static const Regex opening(R"(^Author(s’|s'|’s|'s)\s*(addresses|address|Contact Information)\s*:\s*)");
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const std::string t = trim(lines_[i].plain);
    Match m;
    if (!opening.search(t, m)) continue;
    std::vector<std::string> text = footnote_lines(i, t.substr(static_cast<std::size_t>(m.length())));
    // A long footnote that TeX split goes on at the top of the next page's footnotes.
    if (next_page_ && !text.empty() && trim(text.back()).back() != '.') append_split_footnote(lines_[i].size, text);
    return joined_footnote(text);
  }
  return "";
}

// The footnote opening at line `opening` (its text after the opening words
// is `first`), up to a gap, a change of size or the next footnote.
std::vector<std::string> FirstPage::footnote_lines(std::size_t opening, const std::string& first) const {
  std::vector<std::string> text{first};
  for (std::size_t k = opening + 1; k < lines_.size(); ++k) {
    const PdfLine& l = lines_[k];
    if (std::fabs(l.size - lines_[opening].size) > 0.3 || l.box.y0 < lines_[k - 1].box.y0 ||
        l.box.y0 - lines_[k - 1].box.y1 > 0.6 * l.size)
      break;
    // A footnote that ends on an email without its period, and the next
    // footnote ("ACM member number: ...") right under it.
    static const Regex ends_on_email(R"([\w.+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}\s*$)");
    static const Regex opens_sentence(R"(^\s*[A-Z])");
    if (ends_on_email.contains(text.back()) && opens_sentence.contains(l.plain)) break;
    text.push_back(l.plain);
  }
  return text;
}

// Fills departments, street, city, state, postcode and emails from the
// addresses footnote; the institution and country come from the author line.
void FirstPage::read_addresses_footnote() {
  const std::string text = addresses_text();
  if (text.empty()) {
    if (!meta_.authors.empty() && !anonymous)
      meta_.notes.push_back("page 1 has no authors' addresses footnote (acmart's manuscript and conference "
                            "forms of the journal formats omit it): emails, departments and cities are not "
                            "printed and are left empty");
    return;
  }
  meta_.source["affiliations"] = "pdf-layout (authors' addresses)";
  std::size_t author = 0;
  for (std::string entry : split(text, ";")) {
    std::size_t name_end = 0;
    const std::size_t who = entry_author(entry, author, name_end);
    if (who == meta_.authors.size()) continue;
    author = who + 1;
    read_address_entry(entry, who, name_end);
  }
}

// The entry's author from `first` on: the next one whose name starts it
// (acmart drops the comma after a name that ends in a period: "Hollis Jr.
// Department"); the number of authors when none does.
std::size_t FirstPage::entry_author(const std::string& entry, std::size_t first, std::size_t& name_end) const {
  std::size_t who = meta_.authors.size();
  for (std::size_t k = first; k < meta_.authors.size() && who == meta_.authors.size(); ++k)
    if (const std::size_t end = name_prefix(entry, meta_.authors[k].name)) {
      who = k;
      name_end = end;
    }
  return who;
}

void FirstPage::read_address_entry(const std::string& entry, std::size_t who, std::size_t name_end) {
  AuthorMeta& a = meta_.authors[who];
  // Case from the footnote, which prints names as written.
  a.name = without_marks(entry.substr(0, name_end));
  static const Regex separator(R"(^\s*,?\s*)");
  const std::string after_name = separator.replace(entry.substr(name_end), "");
  std::vector<std::string> parts = split(after_name, ",");
  std::vector<std::string> rest;
  for (const auto& p : parts)
    if (is_email(p)) a.emails.push_back(p);
    else rest.push_back(p);
  fill_affiliations(a, rest, who);
}

// The names the footnote lists, in order, for pages whose other sources say none.
std::vector<std::string> FirstPage::footnote_names() const {
  std::vector<std::string> out;
  const std::string text = addresses_text();
  if (text.empty()) return out;
  for (const auto& entry : split(text, ";")) out.push_back(trim(entry.substr(0, entry.find(','))));
  return out;
}

// `parts` of one author's footnote entry, emails removed: for each
// affiliation, departments, the institution, the address up to the
// country; a second one follows as "Country, Department and Institution".
void FirstPage::fill_affiliations(AuthorMeta& a, std::vector<std::string> parts, std::size_t who) {
  std::size_t k = 0;
  for (std::size_t n = 0; n < a.affiliations.size(); ++n) {
    const Affiliation printed = a.affiliations[n];
    Affiliation detailed = printed;
    detailed.departments.clear();
    if (!take_departments(parts, k, printed, n > 0, detailed)) return;  // printed with another author of its group
    const std::vector<std::string> address = take_address(parts, k, printed.country);
    read_address_parts(address, detailed);
    share_details(printed, detailed, who);
  }
}

// The departments before the printed institution, from parts[k] on, with k
// moved past the institution; false when it is not there. A `later`
// affiliation may open as "Department and Institution".
bool FirstPage::take_departments(const std::vector<std::string>& parts, std::size_t& k, const Affiliation& printed,
                                 bool later, Affiliation& detailed) {
  while (k < parts.size()) {
    const std::string& p = parts[k];
    if (const std::size_t span = institution_span(parts, k, printed.institution)) {
      k += span;
      return true;
    }
    const auto and_at = p.rfind(" and ");
    if (later && and_at != std::string::npos && fold_name(p.substr(and_at + 5)) == fold_name(printed.institution)) {
      if (and_at > 0) detailed.departments.push_back(p.substr(0, and_at));
      ++k;
      return true;
    }
    detailed.departments.push_back(p);
    ++k;
  }
  return false;
}

// The address parts up to the printed country, with k moved past it; a
// "Country and Department" part leaves the next affiliation's first part.
std::vector<std::string> FirstPage::take_address(std::vector<std::string>& parts, std::size_t& k, const std::string& country) {
  std::vector<std::string> address;
  while (k < parts.size()) {
    const std::string p = parts[k];
    if (fold_name(p) == fold_name(country)) {
      ++k;
      break;
    }
    const auto and_at = p.find(" and ");
    if (and_at != std::string::npos && fold_name(p.substr(0, and_at)) == fold_name(country)) {
      parts[k] = p.substr(and_at + 5);  // the next affiliation's first part
      break;
    }
    address.push_back(p);
    ++k;
  }
  return address;
}

// How many comma parts from `at` spell the institution; 0 when they do not.
std::size_t FirstPage::institution_span(const std::vector<std::string>& parts, std::size_t at, const std::string& institution) {
  const std::size_t commas = count_commas(institution);
  if (at + commas >= parts.size()) return 0;
  std::string joined;
  for (std::size_t k = at; k <= at + commas; ++k) joined += (joined.empty() ? "" : ", ") + parts[k];
  return fold_name(joined) == fold_name(institution) && !fold_name(joined).empty() ? commas + 1 : 0;
}

std::size_t FirstPage::count_commas(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), ',')); }

// The details go to every author of the group holding this affiliation.
void FirstPage::share_details(const Affiliation& printed, const Affiliation& detailed, std::size_t who) {
  for (auto& other : meta_.authors)
    for (auto& aff : other.affiliations)
      if (&other - meta_.authors.data() <= static_cast<long>(who) && aff == printed && aff.departments.empty() &&
          aff.city.empty())
        aff = detailed;
}

}  // namespace proceedings::meta

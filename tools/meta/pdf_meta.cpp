#include "proceedings/text.hpp"
#include "proceedings/xml.hpp"
#include "meta/pdf_meta.hpp"

#include "proceedings/names.hpp"

#include "meta/author_boxes.hpp"
#include "meta/page_text.hpp"
#include "meta/author_lines.hpp"
#include "meta/picture_marks.hpp"
#include "meta/crosscheck.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/regex.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace proceedings::meta {

namespace {

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

// ---------------------------------------------------------------- the first page

// Reads the first page as acmart (and most title blocks) lay it out.
class FirstPage {
 public:
  FirstPage(const PdfPage& page, const PdfPage* next_page, double body_size, PaperMeta& meta)
      : page_(page),
        next_page_(next_page),
        lines_(with_picture_marks(content_lines(page, body_size), page.pictures, title_block_bottom(page))),
        meta_(meta),
        body_(body_size) {}

  void read() {
    const std::size_t top_end = title_block_end();
    read_title(top_end);
    read_reference_format();
    if (known_names.empty()) known_names = reference_format_names;
    if (known_names.empty()) known_names = footnote_names();
    if (is_inline_layout(top_end)) read_inline_authors(top_end);
    else read_boxed_authors(top_end);
    if (meta_.authors.empty() && !anonymous) read_sigchi_authors(top_end);
    read_section("ABSTRACT", [&](const std::vector<std::string>& text) { set_abstract(join_lines(text)); });
    read_section("KEYWORDS", [&](const std::vector<std::string>& text) { set_keywords(join_lines(text)); });
    read_section("CCS CONCEPTS", [&](const std::vector<std::string>& text) { set_ccs(join_lines(text)); });
    if (after_authors_ > 0) read_run_in_sections();
  }

  std::vector<std::string> reference_format_names;
  std::vector<std::string> known_names;  // from Info, the ACM Reference Format or the addresses footnote
  std::string title_text;
  std::vector<std::string> title_lines;
  std::vector<std::string> subtitle_parts;
  bool anonymous = false;

 private:
  // The page's lines without what is not the paper's text: turned stamps,
  // the authordraft banner and the review version's line numbers.
  static std::vector<PdfLine> content_lines(const PdfPage& page, double body) {
    static const Regex number(R"(^\s*\d{1,4}\s*$)");
    std::vector<PdfLine> out;
    for (const auto& line : page.lines) {
      if (!line.horizontal) continue;
      const std::string t = trim(line.text);
      if (t.rfind("Unpublished working draft", 0) == 0) continue;
      if (number.matches(t) && line.size < body - 0.5) continue;
      out.push_back(line);
    }
    return out;
  }

  // Where pictures may mark authors: above the ABSTRACT heading, else in the page's top 40 %.
  static double title_block_bottom(const PdfPage& page) {
    for (const auto& line : page.lines)
      if (upper(trim(line.text)) == "ABSTRACT") return line.box.y0;
    return 0.4 * page.height;
  }

  std::size_t find_line(const std::string& text) const {
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (upper(trim(lines_[i].text)) == text) return i;
    return lines_.size();
  }

  // The title block ends at the ABSTRACT heading, a numbered section heading,
  // a teaser's caption or the first full-width line of body text.
  std::size_t title_block_end() const {
    static const Regex numbered(R"(^\d+(\.\d+)*\.?\s+\S.*)");
    static const Regex caption(R"(^(Figure|Fig\.)\s*\d+[:.])");
    const std::size_t abstract = find_line("ABSTRACT");
    bool title_seen = false;  // sigchi-a's margin figure is read before the title
    for (std::size_t i = 0; i < std::min(abstract, lines_.size()); ++i) {
      const PdfLine& line = lines_[i];
      const std::string t = trim(line.text);
      title_seen = title_seen || line.size >= body_ + 2;
      if (numbered.matches(t) && line.size >= body_ - 0.3) return i;
      if (caption.contains(t) && title_seen) return i;
      if (i > 2 && ((is_heading(line) && is_bold(line.font)) || t.rfind("ACM Reference Format", 0) == 0)) return i;
      if (std::fabs(line.size - body_) <= 0.6 && line.box.width() > 0.6 * page_.width && i > 2) return i;
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
    static const Regex folio(R"(^\s*\d+\s*$)");  // the article number journal formats print at the top
    while (i < end && (std::fabs(lines_[i].size - largest) > 0.3 || folio.matches(lines_[i].text))) ++i;
    if (i >= end) return;
    title_font_ = lines_[i].font;
    for (; i < end && std::fabs(lines_[i].size - largest) <= 0.3; ++i)
      if (!folio.matches(lines_[i].text)) parts.push_back(lines_[i].plain);
    for (const auto& part : parts) title_lines.push_back(plain_math_letters(part));
    title_text = plain_math_letters(join_lines(parts));
    std::size_t run = i;
    while (run < end && is_subtitle_line(lines_[run], lines_[i])) ++run;
    if (run > i && run < end && subtitle_differs(lines_[i], run, end))
      for (; i < run; ++i) subtitle_parts.push_back(plain_math_letters(lines_[i].plain));
    after_title_ = i;
  }

  // A subtitle is set in the title's family, smaller, in one font and size.
  bool is_subtitle_line(const PdfLine& line, const PdfLine& first) const {
    const std::string t = trim(line.plain);
    // sigchi-a sets the authors' names bold at the body size, right under the title (issue 28 item 6)
    const bool bold_body_line = is_bold(line.font) && std::fabs(line.size - body_) < 0.8;
    return !bold_body_line && family(line.font) == family(title_font_) && line.font == first.font &&
           std::fabs(line.size - first.size) < 0.2 && !looks_like_author_line(t) &&
           std::none_of(known_names.begin(), known_names.end(), [&](const std::string& n) { return same_folded_name(n, without_marks(t)); });
  }

  // ... and unlike the author names after it: another font, or larger than
  // names that are themselves larger than their affiliations.
  bool subtitle_differs(const PdfLine& subtitle, std::size_t next, std::size_t end) const {
    const PdfLine& after = lines_[next];
    if (after.font != subtitle.font || looks_like_author_line(trim(after.plain))) return true;
    // Names stacked over one shared affiliation (issue 28 item 2): look past them.
    std::size_t below = next + 1;
    while (below < end && std::fabs(lines_[below].size - after.size) <= 0.3) ++below;
    return subtitle.size > after.size + 0.3 && below < end && after.size > lines_[below].size + 0.3;
  }

  static bool looks_like_date(const std::string& text) {
    static const Regex date(
        R"(^\s*(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s*\d{4}\s*$)");
    return date.matches(text);
  }

  std::string orcid_on(const Box& box) const {
    for (const auto& link : page_.links)
      if (!orcid_of(link.uri).empty() && mostly_on(link.box, box)) return orcid_of(link.uri);
    return "";
  }

  // ------------------------------------------------------------ one-column journal formats

  // acmart's journal formats print "NAME, NAME, and NAME, Institution, Country",
  // names in capitals, right under the title.
  bool is_inline_layout(std::size_t end) const {
    if (after_title_ >= lines_.size()) return false;
    const PdfLine& first = lines_[after_title_];
    const std::string text = trim(first.plain);
    const auto comma = text.find(", ");
    (void)end;
    if (comma == std::string::npos) return is_anonymous(text) && upper(text) == text;
    return looks_like_author_line(text);
  }

  // "NAME, NAME, and NAME, Institution, ...": the part before the first comma in capitals.
  static bool looks_like_author_line(const std::string& text) {
    const auto comma = text.find(", ");
    if (comma == std::string::npos) return false;
    const std::string head = text.substr(0, comma);
    return in_capitals(head) && std::any_of(head.begin(), head.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
  }

  static bool ends_with_country(const std::string& text) {
    const auto parts = split(text, ",");
    return !parts.empty() && is_country(parts.back());
  }

  // The lines of the author block: each group starts with a name in capitals;
  // a group whose line is full continues on the next.
  std::vector<std::string> author_groups(std::size_t end) {
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

  void read_inline_authors(std::size_t end) {
    const auto groups = author_groups(end);
    for (const auto& g : groups)
      if (is_anonymous(g)) {
        anonymous = true;
        return;
      }
    std::size_t next_known = 0;
    for (const auto& group : groups) {
      std::string rest = without_inline_marks(group);
      std::vector<AuthorMeta> members;
      // Names first: the known names in order, else the leading parts in capitals.
      while (true) {
        static const Regex separator_before(R"(^\s*(,\s*)?(and\s+)?)");
        rest = separator_before.replace(rest, "");
        std::string name;
        if (next_known < known_names.size()) {
          const std::string key = fold_name(known_names[next_known]);
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
          if (!key.empty() && fold_name(taken) == key && (i >= rest.size() || rest[i] == ',' || rest[i] == ' ')) {
            name = known_names[next_known++];
            rest = rest.substr(i);
          }
        }
        if (name.empty()) {
          const auto comma = rest.find(", ");
          const std::string head = trim(rest.substr(0, comma));
          auto and_at = head.find(" AND ");
          if (and_at == std::string::npos) and_at = head.find(" and ");
          const std::string first = and_at == std::string::npos ? head : head.substr(0, and_at);
          if (first.empty() || !in_capitals(first) || comma == std::string::npos) break;
          name = first;
          rest = rest.substr(and_at == std::string::npos ? comma : and_at + 1);
        }
        AuthorMeta a;
        a.name = without_marks(name);
        members.push_back(a);
        if (rest.rfind(",", 0) != 0 && rest.find(" and ") != 0 && rest.find(" AND ") != 0) break;
        // Is what follows another name? Only if it is in capitals up to the next comma.
        static const Regex separator_after(R"(^\s*,?\s*(and\s+|AND\s+)?)");
        std::string after = separator_after.replace(rest, "");
        const std::string head = after.substr(0, after.find(", "));
        const bool known_next = next_known < known_names.size() && fold_name(after).rfind(fold_name(known_names[next_known]), 0) == 0;
        if (!known_next && (!in_capitals(head) || head.empty())) break;
      }
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

  void read_orcids_inline() {
    // Links on the capitalised names: in order of appearance, one per author.
    // Only the links on the author lines: the addresses footnote links the names again.
    const double authors_end = after_authors_ > 0 && after_authors_ < lines_.size() ? lines_[after_authors_].box.y0
                                                                                    : page_.height * 0.5;
    std::vector<const PdfLink*> orcid_links;
    for (const auto& link : page_.links)
      if (!orcid_of(link.uri).empty() && link.box.y0 < authors_end) orcid_links.push_back(&link);
    if (orcid_links.empty()) return;
    // Match a link to the author whose capitalised name has the same width
    // as the link box, in order.
    std::size_t a = 0;
    for (std::size_t i = after_title_; i < lines_.size() && a < meta_.authors.size(); ++i) {
      const PdfLine& line = lines_[i];
      std::vector<const PdfLink*> on_line;
      for (const auto* l : orcid_links)
        if (overlaps(l->box, line.box)) on_line.push_back(l);
      if (on_line.empty() && i > after_title_ + 2 * meta_.authors.size()) break;
      std::sort(on_line.begin(), on_line.end(), [](auto* x, auto* y) { return x->box.x0 < y->box.x0; });
      // Authors on this line: the names it holds, in order.
      std::vector<std::size_t> here;
      const std::string key = fold_name(line.plain);
      std::size_t from = 0;
      for (std::size_t k = a; k < meta_.authors.size(); ++k) {
        const auto at = key.find(fold_name(meta_.authors[k].name), from);
        if (at == std::string::npos) break;
        here.push_back(k);
        from = at + 1;
      }
      if (here.empty()) continue;
      for (const auto* link : on_line) {
        // the author whose name's share of the line matches the link's position
        const double rel = (link->box.x0 - line.box.x0) / std::max(1.0, line.box.width());
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
        meta_.authors[best].orcid = orcid_of(link->uri);
      }
      a = here.back() + 1;
    }
  }

  // "Authors' addresses: Name, email, Department, Institution, City, Country; ..."
  // (acmart 1.x) or "Authors' Contact Information: ..." (acmart 2.x).
  void append_split_footnote(double size, std::vector<std::string>& text) const {
    const auto& lines = next_page_->lines;
    std::size_t k = 0;
    while (k < lines.size() && !(std::fabs(lines[k].size - size) <= 0.3 && lines[k].box.y0 > 0.5 * next_page_->height)) ++k;
    for (; k < lines.size() && std::fabs(lines[k].size - size) <= 0.3; ++k) {
      text.push_back(lines[k].plain);
      if (trim(lines[k].plain).back() == '.') break;
    }
  }

  std::string addresses_text() const {
    static const Regex opening(R"(^Author(s’|s'|’s|'s)\s*(addresses|address|Contact Information)\s*:\s*)");
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const std::string t = trim(lines_[i].plain);
      Match m;
      if (!opening.search(t, m)) continue;
      std::vector<std::string> text{t.substr(static_cast<std::size_t>(m.length()))};
      for (std::size_t k = i + 1; k < lines_.size(); ++k) {
        const PdfLine& l = lines_[k];
        if (std::fabs(l.size - lines_[i].size) > 0.3 || l.box.y0 < lines_[k - 1].box.y0 ||
            l.box.y0 - lines_[k - 1].box.y1 > 0.6 * l.size)
          break;
        // A footnote that ends on an email without its period, and the next
        // footnote ("ACM member number: ...") right under it.
        static const Regex ends_on_email(R"([\w.+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}\s*$)");
        static const Regex opens_sentence(R"(^\s*[A-Z])");
        if (ends_on_email.contains(text.back()) && opens_sentence.contains(l.plain)) break;
        text.push_back(l.plain);
      }
      // A long footnote that TeX split goes on at the top of the next page's footnotes.
      if (next_page_ && !text.empty() && trim(text.back()).back() != '.') append_split_footnote(lines_[i].size, text);
      // An email broken at the line's end ("a@b." / "org") joins without a space.
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
    return "";
  }

  // Fills departments, street, city, state, postcode and emails from the
  // addresses footnote; the institution and country come from the author line.
  void read_addresses_footnote() {
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
      // The entry's author: the next one whose name starts it (acmart drops
      // the comma after a name that ends in a period: "Hollis Jr. Department").
      std::size_t who = meta_.authors.size(), name_end = 0;
      for (std::size_t k = author; k < meta_.authors.size() && who == meta_.authors.size(); ++k)
        if (const std::size_t end = name_prefix(entry, meta_.authors[k].name)) {
          who = k;
          name_end = end;
        }
      if (who == meta_.authors.size()) continue;
      author = who + 1;
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
  }

 public:
  // The names the footnote lists, in order, for pages whose other sources say none.
  std::vector<std::string> footnote_names() const {
    std::vector<std::string> out;
    const std::string text = addresses_text();
    if (text.empty()) return out;
    for (const auto& entry : split(text, ";")) out.push_back(trim(entry.substr(0, entry.find(','))));
    return out;
  }

 private:

  // `parts` of one author's footnote entry, emails removed: for each
  // affiliation, departments, the institution, the address up to the
  // country; a second one follows as "Country, Department and Institution".
  void fill_affiliations(AuthorMeta& a, std::vector<std::string> parts, std::size_t who) {
    std::size_t k = 0;
    for (std::size_t n = 0; n < a.affiliations.size(); ++n) {
      const Affiliation printed = a.affiliations[n];
      Affiliation detailed = printed;
      detailed.departments.clear();
      bool found = false;
      while (k < parts.size() && !found) {
        const std::string& p = parts[k];
        if (const std::size_t span = institution_span(parts, k, printed.institution)) {
          k += span;
          found = true;
          break;
        }
        const auto and_at = p.rfind(" and ");
        if (n > 0 && and_at != std::string::npos && fold_name(p.substr(and_at + 5)) == fold_name(printed.institution)) {
          if (and_at > 0) detailed.departments.push_back(p.substr(0, and_at));
          ++k;
          found = true;
          break;
        }
        detailed.departments.push_back(p);
        ++k;
      }
      if (!found) return;  // printed with another author of its group
      std::vector<std::string> address;
      while (k < parts.size()) {
        const std::string p = parts[k];
        if (fold_name(p) == fold_name(printed.country)) {
          ++k;
          break;
        }
        const auto and_at = p.find(" and ");
        if (and_at != std::string::npos && fold_name(p.substr(0, and_at)) == fold_name(printed.country)) {
          parts[k] = p.substr(and_at + 5);  // the next affiliation's first part
          break;
        }
        address.push_back(p);
        ++k;
      }
      read_address_parts(address, detailed);
      share_details(printed, detailed, who);
    }
  }

  // How many comma parts from `at` spell the institution; 0 when they do not.
  static std::size_t institution_span(const std::vector<std::string>& parts, std::size_t at, const std::string& institution) {
    const std::size_t commas = count_commas(institution);
    if (at + commas >= parts.size()) return 0;
    std::string joined;
    for (std::size_t k = at; k <= at + commas; ++k) joined += (joined.empty() ? "" : ", ") + parts[k];
    return fold_name(joined) == fold_name(institution) && !fold_name(joined).empty() ? commas + 1 : 0;
  }

  static std::size_t count_commas(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), ',')); }

  // The details go to every author of the group holding this affiliation.
  void share_details(const Affiliation& printed, const Affiliation& detailed, std::size_t who) {
    for (auto& other : meta_.authors)
      for (auto& aff : other.affiliations)
        if (&other - meta_.authors.data() <= static_cast<long>(who) && aff == printed && aff.departments.empty() &&
            aff.city.empty())
          aff = detailed;
  }

  // ------------------------------------------------------------ conference author boxes

  void read_boxed_authors(std::size_t end) {
    std::vector<AuthorBox> boxes;
    double name_size = 0;
    for (std::size_t i = after_title_; i < end; ++i) {
      const PdfLine& line = lines_[i];
      if (line.size >= body_ + 1.5 && !looks_like_date(line.text)) {
        name_size = line.size;
        break;
      }
    }
    if (name_size == 0) return;
    bool last_was_name = false;
    for (std::size_t i = after_title_; i < end; ++i) {
      const PdfLine& line = lines_[i];
      const bool name = std::fabs(line.size - name_size) <= 0.3 && !looks_like_date(line.text);
      if (name) {
        const bool stacked = last_was_name && !boxes.empty() &&
                             std::fabs(center(boxes.back().names.back()->box) - center(line.box)) < 0.25 * name_size * 4 &&
                             line.box.y0 > boxes.back().names.back()->box.y0;
        if (!stacked) boxes.push_back({});
        boxes.back().names.push_back(&line);
      } else if (!boxes.empty() && line.size < name_size - 0.5 && line.size >= body_ - 1.2 &&
                 centred_under(boxes.back(), line)) {
        boxes.back().lines.push_back(&line);
      }
      last_was_name = name;
    }
    const double box_width = author_box_width(boxes);
    for (const auto& b : boxes) {
      for (const auto* n : b.names)
        if (is_anonymous(n->plain)) {
          anonymous = true;
          return;
        }
      read_box(b, box_width);
    }
    if (!meta_.authors.empty()) meta_.source["authors"] = "pdf-layout";
  }

  void read_sigchi_authors(std::size_t end) {
    const auto boxes = sigchi_author_boxes(lines_, after_title_, end, body_);
    const double box_width = sigchi_box_width(boxes);
    for (const auto& b : boxes) read_box(b, box_width);
    if (!meta_.authors.empty()) meta_.source["authors"] = "pdf-layout";
  }

  // acmart centres every line of an author box under the name, one line
  // after the other; what is off that axis or far below (a venue's own
  // front-matter fields, a teaser) is not the author's.
  static bool centred_under(const AuthorBox& box, const PdfLine& line) {
    const PdfLine& name = *box.names.back();
    const PdfLine& above = box.lines.empty() ? name : *box.lines.back();
    const bool on_axis = std::fabs(center(name.box) - center(line.box)) <= std::max(6.0, name.size);
    const bool close_below = line.box.y0 - above.box.y1 < 3 * line.size;
    return on_axis && close_below;
  }

  // acmart divides the text width among the boxes of its fullest row.
  double author_box_width(const std::vector<AuthorBox>& boxes) const {
    double text_x0 = 1e9, text_x1 = 0;
    for (const auto& l : lines_) {
      if (std::fabs(l.size - body_) > 0.6) continue;
      text_x0 = std::min(text_x0, l.box.x0);
      text_x1 = std::max(text_x1, l.box.x1);
    }
    std::map<long, int> per_row;
    for (const auto& b : boxes) ++per_row[std::lround(b.names.front()->box.y0 / 3)];
    int most = 1;
    for (const auto& [row, n] : per_row) most = std::max(most, n);
    return (text_x1 - text_x0 - 12) / most - 12;  // acmart: (\textwidth - 1pc) / n - 1pc
  }

  void read_box(const AuthorBox& b, double box_width) {
    for (auto& m : read_author_box(b, box_width, [&](const Box& name) { return orcid_on(name); }))
      meta_.authors.push_back(std::move(m));
  }

  // ------------------------------------------------------------ sections

  template <typename Use>
  void read_section(const std::string& heading, Use use) const {
    const std::size_t at = find_line(heading);
    if (at >= lines_.size()) return;
    std::vector<std::string> text;
    for (std::size_t i = at + 1; i < lines_.size() && !is_heading(lines_[i]); ++i)
      if (lines_[i].size <= body_ + 0.6) text.push_back(lines_[i].text);
    use(text);
  }

  // The journal formats set the abstract unheaded under the authors, then
  // "CCS Concepts:", "Additional Key Words and Phrases:" and "ACM Reference
  // Format:" as run-in heads.
  void read_run_in_sections() {
    static const Regex head(R"(^(CCS Concepts|Additional Key Words and Phrases|Keywords|ACM Reference Format)\s*:\s*(.*)$)");
    std::vector<std::string> abstract;
    std::string current;
    std::vector<std::string> text;
    auto flush = [&] {
      if (current == "CCS Concepts") set_ccs(join_lines(text));
      else if (current == "Additional Key Words and Phrases" || current == "Keywords") set_keywords(join_lines(text));
      text.clear();
    };
    for (std::size_t i = after_authors_; i < lines_.size(); ++i) {
      const std::string t = trim(lines_[i].text);
      Match m;
      if (head.match(t, m)) {
        flush();
        current = m.str(1);
        if (current == "ACM Reference Format") break;
        text.push_back(m.str(2));
      } else if (current.empty()) {
        if (lines_[i].size > body_ + 0.6) break;
        abstract.push_back(lines_[i].text);
      } else {
        text.push_back(lines_[i].text);
      }
    }
    if (current.empty()) return;  // no run-in heads: not this layout
    flush();
    if (meta_.abstract.empty() && !abstract.empty()) set_abstract(join_lines(abstract));
  }

  void set_abstract(const std::string& text) {
    meta_.abstract = text;
    meta_.source["abstract"] = "pdf-layout";
  }

  void set_keywords(std::string text) {
    while (!text.empty() && text.back() == '.') text.pop_back();
    meta_.keywords = split(text, ",");
    meta_.source["keywords"] = "pdf-layout";
  }

  // "• A → B; • C → D." as printed; weights are not printed reliably.
  void set_ccs(const std::string& text) {
    if (!meta_.ccs.empty()) return;
    for (const auto& item : split(text, "•")) append_concepts(item, "→", ";", meta_.ccs);
    meta_.source["ccs"] = "pdf-layout";
  }

  void read_reference_format() {
    std::size_t at = lines_.size();
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (trim(lines_[i].text).rfind("ACM Reference Format", 0) == 0) at = i;
    if (at == lines_.size()) return;
    std::vector<std::string> text;
    for (std::size_t i = at + 1; i < lines_.size() && text.size() < 8 && !is_heading(lines_[i]); ++i)
      text.push_back(lines_[i].plain);
    const std::string joined = join_lines(text);
    static const Regex names_then_year(R"(^(.*?)\.? (19|20)\d\d\. )");
    Match m;
    if (names_then_year.search(joined, m)) reference_format_names = split_names(m.str(1));
    for (auto& n : reference_format_names) n = without_marks(n);
  }

  const PdfPage& page_;
  const PdfPage* next_page_;  // where a split footnote goes on; null on the last page
  const std::vector<PdfLine> lines_;
  PaperMeta& meta_;
  double body_ = 0;
  std::string title_font_;
  std::size_t after_title_ = 0;
  std::size_t after_authors_ = 0;  // journal formats: the first line after the author groups
};

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
    append_concepts(item, "->", ".", out);
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
void settle_authors(const std::vector<std::string>& info_names, const std::vector<std::string>& reference_names,
                    bool anonymous, PaperMeta& meta) {
  anonymous = anonymous ||
              std::any_of(meta.authors.begin(), meta.authors.end(), [](const AuthorMeta& a) { return is_anonymous(a.name); }) ||
              std::any_of(reference_names.begin(), reference_names.end(), is_anonymous);
  if (anonymous) {
    meta.authors.clear();
    meta.source.erase("authors");
    meta.notes.push_back("the PDF is anonymised ('Anonymous Author(s)'): it carries no author names");
    return;
  }
  if (meta.authors.empty()) {
    for (const auto& name : info_names.empty() ? reference_names : info_names) meta.authors.push_back({name, {}, {}, {}, {}});
    if (!meta.authors.empty()) {
      meta.source["authors"] = info_names.empty() ? "pdf-layout" : "pdf-info";
      meta.confidence["authors"] = 0.5;
      meta.notes.push_back("no author blocks found on the first page: names only, from the " +
                           std::string(info_names.empty() ? "ACM Reference Format" : "PDF Info") +
                           "; affiliations and emails left empty");
    }
    return;
  }
  std::vector<std::string> layout_names;
  for (const auto& a : meta.authors) layout_names.push_back(a.name);
  const auto& check = reference_names.empty() ? info_names : reference_names;
  const bool agree = check.size() == layout_names.size() &&
                     std::equal(check.begin(), check.end(), layout_names.begin(), [](const auto& x, const auto& y) { return same_name(x, y); });
  meta.confidence["authors"] = check.empty() ? 0.8 : agree ? 1.0 : 0.6;
  if (!check.empty() && !agree)
    meta.notes.push_back(std::string("the ") + (reference_names.empty() ? "PDF Info" : "ACM Reference Format") +
                         " lists the authors differently from the author blocks");
}

// The title as laid out wins over the Info dictionary's, which hyperref can
// damage (math dropped, TeX quotes, words glued at a line break).
// acmart sets \translatedtitle lines in the title's own font and size right
// under it; where the Info title is exactly the first lines, the rest are those.
std::string printed_title(const std::vector<std::string>& lines, const std::string& info_title, PaperMeta& meta) {
  for (std::size_t k = 1; k < lines.size() && !info_title.empty(); ++k) {
    const std::vector<std::string> head(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(k));
    if (join_lines(head) == info_title) {
      meta.notes.push_back("the " + std::to_string(lines.size() - k) +
                           " line(s) set like the title after it are taken as translated titles, not as the title");
      return info_title;
    }
  }
  return join_lines(lines);
}

void settle_title(const std::string& info_title, const std::string& xmp_title, const std::string& layout_title,
                  PaperMeta& meta) {
  if (!layout_title.empty() && !info_title.empty()) {
    const bool same = layout_title == info_title;
    meta.title = same ? info_title : layout_title;
    meta.source["title"] = same ? "pdf-info" : "pdf-layout";
    meta.confidence["title"] = same ? 1.0 : 0.8;
    if (!same)
      meta.notes.push_back("the PDF Info title '" + info_title + "' differs from the printed one; the printed title is taken");
  } else if (!layout_title.empty()) {
    meta.title = layout_title;
    meta.source["title"] = "pdf-layout";
    meta.confidence["title"] = 0.8;
  } else if (!info_title.empty() || !xmp_title.empty()) {
    meta.title = info_title.empty() ? xmp_title : info_title;
    meta.source["title"] = info_title.empty() ? "pdf-xmp" : "pdf-info";
    meta.confidence["title"] = 0.6;
    meta.notes.push_back("no title found in the first page's layout: the title is the PDF's " +
                         std::string(info_title.empty() ? "XMP" : "Info") + " one");
  }
}

// A PDF's text is what its producer wrote: an Info string in broken UTF-16
// (a lone surrogate) reaches here as bytes that are not UTF-8, and so can a
// link. Every field read from it must be text that JSON and YAML can hold.
template <typename Facts, typename Visit>  // Facts: PdfFacts or const PdfFacts
void each_text(Facts& facts, Visit visit) {
  for (auto& [key, value] : facts.info) visit(value);
  for (auto& page : facts.pages) {
    for (auto& line : page.lines) {
      visit(line.text);
      visit(line.plain);
      visit(line.font);
    }
    for (auto& link : page.links) visit(link.uri);
  }
}

bool holds_invalid_utf8(const PdfFacts& facts) {
  bool invalid = false;
  each_text(facts, [&](const std::string& text) { invalid = invalid || first_invalid_utf8(text); });
  return invalid;
}

PdfFacts with_valid_utf8(PdfFacts facts) {
  each_text(facts, [](std::string& text) { text = valid_utf8(text); });
  return facts;
}

}  // namespace

XmpFields parse_xmp(const std::string& packet) {
  XmpFields out;
  if (packet.empty()) return out;
  const XmlDocument doc = read_untrusted_xml_or_null(packet);
  if (!doc) return out;
  walk_xmp(xmlDocGetRootElement(doc.get()), out);
  return out;
}

// Every field read gets a source and a confidence: where two witnesses were
// compared (title, authors) the settling set it; otherwise it follows from
// the source (a structured footnote is surer than a block read by position,
// which is surer than what metadata alone says).
void settle_field_confidence(PaperMeta& meta) {
  auto any_author = [&](auto has) { return std::any_of(meta.authors.begin(), meta.authors.end(), has); };
  if (!meta.source.count("affiliations") && any_author([](const AuthorMeta& a) { return !a.affiliations.empty(); }))
    meta.source["affiliations"] = "pdf-layout";
  if (any_author([](const AuthorMeta& a) { return !a.emails.empty(); })) meta.source["emails"] = "pdf-layout";
  if (any_author([](const AuthorMeta& a) { return !a.orcid.empty(); })) meta.source["orcids"] = "pdf-links";
  for (const auto& [field, source] : meta.source) {
    if (meta.confidence.count(field)) continue;
    double c = 0.7;  // PDF Info or XMP alone
    if (source == "pdf-links") c = 1.0;  // an orcid.org link on the name itself
    else if (source.rfind("pdf-layout (", 0) == 0) c = 0.95;
    else if (source == "pdf-layout") c = 0.9;
    meta.confidence[field] = c;
  }
}

PaperMeta read_pdf_meta(const PdfFacts& facts, const std::string& file) {
  if (holds_invalid_utf8(facts)) return read_pdf_meta(with_valid_utf8(facts), file);
  PaperMeta meta;
  meta.input = valid_utf8(file);
  meta.kind = "pdf";
  meta.pages = static_cast<int>(facts.pages.size());
  const XmpFields xmp = parse_xmp(facts.xmp);
  // The title block can be too tall for page 1 (a long author list in a
  // journal format): TeX then leaves page 1 with its running head only.
  const auto title_page = std::find_if(facts.pages.begin(), facts.pages.end(), [](const PdfPage& p) { return p.lines.size() >= 5; });
  const auto page = title_page == facts.pages.end() ? facts.pages.begin() : title_page;
  FirstPage first(*page, std::next(page) == facts.pages.end() ? nullptr : &*std::next(page), dominant_size(facts.pages), meta);
  std::vector<std::string> info_names = split_names(info(facts, "Author"));
  if (info_names.empty()) info_names = xmp.creators;
  if (std::any_of(info_names.begin(), info_names.end(), is_anonymous)) info_names.clear();
  first.known_names = info_names;
  first.read();

  settle_title(info(facts, "Title"), xmp.title, printed_title(first.title_lines, info(facts, "Title").empty() ? xmp.title : info(facts, "Title"), meta), meta);
  if (!first.subtitle_parts.empty()) {
    meta.subtitle = join_lines(first.subtitle_parts);
    meta.source["subtitle"] = "pdf-layout";
  }
  settle_authors(info_names, first.reference_format_names, first.anonymous, meta);

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
  // hyperref copies the PDF Subject (acmart: the CCS concepts) into the XMP description.
  const bool description_is_subject = xmp.description.find("->") != std::string::npos;
  if (meta.abstract.empty() && !xmp.description.empty() && !description_is_subject) {
    meta.abstract = xmp.description;
    meta.source["abstract"] = "pdf-xmp";
  }
  settle_field_confidence(meta);
  return meta;
}

}  // namespace proceedings::meta


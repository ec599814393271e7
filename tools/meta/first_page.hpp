#pragma once
// The first page of a PDF read as acmart (and most title blocks) lay it
// out: the title, the authors by layout (the journal formats' author lines
// and addresses footnote, the conference formats' boxes, sigchi-a's margin
// boxes), the abstract, keywords and CCS concepts. read() coordinates; each
// concern lives in its own first_page_*.cpp.
#include <cstddef>
#include <string>
#include <vector>

#include "meta/author_boxes.hpp"
#include "proceedings/paper_meta.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings::meta {

class FirstPage {
 public:
  FirstPage(const PdfPage& page, const PdfPage* next_page, double body_size, PaperMeta& meta);

  void read();
  // The names the addresses footnote lists, in order, for pages whose other sources say none.
  std::vector<std::string> footnote_names() const;

  std::vector<std::string> reference_format_names;
  std::vector<std::string> known_names;  // from Info, the ACM Reference Format or the addresses footnote
  std::string title_text;
  std::vector<std::string> title_lines;
  std::vector<std::string> subtitle_parts;
  bool anonymous = false;

 private:
  // first_page.cpp: what every layout shares
  static std::vector<PdfLine> content_lines(const PdfPage& page, double body);
  static double title_block_bottom(const PdfPage& page);
  std::size_t find_line(const std::string& text) const;
  std::size_t title_block_end() const;
  bool is_heading(const PdfLine& line) const;
  std::string orcid_on(const Box& box) const;

  // first_page_title.cpp
  void read_title(std::size_t end);
  bool is_subtitle_line(const PdfLine& line, const PdfLine& first) const;
  bool subtitle_differs(const PdfLine& subtitle, std::size_t next, std::size_t end) const;

  // first_page_journal.cpp: the journal formats' author lines
  bool is_inline_layout(std::size_t end) const;
  static bool looks_like_author_line(const std::string& text);
  static bool ends_with_country(const std::string& text);
  std::vector<std::string> author_groups(std::size_t end);
  void read_inline_authors(std::size_t end);
  std::vector<AuthorMeta> group_members(std::string& rest, std::size_t& next_known) const;
  bool another_name_follows(const std::string& rest, std::size_t next_known) const;
  void read_orcids_inline();
  std::vector<const PdfLink*> author_line_orcid_links() const;
  std::vector<std::size_t> authors_named_in(const std::string& key, std::size_t first) const;
  std::size_t author_under(const PdfLink& link, const PdfLine& line, const std::string& key,
                           const std::vector<std::size_t>& here) const;

  // first_page_addresses.cpp: the journal formats' authors' addresses footnote
  void append_split_footnote(double size, std::vector<std::string>& text) const;
  std::string addresses_text() const;
  std::vector<std::string> footnote_lines(std::size_t opening, const std::string& first) const;
  void read_addresses_footnote();
  std::size_t entry_author(const std::string& entry, std::size_t first, std::size_t& name_end) const;
  void read_address_entry(const std::string& entry, std::size_t who, std::size_t name_end);
  void fill_affiliations(AuthorMeta& a, std::vector<std::string> parts, std::size_t who);
  static bool take_departments(const std::vector<std::string>& parts, std::size_t& k, const Affiliation& printed,
                               bool later, Affiliation& detailed);
  static std::vector<std::string> take_address(std::vector<std::string>& parts, std::size_t& k, const std::string& country);
  static std::size_t institution_span(const std::vector<std::string>& parts, std::size_t at, const std::string& institution);
  static std::size_t count_commas(const std::string& s);
  void share_details(const Affiliation& printed, const Affiliation& detailed, std::size_t who);

  // first_page_boxes.cpp: the conference formats' author boxes and sigchi-a's
  static bool looks_like_date(const std::string& text);
  void read_boxed_authors(std::size_t end);
  double author_name_size(std::size_t end) const;
  std::vector<AuthorBox> conference_author_boxes(std::size_t end, double name_size) const;
  void read_sigchi_authors(std::size_t end);
  static bool centred_under(const AuthorBox& box, const PdfLine& line);
  double author_box_width(const std::vector<AuthorBox>& boxes) const;
  void read_box(const AuthorBox& b, double box_width);

  // first_page_sections.cpp: abstract, keywords, CCS concepts, ACM Reference Format
  void read_headed_sections();
  template <typename Use>
  void read_section(const std::string& heading, Use use) const;
  void read_run_in_sections();
  void set_abstract(const std::string& text);
  void set_keywords(std::string text);
  void set_ccs(const std::string& text);
  void read_reference_format();

  const PdfPage& page_;
  const PdfPage* next_page_;  // where a split footnote goes on; null on the last page
  const std::vector<PdfLine> lines_;
  PaperMeta& meta_;
  double body_ = 0;
  std::string title_font_;
  std::size_t after_title_ = 0;
  std::size_t after_authors_ = 0;  // journal formats: the first line after the author groups
};

}  // namespace proceedings::meta

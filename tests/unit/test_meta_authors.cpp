// Issue 28: author blocks as real authors write them when they bend the
// template (several people in one \author, superscript marks, institutions
// that wrap, no country, "A and B", sigchi-a). The pages are built here the
// way acmart lays them out (positions and sizes measured on the real papers
// of the corpus); the sources are written inline.
#include <tuple>
#include <doctest/doctest.h>

#include "meta/latex_source.hpp"
#include "proceedings/latex_text.hpp"
#include "meta/pdf_meta.hpp"

using namespace proceedings;
using namespace proceedings::meta;

namespace {

PdfLine line(double x0, double y0, double x1, double size, const std::string& text, const std::string& font = "LinLibertineT",
             const std::string& plain = "") {
  PdfLine l;
  l.box = {x0, y0, x1, y0 + size * 1.2};
  l.size = size;
  l.font = font;
  l.text = text;
  l.plain = plain.empty() ? text : plain;
  return l;
}

// A sigconf first page: the title, `authors` as given, then the abstract and
// two columns of body text at 9 pt.
PdfFacts sigconf_page(const std::vector<PdfLine>& authors) {
  PdfFacts facts;
  PdfPage page;
  page.number = 1;
  page.width = 612;
  page.height = 792;
  page.lines.push_back(line(132, 78, 480, 17.2, "A Title Long Enough to Be a Title", "LinBiolinumTB"));
  for (const auto& a : authors) page.lines.push_back(a);
  page.lines.push_back(line(54, 230, 112, 10.9, "ABSTRACT", "LinLibertineTB"));
  for (int i = 0; i < 30; ++i) {
    page.lines.push_back(line(54, 245 + 11 * i, 296, 9, "body text of the first column that runs on and on and on"));
    page.lines.push_back(line(318, 245 + 11 * i, 558, 9, "body text of the second column that runs on and on and on"));
  }
  facts.pages.push_back(page);
  return facts;
}

// An acmsmall first page: the title, the authors' line in capitals, body text.
PdfFacts journal_page(const std::vector<std::string>& author_lines) {
  PdfFacts facts;
  PdfPage page;
  page.number = 1;
  page.width = 486;
  page.height = 720;
  page.lines.push_back(line(46, 80, 400, 14.3, "A Title Long Enough to Be a Title", "LinLibertineTB"));
  double y = 104;
  for (const auto& a : author_lines) {
    page.lines.push_back(line(46, y, 300, 9, a));
    y += 12;
  }
  for (int i = 0; i < 30; ++i)
    page.lines.push_back(line(46, y + 12 + 11 * i, 440, 10, "body text of the one column that runs on and on and on and on"));
  facts.pages.push_back(page);
  return facts;
}

std::vector<std::string> names(const PaperMeta& m) {
  std::vector<std::string> out;
  for (const auto& a : m.authors) out.push_back(a.name);
  return out;
}

std::vector<std::string> institutions(const Person& p) {
  std::vector<std::string> out;
  for (const auto& a : p.affiliations) out.push_back(a.institution);
  return out;
}

}  // namespace

TEST_CASE("issue 28 item 1: several people on one name line of an author box, and their mailboxes written as one") {
  const PaperMeta m = read_pdf_meta(sigconf_page({line(247, 109, 366, 12, "Hannah Li, David Evans"),
                                                  line(262, 123, 351, 10, "University of Virginia"),
                                                  line(256, 139, 357, 8, "[hannahli,evans]@virginia.edu")}),
                                    "two-in-one.pdf");
  REQUIRE(names(m) == std::vector<std::string>{"Hannah Li", "David Evans"});
  for (const auto& a : m.authors) CHECK(institutions(a) == std::vector<std::string>{"University of Virginia"});
  CHECK(m.authors[0].emails == std::vector<std::string>{"hannahli@virginia.edu"});
  CHECK(m.authors[1].emails == std::vector<std::string>{"evans@virginia.edu"});
}

TEST_CASE("issue 28 item 1: names with superscript marks and a line of marked affiliations") {
  // The PDF reader's plain text drops the raised marks (and the spaces next to them).
  const PaperMeta m = read_pdf_meta(
      sigconf_page({line(127, 137, 484, 12, "Wei Bai1 Kai Chen1 Kun Tan2 Yongqiang Xiong1,3", "LinLibertineT",
                         "Wei Bai Kai Chen Kun Tan Yongqiang Xiong"),
                    line(193, 158, 419, 12, "1HKUST 2Huawei 3Microsoft Research", "LinLibertineT", "HKUSTHuaweiMicrosoft Research")}),
      "marks.pdf");
  REQUIRE(names(m) == std::vector<std::string>{"Wei Bai", "Kai Chen", "Kun Tan", "Yongqiang Xiong"});
  CHECK(institutions(m.authors[0]) == std::vector<std::string>{"HKUST"});
  CHECK(institutions(m.authors[2]) == std::vector<std::string>{"Huawei"});
  CHECK(institutions(m.authors[3]) == std::vector<std::string>{"HKUST", "Microsoft Research"});
}

TEST_CASE("issue 28 item 2: a sigplan subtitle over two names stacked above one shared affiliation") {
  // As acmart 1.88 sets \subtitle{Extended Abstract of Technical Presentation} in sigplan.
  PdfFacts facts;
  PdfPage page;
  page.number = 1;
  page.width = 612;
  page.height = 792;
  page.lines = {line(67, 70, 545, 20.7, "Incremental Type Checking for Gradual Languages", "LinLibertineTB"),
                line(176, 99, 436, 14.3, "Extended Abstract of Technical Presentation"),
                line(273, 122, 338, 12, "Ada Lovelace"),
                line(265, 136, 347, 12, "Charles Babbage"),
                line(255, 150, 357, 10, "Analytical Engine Works"),
                line(254, 161, 358, 10, "London, United Kingdom"),
                line(273, 173, 339, 10, "ada@engine.org", "LinBiolinumT"),
                line(54, 193, 100, 12, "Abstract", "LinLibertineTB")};
  for (int i = 0; i < 30; ++i) {
    page.lines.push_back(line(54, 210 + 11 * i, 296, 10, "body text of the first column that runs on and on and on"));
    page.lines.push_back(line(318, 210 + 11 * i, 558, 10, "body text of the second column that runs on and on and on"));
  }
  facts.pages.push_back(page);
  const PaperMeta m = read_pdf_meta(facts, "sigplan-subtitle.pdf");
  CHECK(m.subtitle == "Extended Abstract of Technical Presentation");
  REQUIRE(names(m) == std::vector<std::string>{"Ada Lovelace", "Charles Babbage"});
  for (const auto& a : m.authors) {
    CHECK(institutions(a) == std::vector<std::string>{"Analytical Engine Works"});
    CHECK(a.affiliations[0].departments.empty());
  }
  CHECK(m.authors[0].emails == std::vector<std::string>{"ada@engine.org"});
}

TEST_CASE("issue 28 item 3: an institution that runs onto the next line, the address line included") {
  // Three boxes to the row: each 152 pt wide.
  const PaperMeta m = read_pdf_meta(
      // MuPDF reads each box as a block: its name, then its lines.
      sigconf_page({line(95, 109, 165, 12, "Alex Groce"),
                    line(55, 124, 205, 10, "School of Informatics, Computing, and Cyber Systems, Northern Arizona"),
                    line(100, 136, 160, 10, "University, USA"), line(260, 109, 352, 12, "Darko Marinov"),
                    line(236, 124, 376, 10, "Department of Computer Science,"),
                    line(258, 136, 352, 10, "University of Illinois at"), line(253, 148, 356, 10, "Urbana-Champaign, USA"),
                    line(440, 109, 520, 12, "Ben Trovato"), line(410, 124, 550, 10, "Institute for Clarity in Documentation"),
                    line(440, 136, 520, 10, "Dublin, Ohio, USA")}),
      "wrapped.pdf");
  REQUIRE(m.authors.size() == 3);
  CHECK(institutions(m.authors[0]) ==
        std::vector<std::string>{"School of Informatics, Computing, and Cyber Systems, Northern Arizona University"});
  CHECK(m.authors[0].affiliations[0].country == "USA");
  CHECK(institutions(m.authors[1]) ==
        std::vector<std::string>{"Department of Computer Science, University of Illinois at Urbana-Champaign"});
  CHECK(m.authors[1].affiliations[0].city == "");
  CHECK(institutions(m.authors[2]) == std::vector<std::string>{"Institute for Clarity in Documentation"});
  CHECK(m.authors[2].affiliations[0].city == "Dublin");
}

TEST_CASE("issue 28 item 4: a country is a country or it is empty") {
  const PaperMeta boxed = read_pdf_meta(sigconf_page({line(120, 109, 200, 12, "Jesse Elliott"),
                                                      line(90, 124, 230, 10, "Cheriton School of Computer Science"),
                                                      line(110, 136, 210, 10, "University of Waterloo"),
                                                      line(380, 109, 470, 12, "Eliot Miranda"), line(410, 124, 440, 10, "feenk"),
                                                      line(400, 136, 450, 10, "California")}),
                                        "no-country.pdf");
  REQUIRE(boxed.authors.size() == 2);
  CHECK(institutions(boxed.authors[0]) == std::vector<std::string>{"Cheriton School of Computer Science"});
  CHECK(boxed.authors[0].affiliations[0].country == "");
  CHECK(boxed.authors[1].affiliations[0].country == "");
  const PaperMeta journal = read_pdf_meta(
      journal_page({"R. STUART GEIGER, Berkeley Institute for Data Science, University of California, Berkeley"}), "journal.pdf");
  REQUIRE(journal.authors.size() == 1);
  CHECK(institutions(journal.authors[0]) ==
        std::vector<std::string>{"Berkeley Institute for Data Science, University of California, Berkeley"});
  CHECK(journal.authors[0].affiliations[0].country == "");
}

TEST_CASE("issue 28: an authors' address footnote without its final period ends at its email, not in the next footnote") {
  PdfFacts facts = journal_page({"JOOMY KORKUT, Princeton University, USA"});
  PdfPage& page = facts.pages.front();
  page.lines.push_back(line(46, 640, 401, 8, "Author’s address: Joomy Korkut, Princeton University, Princeton, New Jersey, USA, joomy@cs.princeton.edu"));
  page.lines.push_back(line(46, 650, 393, 8, "ACM member number: 3665406. Entry for ICFP’19 SRC, Graduate Category."));
  const PaperMeta m = read_pdf_meta(facts, "footnote.pdf");
  REQUIRE(m.authors.size() == 1);
  CHECK(m.authors[0].emails == std::vector<std::string>{"joomy@cs.princeton.edu"});
  CHECK(m.authors[0].affiliations[0].city == "Princeton");
}

TEST_CASE("issue 28 item 5: an author of two institutions joined by 'and'; one institution with 'and' in its name stays one") {
  const PaperMeta m = read_pdf_meta(journal_page({"TOM KELLY, University College London and University of Leeds",
                                                  "ARMANDO SANTOS, INESC TEC and University of Minho"}),
                                    "and.pdf");
  REQUIRE(m.authors.size() == 2);
  CHECK(institutions(m.authors[0]) == std::vector<std::string>{"University College London", "University of Leeds"});
  CHECK(institutions(m.authors[1]) == std::vector<std::string>{"INESC TEC and University of Minho"});
}

TEST_CASE("issue 28 item 6: sigchi-a author blocks, bold names left-aligned two to a row") {
  PdfFacts facts;
  PdfPage page;
  page.number = 1;
  page.width = 792;
  page.height = 612;
  const std::string bold = "LinBiolinumTB", plain = "LinBiolinumT";
  page.lines = {line(372, 103, 634, 20.7, "A novel hand-held interface", bold),
                line(373, 127, 704, 20.7, "supporting the self-management", bold),
                line(313, 201, 379, 9.96, "Robert Spence", bold),
                line(313, 214, 499, 9.96, "Dept. of Electrical and Electronic Engineering", plain),
                line(313, 226, 487, 9.96, "Imperial College London, United Kingdom", plain),
                line(313, 238, 412, 9.96, "r.spence@imperial.ac.uk", plain),
                line(511, 201, 596, 9.96, "Chukwuma Uduku", bold),
                line(511, 214, 584, 9.96, "Dept. of Medicine", plain),
                line(511, 226, 684, 9.96, "Imperial College London, United Kingdom", plain),
                line(511, 238, 660, 9.96, "chukwuma.uduku04@imperial.ac.uk", plain),
                line(313, 258, 350, 9.96, "Kezhi Li", bold),
                line(313, 271, 440, 9.96, "University of Oxford", plain),
                line(313, 283, 420, 9.96, "Oxford, United Kingdom", plain),
                line(313, 295, 408, 9.96, "kezhi.li@imperial.ac.uk", plain),
                line(313, 328, 364, 9.96, "ABSTRACT", bold)};
  for (int i = 0; i < 30; ++i) page.lines.push_back(line(313, 344 + 12 * i, 720, 9.96, "body text of the wide column that runs on and on", plain));
  facts.pages.push_back(page);
  const PaperMeta m = read_pdf_meta(facts, "sigchi-a.pdf");
  CHECK(m.subtitle.empty());
  REQUIRE(names(m) == std::vector<std::string>{"Robert Spence", "Chukwuma Uduku", "Kezhi Li"});
  CHECK(institutions(m.authors[0]) == std::vector<std::string>{"Imperial College London"});
  CHECK(m.authors[0].affiliations[0].departments == std::vector<std::string>{"Dept. of Electrical and Electronic Engineering"});
  CHECK(m.authors[0].affiliations[0].country == "United Kingdom");
  CHECK(m.authors[1].emails == std::vector<std::string>{"chukwuma.uduku04@imperial.ac.uk"});
  CHECK(institutions(m.authors[2]) == std::vector<std::string>{"University of Oxford"});
  CHECK(m.authors[2].affiliations[0].city == "Oxford");
}

TEST_CASE("issue 28 items 1 and 6: a sigchi-a block of marked names over two lines, marked institutions, mailboxes in braces") {
  PdfFacts facts;
  PdfPage page;
  page.number = 1;
  page.width = 792;
  page.height = 612;
  const std::string bold = "LinBiolinumTB", plain = "LinBiolinumT";
  page.lines = {line(72, 517, 241, 9.1, "Figure 1: Ethnographic study at the OB", bold),  // the margin figure, read first
                line(373, 118, 659, 20.7, "From the Lab to the OB Truck", bold),
                line(313, 209, 680, 10, "Thomas Röggla1, Jie Li1, Stefan Fjellsten3,", bold, "Thomas Röggla, Jie Li, Stefan Fjellsten,"),
                line(313, 221, 527, 10, "Pablo Cesar1,2", bold, "Pablo Cesar"),
                line(313, 242, 591, 10, "Centrum Wiskunde & Informatica1 Amsterdam, The Netherlands", plain,
                     "Centrum Wiskunde & Informatica Amsterdam, The Netherlands"),
                line(313, 254, 548, 10, "Delft University of Technology2 Delft, The Netherlands", plain,
                     "Delft University of Technology Delft, The Netherlands"),
                line(313, 278, 477, 10, "ChyronHego AB3 Stockholm, Sweden", plain, "ChyronHego AB Stockholm, Sweden"),
                line(312, 300, 648, 10, "{t.roggla, jie.li}@cwi.nl, stefan.fjellsten@chyronhego.com, {p.s.cesar,", plain),
                line(313, 312, 604, 10, "x.y}@cwi.nl", plain),
                line(313, 342, 364, 10, "ABSTRACT", bold)};
  for (int i = 0; i < 30; ++i) page.lines.push_back(line(313, 357 + 12 * i, 720, 10, "body text of the wide column that runs on and on", plain));
  facts.pages.push_back(page);
  const PaperMeta m = read_pdf_meta(facts, "sigchi-a-marks.pdf");
  CHECK(m.title == "From the Lab to the OB Truck");
  REQUIRE(names(m) == std::vector<std::string>{"Thomas Röggla", "Jie Li", "Stefan Fjellsten", "Pablo Cesar"});
  CHECK(institutions(m.authors[2]) == std::vector<std::string>{"ChyronHego AB"});
  CHECK(m.authors[2].affiliations[0].country == "Sweden");
  CHECK(institutions(m.authors[3]) == std::vector<std::string>{"Centrum Wiskunde & Informatica", "Delft University of Technology"});
  CHECK(m.authors[1].emails == std::vector<std::string>{"jie.li@cwi.nl"});
  CHECK(m.authors[3].emails == std::vector<std::string>{"p.s.cesar@cwi.nl"});
}

TEST_CASE("issue 28 item 9: several people in one \\author, marks, mailboxes written as one, fields used for others") {
  const auto read = [](const std::string& front) {
    return parse_latex_meta("\\documentclass[sigconf]{acmart}\n\\begin{document}\n\\title{T}\n" + front + "\n\\maketitle\n\\end{document}\n");
  };
  const PaperMeta two = read("\\author{Hannah Li, David Evans}\n\\affiliation{\\institution{University of Virginia}}\n"
                             "\\email{[hannahli, evans]@virginia.edu}");
  REQUIRE(names(two) == std::vector<std::string>{"Hannah Li", "David Evans"});
  CHECK(institutions(two.authors[1]) == std::vector<std::string>{"University of Virginia"});
  CHECK(two.authors[0].emails == std::vector<std::string>{"hannahli@virginia.edu"});
  CHECK(two.authors[1].emails == std::vector<std::string>{"evans@virginia.edu"});

  const PaperMeta marked = read("\\author{Wei Bai$^{1}$~~~~~Kai Chen$^1$~~~~~Kun Tan$^2$ \\\\\n$^1$HKUST $^2$Huawei}");
  REQUIRE(names(marked) == std::vector<std::string>{"Wei Bai", "Kai Chen", "Kun Tan"});
  CHECK(institutions(marked.authors[0]) == std::vector<std::string>{"HKUST"});
  CHECK(institutions(marked.authors[2]) == std::vector<std::string>{"Huawei"});

  const PaperMeta later = read(
      "\\author{Thomas R\\\"{o}ggla$^1$, Pablo Cesar$^{1,2}$}\n"
      "\\affiliation{\\institution{Centrum Wiskunde \\& Informatica$^1$ \\quad Amsterdam, The Netherlands}\n"
      "  \\institution{Delft University of Technology$^2$ \\quad Delft, The Netherlands}}\n"
      "\\affiliation{\\{t.roggla\\}@cwi.nl, p.s.cesar@cwi.nl}");
  REQUIRE(names(later) == std::vector<std::string>{"Thomas Röggla", "Pablo Cesar"});
  CHECK(institutions(later.authors[0]) == std::vector<std::string>{"Centrum Wiskunde & Informatica"});
  CHECK(institutions(later.authors[1]) == std::vector<std::string>{"Centrum Wiskunde & Informatica", "Delft University of Technology"});
  CHECK(later.authors[1].affiliations[1].country == "The Netherlands");
  CHECK(later.authors[0].emails == std::vector<std::string>{"t.roggla@cwi.nl"});
  CHECK(later.authors[1].emails == std::vector<std::string>{"p.s.cesar@cwi.nl"});

  const PaperMeta misplaced = read(
      "\\author{Alex Groce}\\affiliation{\\institution{Northern Arizona University, USA}}\n"
      "\\author{Robert Spence}\\affiliation{\\institution{Dept. of Medicine}\\country{Imperial College London, United Kingdom}}\n"
      "\\author{Troy Nachtigall}\\affiliation{\\institution{Eindhoven University of Technology}\\city{Eindhoven}\\state{The Netherlands}}");
  REQUIRE(misplaced.authors.size() == 3);
  CHECK(misplaced.authors[0].affiliations[0].institution == "Northern Arizona University");
  CHECK(misplaced.authors[0].affiliations[0].country == "USA");
  CHECK(misplaced.authors[1].affiliations[0].institution == "Imperial College London");
  CHECK(misplaced.authors[1].affiliations[0].departments == std::vector<std::string>{"Dept. of Medicine"});
  CHECK(misplaced.authors[1].affiliations[0].country == "United Kingdom");
  CHECK(misplaced.authors[2].affiliations[0].country == "The Netherlands");

  CHECK(read("\\author{Anonymized}").authors.empty());
  // One person with "and" in no name of theirs stays one.
  CHECK(names(read("\\author{Ben Trovato}\\affiliation{\\institution{X}}")) == std::vector<std::string>{"Ben Trovato"});
}

TEST_CASE("issue 28 item 1: authors marked with pictures, the same picture before their institution") {
  // bundler: a beaver after each MIT name and before "MIT CSAIL", a corn
  // after Radhika Mittal and before "UIUC"; the text holds nothing there.
  PdfFacts facts = sigconf_page({line(156, 96.4, 457.3, 12, "Frank Cangialosi∗ , Akshay Narayan∗ , Prateesh Goyal ,",
                                      "LinLibertineT", "Frank Cangialosi , Akshay Narayan , Prateesh Goyal ,"),
                                 line(146.5, 111.9, 450.6, 12, "Radhika Mittal , Mohammad Alizadeh , Hari Balakrishnan"),
                                 line(267.2, 130.3, 359.7, 10.9, "MIT CSAIL UIUC")});
  const int beaver = 123, corn = 125;
  for (const auto& [x, y, picture] : std::vector<std::tuple<double, double, int>>{
           {241.6, 92.8, beaver}, {346.4, 92.8, beaver}, {439.7, 92.8, beaver}, {218.1, 106.6, corn},
           {341.9, 106.6, beaver}, {450.6, 106.6, beaver}, {252.3, 124.1, beaver}, {319.8, 124.1, corn}})
    facts.pages[0].pictures.push_back({{x, y, x + 14.9, y + 14.9}, picture});
  const PaperMeta m = read_pdf_meta(facts, "pictures.pdf");
  REQUIRE(names(m) == std::vector<std::string>{"Frank Cangialosi", "Akshay Narayan", "Prateesh Goyal", "Radhika Mittal",
                                               "Mohammad Alizadeh", "Hari Balakrishnan"});
  for (std::size_t k : {0, 1, 2, 4, 5}) CHECK(institutions(m.authors[k]) == std::vector<std::string>{"MIT CSAIL"});
  CHECK(institutions(m.authors[3]) == std::vector<std::string>{"UIUC"});
  CHECK(m.authors[3].affiliations[0].country.empty());
}

TEST_CASE("issue 28 item 9: pictures as marks in the source, and no picture's file name in a name") {
  const PaperMeta m = parse_latex_meta(
      "\\documentclass[sigconf]{acmart}\n"
      "\\newcommand{\\beaver}{\\includegraphics[width=15pt]{img/noun_Beaver_1604196}}\n"
      "\\newcommand{\\corn}{\\includegraphics[width=15pt]{img/noun_Corn_2550101}}\n"
      "\\begin{document}\n\\title{T}\n"
      "\\author{\\vspace{-20pt}\\Large Frank Cangialosi\\footnotemark[1]\\beaver, Prateesh Goyal\\beaver, \\\\\\vspace{-5pt}\n"
      "Radhika Mittal\\corn, Hari Balakrishnan\\beaver}\n"
      "\\affiliation{\\beaver MIT CSAIL \\corn UIUC}\n\\maketitle\n\\end{document}\n");
  REQUIRE(names(m) == std::vector<std::string>{"Frank Cangialosi", "Prateesh Goyal", "Radhika Mittal", "Hari Balakrishnan"});
  for (std::size_t k : {0, 1, 3}) CHECK(institutions(m.authors[k]) == std::vector<std::string>{"MIT CSAIL"});
  CHECK(institutions(m.authors[2]) == std::vector<std::string>{"UIUC"});
  // A picture is no text, wherever it stands.
  CHECK(latex_to_text("Wei Bai\\includegraphics[width=1em]{logo.png} and Kai Chen") == "Wei Bai and Kai Chen");
}

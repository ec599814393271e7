// volume.yaml (issue 30 item 1): a volume of workshop folders, its ACM record
// inherited by each workshop and never contradicted.
#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageLabelDocumentHelper.hh>

#include <fstream>

#include "build/pdf_book.hpp"
#include "proceedings/pdf_segment.hpp"
#include "helpers.hpp"
#include "proceedings/volume.hpp"

using namespace proceedings;

namespace {

const char* volume_acm = R"(acm:
  proceedings_title: "Proceedings of the SC '25 Workshops"
  conference: "Workshops of SC25"
  short_name: "SC Workshops '25"
  dates: "November 16–21, 2025"
  location: "St. Louis, MO, USA"
  year: 2025
  month: 11
  isbn: "979-8-4007-1871-7"
)";

// A volume folder `vol` with two workshop folders beside volume.yaml.
struct TwoWorkshops {
  test::TempDir dir;
  TwoWorkshops(const std::string& first_extra = "", const std::string& second_papers = "") {
    std::filesystem::create_directories(dir.path / "vol" / "a");
    std::filesystem::create_directories(dir.path / "vol" / "b");
    dir.write("vol/volume.yaml", std::string("id: sc-workshops-2025\nname: The SC '25 Workshops\n") + volume_acm +
                                     "chairs: [Wendy Chair]\nworkshops: [b, a]\n");
    dir.write("vol/a/workshop.yaml", std::string("id: a\nacronym: A'25\nname: Workshop A\nkind: workshop\n"
                                                 "date: 2025-11-17\ntimezone: America/Chicago\norganizers: [Ada]\n") +
                                         first_extra);
    dir.write("vol/a/papers.yaml", "papers:\n  - {id: pa, title: Paper A, authors: [Ann]}\n");
    dir.write("vol/b/workshop.yaml", "id: b\nacronym: B'25\nname: Workshop B\nkind: workshop\n"
                                     "date: 2025-11-16\ntimezone: America/Chicago\norganizers: [Bob]\n");
    dir.write("vol/b/papers.yaml", second_papers.empty() ? "papers:\n  - {id: pb, title: Paper B, authors: [Ben]}\n"
                                                         : second_papers);
  }
  std::filesystem::path folder() const { return dir.path / "vol"; }
};

}  // namespace

TEST_CASE("a volume lists its workshops in its order, each inheriting the volume's ACM record") {
  const TwoWorkshops made;
  CHECK(is_volume_folder(made.folder()));
  CHECK_FALSE(is_volume_folder(made.folder() / "a"));
  const Volume v = load_volume(made.folder());
  CHECK(v.id == "sc-workshops-2025");
  CHECK(v.acronym == "SC Workshops '25");  // acm.short_name when not given
  CHECK(v.location == "St. Louis, MO, USA");
  CHECK(v.date == "2025-11-16");  // the earliest workshop's
  REQUIRE(v.workshops.size() == 2);
  CHECK(v.workshops[0].id == "b");
  CHECK(v.workshops[1].id == "a");
  for (const auto& w : v.workshops) {
    REQUIRE(w.acm);
    CHECK(w.acm->isbn == "979-8-4007-1871-7");
    CHECK(w.acm->short_name == "SC Workshops '25");
  }
  CHECK(workshop_of_paper(v, "pa") == 1);
  CHECK(workshop_of_paper(v, "none") == static_cast<std::size_t>(-1));
  const Workshop venue = volume_venue(v);
  CHECK(venue.acronym == "SC Workshops '25");
  CHECK(venue.organizers.at(0).name == "Wendy Chair");
  CHECK(venue.papers.empty());
}

TEST_CASE("a workshop may repeat the volume's ACM record, and leave fields out, but not contradict it") {
  const std::string same = std::string(volume_acm) + "  paper_type: Short Paper\n";
  const TwoWorkshops agreeing(same);
  const Volume v = load_volume(agreeing.folder());
  CHECK(v.workshops[1].acm->paper_type == "Short Paper");  // the workshop's own default type stays

  std::string other = volume_acm;
  other.replace(other.find("979-8-4007-1871-7"), 17, "979-8-4007-0000-2");
  const TwoWorkshops contradicting(other);
  const std::string error = test::error_line([&] { load_volume(contradicting.folder()); });
  CHECK(error.find((contradicting.folder() / "a" / "workshop.yaml").string()) == 0);
  CHECK(error.find("acm.isbn is '979-8-4007-0000-2'") != std::string::npos);
  CHECK(error.find((contradicting.folder() / "volume.yaml").string() + " says '979-8-4007-1871-7'") != std::string::npos);
}

TEST_CASE("volume.yaml mistakes name the file") {
  const TwoWorkshops made("", "papers:\n  - {id: pa, title: Same id, authors: [Ben]}\n");
  const std::string twice = test::error_line([&] { load_volume(made.folder()); });
  CHECK(twice.find("paper id 'pa' is used by") != std::string::npos);
  CHECK(twice.find((made.folder() / "b" / "papers.yaml").string()) != std::string::npos);
  CHECK(twice.find((made.folder() / "a" / "papers.yaml").string()) != std::string::npos);

  const TwoWorkshops missing;
  missing.dir.write("vol/volume.yaml", std::string("id: v\nname: V\n") + volume_acm + "workshops: [a, nowhere]\n");
  const std::string no_folder = test::error_line([&] { load_volume(missing.folder()); });
  CHECK(no_folder.find("volume.yaml:") != std::string::npos);
  CHECK(no_folder.find("workshop folder 'nowhere' holds no workshop.yaml") != std::string::npos);

  missing.dir.write("vol/volume.yaml", "id: v\nname: V\nworkshops: [a]\n");
  CHECK(test::error_line([&] { load_volume(missing.folder()); }).find("needs 'acm'") != std::string::npos);
  missing.dir.write("vol/volume.yaml", std::string("id: v\nname: V\n") + volume_acm + "workshops: [a, ./a]\n");
  CHECK(test::error_line([&] { load_volume(missing.folder()); }).find("listed twice") != std::string::npos);
  missing.dir.write("vol/volume.yaml", std::string("id: v\nname: V\nrooms: 3\n") + volume_acm + "workshops: [a]\n");
  CHECK(test::error_line([&] { load_volume(missing.folder()); }).find("field 'rooms' is not a known field") !=
        std::string::npos);
}

namespace {

// Two pages; page 1 links to "book-page:N" (as the front matter and the index do).
std::filesystem::path two_page_segment(const std::filesystem::path& dir, const std::string& name, int book_page) {
  const std::string pdf = test::pdf_of({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 300 400] >>",
      "<< /Type /Page /Parent 2 0 R /Annots [5 0 R] >>",
      "<< /Type /Page /Parent 2 0 R >>",
      "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (book-page:" + std::to_string(book_page) +
          ") >> >>",
  });
  std::ofstream(dir / (name + ".pdf"), std::ios::binary) << pdf;
  QPDF source;
  source.processFile((dir / (name + ".pdf")).c_str());
  const auto segment = dir / (name + ".seg");
  save_segment(make_segment(source), segment);
  return segment;
}

}  // namespace

TEST_CASE("a volume's book: each workshop's own pages before its papers, labelled apart, the papers numbered on") {
  test::TempDir dir;
  // front, part A, paper 1, part B, paper 2, index: 12 pages. The front's
  // book-page:3 is paper 2's first page (index 8: the part pages do not
  // count); the index's book-page:2 is paper 1's second page (index 5).
  const auto seg = [&](const std::string& name, int to) { return two_page_segment(dir.path, name, to); };
  build::BookParts parts{seg("front", 3), {seg("p1", 1), seg("p2", 1)}, seg("back", 2), {}, "Proceedings of V", "S"};
  parts.interludes = {{seg("a", 1), 0, "A'25 "}, {seg("b", 1), 1, "B'25 "}};
  build::assemble_book(parts, dir.path / "book.pdf");
  QPDF book;
  book.processFile((dir.path / "book.pdf").c_str());
  auto pages = QPDFPageDocumentHelper(book).getAllPages();
  REQUIRE(pages.size() == 12);
  auto link_target = [&](std::size_t page) mutable {
    return pages[page].getObjectHandle().getKey("/Annots").getArrayItem(0).getKey("/Dest").getArrayItem(0).getObjGen();
  };
  CHECK(link_target(0) == pages[8].getObjectHandle().getObjGen());
  CHECK(link_target(10) == pages[5].getObjectHandle().getObjGen());
  CHECK(link_target(2) == pages[4].getObjectHandle().getObjGen());  // part A's book-page:1: paper 1's first page

  QPDFPageLabelDocumentHelper labels(book);
  auto label = [&](long long page) { return labels.getLabelForPage(page); };
  CHECK(label(0).getKey("/S").getName() == "/r");
  CHECK(label(2).getKey("/P").getUTF8Value() == "A'25 ");
  CHECK(label(3).getKey("/St").getIntValue() == 2);  // A'25 ii
  CHECK(label(4).getKey("/S").getName() == "/D");
  CHECK(label(4).getKey("/St").getIntValue() == 1);
  CHECK(label(6).getKey("/P").getUTF8Value() == "B'25 ");
  CHECK(label(8).getKey("/St").getIntValue() == 3);   // paper 2 starts on page 3
  CHECK(label(10).getKey("/St").getIntValue() == 5);  // the index numbers on
}

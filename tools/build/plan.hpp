#pragma once
// What goes into the book, in which order, on which pages.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "build/state.hpp"
#include "proceedings/model.hpp"
#include "proceedings/program.hpp"

namespace proceedings::build {

struct BookPaper {
  Paper record;
  std::filesystem::path pdf;
  std::string sha256;
  std::string session;  // program session title, "" if the paper is not in the program
  int pages = 0;
  int first_page = 0;  // arabic page number in the book
  std::size_t part = 0;  // a volume's paper: its workshop in BookPlan::parts
  // A draft's stand-in: why a placeholder page takes the paper's place ("no
  // camera-ready PDF yet", "fails the venue's checks: ..."); "" for the paper's own PDF.
  std::string placeholder = {};
  int last_page() const { return first_page + pages - 1; }
};

// A workshop of a volume (book/volume.hpp): its own pages come before its papers.
struct BookPart {
  Workshop workshop;
  std::size_t first_paper = 0, papers = 0;  // its papers in BookPlan::papers
};

struct BookPlan {
  Workshop workshop;
  std::vector<BookPaper> papers;  // program order, then papers the program does not name
  std::string footer;             // the venue on each page's folio: folio_venue()
  int paper_pages = 0;
  std::vector<BookPart> parts = {};  // a volume's workshops in its order (workshop: the volume); empty for a venue
  // Uploads core's matcher took for a paper other than by file name
  // ("FILE: paper ID (by submission number 12)"), and files no paper fits.
  std::vector<std::string> taken = {}, strays = {};
};

// Finds each paper's PDF in `papers_dir` with core's upload matcher
// (<id>.pdf, a submission system's numbered name, the title on page 1); the
// papers without one are one input Error naming them all, unless `draft`,
// which gives each a placeholder (BookPaper::placeholder, no PDF yet, one
// page). A file that fits two papers, or a second file for one paper, is a
// usage Error naming the candidates. A PDF whose input_stamp() is the one in
// `facts` is not opened: its page count and hash are taken from there; the
// others are hashed and their pages counted (MuPDF reads only the
// cross-reference table and the page tree), on up to `jobs` threads, and
// `facts` is left holding exactly the plan's papers.
BookPlan make_plan(Workshop workshop, const std::filesystem::path& papers_dir,
                   std::map<std::string, PaperFacts>& facts, unsigned jobs, bool draft = false);

// Each paper's first page in the book, from the pages of those before it.
void number_pages(BookPlan& plan);

}  // namespace proceedings::build

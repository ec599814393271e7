#pragma once
// Metadata of one paper as extracted from its PDF or LaTeX source.
#include <map>
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings {

// An author as the paper gives it: the model's Person, with structured
// affiliations, additional affiliations and every email.
using AuthorMeta = Person;

struct Concept {
  std::string text;  // "Computing methodologies~Parallel computing methodologies"
  int weight = 0;       // 500, 300, 100; 0 when the input does not say (PDFs)
};

struct PaperMeta {
  std::string input;  // the file or folder read
  std::string kind;   // pdf or latex
  std::string title;
  std::string subtitle;
  std::vector<AuthorMeta> authors;
  std::string abstract;
  std::vector<std::string> keywords;
  std::vector<Concept> ccs;
  int pages = 0;  // PDFs only
  // Where each field came from: latex, pdf-info, pdf-xmp, pdf-layout,
  // pdf-layout (authors' addresses), pdf-links. Fields: title, subtitle,
  // authors, affiliations, emails, orcids, abstract, keywords, ccs.
  std::map<std::string, std::string> source;
  // How sure the reader is of each field it read, 0 to 1 (PDFs; a LaTeX
  // source is what it says). A field it cannot establish is left empty with a note.
  std::map<std::string, double> confidence;
  std::vector<std::string> notes;  // contradictions between sources, fallbacks taken, fields left empty
};

}  // namespace proceedings

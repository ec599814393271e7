#pragma once
// Annotated copies of failing papers: what `check` found, drawn on the
// authors' own PDF as annotations any viewer shows.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "proceedings/check/analyze.hpp"
#include "proceedings/pdf_pages.hpp"

namespace proceedings::check {

// A square around each line in a margin, the template's text block where
// the block was changed, a note where the references start and a note on
// page 1 listing every problem.
std::vector<PdfMark> marks_for(const Analysis& analysis);

// The copy's name for each of `inputs`: its own file name, or, where inputs
// share one, that name after as many of its folders as tell them apart
// ("a-paper.pdf", "b-paper.pdf"), numbered ("paper-2.pdf") if even that does
// not. The same inputs give the same names, whichever papers fail.
std::vector<std::string> annotated_names(const std::vector<std::filesystem::path>& inputs);

// The annotated copies of one batch: DIR/<its name> for each failing paper.
class AnnotatedCopies {
 public:
  AnnotatedCopies(std::filesystem::path dir, const std::vector<std::filesystem::path>& inputs);
  // The copy written, or an empty path for a paper that does not fail.
  // Refuses to write over any input of the batch or a file that is not a PDF.
  std::filesystem::path write(const Analysis& analysis) const;

 private:
  std::filesystem::path dir_;
  std::vector<std::filesystem::path> inputs_;
  std::map<std::string, std::string> names_;  // input as given -> copy's name
};

}  // namespace proceedings::check

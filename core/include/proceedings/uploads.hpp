#pragma once
// Which paper of papers.yaml an uploaded file is: the one matcher that
// `check --venue`, `collect`, `build`, `notify` and `status` share, so that
// every command takes a file for the same paper and can say how.
//
// The tiers, in order; the first that decides wins:
//   1. the file name is the paper's id ("wages.pdf");
//   2. the file name carries a submission number that papers.yaml's
//      `submission:` key holds ("exhetai25-final12.pdf", "paper12.pdf",
//      "12.pdf", "EXHETAI25_12.pdf" for a paper with `submission: hotcrp:12`);
//      when the name carries no number, the name of the folder the file lies
//      in, below the collected source's root ("exhetai25-12/paper.pdf",
//      "submission_12/final.pdf", "12/camera-ready.pdf",
//      "EXHETAI25_paper_12/x.pdf": the "download all" zips' layout);
//   3. page 1 prints the paper's title (compared as letters and digits, so
//      line breaks, hyphenation, ligatures and curly quotes do not matter).
// A tier that finds two papers decides too: the upload is ambiguous and
// names them (candidates), and no later tier is asked.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "proceedings/model.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings {

enum class MatchedBy { none, file_name, submission_number, title };

struct UploadMatch {
  std::string paper;                    // the paper's id; empty when no paper or more than one fits
  MatchedBy by = MatchedBy::none;       // the tier that decided (also for an ambiguous upload)
  int number = 0;                       // the number read from the name, for MatchedBy::submission_number
  std::string folder;                   // the folder whose name gave `number`; "" when the file's own name did
  std::vector<std::string> candidates;  // two or more papers fit: their ids, in papers.yaml's order

  bool matched() const { return !paper.empty(); }
  bool ambiguous() const { return candidates.size() > 1; }
  // "file name", "submission number 12", "submission number 12 (folder
  // exhetai25-12)" or "title"; "" when no tier decided.
  std::string how() const;
};

// The submission number an upload's file name carries (HotCRP's
// <prefix>final<N>.pdf and <prefix>paper<N>.pdf, "submission<N>", a bare
// "<N>.pdf", EasyChair's "<ACRONYM>_<N>.pdf"), nullopt when it carries none.
std::optional<int> submission_number_in_name(const std::string& file_name);

// The submission number a folder's name carries: the names above, and the
// "download all" zips' "<prefix>-<N>" ("exhetai25-12"); nullopt for none.
std::optional<int> submission_number_in_folder(const std::string& folder_name);

// The name of the folder `file` lies in, when that folder is below `root`
// (a folder of the collected source); "" when `file` lies in `root` itself,
// outside it, or `root` is empty. Never a folder at or above the root: a
// scratch folder's or the chair's own folder's digits are no number.
std::string folder_below(const std::filesystem::path& file, const std::filesystem::path& root);

// The number in papers.yaml's `submission:` key ("hotcrp:17" -> 17,
// "easychair:42" -> 42, "17" -> 17); nullopt for a key made of title words
// (csv:scheduling-stencils-...) or none.
std::optional<int> submission_number_of(const Paper& paper);

// The text of page 1 a title is looked for in: its first lines, where
// acmart and the other templates print the title.
std::string title_text(const PdfPage& page1);

// title_text of `file`'s first page; "" when the file cannot be read.
std::string read_title_text(PdfReader& reader, const std::filesystem::path& file);

// Which of `papers` the upload named `file_name` (a name or a path; only the
// last part counts) is. `title` is called only when the name decides
// nothing, so that a file is read only when need be; it returns page 1's
// title_text, or "" for a file that cannot be read. `folder` is the name of
// the folder the file lies in (folder_below), asked only when the file's
// name carries no submission number; "" for none.
UploadMatch match_upload(const std::string& file_name, const std::function<std::string()>& title,
                         const std::vector<Paper>& papers, const std::string& folder = "");

// One file of a batch with its match and, when other files of the batch were
// taken for the same paper, those files: then none of them is taken.
struct Rival {
  std::filesystem::path file;
  std::string how;  // its UploadMatch::how()
};

struct MatchedUpload {
  std::filesystem::path file;
  UploadMatch match;
  std::vector<Rival> rivals;  // the other files taken for match.paper

  // The paper this file is taken for: matched, not ambiguous, no rival.
  bool taken() const { return match.matched() && rivals.empty(); }
  // Why it is not taken, as one sentence naming the candidates ("" when
  // taken): "matches no paper of papers.yaml (...)", "fits 2 papers: a
  // (title), b (title)", "is one of 2 files for paper 'a': x.pdf (file
  // name), y.pdf (title)".
  std::string problem() const;
};

// Every file of a batch matched, in the order of `files`. `title_of` reads a
// file's title_text when the name decides nothing (read_title_text, or
// text the caller has already read). `root` is the collected source's root:
// a file's folder below it may carry the number (folder_below); empty for
// a flat folder such as papers/, where no folder is asked.
std::vector<MatchedUpload> match_uploads(const std::vector<std::filesystem::path>& files,
                                         const std::vector<Paper>& papers,
                                         const std::function<std::string(const std::filesystem::path&)>& title_of,
                                         const std::filesystem::path& root = {});

}  // namespace proceedings

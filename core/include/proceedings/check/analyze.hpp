#pragma once
// Analyze: facts read from one PDF, judged against the rules of one venue.
#include <optional>
#include <string>
#include <vector>

#include "proceedings/check/codes.hpp"
#include "proceedings/check/layout.hpp"
#include "proceedings/check/rules.hpp"
#include "proceedings/diagnostic.hpp"
#include "proceedings/pdf.hpp"

namespace proceedings::check {

// A code (e.g. PAGES_OVER), error (the paper fails) or warning, and a
// sentence a chair can paste into an email to the authors.
using Problem = Diagnostic;

struct ReferencesStart {
  int page = 0;
  double y = 0;  // points from the top of the page
  LinePlace place;  // the heading's (or first entry's) column and line, as the authors count them
};

struct TemplateFacts {
  std::string class_name;  // acmart, acm-word (ACM's Word templates), or "unknown"
  std::string format;      // acmart: sigconf, sigplan, acmtog, acmsmall, acmlarge, manuscript, sigchi-a;
                           // acm-word: interim; or ""
  std::string producer;    // the word processor that made the PDF, for acm-word
  std::string version;     // acmart version from the PDF Creator, e.g. 1.88
  bool libertine = false;
  bool acm_reference_format = false;
  bool ccs_concepts = false;
  bool keywords = false;
};

struct FontFacts {
  bool all_embedded = true;
  int type3 = 0;
  std::vector<std::string> not_embedded;
};

struct Analysis {
  std::string file;
  Verdict verdict = Verdict::pass;
  std::string error;    // why the file could not be analysed (verdict error)
  int pages = 0;
  std::vector<int> body_pages;          // page numbers carrying non-bibliography content
  std::vector<int> bibliography_pages;  // page numbers carrying the reference list
  std::optional<ReferencesStart> references_start;
  std::vector<std::string> evidence;  // how the references and appendix were found
  std::string paper;                  // letter, a4, "W x H pt", or mixed
  int columns = 0;
  double body_font_pt = 0;
  Box text_block;  // where most lines start and end (odd pages); one overfull line does not move it
  TextBlock block;
  std::vector<Intrusion> intrusions;  // lines beyond the text block
  double column_gap = 0;              // points between two columns, where measured
  TextBlock template_block;           // where the paper's template puts the text block (sides), if known
  double margin_left = 0, margin_right = 0, margin_top = 0, margin_bottom = 0;
  TemplateFacts template_facts;
  FontFacts fonts;
  bool encrypted = false;
  std::vector<std::string> unsafe;  // hazard kinds found
  bool anonymous = false;
  bool line_numbers = false;
  bool draft = false;                 // a draft overlay (acmart authordraft)
  std::vector<std::string> overlays;  // watermarks, stamps and draft overlays left out of the analysis
  std::vector<Problem> problems;
  // With a venue's papers: the paper this file was taken for and how
  // (proceedings/uploads.hpp); `taken_for` says why none when paper_id is empty.
  std::string paper_id;
  std::string taken_for;  // "paper 'wages' (by file name)", "no paper of papers.yaml", "2 papers by title: 'a', 'b'"
  bool text_block_moved = false;  // a MARGINS problem: the block is not where the template puts it
};

Analysis analyze(const std::string& file, const PdfFacts& facts, const CheckRules& rules);

// The result for a file that could not be read.
Analysis unreadable(const std::string& file, const std::string& reason);

}  // namespace proceedings::check

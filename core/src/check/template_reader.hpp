#pragma once
// Which template made a paper: acmart and its format, one of ACM's Word
// layouts, or none, read from the PDF's Info, fonts, front matter and the
// pages as the analysis measured them (columns, text block, body size).
#include <string>

#include "proceedings/check/acm_formats.hpp"
#include "proceedings/check/analyze.hpp"
#include "proceedings/check/page_lines.hpp"

namespace proceedings::check {

// Does a line of the first `max_page` pages pass `matches`?
template <class Test>
bool any_line(const PdfFacts& facts, Test&& matches, int max_page) {
  for (const auto& page : facts.pages) {
    if (page.number > max_page) break;
    for (const auto& line : page.lines)
      if (matches(line.text)) return true;
  }
  return false;
}

class TemplateReader {
 public:
  // `analysis` holds the measured columns and text block; read() adds its evidence.
  TemplateReader(const PdfFacts& facts, const SortedLines& sorted, double body_size, Analysis& analysis)
      : facts_(facts), sorted_(sorted), body_size_(body_size), out_(analysis) {}

  TemplateFacts read();

 private:
  void read_marks(const std::string& creator);
  bool made_with_acmart(const std::string& creator);
  std::string word_processor() const;
  std::string word_layout();
  bool acmart_stamp();
  bool acmart_page(const std::string& creator);
  std::string acm_format();
  PageEvidence page_evidence() const;

  const PdfFacts& facts_;
  const SortedLines& sorted_;
  double body_size_;
  Analysis& out_;
  TemplateFacts t_;
};

}  // namespace proceedings::check

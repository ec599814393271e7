#include "template_reader.hpp"

#include <algorithm>

#include "proceedings/check/text_match.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings::check {

namespace {

bool libertine(const std::vector<PdfFont>& fonts) {
  return std::any_of(fonts.begin(), fonts.end(), [](const PdfFont& font) {
    return font.name.find("Libertine") != std::string::npos || font.name.find("LinBiolinum") != std::string::npos;
  });
}

}  // namespace

TemplateFacts TemplateReader::read() {
  const auto creator = facts_.info.count("Creator") ? facts_.info.at("Creator") : std::string();
  read_marks(creator);
  t_.producer = word_processor();
  if (made_with_acmart(creator)) {
    t_.class_name = "acmart";
    t_.format = acm_format();
  } else if (!t_.producer.empty() && (t_.acm_reference_format || t_.ccs_concepts)) {
    t_.class_name = "acm-word";
    t_.format = word_layout();
  } else {
    t_.class_name = "unknown";
  }
  return t_;
}

// acmart's version in the Creator, its fonts and its front matter.
void TemplateReader::read_marks(const std::string& creator) {
  static const Regex acmart_version(R"(acmart\s+\d{4}/\d{2}/\d{2}\s+v([0-9.]+[a-z]?))");
  Match m;
  if (acmart_version.search(creator, m)) t_.version = m.str(1);
  t_.libertine = libertine(facts_.fonts);
  t_.acm_reference_format =
      any_line(facts_, [](const std::string& text) { return text.find("ACM Reference Format") != std::string::npos; }, 2);
  t_.ccs_concepts = any_line(facts_, [](const std::string& text) { return match::contains_icase(text, "ccs concepts"); }, 2);
  t_.keywords = any_line(facts_, [](const std::string& text) { return match::starts_with_keywords(text); }, 2);
}

bool TemplateReader::made_with_acmart(const std::string& creator) {
  if (creator.find("acmart") != std::string::npos) return true;
  if (!t_.producer.empty()) return false;
  if (acmart_stamp()) return true;
  return (t_.libertine && t_.acm_reference_format) || acmart_page(creator);
}

// acmart stamps its retired sigchi-a format "Legacy document. Not for
// publication in an ACM venue"; nothing else prints it.
bool TemplateReader::acmart_stamp() {
  for (const auto& aside : sorted_.set_aside)
    if (aside.role == LineRole::overlay && aside.line.text.find("Legacy document") != std::string::npos) {
      out_.evidence.push_back("template acmart: acmart's stamp of its retired sigchi-a format ('" +
                              trim(aside.line.text) + "') on page " + std::to_string(aside.page));
      return true;
    }
  return false;
}

// The word processor that made the PDF, from Producer and Creator, or "".
std::string TemplateReader::word_processor() const {
  // Adobe's PDFMaker names Word in its Creator ("Acrobat PDFMaker 23 for Word").
  static const Regex word(R"(LibreOffice|OpenOffice|Microsoft.*Word|PDFMaker.*Word|^Writer$|^Word$|Pages|Google Docs)",
                          Regex::icase);
  static const Regex tex(R"(TeX|acmart)", Regex::icase);
  for (const char* key : {"Producer", "Creator"}) {
    auto found = facts_.info.find(key);
    if (found == facts_.info.end() || tex.contains(found->second)) continue;
    if (word.contains(found->second)) return found->second;
  }
  return "";
}

// ACM's Word templates, told apart by their column count: the two-column
// Interim Layout (the proceedings page) or the one-column submission
// manuscript. The page is then judged against the layout's own geometry.
std::string TemplateReader::word_layout() {
  const auto& t = t_;
  const std::string layout = out_.columns == 2 ? "interim" : out_.columns == 1 ? "submission" : "";
  const double width = facts_.pages.front().width;
  const Box& b = out_.block.odd;
  std::string e = "template acm-word: made with '" + t.producer + "' (no acmart in the PDF Creator), ACM front matter (" +
                  std::string(t.ccs_concepts ? "CCS Concepts" : "") +
                  (t.ccs_concepts && t.acm_reference_format ? ", " : "") +
                  (t.acm_reference_format ? "ACM Reference Format" : "") + ")" +
                  (t.libertine ? ", Libertine fonts" : "") + ", paper " + to_fixed(width, 0) + " x " +
                  to_fixed(facts_.pages.front().height, 0) + " pt, " + std::to_string(out_.columns) + " column(s)";
  if (out_.block.found) {
    e += ", text block x " + to_fixed(b.x0) + "-" + to_fixed(b.x1) + " pt";
    if (const AcmFormat* page = acm_word_layout_named("interim"); layout == "interim") {
      e += " (Interim Layout: " + to_fixed(page->inner) + "-" + to_fixed(page->paper_width - page->outer) + ")";
      if (out_.column_gap > 0)
        e += ", columns " + to_fixed(out_.column_gap) + " pt apart (" + to_fixed(page->column_gap) + ")";
    }
  }
  out_.evidence.push_back(e + (layout.empty() ? "" : ": " + layout));
  return layout;
}

// A Creator that does not name acmart (an older acmart.cls brought with
// the sources, a pdfcreator of the author's): acmart's front matter on
// one of its pages.
bool TemplateReader::acmart_page(const std::string& creator) {
  const auto& t = t_;
  // Libertine with CCS Concepts or Keywords, or, in other fonts, both the
  // ACM Reference Format and CCS Concepts.
  const bool front_matter = t.libertine ? t.ccs_concepts || t.keywords : t.acm_reference_format && t.ccs_concepts;
  if (!front_matter || !fits_an_acm_page(page_evidence())) return false;
  out_.evidence.push_back("template acmart: the PDF Creator ('" + creator + "') does not name acmart, but the page" +
                          (t.libertine ? ", the Libertine fonts" : "") + " and the " +
                          (t.acm_reference_format && !t.libertine ? "ACM Reference Format, " : "") +
                          (t.ccs_concepts ? "CCS Concepts" : "Keywords") + " are acmart's");
  return true;
}

// acmart's formats differ in paper, text block, columns, body size, running heads and style.
std::string TemplateReader::acm_format() {
  FormatMatch match = match_acm_format(page_evidence());
  for (auto& e : match.evidence) out_.evidence.push_back("template " + e);
  return match.format;
}

PageEvidence TemplateReader::page_evidence() const {
  PageEvidence seen;
  seen.paper_width = facts_.pages.front().width;
  seen.paper_height = facts_.pages.front().height;
  seen.columns = out_.columns;
  seen.body_pt = body_size_;
  seen.block = out_.block;
  seen.synopsis = any_line(facts_, [](const std::string& text) { return match::is_alone_icase(text, "synopsis"); }, 1);
  seen.abstract_heading =
      any_line(facts_, [](const std::string& text) { return match::is_alone_icase(text, "abstract"); }, 1);
  for (const auto& aside : sorted_.set_aside)
    if (aside.role == LineRole::running_head) seen.running_heads.push_back(trim(aside.line.text));
  seen.capital_heads = capital_heads(sorted_.pages, body_size_);
  seen.sans_title = sans_title(facts_.pages.front());
  return seen;
}

}  // namespace proceedings::check

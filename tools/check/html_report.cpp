#include "check/html_report.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/pdf_pages.hpp"
#include "proceedings/text.hpp"

namespace proceedings::check {

namespace {

const char* const kStyle = R"(
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:75em;padding:0 1em;color:#222}
h1{margin-bottom:.2em}
.summary{display:flex;flex-direction:column;border:1px solid #ccc;margin:1em 0}
.row{display:grid;grid-template-columns:3fr 1fr 1fr 1fr 4fr;gap:.5em;padding:.25em .5em;border-top:1px solid #eee}
.row.head{font-weight:bold;background:#f3f3f3;order:-1;border-top:0}
#by-verdict:checked~.summary .row{order:var(--by-verdict)}
#by-name:checked~.summary .row{order:var(--by-name)}
.sorter{margin-right:1em}
.verdict{font-weight:bold;text-transform:uppercase}
.verdict.pass{color:#1a7f37}.verdict.fail{color:#c62828}.verdict.error{color:#8a4b00}
section.paper{border-top:2px solid #ccc;margin-top:2em;padding-top:.5em}
.problem.error{color:#c62828}.problem.warning{color:#8a4b00}
.evidence{color:#555;font-size:90%}
.pages{display:flex;flex-wrap:wrap;gap:12px}
figure{margin:0}
.sheet{position:relative;width:340px;border:1px solid #999;box-shadow:2px 2px 4px #bbb}
.sheet img{display:block;width:100%;height:auto}
.mark{position:absolute;box-sizing:border-box}
.mark.block{border:1px dashed #1e5bd8}
.mark.refs{border-top:2px solid #1a7f37;left:0;right:0;height:0}
.mark.hit{border:2px solid #c62828;background:rgba(198,40,40,.12)}
figcaption{font-size:85%;color:#555}
.legend span{margin-right:1.5em}
)";

// Positions go into generated classes: html-validate (and strict CSPs) refuse inline styles.
class Css {
 public:
  std::string add(const std::string& declarations) {
    const std::string name = "s" + std::to_string(rules_.size());
    rules_.push_back("." + name + "{" + declarations + "}");
    return name;
  }
  std::string text() const {
    std::string all;
    for (const auto& r : rules_) all += r + "\n";
    return all;
  }

 private:
  std::vector<std::string> rules_;
};

// A page image has at most four letter pages' worth of pixels, and a paper
// at most this many images: a small file of huge or many pages makes a small report.
constexpr double max_image_pixels = 600000;
constexpr int max_images = 40;

int verdict_rank(Verdict verdict) { return verdict == Verdict::fail ? 0 : verdict == Verdict::error ? 1 : 2; }

std::string name_of(const Analysis& a) { return std::filesystem::path(a.file).filename().string(); }

// A box in page points as CSS percentages of the page.
std::string placed(const Box& b, double width, double height) {
  return "left:" + to_fixed(100 * b.x0 / width, 2) + "%;top:" + to_fixed(100 * b.y0 / height, 2) +
         "%;width:" + to_fixed(100 * b.width() / width, 2) + "%;height:" + to_fixed(100 * b.height() / height, 2) + "%";
}

void summary(std::ostringstream& out, Css& css, const std::vector<Analysis>& analyses) {
  out << "<input type=\"radio\" name=\"sort\" id=\"by-verdict\" checked><label class=\"sorter\" for=\"by-verdict\">"
         "Sort by verdict</label>\n<input type=\"radio\" name=\"sort\" id=\"by-name\"><label class=\"sorter\" "
         "for=\"by-name\">Sort by file</label>\n<div class=\"summary\">\n<div class=\"row head\"><span>File</span>"
         "<span>Verdict</span><span>Pages</span><span>Body</span><span>Problems</span></div>\n";
  for (std::size_t i = 0; i < analyses.size(); ++i) {
    const auto& a = analyses[i];
    std::string codes;
    for (const auto& p : a.problems) codes += (codes.empty() ? "" : ", ") + p.code;
    if (a.verdict == Verdict::error) codes = "unreadable: " + a.error;
    const std::string order = css.add("--by-verdict:" + std::to_string(verdict_rank(a.verdict) * 100000 + static_cast<int>(i)) +
                                      ";--by-name:" + std::to_string(i));
    out << "<div class=\"row " << order << "\"><a href=\"#paper-" << i << "\">" << html_escape(name_of(a)) << "</a>"
        << "<span class=\"verdict " << verdict_name(a.verdict) << "\">" << verdict_name(a.verdict) << "</span><span>" << a.pages
        << "</span><span>" << a.body_pages.size() << "</span><span>" << html_escape(codes) << "</span></div>\n";
  }
  out << "</div>\n";
}

void page_image(std::ostringstream& out, Css& css, const Analysis& a, int page, double width, double height, double dpi) {
  std::string png;
  try {
    png = render_page_png(a.file, page, dpi, max_image_pixels);
  } catch (const Error&) {
    return;  // a page MuPDF cannot draw is left out; the verdict stands
  }
  const bool bib = std::find(a.bibliography_pages.begin(), a.bibliography_pages.end(), page) != a.bibliography_pages.end();
  const bool body = std::find(a.body_pages.begin(), a.body_pages.end(), page) != a.body_pages.end();
  out << "<figure><div class=\"sheet\"><img alt=\"page " << page << " of " << html_escape(name_of(a))
      << "\" src=\"data:image/png;base64," << base64(png) << "\">";
  if (a.template_block.found) {
    Box t = a.template_block.on_page(page);
    t.y0 -= 9;  // baselines to the top of the first line
    out << "<span class=\"mark block " << css.add(placed(t, width, height)) << "\"></span>";
  }
  if (a.references_start && a.references_start->page == page)
    out << "<span class=\"mark refs " << css.add("top:" + to_fixed(100 * a.references_start->y / height, 2) + "%")
        << "\"></span>";
  for (const auto& i : a.intrusions)
    if (i.page == page)
      out << "<span class=\"mark hit " << css.add(placed(i.box, width, height)) << "\" title=\""
          << html_escape(i.side + " margin: " + i.text) << "\"></span>";
  out << "</div><figcaption>page " << page << (body && bib ? ": body and references" : bib ? ": references" : "")
      << "</figcaption></figure>\n";
}

void paper(std::ostringstream& out, Css& css, const Analysis& a, std::size_t index, double dpi) {
  out << "<section class=\"paper\" id=\"paper-" << index << "\">\n<h2>" << html_escape(name_of(a)) << " <span class=\"verdict "
      << verdict_name(a.verdict) << "\">" << verdict_name(a.verdict) << "</span></h2>\n";
  if (!a.taken_for.empty()) out << "<p>Taken for " << html_escape(a.taken_for) << ".</p>\n";
  if (a.verdict == Verdict::error) {
    out << "<p class=\"problem error\">" << html_escape(a.error) << "</p>\n</section>\n";
    return;
  }
  out << "<p>" << a.pages << " pages, " << a.body_pages.size() << " body, " << a.bibliography_pages.size()
      << " bibliography; template " << html_escape(a.template_facts.class_name + " " + a.template_facts.format)
      << "</p>\n<ul>\n";
  for (const auto& p : a.problems)
    out << "<li class=\"problem " << severity_name(p.severity) << "\"><strong>" << p.code << "</strong> ("
        << severity_name(p.severity) << ") "
        << html_escape(p.message) << "</li>\n";
  if (a.problems.empty()) out << "<li>No problems.</li>\n";
  out << "</ul>\n<ul class=\"evidence\">\n";
  for (const auto& e : a.evidence) out << "<li>" << html_escape(e) << "</li>\n";
  out << "</ul>\n<div class=\"pages\">\n";
  const double width = a.text_block.x1 > 0 ? a.text_block.x1 + a.margin_right : 612;
  const double height = a.text_block.y1 > 0 ? a.text_block.y1 + a.margin_bottom : 792;
  for (int page = 1; page <= std::min(a.pages, max_images); ++page) page_image(out, css, a, page, width, height, dpi);
  out << "</div>\n";
  if (a.pages > max_images)
    out << "<p class=\"evidence\">Pages " << max_images + 1 << " to " << a.pages << " are not shown.</p>\n";
  out << "</section>\n";
}

}  // namespace

std::string html_report(const std::vector<Analysis>& analyses, double dpi, const std::string& stage) {
  std::ostringstream out, body;
  Css css;
  summary(body, css, analyses);
  for (std::size_t i = 0; i < analyses.size(); ++i) paper(body, css, analyses[i], i, dpi);
  int failed = 0, errors = 0;
  for (const auto& a : analyses) failed += a.verdict == Verdict::fail, errors += a.verdict == Verdict::error;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Format check of "
      << analyses.size() << " papers</title>\n<style>" << kStyle << css.text() << "</style>\n</head>\n<body>\n<h1>Format check</h1>\n<p>"
      << analyses.size() << " papers: " << failed << " fail, " << errors << " could not be read, "
      << analyses.size() - static_cast<std::size_t>(failed + errors) << " pass"
      << (stage.empty() ? std::string() : ", checked at the " + html_escape(stage) + " stage") << ".</p>\n"
      << "<p class=\"legend\"><span>dashed blue: the template's text block</span><span>green line: the references "
         "start</span><span>red: a line in the margin</span></p>\n";
  out << body.str() << "</body>\n</html>\n";
  return out.str();
}

}  // namespace proceedings::check

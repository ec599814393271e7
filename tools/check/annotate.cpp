#include "check/annotate.hpp"

#include "proceedings/error.hpp"
#include "proceedings/text.hpp"

namespace proceedings::check {

namespace {

std::string problem_list(const Analysis& a) {
  std::string text = "proceedings check: " + a.verdict + "\n";
  for (const auto& p : a.problems) text += "\n" + p.code + " (" + severity_name(p.severity) + "): " + p.message + "\n";
  return text;
}

bool changed_block(const Analysis& a) {
  for (const auto& p : a.problems)
    if (p.code == "MARGINS" && p.message.rfind("The text block runs from", 0) == 0) return true;
  return false;
}

}  // namespace

std::vector<PdfMark> marks_for(const Analysis& a) {
  std::vector<PdfMark> marks;
  PdfMark summary;
  summary.kind = PdfMark::note;
  summary.page = 1;
  summary.box = {8, 8, 28, 28};
  summary.text = problem_list(a);
  marks.push_back(summary);
  for (const auto& i : a.intrusions) {
    PdfMark square;
    square.page = i.page;
    square.box = {i.box.x0 - 1, i.box.y0 - 1, i.box.x1 + 1, i.box.y1 + 1};
    square.text = "This line runs " + to_fixed(i.depth) + " pt into the " + i.side + " margin.";
    marks.push_back(square);
  }
  if (changed_block(a) && a.template_block.found) {
    for (int page = 1; page <= std::min(a.pages, 2); ++page) {
      PdfMark block;
      block.page = page;
      const Box& t = a.template_block.on_page(page);
      block.box = {t.x0, t.y0 - 10, t.x1, t.y1 + 2};
      block.text = "The template's text block: the text should stay inside this frame.";
      block.rgb[0] = 0.1f, block.rgb[1] = 0.3f, block.rgb[2] = 0.9f;
      marks.push_back(block);
    }
  }
  if (a.references_start) {
    PdfMark refs;
    refs.kind = PdfMark::note;
    refs.page = a.references_start->page;
    refs.box = {a.text_block.x0 > 30 ? a.text_block.x0 - 24 : 4, a.references_start->y, 0, 0};
    refs.text = "The references start here; the page limit counts the pages before them (and any appendix after).";
    refs.rgb[0] = 0.1f, refs.rgb[1] = 0.5f, refs.rgb[2] = 0.1f;
    marks.push_back(refs);
  }
  return marks;
}

std::vector<std::filesystem::path> write_annotated(const std::vector<Analysis>& analyses,
                                                   const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::vector<std::filesystem::path> written;
  for (const auto& a : analyses) {
    if (a.verdict != "fail") continue;
    const std::filesystem::path out = dir / std::filesystem::path(a.file).filename();
    std::error_code ec;
    if (std::filesystem::equivalent(out, a.file, ec))
      throw usage_error("--annotate", "'" + dir.string() + "' holds the input " + a.file + "; choose another folder");
    write_annotated_copy(a.file, out, marks_for(a));
    written.push_back(out);
  }
  return written;
}

}  // namespace proceedings::check

#include "check/annotate.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/text.hpp"

namespace proceedings::check {

namespace {

std::string problem_list(const Analysis& a) {
  std::string text = std::string("proceedings check: ") + verdict_name(a.verdict) + "\n";
  for (const auto& p : a.problems) text += "\n" + p.code + " (" + severity_name(p.severity) + "): " + p.message + "\n";
  return text;
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
  if (a.text_block_moved && a.template_block.found) {
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

namespace {

namespace fs = std::filesystem;

// `name` after the last `count` folders of `input`, joined with '-'.
std::string with_folders(const fs::path& input, std::size_t count) {
  std::vector<std::string> folders;
  for (const auto& part : fs::absolute(input).lexically_normal().parent_path())
    if (part != "/" && !part.empty()) folders.push_back(part.string());
  std::string name;
  for (std::size_t i = folders.size() - std::min(count, folders.size()); i < folders.size(); ++i) name += folders[i] + "-";
  return name + input.filename().string();
}

std::size_t folder_depth(const fs::path& input) {
  const fs::path full = fs::absolute(input).lexically_normal();
  return static_cast<std::size_t>(std::distance(full.begin(), full.end()));
}

// "paper.pdf" -> "paper-2.pdf"
std::string numbered(const std::string& name, int n) {
  const fs::path p(name);
  return p.stem().string() + "-" + std::to_string(n) + p.extension().string();
}

}  // namespace

std::vector<std::string> annotated_names(const std::vector<fs::path>& inputs) {
  std::map<std::string, std::vector<std::size_t>> by_name;
  for (std::size_t i = 0; i < inputs.size(); ++i) by_name[inputs[i].filename().string()].push_back(i);
  std::vector<std::string> names(inputs.size());
  for (const auto& [name, sharing] : by_name) {
    std::size_t folders = 0, deepest = 0;
    for (std::size_t i : sharing) deepest = std::max(deepest, folder_depth(inputs[i]));
    bool apart = sharing.size() == 1;
    while (!apart && folders < deepest) {
      ++folders;
      std::set<std::string> seen;
      for (std::size_t i : sharing) seen.insert(with_folders(inputs[i], folders));
      apart = seen.size() == sharing.size();
    }
    if (!apart) folders = 0;  // one file named twice: numbered below
    for (std::size_t i : sharing) names[i] = with_folders(inputs[i], folders);
  }
  std::set<std::string> taken;
  for (auto& name : names) {
    for (int n = 2; taken.count(name); ++n)
      if (!taken.count(numbered(name, n))) name = numbered(name, n);
    taken.insert(name);
  }
  return names;
}

AnnotatedCopies::AnnotatedCopies(fs::path dir, const std::vector<fs::path>& inputs)
    : dir_(std::move(dir)), inputs_(inputs) {
  const auto names = annotated_names(inputs);
  for (std::size_t i = 0; i < inputs.size(); ++i) names_.emplace(inputs[i].string(), names[i]);
  fs::create_directories(dir_);
}

fs::path AnnotatedCopies::write(const Analysis& a) const {
  if (a.verdict != Verdict::fail) return {};
  const auto named = names_.find(a.file);
  const fs::path out = dir_ / (named != names_.end() ? named->second : fs::path(a.file).filename().string());
  refuse_output_over_input(out, OutputKind::pdf, inputs_, "--annotate");
  write_annotated_copy(a.file, out, marks_for(a));
  return out;
}

}  // namespace proceedings::check

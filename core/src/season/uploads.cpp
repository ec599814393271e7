#include "proceedings/uploads.hpp"

#include <algorithm>
#include <cctype>

#include "proceedings/error.hpp"
#include "proceedings/regex.hpp"
#include "proceedings/text.hpp"

namespace proceedings {

namespace {

namespace fs = std::filesystem;

// Lines of page 1 searched for the title: acmart prints title, authors and
// their affiliations first; a long title wraps over three or four lines.
constexpr std::size_t title_lines = 12;

// How acmart prints what papers.yaml writes plainly: curly quotes, dashes,
// ligatures and the no-break space folded to ASCII.
std::string folded(const std::string& text) {
  static const std::pair<const char*, const char*> folds[] = {
      {"\u2019", "'"}, {"\u2018", "'"}, {"\u201C", "\""}, {"\u201D", "\""}, {"\u2013", "-"},    {"\u2014", "-"},
      {"\u2010", "-"}, {"\u2011", "-"}, {"\u00A0", " "},  {"\uFB00", "ff"}, {"\uFB01", "fi"},   {"\uFB02", "fl"},
      {"\uFB03", "ffi"}, {"\uFB04", "ffl"}};
  std::string out = text;
  for (const auto& [from, to] : folds)
    for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + std::string(to).size()))
      out.replace(at, std::string(from).size(), to);
  return out;
}

// Letters and digits only, lower case: a title found wherever it wraps or hyphenates.
std::string squeezed(const std::string& text) {
  std::string out;
  for (char c : folded(text))
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string stem_of(const std::string& file_name) {
  const fs::path name = fs::path(file_name).filename();
  const std::string ext = ascii_lower(name.extension().string());
  return ext == ".pdf" ? name.stem().string() : name.string();
}

UploadMatch decided(MatchedBy by, std::vector<std::string> ids, int number = 0, const std::string& folder = "") {
  UploadMatch m;
  m.by = by;
  m.number = number;
  m.folder = folder;
  if (ids.size() == 1) m.paper = ids.front();
  else m.candidates = std::move(ids);
  return m;
}

std::vector<std::string> by_number(int number, const std::vector<Paper>& papers) {
  std::vector<std::string> ids;
  for (const auto& p : papers)
    if (submission_number_of(p) == number) ids.push_back(p.id);
  return ids;
}

// Papers whose title page 1 prints; a title inside another found one (a
// short title that is the start of a longer one) gives way to it.
std::vector<std::string> by_title(const std::string& page_text, const std::vector<Paper>& papers) {
  const std::string text = squeezed(page_text);
  std::vector<std::pair<std::string, std::string>> found;  // id, squeezed title
  for (const auto& p : papers) {
    const std::string title = squeezed(p.title);
    if (!title.empty() && text.find(title) != std::string::npos) found.emplace_back(p.id, title);
  }
  std::vector<std::string> ids;
  for (const auto& [id, title] : found) {
    const bool inside_other = std::any_of(found.begin(), found.end(), [&](const auto& other) {
      return other.second.size() > title.size() && other.second.find(title) != std::string::npos;
    });
    if (!inside_other) ids.push_back(id);
  }
  return ids;
}

std::string quoted_list(const std::vector<std::string>& ids) {
  std::vector<std::string> quoted;
  for (const auto& id : ids) quoted.push_back("'" + id + "'");
  return joined(quoted, ", ");
}

}  // namespace

std::string UploadMatch::how() const {
  switch (by) {
    case MatchedBy::file_name: return "file name";
    case MatchedBy::submission_number:
      return "submission number " + std::to_string(number) + (folder.empty() ? "" : " (folder " + folder + ")");
    case MatchedBy::title: return "title";
    case MatchedBy::none: break;
  }
  return "";
}

std::optional<int> submission_number_in_name(const std::string& file_name) {
  // HotCRP's <downloadPrefix>final12 / paper12, and "submission12"; a bare
  // "12"; EasyChair's <ACRONYM>_12. Six digits at most: a date is no number.
  static const Regex keyword(R"(.*?(?:final|paper|submission)[-_ ]?0*([0-9]{1,6}))", Regex::icase);
  static const Regex bare(R"(0*([0-9]{1,6}))");
  static const Regex acronym(R"([A-Za-z][A-Za-z0-9]*_0*([0-9]{1,6}))");
  const std::string stem = stem_of(file_name);
  Match m;
  for (const Regex* form : {&keyword, &bare, &acronym})
    if (form->match(stem, m)) return std::stoi(m.str(1).empty() ? "0" : m.str(1));
  return std::nullopt;
}

std::optional<int> submission_number_in_folder(const std::string& folder_name) {
  if (folder_name.empty()) return std::nullopt;
  if (const auto n = submission_number_in_name(folder_name)) return n;
  // HotCRP's "download all" folders: <downloadPrefix without its dash>-<N>.
  static const Regex prefixed(R"([A-Za-z][A-Za-z0-9]*-0*([0-9]{1,6}))");
  Match m;
  if (prefixed.match(folder_name, m)) return std::stoi(m.str(1).empty() ? "0" : m.str(1));
  return std::nullopt;
}

std::string folder_below(const fs::path& file, const fs::path& root) {
  if (root.empty()) return "";
  const fs::path relative = file.lexically_normal().lexically_relative(root.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return "";
  return relative.parent_path().filename().string();
}

std::optional<int> submission_number_of(const Paper& paper) {
  static const Regex key(R"((?:[A-Za-z][A-Za-z0-9_-]*:)?0*([0-9]{1,6}))");
  Match m;
  if (!key.match(paper.submission, m)) return std::nullopt;
  return std::stoi(m.str(1).empty() ? "0" : m.str(1));
}

std::string title_text(const PdfPage& page1) {
  std::string out;
  for (std::size_t i = 0; i < page1.lines.size() && i < title_lines; ++i) out += page1.lines[i].text + "\n";
  return out;
}

std::string read_title_text(PdfReader& reader, const fs::path& file) {
  try {
    const PdfFacts facts = reader.read(file, PdfReadOptions{true, 1});
    return facts.pages.empty() ? "" : title_text(facts.pages.front());
  } catch (const Error&) {
    return "";
  }
}

UploadMatch match_upload(const std::string& file_name, const std::function<std::string()>& title,
                         const std::vector<Paper>& papers, const std::string& folder) {
  const std::string stem = stem_of(file_name);
  for (const auto& p : papers)
    if (p.id == stem) return decided(MatchedBy::file_name, {p.id});
  if (const auto number = submission_number_in_name(file_name)) {
    auto ids = by_number(*number, papers);
    if (!ids.empty()) return decided(MatchedBy::submission_number, std::move(ids), *number);
  } else if (const auto in_folder = submission_number_in_folder(folder)) {
    auto ids = by_number(*in_folder, papers);
    if (!ids.empty()) return decided(MatchedBy::submission_number, std::move(ids), *in_folder, folder);
  }
  const std::string text = title ? title() : "";
  if (text.empty()) return {};
  auto ids = by_title(text, papers);
  if (ids.empty()) return {};
  return decided(MatchedBy::title, std::move(ids));
}

std::string MatchedUpload::problem() const {
  if (match.ambiguous())
    return "fits " + std::to_string(match.candidates.size()) + " papers by " + match.how() + ": " +
           quoted_list(match.candidates);
  if (!match.matched()) return "matches no paper of papers.yaml (not by file name, submission number or title)";
  if (rivals.empty()) return "";
  std::vector<std::string> files{file.filename().string() + " (" + match.how() + ")"};
  for (const auto& r : rivals) files.push_back(r.file.filename().string() + " (" + r.how + ")");
  return "is one of " + std::to_string(files.size()) + " files for paper '" + match.paper + "': " + joined(files, ", ");
}

std::vector<MatchedUpload> match_uploads(const std::vector<fs::path>& files, const std::vector<Paper>& papers,
                                         const std::function<std::string(const fs::path&)>& title_of,
                                         const fs::path& root) {
  std::vector<MatchedUpload> out;
  for (const auto& file : files)
    out.push_back({file,
                   match_upload(file.filename().string(), [&] { return title_of ? title_of(file) : ""; }, papers,
                                folder_below(file, root)),
                   {}});
  for (auto& a : out)
    for (const auto& b : out)
      if (&a != &b && a.match.matched() && a.match.paper == b.match.paper) a.rivals.push_back({b.file, b.match.how()});
  return out;
}

}  // namespace proceedings

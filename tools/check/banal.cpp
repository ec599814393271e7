#include "check/banal.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <thread>

#include "proceedings/check/page_lines.hpp"
#include "proceedings/check/text_match.hpp"
#include "proceedings/text.hpp"

namespace proceedings::check {

namespace {

constexpr int grid = 4;          // banal rounds margins outward to 4 pt
constexpr int cover_chars = 800;  // banal's $banal_min_nchars: less text than that on page 1 is a cover

// banal's modevalkey: the most frequent key, the smallest on a tie.
template <class K>
std::optional<K> mode(const std::map<K, int>& counts) {
  std::optional<K> best;
  int n = 0;
  for (const auto& [key, count] : counts)
    if (count > n) best = key, n = count;
  return best;
}

double tenths(double x) { return std::round(x * 10) / 10; }
int tenths_key(double x) { return static_cast<int>(std::lround(x * 10)); }

// A font size in tenths of a point. A size within 0.15 pt of a half point
// is that half point: microtype's font expansion scales glyphs by up to
// 2 %, so a 9 pt text reads 8.9 pt in places.
int size_key(double size) {
  const double half = std::round(size * 2) / 2;
  return tenths_key(std::fabs(size - half) <= 0.15 ? half : size);
}

// banal prints %g: 14, not 14.0.
nlohmann::ordered_json number(double x) {
  if (x == std::floor(x) && std::fabs(x) < 1e9) return static_cast<long long>(x);
  return x;
}

bool body_sized(const PdfLine& line, double body) {
  return line.horizontal && line.size >= body - 0.5 && line.size <= 1.5 * body;
}

// Characters other than spaces (UTF-8 lead bytes).
int characters(const std::string& text) {
  int n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80 && c != ' ' && c != '\t') ++n;
  return n;
}

// banal's word: [\w\x80-\xff][\w\[\]{},.\x80-\xff]+, after citations "[1, 2-4]" are removed.
int count_words(const std::string& text) {
  std::string s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '[') {
      std::size_t j = i + 1;
      while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == ',' ||
                                 text[j] == '-' || text[j] == ' '))
        ++j;
      if (j < text.size() && text[j] == ']') {
        i = j;
        continue;
      }
    }
    s += text[i];
  }
  auto starts = [](unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; };
  auto continues = [&](unsigned char c) { return starts(c) || c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == '.'; };
  int words = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (!starts(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < s.size() && continues(static_cast<unsigned char>(s[j]))) ++j;
    if (j - i >= 2) ++words;
    i = j;
  }
  return words;
}

enum Column { left = 0, right = 1, spanning = 2 };

Column column_of(const Box& box, double page_width) {
  const double mid = page_width / 2;
  if (box.x1 <= mid + 5) return left;
  if (box.x0 >= mid - 5) return right;
  return spanning;
}

// A numbered section heading ("3 Evaluation", "2. Related Work") set bold
// or larger than the text: its number, else 0.
int section_number(const PdfLine& line, double body) {
  const std::string text = trim(line.text);
  if (text.size() > 80) return 0;
  std::size_t i = 0;
  while (i < text.size() && i < 2 && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == 0 || (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))) return 0;
  const int number = std::stoi(text.substr(0, i));
  if (i < text.size() && text[i] == '.') ++i;
  if (i >= text.size() || (text[i] != ' ' && text[i] != '\t')) return 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size() || !std::isupper(static_cast<unsigned char>(text[i]))) return 0;
  const bool bold = line.font.find("Bold") != std::string::npos || line.font.find("Bd") != std::string::npos ||
                    line.font.find("Black") != std::string::npos || line.font.find("Semibold") != std::string::npos;
  return bold || line.size >= body + 0.5 ? number : 0;
}

// Where the references start, as the analysis found them: the page, and
// the heading (or first entry) line on it.
struct ReferenceCut {
  int page = 0;  // 0: no references
  Box heading;
};

ReferenceCut reference_cut(const SortedLines& sorted, const Analysis& analysis) {
  ReferenceCut cut;
  if (!analysis.references_start) return cut;
  cut.page = analysis.references_start->page;
  for (const auto& page : sorted.pages)
    if (page.number == cut.page)
      for (const auto& line : page.lines)
        if (std::fabs(line.box.y0 - analysis.references_start->y) < 0.06) {
          cut.heading = line.box;
          return cut;
        }
  return cut;
}

// Read before the references heading on its page (the analysis's order: a
// left column before a right one).
bool before_references(const PdfLine& line, const PdfPage& page, const ReferenceCut& cut) {
  if (cut.page == 0 || page.number < cut.page) return true;
  if (page.number > cut.page) return false;
  const Column c = column_of(line.box, page.width), h = column_of(cut.heading, page.width);
  if (h == right && c == left) return true;
  if (h == left && c == right) return false;
  return line.box.y0 < cut.heading.y0 - 0.5;
}

struct PageMeasure {
  int width = 0, height = 0;
  bool text = false;
  std::array<int, 4> margin{0, 0, 0, 0};  // top, right, bottom, left
  std::map<int, int> font_chars;          // tenths of a point -> characters at that size
  std::map<int, int> leads, round_leads;  // baseline steps in tenths and in whole points -> count
  int columns = 0;                        // 0: too few lines to tell
  int body_lines = 0;
  int chars = 0, words = 0, first_section = 0;
  std::string type = "body";
};

// banal's extent bounds: the page cut into 1/4 in bands, each band's
// outermost text; the edges are where all but the outermost 10 % of the
// bands end, so a few lines that stick out do not move them.
std::pair<double, double> band_bounds(const std::vector<Box>& boxes, bool across) {
  constexpr double band = 18;
  std::map<int, std::pair<double, double>> bands;
  for (const auto& b : boxes) {
    const double from = across ? b.y0 : b.x0, to = across ? b.y1 : b.x1;
    const double low = across ? b.x0 : b.y0, high = across ? b.x1 : b.y1;
    for (int i = static_cast<int>(std::floor(from / band)); i < static_cast<int>(std::ceil(to / band)); ++i) {
      auto [it, fresh] = bands.try_emplace(i, low, high);
      if (!fresh) it->second = {std::min(it->second.first, low), std::max(it->second.second, high)};
    }
  }
  std::vector<double> lows, highs;
  for (const auto& [i, edges] : bands) lows.push_back(edges.first), highs.push_back(edges.second);
  std::sort(lows.begin(), lows.end());
  std::sort(highs.begin(), highs.end());
  const std::size_t cut = lows.size() / 10;
  return {lows[cut], highs[highs.size() - 1 - cut]};
}

void measure_margin(PageMeasure& m, const PdfPage& page) {
  std::vector<Box> boxes;
  for (const auto& line : page.lines)
    if (line.horizontal && !trim(line.text).empty() && line.box.x1 > line.box.x0 && line.box.y1 > line.box.y0)
      boxes.push_back(line.box);
  if (boxes.empty()) return;
  m.text = true;
  const auto [x0, x1] = band_bounds(boxes, true);
  const auto [y0, y1] = band_bounds(boxes, false);
  const int left = static_cast<int>(std::floor(std::max(0.0, x0) / grid)) * grid;
  const int top = static_cast<int>(std::floor(std::max(0.0, y0) / grid)) * grid;
  const int right = static_cast<int>(std::ceil(std::min(page.width, x1) / grid)) * grid;
  const int bottom = static_cast<int>(std::ceil(std::min(page.height, y1) / grid)) * grid;
  m.margin = {top, std::max(0, m.width - right), std::max(0, m.height - bottom), left};
}

// Baseline to baseline within a column, lines at body size (banal: at least 1/16 in apart).
void measure_leading(PageMeasure& m, const PdfPage& page, double body) {
  std::array<std::vector<const PdfLine*>, 3> by_column;
  for (const auto& line : page.lines)
    if (body_sized(line, body) && std::fabs(line.size - body) <= 0.5) by_column[column_of(line.box, page.width)].push_back(&line);
  for (auto& lines : by_column) {
    std::sort(lines.begin(), lines.end(), [](const PdfLine* a, const PdfLine* b) { return a->box.y1 < b->box.y1; });
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const double step = lines[i]->box.y1 - lines[i - 1]->box.y1;
      if (step < 4.5 || step > 2.5 * body) continue;
      m.leads[tenths_key(step)]++;
      m.round_leads[static_cast<int>(std::lround(step))]++;
    }
  }
}

// Text columns from where the page's full-width body lines sit (check's own rule, page by page).
void measure_columns(PageMeasure& m, const PdfPage& page, double body) {
  std::array<int, 3> counts{0, 0, 0};
  for (const auto& line : page.lines)
    if (body_sized(line, body) && line.box.width() > 0.25 * page.width) counts[column_of(line.box, page.width)]++;
  const int total = counts[0] + counts[1] + counts[2];
  m.body_lines = total;
  if (total < 6) return;
  const bool two = counts[left] >= 0.2 * total && counts[right] >= 0.2 * total && counts[spanning] < 0.25 * total;
  m.columns = two ? 2 : 1;
}

void measure_text(PageMeasure& m, const PdfPage& page, double body, const ReferenceCut& cut) {
  std::string counted;  // the page's text before the references, hyphenated line ends joined
  for (const auto& line : page.lines) {
    if (!line.horizontal) continue;
    if (body_sized(line, body)) {
      const int n = characters(line.text);
      m.chars += n;
      if (std::fabs(line.size - body) <= 0.5) m.font_chars[size_key(line.size)] += n;
    }
    if (line.size < 0.95 * body || !before_references(line, page, cut)) continue;
    const std::string text = trim(line.plain.empty() ? line.text : line.plain);
    if (!counted.empty() && counted.back() == '-' && counted.size() >= 2 &&
        std::isalpha(static_cast<unsigned char>(counted[counted.size() - 2])))
      counted.pop_back();
    else if (!counted.empty())
      counted += ' ';
    counted += text;
    if (const int n = section_number(line, body); n && (!m.first_section || n < m.first_section)) m.first_section = n;
  }
  m.words = count_words(counted);
}

bool contains(const std::vector<int>& pages, int number) {
  return std::find(pages.begin(), pages.end(), number) != pages.end();
}

// banal's page types, from check's own split: the bibliography pages, the
// appendix after them, pages without text at body size.
std::string page_type(const PageMeasure& m, const PdfPage& page, const Analysis& a, int npages) {
  const bool body = contains(a.body_pages, page.number), bib = contains(a.bibliography_pages, page.number);
  const int cut = a.references_start ? a.references_start->page : npages + 1;
  if (!m.text && page.images == 0) return "blank";
  if (bib && !body) return "bib";
  if (body && page.number > cut) return "appendix";
  if (page.number == 1 && npages > 1 && m.chars < cover_chars && m.body_lines < 6) return "cover";
  if (m.chars == 0) return "figure";
  return "body";
}

nlohmann::ordered_json margin_json(const std::array<int, 4>& m) { return {m[0], m[1], m[2], m[3]}; }

// banal's leading rule: the most common step, unless steps rounded to whole
// points agree 1.75 times as often.
std::optional<double> leading_of(const std::map<int, int>& leads, const std::map<int, int>& round_leads) {
  const auto exact = mode(leads);
  if (!exact) return std::nullopt;
  const auto rounded = mode(round_leads);
  if (rounded && round_leads.at(*rounded) > 1.75 * leads.at(*exact)) return *rounded;
  return *exact / 10.0;
}

// The mode of each margin over the pages with text, as banal takes it.
std::array<int, 4> document_margin(const std::vector<PageMeasure>& pages) {
  std::array<int, 4> out{0, 0, 0, 0};
  for (std::size_t side = 0; side < 4; ++side) {
    std::map<int, int> counts;
    for (const auto& m : pages)
      if (m.text) counts[m.margin[side]]++;
    out[side] = mode(counts).value_or(0);
  }
  return out;
}

// Unsafe features by mubanal's names; HotCRP calls all but rellaunch and
// multimedia "Dangerous content". check does not record the page, so each
// lists page 0 ("other pages").
nlohmann::ordered_json unsafe_json(const PdfFacts& facts) {
  static const std::map<std::string, std::string> names{
      {"javascript", "javascript"}, {"launch", "launch"}, {"submit-form", "submitform"},
      {"import-data", "submitform"}, {"rich-media", "richmedia"}};
  std::set<std::string> found;
  for (const auto& hazard : facts.hazards)
    if (auto n = names.find(hazard.kind); n != names.end()) found.insert(n->second);
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& name : found) out[name] = {0};
  return out;
}

}  // namespace

nlohmann::ordered_json banal_report(const PdfFacts& facts, const Analysis& analysis, std::int64_t at) {
  const double body = analysis.body_font_pt > 0 ? analysis.body_font_pt : dominant_size(facts.pages);
  const SortedLines sorted = sort_lines(facts.pages, body);
  const ReferenceCut cut = reference_cut(sorted, analysis);
  const int npages = static_cast<int>(sorted.pages.size());
  std::vector<PageMeasure> measures;
  std::map<int, int> sizes, fonts, leads, round_leads, lines_by_columns;
  std::map<std::pair<int, int>, int> papers;
  int words = 0;
  for (const auto& page : sorted.pages) {
    PageMeasure m;
    m.width = static_cast<int>(std::lround(page.width));
    m.height = static_cast<int>(std::lround(page.height));
    measure_margin(m, page);
    measure_text(m, page, body, cut);
    measure_leading(m, page, body);
    measure_columns(m, page, body);
    m.type = page_type(m, page, analysis, npages);
    papers[{m.height, m.width}]++;
    words += m.words;
    if (m.type == "body") {
      for (const auto& [k, n] : m.font_chars) fonts[k] += n;
      for (const auto& [k, n] : m.leads) leads[k] += n;
      for (const auto& [k, n] : m.round_leads) round_leads[k] += n;
      if (m.columns) lines_by_columns[m.columns] += m.body_lines;
    }
    measures.push_back(std::move(m));
  }
  nlohmann::ordered_json out;
  out["at"] = at;
  const auto paper = mode(papers).value_or(std::pair<int, int>{0, 0});
  out["papersize"] = {paper.first, paper.second};
  const auto margin = document_margin(measures);
  out["m"] = margin_json(margin);
  const auto font = mode(fonts);
  out["bodyfontsize"] = number(font ? *font / 10.0 : tenths(body));
  const auto leading = leading_of(leads, round_leads);
  out["leading"] = leading ? number(*leading) : nlohmann::ordered_json(nullptr);
  const int columns = mode(lines_by_columns).value_or(analysis.columns);
  out["columns"] = columns;
  out["w"] = words;
  if (auto unsafe = unsafe_json(facts); !unsafe.empty()) out["unsafe"] = unsafe;
  nlohmann::ordered_json pages = nlohmann::ordered_json::array();
  for (const auto& m : measures) {
    nlohmann::ordered_json p = nlohmann::ordered_json::object();
    if (std::pair<int, int>{m.height, m.width} != paper) p["papersize"] = {m.height, m.width};
    if (m.type != "body") p["type"] = m.type;
    if (m.type != "blank") {
      if (m.margin != margin) p["m"] = margin_json(m.margin);
      if (const auto f = mode(m.font_chars); f && font && *f != *font) p["bodyfontsize"] = number(*f / 10.0);
      if (const auto l = leading_of(m.leads, m.round_leads); l && leading && *l != *leading) p["leading"] = number(*l);
      if (m.columns && m.columns != columns && m.type != "figure" && m.type != "appendix") p["columns"] = m.columns;
      p["c"] = m.chars;
      if (m.words) p["w"] = m.words;
      if (m.first_section) p["fs"] = m.first_section;
    }
    pages.push_back(std::move(p));
  }
  out["pages"] = std::move(pages);
  return out;
}

nlohmann::ordered_json banal_failure(std::int64_t at) {
  nlohmann::ordered_json out;
  out["at"] = at;
  out["error"] = true;
  out["pages"] = nlohmann::ordered_json::array();
  return out;
}

Exit print_banal(const std::filesystem::path& file, const BanalRun& run, std::ostream& out, std::ostream& err) {
  using clock = std::chrono::steady_clock;
  const auto started = clock::now();
  const std::int64_t at = static_cast<std::int64_t>(std::time(nullptr));
  std::mutex lock;
  std::condition_variable finished;
  bool done = false;
  // A file that outlasts the limit gets banal's failure form in time for
  // HotCRP's request; the reader is not interruptible, so the process ends here.
  std::thread watchdog([&] {
    std::unique_lock<std::mutex> hold(lock);
    if (finished.wait_for(hold, std::chrono::duration<double>(run.time_limit_seconds), [&] { return done; })) return;
    out << banal_failure(at).dump() << '\n' << std::flush;
    err << file.string() << ": not analysed within " << run.time_limit_seconds << " s" << std::endl;
    std::_Exit(static_cast<int>(Exit::input));
  });
  nlohmann::ordered_json report;
  Exit status = Exit::ok;
  try {
    PdfReader reader;
    const PdfFacts facts = reader.read(file);
    report = banal_report(facts, analyze(file.string(), facts, CheckRules{}), at);
  } catch (const Error& e) {
    report = banal_failure(at);
    err << e.line() << '\n';
    status = Exit::input;
  } catch (const std::exception& e) {
    report = banal_failure(at);
    err << file.string() << ": cannot be analysed: " << e.what() << '\n';
    status = Exit::input;
  }
  {
    std::lock_guard<std::mutex> hold(lock);
    done = true;
    out << report.dump() << '\n' << std::flush;
  }
  finished.notify_all();
  watchdog.join();
  std::this_thread::sleep_until(started + std::chrono::duration_cast<clock::duration>(
                                              std::chrono::duration<double>(run.hold_seconds)));
  return status;
}

}  // namespace proceedings::check

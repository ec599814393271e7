#include "proceedings/tex_fonts.hpp"
#include "proceedings/yaml_input.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/process.hpp"
#include "proceedings/text.hpp"

namespace proceedings {

namespace fs = std::filesystem;

bool pdflatex_sets(char32_t c) {
  // Measured: each character set in the roman, bold, italic and sans of
  // Libertine with T1 + inputenc utf8, without an error or a missing glyph.
  static const std::pair<char32_t, char32_t> ranges[] = {
      {0x20, 0x7E},     {0xA0, 0x125},    {0x128, 0x137},   {0x139, 0x13E},   {0x141, 0x148}, {0x14A, 0x165},
      {0x168, 0x17E},   {0x192, 0x192},   {0x2010, 0x2016}, {0x2018, 0x201A}, {0x201C, 0x201E}, {0x2020, 0x2022},
      {0x2026, 0x2026}, {0x2030, 0x2030}, {0x2039, 0x203A}, {0x20AC, 0x20AC}, {0x2122, 0x2122}, {0xFB00, 0xFB06}};
  if (c == '\n' || c == '\t' || c == '\r') return true;
  return std::any_of(std::begin(ranges), std::end(ranges), [&](const auto& r) { return c >= r.first && c <= r.second; });
}

std::string describe_character(char32_t c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  std::string shown;
  if (c >= 0x20 && c != 0x7F && c != 0xFFFD) append_utf8(shown, c);
  return shown.empty() ? code : std::string(code) + " '" + shown + "'";
}

namespace {

bool holds(const std::string& text, char32_t c) {
  const auto chars = utf8_characters(text);
  return std::find(chars.begin(), chars.end(), c) != chars.end();
}

// Every scalar of a YAML document with its field path (load_workshop's
// naming: "papers[2].authors[1].name") and 1-based line.
void scalars(const YAML::Node& node, const std::string& path,
             std::vector<std::pair<std::string, const YAML::Node>>& out) {
  if (node.IsScalar()) out.emplace_back(path, node);
  else if (node.IsSequence())
    for (std::size_t i = 0; i < node.size(); ++i) scalars(node[i], path + "[" + std::to_string(i) + "]", out);
  else if (node.IsMap())
    for (const auto& item : node)
      if (item.first.IsScalar()) {
        const std::string key = item.first.as<std::string>();
        scalars(item.second, path.empty() ? key : path + "." + key, out);
      }
}

// The first scalar of `file` holding `c` whose field path `wanted` accepts.
std::optional<MetadataField> field_in_yaml(const fs::path& file, char32_t c,
                                           const std::function<bool(const std::string&)>& wanted) {
  if (!fs::exists(file)) return std::nullopt;
  YAML::Node root;
  try {
    root = load_yaml(read_file(file), file.string(), {"abstract"});
  } catch (const std::exception&) {
    return std::nullopt;  // load_workshop read it already; nothing to find in what it cannot read
  }
  std::vector<std::pair<std::string, const YAML::Node>> all;
  scalars(root, "", all);
  for (const auto& [path, node] : all) {
    if (!wanted(path) || !holds(node.Scalar(), c)) continue;
    const int line = node.Mark().line;
    return MetadataField{file.string() + (line >= 0 ? ":" + std::to_string(line + 1) : ""), path};
  }
  return std::nullopt;
}

std::optional<MetadataField> line_holding(const fs::path& file, char32_t c) {
  if (!fs::exists(file)) return std::nullopt;
  std::istringstream in(read_file(file));
  int number = 0;
  for (std::string line; std::getline(in, line);)
    if (++number; holds(line, c)) return MetadataField{file.string() + ":" + std::to_string(number), ""};
  return std::nullopt;
}

struct FreeTypeFaces {
  FT_Library library = nullptr;
  std::vector<FT_Face> faces;
  FreeTypeFaces() {
    if (FT_Init_FreeType(&library) != 0) throw Error(Exit::internal, "FreeType", "cannot start");
  }
  ~FreeTypeFaces() {
    for (FT_Face face : faces) FT_Done_Face(face);
    FT_Done_FreeType(library);
  }
  FreeTypeFaces(const FreeTypeFaces&) = delete;
  FreeTypeFaces& operator=(const FreeTypeFaces&) = delete;
  void open(const fs::path& file) {
    FT_Face face = nullptr;
    if (FT_New_Face(library, file.c_str(), 0, &face) != 0) throw input_error(file.string(), "FreeType cannot read the font");
    faces.push_back(face);
  }
  bool has(char32_t c) const {
    return std::any_of(faces.begin(), faces.end(), [&](FT_Face face) { return FT_Get_Char_Index(face, c) != 0; });
  }
};

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  return first == std::string::npos ? "" : s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Where TeX finds the Unicode fonts; a missing one names its Debian package.
std::vector<fs::path> unicode_font_files() {
  const std::map<std::string, std::string> packages{{unicode_text_font, "fonts-linuxlibertine"},
                                                    {unicode_fallback_font, "fonts-wqy-microhei"}};
  const auto found = run_program("kpsewhich", {unicode_text_font, unicode_fallback_font}, fs::current_path(),
                                 std::chrono::seconds(30));
  std::map<std::string, fs::path> by_name;
  std::istringstream lines(found.out);
  for (std::string line; std::getline(lines, line);)
    if (!trimmed(line).empty()) by_name[fs::path(trimmed(line)).filename().string()] = trimmed(line);
  std::vector<fs::path> files;
  for (const auto& [name, package] : packages) {
    const auto at = by_name.find(name);
    if (at == by_name.end() || !fs::exists(at->second))
      throw Error(Exit::external, name, "not found by kpsewhich: LuaLaTeX needs it for the names beyond Western Latin (Debian package " + package + ")");
    files.push_back(at->second);
  }
  return files;
}

}  // namespace

std::optional<MetadataField> field_holding(const fs::path& venue_folder, char32_t c, const std::vector<std::string>& preferred) {
  const auto is_preferred = [&](const std::string& path) {
    return std::any_of(preferred.begin(), preferred.end(), [&](const std::string& p) { return path.rfind(p, 0) == 0; });
  };
  for (const char* file : {"workshop.yaml", "papers.yaml"})
    if (auto found = field_in_yaml(venue_folder / file, c, is_preferred)) return found;
  for (const char* file : {"papers.yaml", "workshop.yaml"})
    if (auto found = field_in_yaml(venue_folder / file, c, [](const std::string&) { return true; })) return found;
  return line_holding(venue_folder / "message.md", c);
}

void throw_unprintable(const fs::path& venue_folder, char32_t c, const std::string& what,
                       const std::vector<std::string>& preferred) {
  const auto field = field_holding(venue_folder, c, preferred);
  const std::string problem = "has " + describe_character(c) + ", which " + what;
  if (!field) throw usage_error(venue_folder.string(), "the metadata " + problem);
  throw usage_error(field->where, field->field.empty() ? "this line " + problem : "field '" + field->field + "' " + problem);
}

std::string tex_engine_for(const std::string& source, const fs::path& venue_folder) {
  std::set<char32_t> beyond;
  for (char32_t c : utf8_characters(source))
    if (!pdflatex_sets(c)) beyond.insert(c);
  if (beyond.empty()) return "pdflatex";
  FreeTypeFaces fonts;
  for (const auto& file : unicode_font_files()) fonts.open(file);
  for (char32_t c : beyond)
    if (!fonts.has(c) && c >= 0x20)
      throw_unprintable(venue_folder, c,
                        std::string("no installed font has (the typeset pages use ") + unicode_text_font + " and " +
                            unicode_fallback_font + ")");
  return "lualatex";
}

void require_lualatex_branch(const std::string& engine, const std::string& template_text, const fs::path& template_file) {
  if (engine != "lualatex" || template_text.find("\\ifdefined\\directlua") != std::string::npos) return;
  throw usage_error(template_file.string(),
                    "sets its fonts for pdfLaTeX only, and the names or titles have characters beyond T1 Libertine, "
                    "which LuaLaTeX sets: take the release's template, whose \\ifdefined\\directlua branch loads the "
                    "Unicode fonts");
}

std::vector<char32_t> missing_characters(const std::string& log) {
  static const std::string marker = "Missing character: There is no ";
  std::vector<char32_t> out;
  for (std::size_t at = log.find(marker); at != std::string::npos; at = log.find(marker, at + 1)) {
    const auto code = log.find("(U+", at + marker.size());
    const auto line_end = log.find('\n', at);
    if (code == std::string::npos || code > line_end) continue;
    try {
      out.push_back(static_cast<char32_t>(std::stoul(log.substr(code + 3, 6), nullptr, 16)));
    } catch (const std::exception&) {
    }
  }
  return out;
}

void require_no_missing_characters(const std::string& engine, const fs::path& log, const fs::path& venue_folder) {
  if (engine != "lualatex" || !fs::exists(log)) return;
  const auto missing = missing_characters(read_file(log));
  if (!missing.empty())
    throw_unprintable(venue_folder, missing.front(), "the typeset pages' fonts lack (" + log.filename().string() + " says it is missing)");
}

}  // namespace proceedings

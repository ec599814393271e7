#include "report/package.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

#include "proceedings/archive.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/regex.hpp"

namespace proceedings::report {

namespace fs = std::filesystem;

std::string strip_tex_comments(const std::string& tex) {
  std::istringstream in(tex);
  std::string out;
  bool verbatim = false;
  static const Regex begin(R"(\\begin\{(verbatim|lstlisting|minted|comment)\*?\})");
  static const Regex end(R"(\\end\{(verbatim|lstlisting|minted|comment)\*?\})");
  for (std::string line; std::getline(in, line);) {
    if (verbatim) {
      out += line + "\n";
      if (end.contains(line)) verbatim = false;
      continue;
    }
    if (begin.contains(line)) verbatim = !end.contains(line);
    std::size_t cut = std::string::npos;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;  // an escaped character, "\%" among them
        continue;
      }
      if (line[i] == '%') {
        cut = i;
        break;
      }
    }
    if (cut == std::string::npos) {
      out += line + "\n";
      continue;
    }
    const std::string kept = line.substr(0, cut);
    // "text%" joins lines in TeX: keep the % sign's effect by keeping no newline.
    if (kept.find_first_not_of(" \t") == std::string::npos) continue;
    out += kept + "%\n";
  }
  return out;
}

namespace {

// One UTF-8 code point at `at` (advanced past it); U+FFFD for a broken byte.
char32_t next_code_point(const std::string& text, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  const int length = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 1;
  if (at + length > text.size()) {
    ++at;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) cp = (cp << 6) | (byte(at + i) & 0x3F);
  at += length;
  return cp;
}

// TeX's accent command and base letter for the accented Latin letters names carry.
const std::map<char32_t, std::pair<std::string, std::string>>& tex_accent_table() {
  static const std::map<char32_t, std::pair<std::string, std::string>> table = [] {
    std::map<char32_t, std::pair<std::string, std::string>> t;
    const struct {
      const char* accent;
      const char* letters;  // UTF-8 accented letters, then the base letters in the same order
      const char* bases;
    } groups[] = {{"`", "ÀÈÌÒÙàèìòù", "AEIOUaeiou"},           {"'", "ÁÉÍÓÚÝáéóúýćńśźĆŃŚŹ", "AEIOUYaeouycnszCNSZ"},
                  {"^", "ÂÊÎÔÛâêôû", "AEIOUaeou"},            {"~", "ÃÑÕãñõ", "ANOano"},
                  {"\"", "ÄËÏÖÜäëöüÿ", "AEIOUaeouy"},        {"r", "Åå", "Aa"},
                  {"c", "ÇçŞş", "CcSs"},                      {"v", "ČčŘřŠšŽžĚěŇň", "CcRrSsZzEeNn"},
                  {"H", "ŐőŰű", "OoUu"},                      {".", "Żż", "Zz"},
                  {"u", "Ğğ", "Gg"},                          {"k", "Ęę", "Ee"}};
    for (const auto& g : groups) {
      const std::string letters = g.letters;
      std::size_t at = 0;
      for (std::size_t i = 0; at < letters.size(); ++i) t[next_code_point(letters, at)] = {g.accent, std::string(1, g.bases[i])};
    }
    for (const auto& [cp, accent] : std::map<char32_t, std::string>{{U'í', "'"}, {U'î', "^"}, {U'ï', "\""}, {U'ì', "`"}})
      t[cp] = {accent, "\\i"};  // dotless i under the accent, as arXiv's examples write it
    return t;
  }();
  return table;
}

}  // namespace

std::string tex_accents(const std::string& text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t from = at;
    const char32_t cp = next_code_point(text, at);
    const auto& table = tex_accent_table();
    if (const auto hit = table.find(cp); hit != table.end()) {
      const auto& [accent, base] = hit->second;
      out += "\\" + accent + "{" + base + "}";
    } else if (cp == U'ß') {
      out += "{\\ss}";
    } else if (cp == U'ø' || cp == U'Ø' || cp == U'ł' || cp == U'Ł' || cp == U'æ' || cp == U'Æ') {
      out += cp == U'ø' ? "{\\o}" : cp == U'Ø' ? "{\\O}" : cp == U'ł' ? "{\\l}" : cp == U'Ł' ? "{\\L}" : cp == U'æ' ? "{\\ae}" : "{\\AE}";
    } else {
      out += cp < 0x80 ? text.substr(from, at - from) : ascii_fold(text.substr(from, at - from));
    }
  }
  return out;
}

Package make_package(const Draft& d, const Workshop& w, const fs::path& out) {
  Package p;
  const fs::path arxiv = out / "arxiv";
  p.folder = arxiv / "source";
  fs::remove_all(p.folder);
  fs::create_directories(p.folder);
  // The compiled draft's .bbl travels with the source: arXiv does not run BibTeX.
  write_file_atomic(p.folder / "report.tex", strip_tex_comments(read_file(d.folder / "report.tex")));
  write_file_atomic(p.folder / "report.bbl", read_file(d.folder / "report.bbl"));
  const nlohmann::json readme{{"spec_version", 1},
                              {"process", {{"compiler", "pdflatex"}}},
                              {"sources", {{{"filename", "report.tex"}, {"usage", "toplevel"}}}}};
  write_file_atomic(p.folder / "00README.json", readme.dump(2) + "\n");
  p.archive = arxiv / (w.id + "-report.tar.gz");
  std::vector<ArchiveMember> members;
  for (const char* name : {"00README.json", "report.bbl", "report.tex"}) members.push_back({name, p.folder / name, std::nullopt});
  write_archive(p.archive, ArchiveFormat::tar_gz, members, std::stoll(source_date_epoch(w)));

  std::vector<std::string> authors;
  for (const auto& o : w.organizers) authors.push_back(tex_accents(o.name));
  std::string abstract = tex_accents(d.abstract);
  const nlohmann::json form{
      {"title", tex_accents(d.title)},
      {"authors", authors},
      {"abstract", abstract},
      {"comments", std::to_string(d.pages) + " pages, 0 figures. Report of " + ascii_fold(w.acronym) +
                       (w.host.empty() ? "" : ", held with " + w.host)},
      {"primary_category", "cs.DC"}};
  p.metadata = arxiv / "metadata.json";
  write_file_atomic(p.metadata, form.dump(2) + "\n");
  return p;
}

}  // namespace proceedings::report

#include "proceedings/text.hpp"
#include "proceedings/xml.hpp"
#include "meta/latex_source.hpp"
#include "meta/author_lines.hpp"
#include "meta/tex_conditionals.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"
#include "proceedings/names.hpp"
#include "proceedings/regex.hpp"

namespace proceedings::meta {

namespace fs = std::filesystem;

namespace {

bool has_documentclass(const fs::path& file) {
  const std::string text = strip_latex_comments(read_file(file));
  return text.find("\\documentclass") != std::string::npos;
}

// TeX's own files and what TeX and BibTeX write: never a paper's main file,
// whatever they mention (a class's messages name \documentclass).
bool support_file(const fs::path& file) {
  static const std::set<std::string> extensions{".cls", ".sty", ".clo", ".cfg", ".def", ".fd",  ".dtx", ".ins",
                                                ".bst", ".bbx", ".cbx", ".bib", ".bbl", ".aux", ".log", ".out",
                                                ".toc", ".lof", ".lot", ".blg", ".pdf", ".ps",  ".eps"};
  return extensions.count(ascii_lower(file.extension().string())) > 0;
}

// Text, not an image or a PDF: no NUL byte in its first 4 KiB.
bool text_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char head[4096];
  in.read(head, sizeof head);
  return std::find(head, head + in.gcount(), '\0') == head + in.gcount();
}

constexpr std::uintmax_t max_source_bytes = 16u << 20;

// Reads a balanced {group} starting at `i` (after optional spaces); returns
// its contents and moves `i` past it. Without a group, returns "" and leaves `i`.
std::string brace_group(const std::string& s, std::size_t& i) {
  std::size_t j = i;
  while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j]))) ++j;
  if (j >= s.size() || s[j] != '{') return "";
  int depth = 0;
  const std::size_t start = j;
  for (; j < s.size(); ++j) {
    if (s[j] == '\\') {
      ++j;
      continue;
    }
    if (s[j] == '{') ++depth;
    else if (s[j] == '}' && --depth == 0) break;
  }
  i = std::min(j + 1, s.size());
  return s.substr(start + 1, j - start - 1);
}

std::string bracket_group(const std::string& s, std::size_t& i) {
  std::size_t j = i;
  while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j]))) ++j;
  if (j >= s.size() || s[j] != '[') return "";
  const auto end = s.find(']', j);
  if (end == std::string::npos) return "";
  i = end + 1;
  return s.substr(j + 1, end - j - 1);
}

std::string environment(const std::string& s, const std::string& name) {
  const std::string begin = "\\begin{" + name + "}", end = "\\end{" + name + "}";
  const auto b = s.find(begin);
  if (b == std::string::npos) return "";
  const auto e = s.find(end, b);
  if (e == std::string::npos) return "";
  return s.substr(b + begin.size(), e - b - begin.size());
}

// A macro's text as TeX sets it: the line ends its author hid with % and the
// indentation of its lines are no spaces, and xspace's \xspace adds none
// before punctuation (and the text after a macro keeps its own space).
std::string as_written(const std::string& body) {
  std::string text = trim(body);
  static const std::string xspace = "\\xspace";
  if (text.size() >= xspace.size() && text.compare(text.size() - xspace.size(), xspace.size(), xspace) == 0)
    text = trim(text.substr(0, text.size() - xspace.size()));
  return text;
}

// \newcommand{\x}{text}, \newcommand*\x{text}, \def\x{text}: macros without arguments.
Macros collect_macros(const std::string& s) {
  Macros macros;
  static const Regex definition(R"(\\(?:(?:re)?newcommand|providecommand)\*?\s*\{?\\([A-Za-z]+)\}?|\\def\\([A-Za-z]+))");
  for (const Match& m : definition.all(s)) {
    std::size_t i = m.position() + m.length();
    const std::string name = m[1].matched ? m.str(1) : m.str(2);
    if (!bracket_group(s, i).empty()) continue;  // takes arguments: not plain text
    const std::size_t before = i;
    const std::string body = brace_group(s, i);
    if (i == before) continue;
    macros[name] = as_written(body);
  }
  return macros;
}

// \institution{..}\city{..}...: acmart's fields, in the order written.
Affiliation affiliation_of(const std::string& body, const Macros& macros) {
  static const Regex field(R"(\\(position|department|institution|streetaddress|city|state|postcode|country)(?![A-Za-z]))");
  Affiliation a;
  for (const Match& m : field.all(body)) {
    std::size_t i = m.position() + m.length();
    bracket_group(body, i);
    const std::string value = trim(latex_to_text(brace_group(body, i), macros));
    const std::string name = m.str(1);
    if (value.empty()) continue;
    if (name == "department") a.departments.push_back(value);
    else if (name == "position") a.position = value;
    else if (name == "institution") a.institution = a.institution.empty() ? value : a.institution + " and " + value;
    else if (name == "streetaddress") a.street = value;
    else if (name == "city") a.city = value;
    else if (name == "state") a.state = value;
    else if (name == "postcode") a.postcode = value;
    else if (name == "country") a.country = value;
  }
  // An affiliation written as plain text ("Some University, Town"): kept whole.
  if (a == Affiliation{} && !trim(latex_to_text(body, macros)).empty()) a.institution = trim(latex_to_text(body, macros));
  settle_country(a);
  return a;
}

// Text that is never metadata: verbatim-like environments (ACM's own sample
// shows \title and \author inside one) and \verb.
std::string without_verbatim(std::string s) {
  for (const char* name : {"verbatim", "verbatim*", "Verbatim", "Verbatim*", "lstlisting", "minted", "comment",
                           "BVerbatim", "LVerbatim", "alltt"}) {
    const std::string begin = std::string("\\begin{") + name + "}", end = std::string("\\end{") + name + "}";
    for (auto b = s.find(begin); b != std::string::npos; b = s.find(begin, b)) {
      const auto e = s.find(end, b + begin.size());
      s.erase(b, e == std::string::npos ? std::string::npos : e + end.size() - b);
    }
  }
  static const Regex verb(R"(\\verb\*?([^A-Za-z\s])[^\n]*?\1)");
  return verb.replace(s, " ");
}

// The front matter: from the start to \maketitle; without one, to the end
// of the abstract, or everything when there is none either.
std::string front_matter(const std::string& s) {
  static const Regex maketitle(R"(\\maketitle(?![A-Za-z]))");
  Match m;
  if (maketitle.search(s, m)) return s.substr(0, m.position());
  const auto end = s.find("\\end{abstract}");
  return end == std::string::npos ? s : s.substr(0, end + 14);
}

std::vector<std::string> split_top_level(const std::string& s, char separator) {
  std::vector<std::string> out;
  int depth = 0;
  std::string current;
  for (char c : s) {
    if (c == '{') ++depth;
    if (c == '}') --depth;
    if (c == separator && depth == 0) {
      out.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  out.push_back(current);
  return out;
}

class FrontMatter {
 public:
  FrontMatter(const std::string& source, PaperMeta& meta)
      : all_(resolve_conditionals(without_verbatim(source))), s_(front_matter(all_)), meta_(meta), macros_(collect_macros(all_)) {}

  void read() {
    static const Regex command(
        R"(\\(title|subtitle|author|affiliation|additionalaffiliation|email|orcid|keywords|ccsdesc)(?![A-Za-z]))");
    for (const Match& m : command.all(s_)) {
      std::size_t i = m.position() + m.length();
      const std::string option = bracket_group(s_, i);
      const std::string arg = brace_group(s_, i);
      apply(m.str(1), option, arg);
      last_command_ = m.str(1);
    }
    std::string abstract = environment(s_, "abstract");
    if (abstract.empty()) abstract = environment(all_, "abstract");  // article: after \maketitle
    if (!abstract.empty()) set("abstract", meta_.abstract, latex_to_text(abstract, macros_));
    read_ccs_xml();
  }

 private:
  void set(const char* field, std::string& target, const std::string& value) {
    target = value;
    meta_.source[field] = "latex";
  }

  void apply(const std::string& name, const std::string& option, const std::string& arg) {
    auto& authors = meta_.authors;
    if (name == "title") set("title", meta_.title, latex_to_text(arg, macros_));
    else if (name == "subtitle") set("subtitle", meta_.subtitle, latex_to_text(arg, macros_));
    else if (name == "author") {
      add_authors(arg);
    } else if (name == "affiliation" && !authors.empty()) {
      if (!take_marked_affiliations(arg) && !take_emails(arg)) affiliate(affiliation_of(arg, macros_));
    } else if (name == "additionalaffiliation" && !authors.empty()) {
      authors.back().additional.push_back(affiliation_of(arg, macros_));
    } else if (name == "email" && !authors.empty()) {
      const std::string email = trim(latex_to_text(arg, macros_));
      if (!take_emails(arg) && !email.empty()) authors.back().emails.push_back(email);
    } else if (name == "orcid" && !authors.empty()) {
      std::string id = trim(arg);
      const auto slash = id.rfind('/');
      if (slash != std::string::npos) id = id.substr(slash + 1);
      authors.back().orcid = id;
    } else if (name == "keywords") {
      meta_.keywords.clear();
      for (const auto& k : split_top_level(arg, ',')) {
        const std::string word = trim(latex_to_text(k, macros_));
        if (!word.empty()) meta_.keywords.push_back(word);
      }
      meta_.source["keywords"] = "latex";
    } else if (name == "ccsdesc") {
      std::string joined;
      for (const auto& part : split_top_level(arg, '~'))
        joined += (joined.empty() ? "" : "~") + trim(latex_to_text(part, macros_));
      meta_.ccs.push_back({joined, option.empty() ? 100 : std::atoi(option.c_str())});
      meta_.source["ccs"] = "latex";
    }
  }

  static std::string text_of(const std::string& latex, const void* self) {
    return latex_to_text(latex, static_cast<const FrontMatter*>(self)->macros_);
  }

  // Several people in one \author ("Hannah Li, David Evans", names with
  // marks and a line of marked affiliations): one author each (issue 28 item 9).
  void add_authors(const std::string& arg) {
    auto& authors = meta_.authors;
    if (last_command_ != "author") run_begin_ = authors.size();
    const AuthorLine line = read_author_line(with_picture_macros(arg, macros_), &FrontMatter::text_of, this);
    std::vector<AuthorMeta> people;
    if (!line.affiliations.empty()) {
      map_marks(line.people, line.affiliations, people);
    } else {
      for (const auto& p : line.people)
        if (!is_placeholder(p.text)) people.push_back({p.text, {}, {}, {}, {}});
      const bool marked = std::any_of(line.people.begin(), line.people.end(), [](const Marked& p) { return !p.marks.empty(); });
      if (marked) {
        awaiting_marks_ = line.people;
        awaiting_from_ = authors.size();
      }
    }
    for (auto& p : people) authors.push_back(std::move(p));
    if (!people.empty()) meta_.source["authors"] = "latex";
  }

  // "\author{Anonymized}" in a submission names nobody.
  static bool is_placeholder(const std::string& name) {
    const std::string f = fold_name(name);
    return f == "anonymized" || f == "anonymised" || f == "anonymous" || f.rfind("anonymousauthor", 0) == 0;
  }

  // \institution fields with marks go to the people whose marks they carry.
  bool take_marked_affiliations(const std::string& arg) {
    if (awaiting_marks_.empty()) return false;
    const auto marked = marked_institutions(arg, &FrontMatter::text_of, this);
    if (marked.empty()) return take_marked_loose_text(arg);
    auto& authors = meta_.authors;
    for (std::size_t k = 0; k < awaiting_marks_.size() && awaiting_from_ + k < authors.size(); ++k)
      for (const auto& mark : awaiting_marks_[k].marks)
        for (const auto& m : marked)
          if (std::find(m.marks.begin(), m.marks.end(), mark) != m.marks.end())
            authors[awaiting_from_ + k].affiliations.push_back(m.affiliation);
    awaiting_marks_.clear();
    return true;
  }

  // An \affiliation of loose text whose institutions open with marks
  // ("\beaver MIT CSAIL \corn UIUC", each picture a mark): acmart prints it
  // as written, and a reader maps the marks.
  bool take_marked_loose_text(const std::string& arg) {
    if (arg.find("\\institution") != std::string::npos) return false;
    const AuthorLine line = read_author_line(with_picture_macros(arg, macros_), &FrontMatter::text_of, this);
    if (line.affiliations.empty() || !line.people.empty()) return false;
    std::vector<AuthorMeta> mapped;
    map_marks(awaiting_marks_, line.affiliations, mapped);
    auto& authors = meta_.authors;
    for (std::size_t k = 0; k < mapped.size() && awaiting_from_ + k < authors.size(); ++k)
      for (auto& a : mapped[k].affiliations) authors[awaiting_from_ + k].affiliations.push_back(a);
    awaiting_marks_.clear();
    return true;
  }

  // Several mailboxes in one \email (or an \affiliation that holds only
  // mailboxes): each to the person of the last \author run it looks like.
  bool take_emails(const std::string& arg) {
    if (arg.find("\\institution") != std::string::npos) return false;
    const auto found = mailboxes(latex_to_text(arg, macros_));
    auto& authors = meta_.authors;
    if (found.size() < 2 || run_begin_ >= authors.size()) return false;
    std::vector<AuthorMeta> run(authors.begin() + static_cast<std::ptrdiff_t>(run_begin_), authors.end());
    assign_emails(found, run);
    std::copy(run.begin(), run.end(), authors.begin() + static_cast<std::ptrdiff_t>(run_begin_));
    return true;
  }

  // acmart's rule: the authors written since the last \affiliation share the
  // next one; an \affiliation right after another goes to the same author(s).
  void affiliate(const Affiliation& affiliation) {
    auto& authors = meta_.authors;
    auto first_bare = authors.end();
    while (first_bare != authors.begin() && std::prev(first_bare)->affiliations.empty()) --first_bare;
    if (first_bare == authors.end()) {
      for (auto a = group_begin_; a < authors.size(); ++a) authors[a].affiliations.push_back(affiliation);
      return;
    }
    group_begin_ = static_cast<std::size_t>(first_bare - authors.begin());
    for (auto a = first_bare; a != authors.end(); ++a) a->affiliations.push_back(affiliation);
  }

  void read_ccs_xml() {
    const std::string xml = environment(s_, "CCSXML");
    if (xml.empty()) return;
    const auto from_xml = parse_ccs_xml(xml);
    if (meta_.ccs.empty()) {
      meta_.ccs = from_xml;
      if (!from_xml.empty()) meta_.source["ccs"] = "latex-ccsxml";
      return;
    }
    auto names = [](const std::vector<Concept>& list) {
      std::vector<std::string> out;
      for (const auto& c : list) out.push_back(c.text + "/" + std::to_string(c.weight));
      std::sort(out.begin(), out.end());
      return out;
    };
    if (names(from_xml) != names(meta_.ccs))
      meta_.notes.push_back("the CCSXML block and the \\ccsdesc commands list different concepts");
  }

  const std::string all_;
  const std::string s_;
  PaperMeta& meta_;
  Macros macros_;
  std::size_t group_begin_ = 0;  // first author of the group the last \affiliation went to
  std::string last_command_;
  std::size_t run_begin_ = 0;           // first author of the last run of \author commands
  std::vector<Marked> awaiting_marks_;  // people whose marks a later \affiliation resolves
  std::size_t awaiting_from_ = 0;
};

xmlNode* child_named(xmlNode* parent, const char* name) {
  for (xmlNode* c = parent->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !xmlStrcmp(c->name, reinterpret_cast<const xmlChar*>(name))) return c;
  return nullptr;
}

}  // namespace

std::vector<Concept> parse_ccs_xml(const std::string& xml) {
  std::vector<Concept> out;
  const XmlDocument doc = read_untrusted_xml_or_null(xml);
  if (!doc) return out;
  xmlNode* root = xmlDocGetRootElement(doc.get());
  for (xmlNode* c = root ? root->children : nullptr; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, reinterpret_cast<const xmlChar*>("concept"))) continue;
    xmlNode* desc = child_named(c, "concept_desc");
    xmlNode* weight = child_named(c, "concept_significance");
    if (!desc) continue;
    out.push_back({element_text(desc), weight ? std::atoi(element_text(weight).c_str()) : 0});
  }
  return out;
}

bool is_main_source(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec) || support_file(file) || fs::file_size(file, ec) > max_source_bytes) return false;
  return text_file(file) && has_documentclass(file);
}

namespace {

bool tex_extension(const fs::path& file) {
  const std::string e = ascii_lower(file.extension().string());
  return e == ".tex" || e == ".ltx" || e == ".latex";
}

// The main files at the top of `folder`, else one level down; .tex and .ltx
// ones before any other (paper.tex.bak).
std::vector<fs::path> main_sources_in(const fs::path& folder) {
  std::vector<fs::path> found;
  for (int level = 0; level < 2 && found.empty(); ++level) {
    auto consider = [&](const fs::path& dir) {
      for (const auto& e : fs::directory_iterator(dir))
        if (is_main_source(e.path())) found.push_back(e.path());
    };
    if (level == 0) consider(folder);
    else
      for (const auto& e : fs::directory_iterator(folder))
        if (e.is_directory()) consider(e.path());
  }
  std::vector<fs::path> tex;
  std::copy_if(found.begin(), found.end(), std::back_inserter(tex), tex_extension);
  return tex.empty() ? found : tex;
}

}  // namespace

fs::path find_main_tex(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw input_error(folder.string(), "is not a folder of LaTeX sources");
  std::vector<fs::path> candidates = main_sources_in(folder);
  if (candidates.empty()) throw input_error(folder.string(), "holds no .tex file with \\documentclass");
  if (candidates.size() > 1) {
    std::sort(candidates.begin(), candidates.end());
    std::string names;
    for (const auto& c : candidates) names += (names.empty() ? "" : ", ") + c.filename().string();
    throw input_error(folder.string(), "more than one .tex file has \\documentclass: " + names);
  }
  return candidates.front();
}

namespace {

std::string expand(const fs::path& file, const fs::path& root, int depth);

// \usepackage{macros} of a package the sources bring (macros.sty beside the
// file): TeX reads it, and the macros a title uses may be defined there.
std::string local_packages(const std::string& names, const fs::path& file, const fs::path& root, int depth) {
  std::string out;
  for (const auto& name : split_top_level(names, ',')) {
    const fs::path sty = fs::weakly_canonical(file.parent_path() / (trim(name) + ".sty"));
    const fs::path base = fs::weakly_canonical(root);
    std::error_code ec;
    if (trim(name).empty() || !fs::is_regular_file(sty, ec)) continue;
    if (std::mismatch(base.begin(), base.end(), sty.begin()).first != base.end()) continue;  // not the sources'
    out += "\n" + expand(sty, root, depth + 1) + "\n";
  }
  return out;
}

std::string expand(const fs::path& file, const fs::path& root, int depth) {
  if (depth > 20) throw input_error(file.string(), "\\input nested more than 20 deep (a file including itself?)");
  std::string text = strip_latex_comments(read_file(file));
  static const Regex include(R"(\\(input|include|usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{([^}]*)\})");
  std::string out;
  std::size_t last = 0;
  for (const Match& m : include.all(text)) {
    out += text.substr(last, m.position() - last);
    last = m.position() + m.length();
    if (m.str(1) == "usepackage" || m.str(1) == "RequirePackage") {
      out += m.str(0) + local_packages(m.str(2), file, root, depth);
      continue;
    }
    fs::path target = file.parent_path() / trim(m.str(2));
    // TeX's order: NAME.tex, then NAME as written (\input{body.ltx}).
    if (target.extension() != ".tex" && (fs::exists(target.string() + ".tex") || !fs::exists(target))) target += ".tex";
    const fs::path resolved = fs::weakly_canonical(target);
    const fs::path base = fs::weakly_canonical(root);
    if (std::mismatch(base.begin(), base.end(), resolved.begin()).first != base.end())
      throw input_error(file.string(), "\\input names a file outside the source folder: " + m.str(2));
    if (!fs::exists(resolved)) continue;  // a class or package file from TeX's own tree
    out += expand(resolved, root, depth + 1);
  }
  out += text.substr(last);
  return out;
}

// inputenc's names for the encodings a source may be saved in, as iconv spells them.
const std::map<std::string, std::string>& inputenc_charsets() {
  static const std::map<std::string, std::string> names{
      {"utf8", "UTF-8"},         {"utf8x", "UTF-8"},         {"latin1", "ISO-8859-1"},  {"latin2", "ISO-8859-2"},
      {"latin3", "ISO-8859-3"},  {"latin4", "ISO-8859-4"},   {"latin5", "ISO-8859-9"},  {"latin9", "ISO-8859-15"},
      {"latin10", "ISO-8859-16"}, {"ansinew", "CP1252"},     {"cp1250", "CP1250"},      {"cp1251", "CP1251"},
      {"cp1252", "CP1252"},      {"cp1257", "CP1257"},       {"cp437", "CP437"},        {"cp850", "CP850"},
      {"cp852", "CP852"},        {"cp858", "CP858"},         {"cp865", "CP865"},        {"cp866", "CP866"},
      {"applemac", "MACINTOSH"}, {"koi8-r", "KOI8-R"},       {"koi8-u", "KOI8-U"},      {"x-latin1", "ISO-8859-1"}};
  return names;
}

// The option of the preamble's \usepackage[...]{inputenc} (the last option
// is the one in force), or "".
std::string declared_encoding(const std::string& source) {
  static const Regex declaration(R"(\\usepackage\s*\[([^\]]*)\]\s*\{inputen[cx]\})");
  Match m;
  if (!declaration.search(source, m)) return "";
  const std::string options = m.str(1);
  const auto comma = options.rfind(',');
  return ascii_lower(trim(comma == std::string::npos ? options : options.substr(comma + 1)));
}

}  // namespace

std::string expanded_source(const fs::path& main, const fs::path& folder) { return expand(main, folder, 0); }

DecodedSource decoded_source(const std::string& bytes) {
  const std::string declared = declared_encoding(bytes);
  const auto charset = inputenc_charsets().find(declared);
  const bool known = charset != inputenc_charsets().end();
  const bool utf8 = !first_invalid_utf8(bytes);
  if (known && charset->second != "UTF-8") {
    if (auto text = utf8_from(charset->second, bytes)) {
      // An editor that saved UTF-8 under an old declaration: TeX prints "CafÃ©", and so does the PDF.
      const bool saved_as_utf8 = utf8 && std::any_of(bytes.begin(), bytes.end(), [](unsigned char c) { return c >= 0x80; });
      return {*text, saved_as_utf8 ? "the source declares inputenc '" + declared +
                                         "' but its text is UTF-8: it is read as " + declared + ", as TeX reads it"
                                   : ""};
    }
  }
  if (utf8) return {bytes, ""};
  if (known)
    return {valid_utf8(bytes), "the source declares inputenc '" + declared +
                                   "' but holds bytes that are not UTF-8: they are read as U+FFFD"};
  return {utf8_from("ISO-8859-1", bytes).value_or(valid_utf8(bytes)),
          "the source is not UTF-8 and declares no input encoding" +
              (declared.empty() ? std::string() : " this reader knows ('" + declared + "')") +
              ": it is read as Latin-1 (\\usepackage[latin1]{inputenc} would say so)"};
}

PaperMeta parse_latex_meta(const std::string& source) {
  PaperMeta meta;
  meta.kind = "latex";
  const DecodedSource text = decoded_source(source);
  if (!text.note.empty()) meta.notes.push_back(text.note);
  FrontMatter(text.text, meta).read();
  return meta;
}

namespace {

// A file given on its own is the main file; its folder holds what it \inputs.
fs::path given_main_file(const fs::path& file) {
  if (!has_documentclass(file))
    throw input_error(file.string(), "has no \\documentclass: give the paper's main file or its folder");
  return file;
}

}  // namespace

PaperMeta read_latex_meta(const fs::path& input) {
  std::error_code ec;
  const bool file = fs::is_regular_file(input, ec);
  const fs::path folder = !file ? input : input.has_parent_path() ? input.parent_path() : fs::path(".");
  const fs::path main = file ? given_main_file(input) : find_main_tex(folder);
  PaperMeta meta = parse_latex_meta(expanded_source(main, folder));
  meta.input = valid_utf8(input.string());
  if (meta.title.empty()) throw input_error(main.string(), "has no \\title");
  return meta;
}

}  // namespace proceedings::meta

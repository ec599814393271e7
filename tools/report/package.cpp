#include "report/package.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <sstream>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"
#include "proceedings/latex_text.hpp"

namespace proceedings::report {

namespace fs = std::filesystem;

std::string strip_tex_comments(const std::string& tex) {
  std::istringstream in(tex);
  std::string out;
  bool verbatim = false;
  static const std::regex begin(R"(\\begin\{(verbatim|lstlisting|minted|comment)\*?\})");
  static const std::regex end(R"(\\end\{(verbatim|lstlisting|minted|comment)\*?\})");
  for (std::string line; std::getline(in, line);) {
    if (verbatim) {
      out += line + "\n";
      if (std::regex_search(line, end)) verbatim = false;
      continue;
    }
    if (std::regex_search(line, begin)) verbatim = !std::regex_search(line, end);
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

void write_tar_gz(const fs::path& file, const fs::path& folder, const std::vector<std::string>& members) {
  const fs::path temp = file.string() + ".tmp";
  archive* a = archive_write_new();
  archive_write_set_format_pax_restricted(a);
  archive_write_add_filter_gzip(a);
  if (archive_write_open_filename(a, temp.c_str()) != ARCHIVE_OK) {
    archive_write_free(a);
    throw Error(Exit::input, file.string(), "cannot be written");
  }
  for (const auto& name : members) {
    const std::string bytes = read_file(folder / name);
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, 0, 0);
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    archive_write_header(a, e);
    archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  fs::rename(temp, file);
}

}  // namespace

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
  write_tar_gz(p.archive, p.folder, {"00README.json", "report.bbl", "report.tex"});

  std::vector<std::string> authors;
  for (const auto& o : w.organizers) authors.push_back(ascii_fold(o.name));
  std::string abstract = ascii_fold(d.abstract);
  const nlohmann::json form{
      {"title", ascii_fold(d.title)},
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

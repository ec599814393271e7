#include "build/bundle.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "proceedings/digest.hpp"
#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings::build {

namespace fs = std::filesystem;

namespace {

// BibTeX braces protect the case of titles; specials are escaped.
std::string bib_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&' || c == '%' || c == '$' || c == '#' || c == '_') out += '\\';
    if (c == '{' || c == '}') continue;
    out += c;
  }
  return out;
}

std::string bib_key(const std::string& workshop, const std::string& id) {
  std::string key;
  for (char c : workshop + ":" + id) key += std::isalnum(static_cast<unsigned char>(c)) || c == ':' || c == '-' ? c : '-';
  return key;
}

void write_zip(const fs::path& zip, const fs::path& folder, const std::vector<fs::path>& members) {
  const fs::path temp = zip.string() + ".tmp";
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  if (archive_write_open_filename(a, temp.c_str()) != ARCHIVE_OK) {
    const char* message = archive_error_string(a);
    const std::string why = message ? message : "unknown error";
    archive_write_free(a);
    throw Error(Exit::input, zip.string(), "cannot be written: " + why);
  }
  for (const auto& member : members) {
    const std::string bytes = read_file(folder / member);
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, member.generic_string().c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_mtime(e, 0, 0);
    // PDFs are compressed already: deflating them again costs time, saves nothing.
    if (member.extension() == ".pdf") archive_write_zip_set_compression_store(a);
    else archive_write_zip_set_compression_deflate(a);
    archive_write_header(a, e);
    archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(e);
  }
  const bool ok = archive_write_close(a) == ARCHIVE_OK;
  archive_write_free(a);
  if (!ok) throw Error(Exit::input, zip.string(), "cannot be written");
  fs::rename(temp, zip);
}

// Cache files are never changed in place (new content gets a new name), so
// the bundle can share them; a copy where the file system cannot link.
void place(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_hard_link(from, to, ec);
  if (ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

}  // namespace

std::string bibtex(const BookPlan& plan) {
  const Workshop& w = plan.workshop;
  std::ostringstream out;
  for (const auto& p : plan.papers) {
    std::string authors;
    for (const auto& a : p.record.authors) authors += (authors.empty() ? "" : " and ") + bib_text(a.name);
    out << "@inproceedings{" << bib_key(w.id, p.record.id) << ",\n"
        << "  title     = {{" << bib_text(p.record.title) << "}},\n"
        << "  author    = {" << authors << "},\n"
        << "  booktitle = {Proceedings of " << bib_text(w.acronym) << ": " << bib_text(w.name) << "},\n"
        << "  year      = {" << w.date.substr(0, 4) << "},\n"
        << "  pages     = {" << p.first_page << "--" << p.last_page() << "},\n";
    if (!w.location.empty()) out << "  address   = {" << bib_text(w.location) << "},\n";
    if (!w.publication.empty()) out << "  note      = {" << bib_text(w.publication) << "},\n";
    out << "}\n\n";
  }
  return out.str();
}

fs::path write_bundle(const BookPlan& plan, const BundleFiles& files, const fs::path& bundle) {
  fs::remove_all(bundle);
  fs::create_directories(bundle / "papers");
  const std::string id = plan.workshop.id;
  std::vector<fs::path> members{id + "-proceedings.pdf", id + "-frontmatter.pdf"};
  place(files.book, bundle / members[0]);
  place(files.front, bundle / members[1]);
  nlohmann::json papers = nlohmann::json::array();
  for (std::size_t i = 0; i < plan.papers.size(); ++i) {
    const auto& p = plan.papers[i];
    const fs::path name = fs::path("papers") / (p.record.id + ".pdf");
    place(files.papers[i], bundle / name);
    members.push_back(name);
    nlohmann::json authors = nlohmann::json::array();
    for (const auto& a : p.record.authors) authors.push_back(a.name);
    papers.push_back({{"id", p.record.id},
                      {"title", p.record.title},
                      {"authors", authors},
                      {"pages", {{"first", p.first_page}, {"last", p.last_page()}}},
                      {"book_pages", {{"first", files.front_pages + p.first_page}, {"last", files.front_pages + p.last_page()}}},
                      {"file", name.generic_string()},
                      {"sha256", sha256_file(bundle / name)}});
  }
  write_file_atomic(bundle / (id + ".bib"), bibtex(plan));
  members.push_back(id + ".bib");
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& m : members)
    listed.push_back({{"path", m.generic_string()}, {"sha256", sha256_file(bundle / m)}, {"bytes", fs::file_size(bundle / m)}});
  const nlohmann::json manifest{{"workshop", id},
                                {"title", plan.workshop.acronym + ": " + plan.workshop.name},
                                {"generator", std::string("proceedings ") + PROCEEDINGS_VERSION},
                                {"front_matter_pages", files.front_pages},
                                {"papers", papers},
                                {"files", listed}};
  write_file_atomic(bundle / "manifest.json", manifest.dump(2) + "\n");
  members.push_back("manifest.json");
  const fs::path zip = bundle / (id + "-bundle.zip");
  write_zip(zip, bundle, members);
  return zip;
}

}  // namespace proceedings::build

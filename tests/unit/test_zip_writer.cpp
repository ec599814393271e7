// The zip writer (write_archive with ArchiveFormat::zip): its zips checked by
// unzip -t, python3's zipfile and libarchive's reader; reuse of a previous
// zip's stored members; and the bundle asking for that reuse.
#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <clocale>
#include <cstdio>
#include <map>

#include "build/bundle.hpp"
#include "helpers.hpp"
#include "proceedings/archive.hpp"
#include "proceedings/digest.hpp"
#include "proceedings/files.hpp"
#include "proceedings/model.hpp"
#include "proceedings/process.hpp"

using namespace proceedings;
namespace fs = std::filesystem;

namespace {

fs::path omnifed() { return fs::path(FIXTURE_DIR).parent_path() / "manuscripts/exhetai-2025/omnifed.pdf"; }
fs::path body6() { return test::fixture("body6.pdf"); }

// libarchive converts a zip's UTF-8 names to the locale's charset, which the
// tests' C locale has not: a UTF-8 one while reading, as a user's shell has.
struct Utf8Locale {
  std::string before = std::setlocale(LC_CTYPE, nullptr);
  Utf8Locale() { REQUIRE(std::setlocale(LC_CTYPE, "C.UTF-8")); }
  ~Utf8Locale() { std::setlocale(LC_CTYPE, before.c_str()); }
};

// What libarchive's reader finds: member name -> bytes.
std::map<std::string, std::string> read_with_libarchive(const fs::path& zip) {
  const Utf8Locale locale;
  std::map<std::string, std::string> members;
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  REQUIRE(archive_read_open_filename(a, zip.c_str(), 1 << 16) == ARCHIVE_OK);
  archive_entry* e = nullptr;
  int status = ARCHIVE_OK;
  while ((status = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
    std::string& bytes = members[archive_entry_pathname(e)];
    char block[1 << 16];
    la_ssize_t n = 0;
    while ((n = archive_read_data(a, block, sizeof block)) > 0) bytes.append(block, static_cast<std::size_t>(n));
    CHECK(n == 0);
  }
  CHECK(status == ARCHIVE_EOF);
  archive_read_free(a);
  return members;
}

// python3's zipfile: "ok" when testzip() finds every CRC right, then one line
// a member: compression method, UTF-8 flag, name.
std::string read_with_python(const fs::path& zip) {
  const char* script =
      "import sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "print('bad ' + z.testzip() if z.testzip() else 'ok')\n"
      "for i in z.infolist(): print(i.compress_type, 'utf8' if i.flag_bits & 0x800 else 'ascii', i.filename)\n";
  const ProgramRun run = run_program("python3", {"-c", script, zip.string()}, zip.parent_path(),
                                     std::chrono::seconds(60), "", {}, {{"PYTHONIOENCODING", "utf-8"}});
  CHECK_MESSAGE(run.exit_code == 0, run.err);
  return run.out;
}

void check_with_unzip(const fs::path& zip) {
  const ProgramRun run = run_program("unzip", {"-t", zip.string()}, zip.parent_path(), std::chrono::seconds(60));
  CHECK_MESSAGE(run.exit_code == 0, (run.out + run.err));
  CHECK(run.out.find("No errors detected") != std::string::npos);
}

// Sources under `dir`: two PDFs (different bytes, near the same size) and two texts.
struct Sources {
  test::TempDir dir;
  std::vector<ArchiveMember> members;
  Sources() {
    fs::create_directories(dir.path / "papers");
    fs::copy_file(body6(), dir.path / "papers/a.pdf");
    fs::copy_file(omnifed(), dir.path / "papers/b.pdf");
    fs::copy_file(body6(), dir.path / "book.pdf");
    dir.write("manifest.json", std::string(2000, '{') + "\"x\": 1");
    dir.write("w.bib", "@inproceedings{w:a, title = {Caf\xC3\xA9}}\n");
    for (const char* name : {"book.pdf", "papers/a.pdf", "papers/b.pdf", "w.bib", "manifest.json"})
      members.push_back({name, dir.path / name, 1763251200});
  }
  std::vector<ArchiveMember> unchanged_except(const std::string& name) const {
    auto marked = members;
    for (auto& m : marked) m.unchanged = m.name != name;
    return marked;
  }
};

}  // namespace

TEST_CASE("the zip writer's zip passes unzip -t, python3's zipfile and libarchive, PDFs stored, text deflated") {
  Sources s;
  s.members.push_back({"papers/caf\xC3\xA9-\xE2\x80\x99.pdf", s.dir.path / "papers/a.pdf", std::nullopt});
  const fs::path zip = s.dir.path / "out.zip";
  CHECK(write_archive(zip, ArchiveFormat::zip, s.members, 1700000000).reused == 0);
  check_with_unzip(zip);
  const std::string listing = read_with_python(zip);
  CHECK(listing.rfind("ok\n", 0) == 0);
  for (const char* line : {"0 ascii papers/a.pdf\n", "0 ascii book.pdf\n", "8 ascii w.bib\n", "8 ascii manifest.json\n",
                           "0 utf8 papers/caf\xC3\xA9-\xE2\x80\x99.pdf\n"})
    CHECK_MESSAGE(listing.find(line) != std::string::npos, listing);
  const auto members = read_with_libarchive(zip);
  REQUIRE(members.size() == s.members.size());
  for (const auto& m : s.members) CHECK(members.at(m.name) == read_file(m.file));
  // The deflated manifest is smaller; the stored PDFs are not.
  CHECK(fs::file_size(zip) < 3 * fs::file_size(body6()) + fs::file_size(omnifed()) + 2000);
  CHECK(fs::file_size(zip) > 3 * fs::file_size(body6()) + fs::file_size(omnifed()));
}

TEST_CASE("the zip writer: the same inputs give the same bytes, the member time is the UT field and a DOS time") {
  Sources s;
  const fs::path one = s.dir.path / "one.zip", two = s.dir.path / "two.zip";
  write_archive(one, ArchiveFormat::zip, s.members, 0);
  write_archive(two, ArchiveFormat::zip, s.members, 0);
  CHECK(read_file(one) == read_file(two));
  const ProgramRun info = run_program("unzip", {"-Z", "-T", one.string()}, s.dir.path, std::chrono::seconds(60),
                                      "", {}, {{"TZ", "UTC"}});
  CHECK_MESSAGE(info.out.find(" 20251116.000000 papers/a.pdf") != std::string::npos, info.out);
  CHECK_MESSAGE(info.out.find("-rw-r--r--") != std::string::npos, info.out);
}

TEST_CASE("the zip writer reuses a previous zip's unchanged stored members, the result is a fresh write's bytes") {
  Sources s;
  const fs::path zip = s.dir.path / "out.zip", fresh = s.dir.path / "fresh.zip";
  write_archive(zip, ArchiveFormat::zip, s.members, 0);
  fs::copy_file(body6(), s.dir.path / "papers/b.pdf", fs::copy_options::overwrite_existing);
  // Written over itself, as the bundle does: three stored PDFs, two of them unchanged.
  CHECK(write_archive(zip, ArchiveFormat::zip, s.unchanged_except("papers/b.pdf"), 0, zip).reused == 2);
  write_archive(fresh, ArchiveFormat::zip, s.members, 0);
  CHECK(read_file(zip) == read_file(fresh));
  check_with_unzip(zip);
  CHECK(read_with_python(zip).rfind("ok\n", 0) == 0);
  CHECK(read_with_libarchive(zip).at("papers/b.pdf") == read_file(body6()));
}

TEST_CASE("the zip writer copies a reused member's data from the previous zip, not from its file") {
  Sources s;
  const fs::path old_zip = s.dir.path / "old.zip", zip = s.dir.path / "new.zip";
  write_archive(old_zip, ArchiveFormat::zip, s.members, 0);
  const std::string before = read_file(s.dir.path / "papers/a.pdf");
  std::string other = before;
  other[other.size() / 2] ^= 0x55;  // same size, other bytes: a false promise the writer cannot see
  write_file_atomic(s.dir.path / "papers/a.pdf", other);
  CHECK(write_archive(zip, ArchiveFormat::zip, s.unchanged_except(""), 0, old_zip).reused == 3);
  CHECK(read_with_libarchive(zip).at("papers/a.pdf") == before);
  // A size that differs from the previous zip's is read from the file, promise or not.
  write_file_atomic(s.dir.path / "papers/a.pdf", other + "%");
  CHECK(write_archive(zip, ArchiveFormat::zip, s.unchanged_except(""), 0, old_zip).reused == 2);
  CHECK(read_with_libarchive(zip).at("papers/a.pdf") == other + "%");
  // Deflated members and members not marked unchanged are written anew.
  CHECK(write_archive(zip, ArchiveFormat::zip, s.members, 0, old_zip).reused == 0);
}

TEST_CASE("the zip writer: a damaged, missing or foreign previous zip only means a full write") {
  Sources s;
  const fs::path good = s.dir.path / "good.zip", zip = s.dir.path / "out.zip", fresh = s.dir.path / "fresh.zip";
  write_archive(good, ArchiveFormat::zip, s.members, 0);
  write_archive(fresh, ArchiveFormat::zip, s.members, 0);
  const std::string bytes = read_file(good);
  const auto marked = s.unchanged_except("");
  std::string wrong_offset = bytes;
  wrong_offset[wrong_offset.size() - 6] ^= 0x10;  // the central directory's offset
  std::string wrong_local = bytes;
  wrong_local[0] = 'X';  // the first member's local header
  std::string wrong_directory = bytes;
  wrong_directory[bytes.rfind("PK\x01\x02")] = 'X';  // the last central directory record
  const std::map<std::string, std::string> damaged{{"truncated", bytes.substr(0, bytes.size() / 2)},
                                                   {"tail cut", bytes.substr(0, bytes.size() - 1)},
                                                   {"garbage", std::string(5000, 'z')},
                                                   {"empty", ""},
                                                   {"offset", wrong_offset},
                                                   {"directory", wrong_directory}};
  for (const auto& [what, contents] : damaged) {
    CAPTURE(what);
    write_file_atomic(s.dir.path / "previous.zip", contents);
    CHECK(write_archive(zip, ArchiveFormat::zip, marked, 0, s.dir.path / "previous.zip").reused == 0);
    CHECK(read_file(zip) == read_file(fresh));
  }
  write_file_atomic(s.dir.path / "previous.zip", wrong_local);  // book.pdf's header only: the others still reusable
  CHECK(write_archive(zip, ArchiveFormat::zip, marked, 0, s.dir.path / "previous.zip").reused == 2);
  CHECK(read_file(zip) == read_file(fresh));
  CHECK(write_archive(zip, ArchiveFormat::zip, marked, 0, s.dir.path / "missing.zip").reused == 0);
  CHECK(write_archive(zip, ArchiveFormat::zip, marked, 0, s.dir.path / "papers").reused == 0);  // a folder
  // libarchive's zip (data descriptors, its own extra fields) is read too.
  write_archive(s.dir.path / "x.tar.gz", ArchiveFormat::tar_gz, s.members, 0);
  CHECK(write_archive(zip, ArchiveFormat::zip, marked, 0, s.dir.path / "x.tar.gz").reused == 0);
  CHECK(read_file(zip) == read_file(fresh));
}

TEST_CASE("the zip writer refuses a member that would need zip64, naming it, the previous zip stays") {
  Sources s;
  const fs::path zip = s.dir.path / "out.zip", huge = s.dir.path / "huge.pdf";
  write_archive(zip, ArchiveFormat::zip, s.members, 0);
  const std::string before = read_file(zip);
  { std::ofstream(huge).put('x'); }
  fs::resize_file(huge, 0xFFFFFFFFull);  // sparse: no disk used
  const std::string error =
      test::error_line([&] { write_archive(zip, ArchiveFormat::zip, {{"huge.pdf", huge, std::nullopt}}, 0); });
  CHECK_MESSAGE(error.find(huge.string()) != std::string::npos, error);
  CHECK_MESSAGE(error.find("zip64") != std::string::npos, error);
  CHECK(read_file(zip) == before);
  const std::string missing =
      test::error_line([&] { write_archive(zip, ArchiveFormat::zip, {{"gone.pdf", s.dir.path / "gone.pdf", std::nullopt}}, 0); });
  CHECK(missing.find("gone.pdf") != std::string::npos);
  CHECK(read_file(zip) == before);
}

TEST_CASE("the bundle's zip reuses the members whose checksum the previous build recorded") {
  test::TempDir dir;
  const fs::path papers = dir.path / "papers", bundle = dir.path / "out/bundle";
  fs::create_directories(papers);
  for (const auto& e : fs::directory_iterator(omnifed().parent_path())) fs::copy_file(e.path(), papers / e.path().filename());
  std::map<std::string, build::PaperFacts> facts;
  const build::BookPlan plan = build::make_plan(load_workshop(test::source_dir() / "metadata/exhetai-2025"), papers, facts, 1);
  REQUIRE(plan.papers.size() == 4);
  auto files_of = [&] {
    build::BundleFiles files{body6(), sha256_file(body6()), omnifed(), sha256_file(omnifed()), {}, {}, 2};
    for (const auto& p : plan.papers) {
      files.papers.push_back(p.pdf);
      files.papers_sha256.push_back(sha256_file(p.pdf));
    }
    return files;
  };
  auto state_of = [](const build::BundleWritten& written) {
    build::State state;
    state.outputs = written.sha256;
    for (const auto& f : written.files) state.stamps[f.string()] = build::output_stamp(f);
    return state;
  };
  const build::BundleWritten first = build::write_bundle(plan, files_of(), bundle);
  CHECK(first.zip_reused == 0);
  const build::State after_first = state_of(first);
  // One paper changed (same name, other bytes): book, front matter and three papers are copied.
  const fs::path changed = plan.papers[1].pdf;
  std::string bytes = read_file(changed);
  bytes += "\n%%EOF\n";
  write_file_atomic(changed, bytes);
  const build::BundleWritten second = build::write_bundle(plan, files_of(), bundle, after_first);
  CHECK(second.zip_reused == 5);
  const auto members = read_with_libarchive(second.zip);
  CHECK(members.at("papers/" + plan.papers[1].record.id + ".pdf") == bytes);
  CHECK(members.at("papers/" + plan.papers[0].record.id + ".pdf") == read_file(plan.papers[0].pdf));
  check_with_unzip(second.zip);
  // A zip that is not the one the state recorded (replaced by a build that
  // saved no state) is not trusted.
  CHECK(build::write_bundle(plan, files_of(), bundle, after_first).zip_reused == 0);
  CHECK(build::write_bundle(plan, files_of(), bundle, state_of(second)).zip_reused == 6);
  // Without a previous state (the default) the whole zip is written.
  CHECK(build::write_bundle(plan, files_of(), bundle).zip_reused == 0);
}

// Not run by default: `unit_tests -tc='*zip bench*' --no-skip`. A bundle-like
// zip (a 30 MB book, 200 papers), written fresh, then over itself with one
// paper changed, as a rebuild does.
TEST_CASE("zip bench: 200 papers, one changed" * doctest::skip()) {
  test::TempDir dir;
  std::vector<ArchiveMember> members;
  std::string book;
  while (book.size() < (30u << 20)) book += read_file(body6());
  write_file_atomic(dir.path / "book.pdf", book);
  members.push_back({"book.pdf", dir.path / "book.pdf", 1763251200});
  for (int i = 0; i < 200; ++i) {
    const fs::path f = dir.path / ("p" + std::to_string(i) + ".pdf");
    fs::copy_file(i % 2 ? omnifed() : body6(), f);
    members.push_back({"papers/p" + std::to_string(i) + ".pdf", f, 1763251200});
  }
  const fs::path zip = dir.path / "out.zip";
  auto timed = [&](const std::vector<ArchiveMember>& list, const fs::path& previous) {
    const auto t0 = std::chrono::steady_clock::now();
    const ArchiveWritten written = write_archive(zip, ArchiveFormat::zip, list, 1763251200, previous);
    std::printf("%s: %.1f ms, %zu reused, %ju bytes\n", previous.empty() ? "full write" : "one changed",
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(),
                written.reused, static_cast<std::uintmax_t>(fs::file_size(zip)));
    return written.reused;
  };
  for (int run = 0; run < 5; ++run) {
    timed(members, {});
    const fs::path& changed = members[1 + static_cast<std::size_t>(run)].file;
    fs::copy_file(run % 2 ? body6() : omnifed(), changed, fs::copy_options::overwrite_existing);
    auto marked = members;
    for (auto& m : marked) m.unchanged = m.file != changed;
    CHECK(timed(marked, zip) == 200);
  }
}

// Hostile archives, built here with libarchive's writer, must be refused
// with a clear reason and must never write outside the target folder.
#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include "helpers.hpp"
#include "proceedings/archive.hpp"
#include "proceedings/files.hpp"

using namespace proceedings;

namespace {

struct Member {
  std::string name;
  std::string data;
  unsigned type = AE_IFREG;
  std::string link = {};
  std::uint64_t zeros = 0;  // extra zero bytes after `data` (a bomb)
};

void write_archive(const std::filesystem::path& file, bool zip, const std::vector<Member>& members) {
  archive* a = archive_write_new();
  if (zip) archive_write_set_format_zip(a);
  else {
    archive_write_set_format_pax_restricted(a);
    archive_write_add_filter_gzip(a);
  }
  archive_write_open_filename(a, file.c_str());
  const std::string zeros(1 << 20, '\0');
  for (const auto& m : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    archive_entry_set_filetype(e, m.type);
    archive_entry_set_perm(e, 0644);
    if (!m.link.empty()) archive_entry_set_symlink(e, m.link.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(m.type == AE_IFREG ? m.data.size() + m.zeros : 0));
    archive_write_header(a, e);
    archive_write_data(a, m.data.data(), m.data.size());
    for (std::uint64_t left = m.zeros; left > 0; left -= std::min<std::uint64_t>(left, zeros.size()))
      archive_write_data(a, zeros.data(), std::min<std::uint64_t>(left, zeros.size()));
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

std::string refusal(const std::filesystem::path& file, const ArchiveLimits& limits = {}) {
  ScratchDir into;
  return test::error_line([&] { extract_archive(file, into.path(), limits); });
}

}  // namespace

TEST_CASE("a plain archive unpacks") {
  test::TempDir dir;
  const auto file = dir.path / "ok.zip";
  write_archive(file, true, {{"paper.tex", "\\documentclass{acmart}"}, {"sec/a.tex", "A"}});
  ScratchDir into;
  extract_archive(file, into.path());
  CHECK(read_file(into.path() / "sec/a.tex") == "A");
}

TEST_CASE("hostile archives are refused with the member named") {
  test::TempDir dir;
  const auto traversal = dir.path / "traversal.zip";
  write_archive(traversal, true, {{"../escape.tex", "x"}});
  CHECK(refusal(traversal) == traversal.string() + ": member '../escape.tex' would be written outside the folder");
  CHECK_FALSE(std::filesystem::exists(std::filesystem::temp_directory_path() / "escape.tex"));

  const auto absolute = dir.path / "absolute.tar.gz";
  write_archive(absolute, false, {{"/tmp/proceedings-absolute.tex", "x"}});
  CHECK(refusal(absolute).find("would be written outside the folder") != std::string::npos);

  const auto link = dir.path / "link.tar.gz";
  write_archive(link, false, {{"paper.tex", "", AE_IFLNK, "/etc/passwd"}});
  CHECK(refusal(link) == link.string() + ": member 'paper.tex' is a link or special file; only plain files are accepted");

  const auto bomb = dir.path / "bomb.tar.gz";
  write_archive(bomb, false, {{"big.tex", "x", AE_IFREG, "", 80ull << 20}});
  CHECK(std::filesystem::file_size(bomb) < (1u << 20));
  CHECK(refusal(bomb) == bomb.string() + ": member 'big.tex' unpacks to more than 64 MiB");
  ArchiveLimits small;
  small.max_total_bytes = 1 << 20;
  small.max_file_bytes = 1ull << 40;
  CHECK(refusal(bomb, small) == bomb.string() + ": unpacks to more than 1 MiB (a zip bomb?)");

  const auto many = dir.path / "many.zip";
  std::vector<Member> members;
  for (int i = 0; i < 30; ++i) members.push_back({"f" + std::to_string(i) + ".tex", "x"});
  write_archive(many, true, members);
  ArchiveLimits few;
  few.max_files = 20;
  CHECK(refusal(many, few) == many.string() + ": more than 20 files");

  const auto broken = dir.path / "broken.zip";
  {
    const std::string good = [&] {
      write_archive(broken, true, {{"paper.tex", std::string(5000, 'a')}});
      return read_file(broken);
    }();
    write_file_atomic(broken, good.substr(0, good.size() / 2));
  }
  CHECK(refusal(broken).rfind(broken.string() + ": ", 0) == 0);

  const auto text = dir.path / "not-an-archive.zip";
  write_file_atomic(text, "hello");
  CHECK(refusal(text).find("not a readable archive") != std::string::npos);
}

TEST_CASE("fuzz regressions: archives that once crashed the reader") {
  // libarchive gave no error message (NULL) for this one (found by fuzz_archive).
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() / "tests/fuzz-regressions")) {
    if (e.path().filename().string().rfind("archive-", 0) != 0) continue;
    CAPTURE(e.path().string());
    ScratchDir into;
    CHECK(refusal(e.path()).rfind(e.path().string() + ": ", 0) == 0);
  }
}

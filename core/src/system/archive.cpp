#include "proceedings/archive.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings {

namespace fs = std::filesystem;

namespace {

using Reader = std::unique_ptr<struct archive, decltype(&archive_read_free)>;

// libarchive may have no message to give: NULL, which std::string must not see.
std::string error_of(struct archive* a) {
  const char* message = archive_error_string(a);
  return message ? message : "unknown error";
}

// A member path that stays inside the target folder, or empty for one that does not.
fs::path safe_member_path(const std::string& name) {
  if (name.empty() || name[0] == '/' || name.find('\\') != std::string::npos || name.find(':') != std::string::npos)
    return {};
  fs::path out;
  for (const auto& part : fs::path(name)) {
    if (part == "..") return {};
    if (part == "." || part.empty()) continue;
    out /= part;
  }
  return out;
}

// libarchive stops reading a .tar.gz at tar's end-of-archive blocks, so a
// file cut off inside gzip's trailer (or its last deflate block's tail) reads
// as complete. Inflating the whole stream to its end marker tells.
void require_complete_gzip(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw Error(Exit::internal, file.string(), "zlib cannot start");
  std::vector<unsigned char> input(64 * 1024), output(64 * 1024);
  int status = Z_OK;
  bool ended = false;
  while (!ended) {
    in.read(reinterpret_cast<char*>(input.data()), static_cast<std::streamsize>(input.size()));
    z.avail_in = static_cast<uInt>(in.gcount());
    z.next_in = input.data();
    if (z.avail_in == 0) break;
    while (z.avail_in > 0) {
      z.avail_out = static_cast<uInt>(output.size());
      z.next_out = output.data();
      status = inflate(&z, Z_NO_FLUSH);
      if (status == Z_STREAM_END) {
        // Another gzip member may follow (gzip -c a b); padding zeros may not.
        if (z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
          inflateReset(&z);
          continue;
        }
        ended = true;
        break;
      }
      if (status != Z_OK && status != Z_BUF_ERROR) break;
    }
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) break;
  }
  inflateEnd(&z);
  if (status == Z_STREAM_END) return;
  if (status == Z_OK || status == Z_BUF_ERROR)
    throw input_error(file.string(), "truncated archive: the gzip stream ends before its end marker (incomplete upload?)");
  throw input_error(file.string(), "broken archive: the gzip stream is damaged");
}

using Writer = std::unique_ptr<struct archive, decltype(&archive_write_free)>;
using Entry = std::unique_ptr<archive_entry, decltype(&archive_entry_free)>;

void write_tar_member(struct archive* a, const ArchiveMember& member, std::int64_t mtime, const fs::path& out) {
  std::ifstream in(member.file, std::ios::binary);
  if (!in) throw input_error(member.file.string(), "cannot be opened for reading");
  const auto size = fs::file_size(member.file);
  Entry entry(archive_entry_new(), archive_entry_free);
  archive_entry_set_pathname(entry.get(), member.name.c_str());
  archive_entry_set_filetype(entry.get(), AE_IFREG);
  archive_entry_set_perm(entry.get(), 0644);
  archive_entry_set_size(entry.get(), static_cast<la_int64_t>(size));
  archive_entry_set_mtime(entry.get(), static_cast<time_t>(member.mtime.value_or(mtime)), 0);
  if (archive_write_header(a, entry.get()) != ARCHIVE_OK)
    throw input_error(out.string(), "cannot add '" + member.name + "': " + error_of(a));
  std::vector<char> buffer(256 * 1024);
  std::uintmax_t left = size;
  while (left > 0) {
    in.read(buffer.data(), static_cast<std::streamsize>(std::min<std::uintmax_t>(left, buffer.size())));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) throw input_error(member.file.string(), "changed while being archived");
    if (archive_write_data(a, buffer.data(), got) != static_cast<la_ssize_t>(got))
      throw input_error(out.string(), "write failed (disk full?): " + error_of(a));
    left -= got;
  }
}

void write_tar_gz(const fs::path& temp, const fs::path& out, const std::vector<ArchiveMember>& members,
                  std::int64_t mtime) {
  Writer writer(archive_write_new(), archive_write_free);
  struct archive* a = writer.get();
  archive_write_set_format_pax_restricted(a);
  archive_write_add_filter_gzip(a);
  if (archive_write_open_filename(a, temp.c_str()) != ARCHIVE_OK)
    throw input_error(out.string(), "cannot be written: " + error_of(a));
  for (const auto& m : members) write_tar_member(a, m, mtime, out);
  // The gzip trailer is written here: a failure now is a broken archive too.
  if (archive_write_close(a) != ARCHIVE_OK)
    throw input_error(out.string(), "write failed (disk full?): " + error_of(a));
}

// ---- The zip writer (see write_archive in archive.hpp) ----

constexpr std::uint64_t zip32_limit = 0xFFFFFFFFu;  // a size or offset this large needs zip64
constexpr std::uint16_t zip_stored = 0, zip_deflated = 8;
constexpr std::uint32_t local_signature = 0x04034b50, central_signature = 0x02014b50, end_signature = 0x06054b50;

void put16(std::string& s, std::uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}
std::uint32_t get16(const unsigned char* p) { return p[0] | static_cast<std::uint32_t>(p[1]) << 8; }
std::uint32_t get32(const unsigned char* p) { return get16(p) | get16(p + 2) << 16; }

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

bool pread_all(int fd, void* into, std::size_t n, std::uint64_t at) {
  auto* p = static_cast<char*>(into);
  while (n > 0) {
    const ssize_t got = ::pread(fd, p, n, static_cast<off_t>(at));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    p += got;
    n -= static_cast<std::size_t>(got);
    at += static_cast<std::uint64_t>(got);
  }
  return true;
}

bool pwrite_all(int fd, const void* from, std::size_t n, std::uint64_t at) {
  const auto* p = static_cast<const char*>(from);
  while (n > 0) {
    const ssize_t put = ::pwrite(fd, p, n, static_cast<off_t>(at));
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return false;
    p += put;
    n -= static_cast<std::size_t>(put);
    at += static_cast<std::uint64_t>(put);
  }
  return true;
}

// Where a reusable member's data lies in the previous zip.
struct ReusableData {
  std::uint64_t offset = 0;
  std::uint32_t crc = 0;
};

// The previous zip, open for copying stored members' data out of it. Anything
// it cannot make sense of leaves it empty: no reuse, never an error.
class PreviousZip {
 public:
  // O_NONBLOCK: a FIFO in its place must not hang the build.
  explicit PreviousZip(const fs::path& file)
      : fd_(file.empty() ? -1 : ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)) {
    if (fd_.get() < 0 || !read_central_directory()) stored_.clear();
  }

  int fd() const { return fd_.get(); }

  std::optional<ReusableData> find(const std::string& name, std::uint64_t size) const {
    const auto m = stored_.find(name);
    if (m == stored_.end() || m->second.size != size) return std::nullopt;
    // The data starts after the local header's own name and extra field.
    std::vector<unsigned char> local(30 + name.size());
    if (!pread_all(fd(), local.data(), local.size(), m->second.local_header)) return std::nullopt;
    if (get32(local.data()) != local_signature || get16(local.data() + 8) != zip_stored ||
        get16(local.data() + 26) != name.size() || name.compare(0, name.size(), reinterpret_cast<char*>(&local[30]), name.size()) != 0)
      return std::nullopt;
    const std::uint64_t data = m->second.local_header + 30 + name.size() + get16(local.data() + 28);
    if (data + size > central_directory_) return std::nullopt;
    return ReusableData{data, m->second.crc};
  }

 private:
  struct Stored {
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
    std::uint64_t local_header = 0;
  };

  bool read_central_directory() {
    struct stat st {};
    if (::fstat(fd(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 22) return false;
    const auto file_size = static_cast<std::uint64_t>(st.st_size);
    // The end record is the last 22 bytes and a comment of up to 64 KiB.
    const std::size_t tail_size = static_cast<std::size_t>(std::min<std::uint64_t>(file_size, 22 + 0xFFFF));
    std::vector<unsigned char> tail(tail_size);
    if (!pread_all(fd(), tail.data(), tail_size, file_size - tail_size)) return false;
    for (std::size_t i = tail_size - 22 + 1; i-- > 0;) {
      const unsigned char* end = tail.data() + i;
      if (get32(end) != end_signature || i + 22 + get16(end + 20) != tail_size) continue;
      const std::uint64_t size = get32(end + 12), offset = get32(end + 16);
      // Also refuses zip64, whose end record says 0xFFFFFFFF.
      if (offset + size > file_size - tail_size + i) return false;
      central_directory_ = offset;
      return read_entries(offset, size, get16(end + 10));
    }
    return false;
  }

  bool read_entries(std::uint64_t offset, std::uint64_t size, std::uint32_t count) {
    std::vector<unsigned char> directory(static_cast<std::size_t>(size));
    if (!pread_all(fd(), directory.data(), directory.size(), offset)) return false;
    std::size_t at = 0;
    for (std::uint32_t n = 0; n < count; ++n) {
      if (at + 46 > directory.size() || get32(&directory[at]) != central_signature) return false;
      const unsigned char* h = &directory[at];
      const std::size_t name_length = get16(h + 28);
      const std::size_t next = at + 46 + name_length + get16(h + 30) + get16(h + 32);
      if (next > directory.size()) return false;
      const bool encrypted = get16(h + 8) & 1;
      const std::uint32_t compressed = get32(h + 20), plain = get32(h + 24), local = get32(h + 42);
      if (get16(h + 10) == zip_stored && !encrypted && compressed == plain && plain != zip32_limit && local != zip32_limit)
        stored_[std::string(reinterpret_cast<const char*>(h + 46), name_length)] = {get32(h + 16), plain, local};
      at = next;
    }
    return true;
  }

  Fd fd_;
  std::uint64_t central_directory_ = 0;  // where members' data ends
  std::map<std::string, Stored> stored_;
};

// The zip being written: appended through a buffer, patched and copied into
// at known offsets.
class ZipFile {
 public:
  ZipFile(const fs::path& temp, const fs::path& out)
      : out_(out), fd_(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) {
    if (fd_.get() < 0) throw input_error(out.string(), std::string("cannot be written: ") + std::strerror(errno));
  }

  std::uint64_t end() const { return flushed_ + buffer_.size(); }

  void append(const void* data, std::size_t n) {
    if (buffer_.size() + n > buffer_limit) flush();
    if (n >= buffer_limit) {
      if (!pwrite_all(fd_.get(), data, n, flushed_)) failed();
      flushed_ += n;
      return;
    }
    buffer_.append(static_cast<const char*>(data), n);
  }
  void append(const std::string& bytes) { append(bytes.data(), bytes.size()); }

  // Overwrites bytes already appended (a local header, once its CRC is known).
  void patch(std::uint64_t at, const std::string& bytes) {
    flush();
    if (!pwrite_all(fd_.get(), bytes.data(), bytes.size(), at)) failed();
  }

  // Drops everything from `to` on; close() cuts the file there.
  void rewind(std::uint64_t to) {
    flush();
    flushed_ = to;
  }

  // Appends `n` bytes of `from` at `offset`, in the kernel where it can;
  // false if they cannot be read.
  bool copy(int from, std::uint64_t offset, std::uint64_t n) {
    flush();
    auto in = static_cast<off64_t>(offset), out = static_cast<off64_t>(flushed_);
    std::uint64_t left = n;
    while (left > 0) {
      const ssize_t done = ::copy_file_range(from, &in, fd_.get(), &out, left, 0);
      if (done < 0 && errno == EINTR) continue;
      if (done <= 0) break;  // EXDEV, ENOSYS, ...: copied below
      left -= static_cast<std::uint64_t>(done);
    }
    std::vector<char> block(left > 0 ? buffer_limit : 0);
    while (left > 0) {
      const std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(left, block.size()));
      if (!pread_all(from, block.data(), k, static_cast<std::uint64_t>(in))) return false;
      if (!pwrite_all(fd_.get(), block.data(), k, static_cast<std::uint64_t>(out))) failed();
      in += static_cast<off64_t>(k);
      out += static_cast<off64_t>(k);
      left -= k;
    }
    flushed_ = static_cast<std::uint64_t>(out);
    return true;
  }

  void close() {
    flush();
    if (::ftruncate(fd_.get(), static_cast<off_t>(flushed_)) != 0) failed();
    if (::close(fd_.release()) != 0) failed();
  }

 private:
  static constexpr std::size_t buffer_limit = 1 << 20;

  void flush() {
    if (!pwrite_all(fd_.get(), buffer_.data(), buffer_.size(), flushed_)) failed();
    flushed_ += buffer_.size();
    buffer_.clear();
  }

  [[noreturn]] void failed() const {
    throw input_error(out_.string(), std::string("write failed (disk full?): ") + std::strerror(errno));
  }

  fs::path out_;
  Fd fd_;
  std::string buffer_;
  std::uint64_t flushed_ = 0;  // bytes of the file written; the buffer follows them
};

// One member as its local header and the central directory describe it.
struct ZipEntry {
  std::string name;
  std::uint16_t method = zip_stored;
  std::int64_t mtime = 0;
  std::uint64_t size = 0;
  std::uint32_t crc = 0;
  std::uint64_t compressed = 0;
  std::uint64_t offset = 0;  // of the local header
};

// MS-DOS time and date fields, local time as other zip writers put them;
// before 1980 (which they cannot say) is 1980-01-01 00:00.
std::pair<std::uint16_t, std::uint16_t> dos_time(std::int64_t mtime) {
  const auto t = static_cast<time_t>(mtime);
  std::tm tm{};
  if (!localtime_r(&t, &tm) || tm.tm_year < 80) return {0, 1 << 5 | 1};
  if (tm.tm_year > 207) return {23 << 11 | 59 << 5 | 29, 127 << 9 | 12 << 5 | 31};
  return {static_cast<std::uint16_t>(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2),
          static_cast<std::uint16_t>((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday)};
}

// Info-ZIP's extended timestamp ("UT"): the modification time in UTC, to the second.
std::string time_extra(std::int64_t mtime) {
  std::string extra;
  if (mtime < 0 || mtime > INT32_MAX) return extra;
  put16(extra, 0x5455);
  put16(extra, 5);
  extra += '\x01';  // flags: the modification time follows
  put32(extra, static_cast<std::uint32_t>(mtime));
  return extra;
}

bool has_non_ascii(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// The local header (`central` false) or the central directory's record of `e`.
std::string zip_header(const ZipEntry& e, bool central) {
  std::string h;
  put32(h, central ? central_signature : local_signature);
  if (central) put16(h, 3 << 8 | 20);  // made on Unix (the external attributes are a mode), zip 2.0
  put16(h, e.method == zip_deflated ? 20 : 10);  // version needed to extract
  put16(h, has_non_ascii(e.name) ? 1 << 11 : 0);  // bit 11: the name is UTF-8
  put16(h, e.method);
  const auto [time, date] = dos_time(e.mtime);
  put16(h, time);
  put16(h, date);
  put32(h, e.crc);
  put32(h, static_cast<std::uint32_t>(e.compressed));
  put32(h, static_cast<std::uint32_t>(e.size));
  const std::string extra = time_extra(e.mtime);
  put16(h, static_cast<std::uint32_t>(e.name.size()));
  put16(h, static_cast<std::uint32_t>(extra.size()));
  if (central) {
    put16(h, 0);  // comment length
    put16(h, 0);  // disk number
    put16(h, 0);  // internal attributes
    put32(h, 0100644u << 16);  // a regular file, rw-r--r--
    put32(h, static_cast<std::uint32_t>(e.offset));
  }
  return h + e.name + extra;
}

int open_member(const ArchiveMember& m) {
  const int fd = ::open(m.file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw input_error(m.file.string(), "cannot be opened for reading");
  return fd;
}

// Reads up to `n` bytes of `m`; a file that ends early changed while being archived.
std::size_t read_member(int fd, const ArchiveMember& m, char* into, std::size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd, into, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) throw input_error(m.file.string(), "changed while being archived");
    return static_cast<std::size_t>(got);
  }
}

void store_data(ZipFile& zip, const ArchiveMember& m, ZipEntry& e) {
  const Fd in(open_member(m));
  std::vector<char> block(1 << 20);
  auto crc = crc32_z(0, nullptr, 0);
  for (std::uint64_t left = e.size; left > 0;) {
    const std::size_t got =
        read_member(in.get(), m, block.data(), static_cast<std::size_t>(std::min<std::uint64_t>(left, block.size())));
    crc = crc32_z(crc, reinterpret_cast<const Bytef*>(block.data()), got);
    zip.append(block.data(), got);
    left -= got;
  }
  e.crc = static_cast<std::uint32_t>(crc);
  e.compressed = e.size;
}

void deflate_data(ZipFile& zip, const ArchiveMember& m, ZipEntry& e) {
  const Fd in(open_member(m));
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw Error(Exit::internal, m.file.string(), "zlib cannot start");
  const std::unique_ptr<z_stream, decltype(&deflateEnd)> end(&z, deflateEnd);
  std::vector<char> input(256 * 1024), output(256 * 1024);
  auto crc = crc32_z(0, nullptr, 0);
  const std::uint64_t start = zip.end();
  std::uint64_t left = e.size;
  int flush = Z_NO_FLUSH;
  while (flush != Z_FINISH) {
    std::size_t got = 0;
    if (left > 0)
      got = read_member(in.get(), m, input.data(), static_cast<std::size_t>(std::min<std::uint64_t>(left, input.size())));
    crc = crc32_z(crc, reinterpret_cast<const Bytef*>(input.data()), got);
    left -= got;
    flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
    z.next_in = reinterpret_cast<Bytef*>(input.data());
    z.avail_in = static_cast<uInt>(got);
    do {
      z.next_out = reinterpret_cast<Bytef*>(output.data());
      z.avail_out = static_cast<uInt>(output.size());
      deflate(&z, flush);
      zip.append(output.data(), output.size() - z.avail_out);
    } while (z.avail_out == 0);
  }
  e.crc = static_cast<std::uint32_t>(crc);
  e.compressed = zip.end() - start;
}

[[noreturn]] void no_zip64(const fs::path& file, const std::string& what) {
  throw input_error(file.string(), what + ": the zip would need zip64, which is not written");
}

// Copies `m`'s data from the previous zip when the caller vouches for it and
// that zip has it stored at the same size; false where it is written anew.
bool reuse_data(ZipFile& zip, const ArchiveMember& m, ZipEntry& e, const PreviousZip& previous) {
  if (!m.unchanged || e.method != zip_stored) return false;
  const auto data = previous.find(m.name, e.size);
  if (!data) return false;
  e.crc = data->crc;
  e.compressed = e.size;
  zip.append(zip_header(e, false));
  if (zip.copy(previous.fd(), data->offset, e.size)) return true;
  zip.rewind(e.offset);
  return false;
}

ZipEntry write_zip_member(ZipFile& zip, const ArchiveMember& m, std::int64_t mtime, const PreviousZip& previous,
                          ArchiveWritten& written) {
  std::error_code ec;
  const std::uint64_t size = fs::file_size(m.file, ec);
  if (ec) throw input_error(m.file.string(), "cannot be opened for reading");
  if (size >= zip32_limit) no_zip64(m.file, "4 GiB or more");
  ZipEntry e;
  e.name = m.name;
  e.method = fs::path(m.name).extension() == ".pdf" ? zip_stored : zip_deflated;
  e.mtime = mtime;
  e.size = size;
  e.offset = zip.end();
  if (reuse_data(zip, m, e, previous)) {
    ++written.reused;
  } else {
    zip.append(zip_header(e, false));
    if (e.method == zip_stored) store_data(zip, m, e);
    else deflate_data(zip, m, e);
    zip.patch(e.offset, zip_header(e, false));
  }
  if (zip.end() >= zip32_limit) no_zip64(m.file, "it would end 4 GiB or more into the zip");
  return e;
}

ArchiveWritten write_zip(const fs::path& temp, const fs::path& out, const std::vector<ArchiveMember>& members,
                         std::int64_t mtime, const fs::path& previous_file) {
  if (members.size() > 0xFFFF) no_zip64(out, "more than 65535 members");
  const PreviousZip previous(previous_file);
  ZipFile zip(temp, out);
  ArchiveWritten written;
  std::vector<ZipEntry> entries;
  for (const auto& m : members) entries.push_back(write_zip_member(zip, m, m.mtime.value_or(mtime), previous, written));
  const std::uint64_t directory = zip.end();
  for (const auto& e : entries) zip.append(zip_header(e, true));
  const std::uint64_t directory_size = zip.end() - directory;
  if (zip.end() >= zip32_limit) no_zip64(out, "its central directory would end 4 GiB or more into it");
  std::string end;
  put32(end, end_signature);
  put16(end, 0);  // this disk
  put16(end, 0);  // the disk where the central directory starts
  put16(end, static_cast<std::uint32_t>(entries.size()));  // on this disk
  put16(end, static_cast<std::uint32_t>(entries.size()));  // in all
  put32(end, static_cast<std::uint32_t>(directory_size));
  put32(end, static_cast<std::uint32_t>(directory));
  put16(end, 0);  // comment length
  zip.append(end);
  zip.close();
  return written;
}

// Puts the finished zip in place by swapping it with the previous one
// (renameat2 RENAME_EXCHANGE), whose bytes `output` then removes under the
// temporary name: on ext4 (auto_da_alloc) a rename over an existing file
// first starts writing the new file out, inside rename(), ~100 ms for a
// 100 MB zip. Readers see the old zip or the new one, as with rename. Where
// there is no previous regular file, or the file system cannot swap, a rename.
void swap_into_place(AtomicOutput& output) {
  std::error_code ec;
  if (fs::symlink_status(output.path(), ec).type() == fs::file_type::regular &&
      ::renameat2(AT_FDCWD, output.temp().c_str(), AT_FDCWD, output.path().c_str(), RENAME_EXCHANGE) == 0)
    return;
  output.commit();
}

}  // namespace

bool is_archive_name(const fs::path& file) {
  const std::string name = file.filename().string();
  return name.ends_with(".zip") || name.ends_with(".tar.gz") || name.ends_with(".tgz") || name.ends_with(".tar");
}

void extract_archive(const fs::path& archive, const fs::path& into, const ArchiveLimits& limits) {
  const std::string where = archive.string();
  require_regular_file(archive);  // a FIFO would block libarchive's open
  const std::string filename = archive.filename().string();
  if (filename.ends_with(".tar.gz") || filename.ends_with(".tgz")) require_complete_gzip(archive);
  Reader reader(archive_read_new(), archive_read_free);
  archive_read_support_filter_gzip(reader.get());
  archive_read_support_format_zip(reader.get());
  archive_read_support_format_tar(reader.get());
  if (archive_read_open_filename(reader.get(), where.c_str(), 64 * 1024) != ARCHIVE_OK)
    throw input_error(where, std::string("not a readable archive: ") + error_of(reader.get()));
  std::uint64_t total = 0;
  std::size_t files = 0;
  archive_entry* entry = nullptr;
  for (;;) {
    const int status = archive_read_next_header(reader.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
      throw input_error(where, std::string("broken archive: ") + error_of(reader.get()));
    const std::string name = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
    const fs::path relative = safe_member_path(name);
    if (relative.empty()) throw input_error(where, "member '" + name + "' would be written outside the folder");
    const auto type = archive_entry_filetype(entry);
    if (type == AE_IFDIR) {
      fs::create_directories(into / relative);
      continue;
    }
    if (type != AE_IFREG || archive_entry_hardlink(entry))
      throw input_error(where, "member '" + name + "' is a link or special file; only plain files are accepted");
    if (++files > limits.max_files)
      throw input_error(where, "more than " + std::to_string(limits.max_files) + " files");
    fs::create_directories((into / relative).parent_path());
    std::ofstream out(into / relative, std::ios::binary);
    std::uint64_t size = 0;
    char buffer[64 * 1024];
    for (;;) {
      const la_ssize_t n = archive_read_data(reader.get(), buffer, sizeof buffer);
      if (n == 0) break;
      if (n < 0) throw input_error(where, "member '" + name + "' is damaged: " + error_of(reader.get()));
      size += static_cast<std::uint64_t>(n);
      total += static_cast<std::uint64_t>(n);
      if (size > limits.max_file_bytes)
        throw input_error(where, "member '" + name + "' unpacks to more than " +
                                     std::to_string(limits.max_file_bytes >> 20) + " MiB");
      if (total > limits.max_total_bytes)
        throw input_error(where, "unpacks to more than " + std::to_string(limits.max_total_bytes >> 20) +
                                     " MiB (a zip bomb?)");
      out.write(buffer, n);
    }
    out.close();
    if (!out) throw input_error(where, "cannot unpack member '" + name + "'");
    // The member's own time (an upload's date in a submission system's zip), for collect's versions.
    if (archive_entry_mtime_is_set(entry)) {
      std::error_code ec;
      fs::last_write_time(into / relative,
                          std::chrono::file_clock::from_sys(std::chrono::system_clock::from_time_t(archive_entry_mtime(entry))),
                          ec);
    }
  }
}

bool is_safe_member_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  if (name.find('\\') != std::string::npos || name.find(':') != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    const std::string part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

ArchiveWritten write_archive(const fs::path& out, ArchiveFormat format, const std::vector<ArchiveMember>& members,
                             std::int64_t mtime, const fs::path& previous) {
  for (const auto& m : members)
    if (!is_safe_member_name(m.name))
      throw input_error(out.string(), "refusing member name '" + m.name + "': it would unpack outside its folder");
  AtomicOutput output(out);
  ArchiveWritten written;
  if (format == ArchiveFormat::zip) {
    written = write_zip(output.temp(), out, members, mtime, previous);
    swap_into_place(output);
  } else {
    write_tar_gz(output.temp(), out, members, mtime);
    output.commit();
  }
  return written;
}

}  // namespace proceedings

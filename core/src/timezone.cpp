#include "proceedings/timezone.hpp"

#include <filesystem>

#include "proceedings/error.hpp"
#include "proceedings/files.hpp"

namespace proceedings {

std::int64_t days_from_civil(int y, int m, int d) {
  // Howard Hinnant's algorithm: eras of 400 years starting in March.
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {

class Bytes {
 public:
  Bytes(const std::string& data, const std::string& file) : data_(data), file_(file) {}
  std::int64_t be(std::size_t size) {
    need(size);
    std::int64_t v = 0;
    for (std::size_t i = 0; i < size; ++i) v = (v << 8) | static_cast<unsigned char>(data_[at_ + i]);
    at_ += size;
    if (size == 4 && v >= 0x80000000LL) v -= 0x100000000LL;
    return v;
  }
  unsigned char byte() { return static_cast<unsigned char>(be(1)); }
  void skip(std::size_t n) {
    need(n);
    at_ += n;
  }
  std::string text(std::size_t n) {
    need(n);
    std::string s = data_.substr(at_, n);
    at_ += n;
    return s;
  }

 private:
  void need(std::size_t n) const {
    if (at_ + n > data_.size()) throw usage_error(file_, "time zone file is truncated");
  }
  const std::string& data_;
  const std::string& file_;
  std::size_t at_ = 0;
};

}  // namespace

TimeZone TimeZone::load(const std::string& name, const std::string& zoneinfo) {
  if (name.empty() || name.find("..") != std::string::npos || name[0] == '/')
    throw usage_error("timezone", "'" + name + "' is not an IANA time zone name");
  const std::string file = zoneinfo + "/" + name;
  if (!std::filesystem::is_regular_file(file))
    throw usage_error("timezone", "'" + name + "' is not a time zone known to this system (no " + file + ")");
  const std::string data = read_file(file);
  Bytes in(data, file);
  if (in.text(4) != "TZif") throw usage_error(file, "not a TZif time zone file");
  const char version = in.text(1)[0];
  in.skip(15);
  auto counts = [&] {
    std::int64_t c[6];
    for (auto& v : c) v = in.be(4);
    return std::vector<std::int64_t>(c, c + 6);  // isut, isstd, leap, time, type, char
  };
  auto c = counts();
  if (version >= '2') {  // skip the 32-bit block for the 64-bit one
    in.skip(static_cast<std::size_t>(c[3] * 5 + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]));
    in.text(4);
    in.skip(16);
    c = counts();
  }
  const std::size_t width = version >= '2' ? 8 : 4;
  TimeZone zone;
  zone.name_ = name;
  for (std::int64_t i = 0; i < c[3]; ++i) zone.times_.push_back(in.be(width));
  for (std::int64_t i = 0; i < c[3]; ++i) zone.kinds_.push_back(in.byte());
  std::vector<int> abbreviation_at;
  for (std::int64_t i = 0; i < c[4]; ++i) {
    Offset o;
    o.seconds = static_cast<int>(in.be(4));
    o.dst = in.byte() != 0;
    abbreviation_at.push_back(in.byte());
    zone.offsets_.push_back(o);
  }
  const std::string abbreviations = in.text(static_cast<std::size_t>(c[5]));
  for (std::size_t i = 0; i < zone.offsets_.size(); ++i)
    zone.offsets_[i].abbreviation = abbreviations.c_str() + std::min<std::size_t>(abbreviation_at[i], abbreviations.size());
  if (zone.offsets_.empty()) throw usage_error(file, "time zone file has no offsets");
  for (int kind : zone.kinds_)
    if (kind >= static_cast<int>(zone.offsets_.size())) throw usage_error(file, "time zone file is damaged");
  return zone;
}

Offset TimeZone::offset_at(std::int64_t utc) const {
  int kind = initial_;
  for (std::size_t i = 0; i < times_.size() && times_[i] <= utc; ++i) kind = kinds_[i];
  return offsets_[static_cast<std::size_t>(kind)];
}

std::int64_t TimeZone::to_utc(int year, int month, int day, int minutes) const {
  const std::int64_t local = days_from_civil(year, month, day) * 86400 + minutes * 60;
  // Try the offsets in force around that time; the first that maps back wins.
  for (const std::int64_t guess : {local - 86400, local, local + 86400}) {
    const Offset before = offset_at(guess);
    const std::int64_t utc = local - before.seconds;
    if (offset_at(utc).seconds == before.seconds) return utc;
  }
  return local - offset_at(local).seconds;  // a skipped local time: read with the earlier offset
}

std::vector<Transition> TimeZone::transitions_in_year(int year) const {
  const std::int64_t from = days_from_civil(year, 1, 1) * 86400, to = days_from_civil(year + 1, 1, 1) * 86400;
  std::vector<Transition> out;
  for (std::size_t i = 0; i < times_.size(); ++i)
    if (times_[i] >= from && times_[i] < to)
      out.push_back({times_[i], offset_at(times_[i] - 1), offsets_[static_cast<std::size_t>(kinds_[i])]});
  return out;
}

}  // namespace proceedings

// Times as UTC text and file times as seconds since 1970: one place for the
// conversions that every dated output (versions, sent-log, mail, status) needs.
#include <ctime>

#include "proceedings/files.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings {

std::string utc_text(std::int64_t unix_seconds, const char* format) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[64];
  const std::size_t n = std::strftime(buffer, sizeof buffer, format, &utc);
  return std::string(buffer, n);
}

std::int64_t unix_seconds_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::int64_t unix_seconds(std::filesystem::file_time_type time) {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(time).time_since_epoch())
      .count();
}

}  // namespace proceedings

#pragma once
// The one table of exit statuses: what each means in general, and the
// "Exit status: ..." sentence a command's help ends with.
#include <string>
#include <vector>

#include "proceedings/error.hpp"

namespace proceedings {

// What a status means for any command: "usage error", "unreadable input or failed write", ...
const char* exit_meaning(Exit status);

// A status as one command documents it; an empty meaning takes exit_meaning's.
struct ExitUse {
  Exit status;
  std::string meaning;
};

// "Exit status: 0 all pass, 1 some paper fails, 2 usage error." wrapped at `width` columns.
std::string exit_status_text(const std::vector<ExitUse>& uses, std::size_t width = 110);

// Every documented status with its general meaning (the program's own help).
std::vector<ExitUse> every_exit_status();

}  // namespace proceedings

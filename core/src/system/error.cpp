#include "proceedings/error.hpp"

namespace proceedings {

std::string Error::line() const {
  if (where_.empty()) return what();
  return where_ + ": " + what();
}

}  // namespace proceedings

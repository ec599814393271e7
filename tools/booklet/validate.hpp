#pragma once
// The program checked before anything is published from it.
#include <string>
#include <vector>

#include "proceedings/model.hpp"

namespace proceedings::booklet {

struct Finding {
  std::string severity;  // error or warning
  std::string code;
  std::string message;   // names the entry
  const Session* session = nullptr;  // the session it is about, where there is one
};

std::vector<Finding> validate(const Workshop& w);

}  // namespace proceedings::booklet

#pragma once
// The words of one message: its subject and body for the papers it covers.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "notify/address.hpp"
#include "proceedings/model.hpp"

namespace proceedings::notify {

// One paper a message covers: its record and its result in check's JSON.
struct Covered {
  const Paper* paper = nullptr;
  nlohmann::json result;
  std::string attachment;  // the annotated copy's name in the message, "" when none is attached
};

// "[ACR] Your camera-ready paper needs changes: TITLE" and the like.
std::string subject_for(const Workshop& w, const std::vector<Covered>& papers);

// Greets `greeted`, says per paper what to do (plain words, pages and lines,
// notice.hpp) or that it is ready, and signs with the venue's contact.
std::string body_for(const Workshop& w, const std::vector<Covered>& papers, const std::string& greeted);

}  // namespace proceedings::notify

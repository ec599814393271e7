#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "meta/crosscheck.hpp"
#include "proceedings/paper_meta.hpp"

namespace proceedings::meta {

// One input's outcome: metadata, or why it could not be read.
struct MetaResult {
  std::string input;
  std::optional<PaperMeta> meta;
  std::string error;
  bool checked = false;         // a venue was given
  std::string record_id;        // the accepted paper it matched, "" if none
  std::vector<Diagnostic> mismatches;  // errors, each coded with its kind
};

nlohmann::json to_json(const Affiliation& affiliation);
nlohmann::json to_json(const PaperMeta& meta);
nlohmann::json to_json(const MetaResult& result);
std::string text_report(const MetaResult& result);

}  // namespace proceedings::meta

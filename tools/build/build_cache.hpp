#pragma once
// The incremental build's memory in OUT/.build, in one place: the state the
// last build saved, the key of the build's inputs, the name (key) of every
// cached part (typeset parts, stamped papers, placeholders, the book file,
// a volume's stamps), whether what the last build left is still intact, and
// forgetting the parts this build no longer uses.
#include <filesystem>
#include <string>
#include <vector>

#include "build/cache.hpp"
#include "build/folio.hpp"
#include "build/job.hpp"
#include "build/plan.hpp"
#include "build/state.hpp"

namespace proceedings::build {

class BuildCache {
 public:
  // Loads OUT/.build/state.json (`work` is OUT/.build).
  explicit BuildCache(std::filesystem::path work);

  const State& previous() const { return previous_; }
  const std::filesystem::path& folder() const { return work_; }
  void save(const State& state) const;

  // Everything the bundle depends on; `sources`: the messages and templates as read once.
  std::string inputs_key(const BookPlan& plan, const BuildJob& job, const TypesetSources& sources) const;
  // Nothing to do: the last build had these inputs and its outputs are as it left them.
  bool up_to_date(const std::string& inputs) const;

  // Whether what `state`'s build wrote is as it left it: every output, by its
  // stamp or else by its hash; one output, by its stamp alone; one output, by
  // the checksum recorded for it.
  static bool outputs_intact(const State& state);
  static bool written_as_recorded(const State& state, const std::filesystem::path& file);
  static bool recorded_with(const State& state, const std::filesystem::path& file, const std::string& sha256);

  // A volume's unchanged rebuild: the stamps of the files its book is made
  // from (OUT/.build/volume-inputs.json), compared before any YAML is read.
  static std::string volume_run(const BuildJob& job);
  bool volume_unchanged(const std::string& run) const;
  void save_volume_stamps(const std::string& run, const std::string& inputs,
                          const std::vector<std::filesystem::path>& files) const;

  // The key of the typeset front matter and author index: their slots' values and the templates.
  static std::string typeset_key(const TypesetInputs& inputs);
  // The key of every stamp: the folio font's bytes, the footer and the watermark.
  static std::string stamps_key(const FolioFont& font, const std::string& footer, const std::string& watermark);
  // Where `paper` stamped with `stamps_key` is kept, and whether it is there intact.
  std::filesystem::path stamped_paper(const BookPaper& paper, const std::string& stamps_key) const;
  static bool stamped_intact(const std::filesystem::path& stamped);
  // A placeholder page's name: its LaTeX source's key, so that the same text is typeset once.
  static std::string placeholder_name(const std::string& source);
  // The book file, named by its parts (whose names carry their own inputs), and whether the last build made it.
  std::filesystem::path book_file(const std::string& inputs, const TypesetParts& typeset,
                                  const std::vector<std::filesystem::path>& stamped) const;
  bool made_before(const std::filesystem::path& part) const;
  // The SHA-256 of a cached part: as recorded when it was made, else read now.
  std::string part_sha256(const std::filesystem::path& part) const;

  // Removes the cached parts other than these: they are not reused once their inputs changed.
  void forget_stale_parts(const TypesetParts& typeset, const std::vector<std::filesystem::path>& stamped,
                          const std::filesystem::path& book) const;

 private:
  std::filesystem::path work_;
  State previous_;
};

// The segment kept beside a stamped paper.
std::filesystem::path segment_of(const std::filesystem::path& pdf);

}  // namespace proceedings::build

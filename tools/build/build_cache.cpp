#include "build/build_cache.hpp"

#include <nlohmann/json.hpp>

#include <set>

#include "proceedings/digest.hpp"
#include "proceedings/files.hpp"
#include "proceedings/install.hpp"
#include "proceedings/pdf_segment.hpp"

namespace proceedings::build {

namespace fs = std::filesystem;

namespace {

std::string file_or_empty(const fs::path& file) { return fs::exists(file) ? read_file(file) : ""; }

fs::path volume_record(const fs::path& work) { return work / "volume-inputs.json"; }

void remove_other_files(const fs::path& dir, const std::set<fs::path>& keep) {
  if (!fs::exists(dir)) return;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && !keep.count(e.path())) fs::remove(e.path());
}

}  // namespace

fs::path segment_of(const fs::path& pdf) { return fs::path(pdf).replace_extension(".seg"); }

BuildCache::BuildCache(fs::path work) : work_(std::move(work)), previous_(load_state(work_ / "state.json")) {}

void BuildCache::save(const State& state) const { save_state(work_ / "state.json", state); }

std::string BuildCache::inputs_key(const BookPlan& plan, const BuildJob& o, const TypesetSources& sources) const {
  std::string all = std::string(PROCEEDINGS_VERSION) + (o.force ? "force" : "") + (o.draft ? "draft" : "");
  for (const auto& p : plan.papers) all += p.record.id + p.sha256 + p.placeholder;
  const auto records = [&](const fs::path& folder, const std::string& message) {
    for (const char* file : {"volume.yaml", "workshop.yaml", "papers.yaml"}) all += file_or_empty(folder / file);
    all += message;
  };
  records(plan.workshop.folder, sources.message);
  for (std::size_t k = 0; k < plan.parts.size(); ++k)  // a volume's workshops
    records(plan.parts[k].workshop.folder, sources.part_messages.at(k));
  return sha256_hex(all + sources.template_text());
}

bool BuildCache::up_to_date(const std::string& inputs) const {
  return previous_.inputs == inputs && outputs_intact(previous_);
}

// Hashing a large bundle costs more than the rest of an unchanged rebuild,
// so an output whose stamp is as written is not read again.
bool BuildCache::outputs_intact(const State& s) {
  if (s.outputs.empty()) return false;
  for (const auto& [path, sha] : s.outputs) {
    if (written_as_recorded(s, path)) continue;
    if (sha.empty() || !fs::exists(path) || sha256_file(path) != sha) return false;
  }
  return true;
}

bool BuildCache::written_as_recorded(const State& s, const fs::path& file) {
  const auto stamp = s.stamps.find(file.string());
  return stamp != s.stamps.end() && !stamp->second.empty() && output_stamp(file) == stamp->second;
}

bool BuildCache::recorded_with(const State& s, const fs::path& file, const std::string& sha256) {
  const auto recorded = s.outputs.find(file.string());
  return !sha256.empty() && recorded != s.outputs.end() && recorded->second == sha256;
}

std::string BuildCache::volume_run(const BuildJob& o) {
  return o.volume + "\n" + o.papers + "\n" + templates_folder(o.templates).string() + "\n" + (o.force ? "force" : "") +
         (o.draft ? "draft" : "") + PROCEEDINGS_VERSION;
}

bool BuildCache::volume_unchanged(const std::string& run) const {
  const fs::path record = volume_record(work_);
  if (!fs::exists(record)) return false;
  try {
    const auto doc = nlohmann::json::parse(read_file(record));
    if (doc.at("run") != run || doc.at("inputs") != previous_.inputs) return false;
    for (const auto& [file, stamp] : doc.at("files").items())
      if (input_stamp(file) != stamp.get<std::string>()) return false;
    return outputs_intact(previous_);
  } catch (const nlohmann::json::exception&) {
    return false;  // a damaged record only costs reading the YAML
  }
}

void BuildCache::save_volume_stamps(const std::string& run, const std::string& inputs, const std::vector<fs::path>& files) const {
  nlohmann::json stamps = nlohmann::json::object();
  for (const auto& f : files) stamps[f.string()] = input_stamp(f);
  write_file_atomic(volume_record(work_), nlohmann::json{{"run", run}, {"inputs", inputs}, {"files", stamps}}.dump() + "\n");
}

std::string BuildCache::typeset_key(const TypesetInputs& inputs) { return key16(inputs.key_text()); }

std::string BuildCache::stamps_key(const FolioFont& font, const std::string& footer, const std::string& watermark) {
  return key16(font.program + font.to_unicode_cmap() + footer + std::to_string(font.widths.size()) + watermark);
}

fs::path BuildCache::stamped_paper(const BookPaper& p, const std::string& stamps_key) const {
  return work_ / "stamped" / (p.record.id + "-" + key16(p.sha256 + stamps_key + std::to_string(p.first_page)) + ".pdf");
}

bool BuildCache::stamped_intact(const fs::path& stamped) { return fs::exists(stamped) && intact_segment(segment_of(stamped)); }

std::string BuildCache::placeholder_name(const std::string& source) { return "placeholder-" + key16(source); }

fs::path BuildCache::book_file(const std::string& inputs, const TypesetParts& typeset, const std::vector<fs::path>& stamped) const {
  std::string part_names = inputs + typeset.files.front_segment.filename().string();
  for (const auto& paper : stamped) part_names += paper.filename().string();
  return work_ / ("book-" + key16(part_names) + ".pdf");
}

bool BuildCache::made_before(const fs::path& part) const {
  return fs::exists(part) && previous_.parts.count(part.filename().string());
}

std::string BuildCache::part_sha256(const fs::path& part) const {
  const auto known = previous_.parts.find(part.filename().string());
  return known != previous_.parts.end() ? known->second : sha256_file(part);
}

void BuildCache::forget_stale_parts(const TypesetParts& typeset, const std::vector<fs::path>& stamped, const fs::path& book) const {
  std::set<fs::path> keep;
  for (const auto& paper : stamped) {
    keep.insert(paper);
    keep.insert(segment_of(paper));
  }
  remove_other_files(work_ / "stamped", keep);
  remove_other_typeset_parts(work_, typeset);
  for (const auto& e : fs::directory_iterator(work_))
    if (e.path().filename().string().rfind("book-", 0) == 0 && e.path() != book) fs::remove(e.path());
}

}  // namespace proceedings::build

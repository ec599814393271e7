#include "proceedings/volume.hpp"

#include <algorithm>
#include <map>

#include "model/volume_file.hpp"
#include "proceedings/error.hpp"

namespace proceedings {

namespace fs = std::filesystem;

namespace {

// A workshop may leave a field of its `acm:` empty (the volume's is taken),
// never give another value: its papers carry the volume's record.
void require_same_acm(const AcmRecord& volume, const AcmRecord& own, const fs::path& volume_file,
                      const fs::path& workshop_file) {
  const std::pair<const char*, std::pair<std::string, std::string>> fields[] = {
      {"proceedings_title", {volume.proceedings_title, own.proceedings_title}},
      {"conference", {volume.conference, own.conference}},
      {"short_name", {volume.short_name, own.short_name}},
      {"dates", {volume.dates, own.dates}},
      {"location", {volume.location, own.location}},
      {"year", {std::to_string(volume.year), own.year ? std::to_string(own.year) : ""}},
      {"month", {std::to_string(volume.month), own.month ? std::to_string(own.month) : ""}},
      {"isbn", {volume.isbn, own.isbn}},
      {"doi", {volume.doi, own.doi}},
      {"publisher", {volume.publisher, own.publisher}},
      {"address", {volume.address, own.address}},
      {"series", {volume.series, own.series}},
      {"event_id", {volume.event_id, own.event_id}}};
  for (const auto& [field, values] : fields)
    if (!values.second.empty() && values.second != values.first)
      throw usage_error(workshop_file.string(),
                        std::string("acm.") + field + " is '" + values.second + "', but the volume's " +
                            volume_file.string() + " says '" + values.first +
                            "': a workshop of a volume inherits its ACM record (leave the field out or make it equal)");
}

Workshop load_part(const Volume& volume, const model_detail::ListedWorkshop& listed, const fs::path& volume_file) {
  const fs::path folder = (volume.folder / listed.folder).lexically_normal();
  const std::string where = volume_file.string() + ":" + std::to_string(listed.line);
  if (!fs::is_regular_file(folder / "workshop.yaml"))
    throw usage_error(where, "workshop folder '" + listed.folder + "' holds no workshop.yaml (" + folder.string() + ")");
  Workshop w = load_workshop(folder);
  if (w.acm) require_same_acm(volume.acm, *w.acm, volume_file, folder / "workshop.yaml");
  const std::string paper_type = w.acm ? w.acm->paper_type : volume.acm.paper_type;
  w.acm = volume.acm;
  w.acm->paper_type = paper_type;
  return w;
}

// Papers are named by id in the bundle and the CSV: one id, one paper.
void require_unique_ids(const Volume& volume, const fs::path& volume_file) {
  std::map<std::string, const Workshop*> workshops, papers;
  for (const auto& w : volume.workshops) {
    if (const auto [at, added] = workshops.emplace(w.id, &w); !added)
      throw usage_error(volume_file.string(), "workshops " + at->second->folder.string() + " and " + w.folder.string() +
                                                  " both have the id '" + w.id + "'");
    for (const auto& p : w.papers)
      if (const auto [at, added] = papers.emplace(p.id, &w); !added)
        throw usage_error((w.folder / "papers.yaml").string(),
                          "paper id '" + p.id + "' is used by " + (at->second->folder / "papers.yaml").string() +
                              " too: the papers of a volume need ids of their own (the bundle names them by id)");
  }
}

void require_dois_in_volume(const Volume& volume, const fs::path& volume_file) {
  if (volume.acm.doi.empty()) return;
  for (const auto& w : volume.workshops)
    for (const auto& p : w.papers)
      if (!p.doi.empty() && p.doi.rfind(volume.acm.doi + ".", 0) != 0)
        throw usage_error((w.folder / "papers.yaml").string(), "paper '" + p.id + "': DOI '" + p.doi +
                                                                   "' is not in the volume " + volume.acm.doi +
                                                                   " that " + volume_file.string() + "'s acm.doi names");
}

}  // namespace

bool is_volume_folder(const fs::path& folder) { return fs::is_regular_file(folder / volume_file_name); }

Volume load_volume(const fs::path& folder) {
  const fs::path file = folder / volume_file_name;
  if (!fs::is_regular_file(file)) throw usage_error(file.string(), "missing: a volume folder holds volume.yaml");
  model_detail::VolumeFile read = model_detail::read_volume_file(file);
  Volume volume = std::move(read.volume);
  volume.folder = folder;
  std::vector<fs::path> seen;
  for (const auto& listed : read.workshops) {
    const fs::path canonical = fs::weakly_canonical(folder / listed.folder);  // one folder, however written
    if (std::find(seen.begin(), seen.end(), canonical) != seen.end())
      throw usage_error(file.string() + ":" + std::to_string(listed.line),
                        "workshop folder '" + listed.folder + "' is listed twice");
    seen.push_back(canonical);
    volume.workshops.push_back(load_part(volume, listed, file));
  }
  require_unique_ids(volume, file);
  require_dois_in_volume(volume, file);
  if (volume.date.empty())
    volume.date = std::min_element(volume.workshops.begin(), volume.workshops.end(), [](const Workshop& a, const Workshop& b) {
                    return a.date < b.date;
                  })->date;
  if (volume.timezone.empty()) volume.timezone = volume.workshops.front().timezone;
  return volume;
}

Workshop volume_venue(const Volume& volume) {
  Workshop w;
  w.folder = volume.folder;
  w.id = volume.id;
  w.acronym = volume.acronym;
  w.name = volume.name;
  w.kind = "workshop";
  w.host = volume.host;
  w.location = volume.location;
  w.date = volume.date;
  w.timezone = volume.timezone;
  w.publication = volume.publication;
  w.organizers = volume.chairs;
  w.committees = volume.committees;
  w.acm = volume.acm;
  w.markdown_raw_tex = volume.markdown_raw_tex;
  return w;
}

std::size_t workshop_of_paper(const Volume& volume, const std::string& id) {
  for (std::size_t i = 0; i < volume.workshops.size(); ++i)
    for (const auto& p : volume.workshops[i].papers)
      if (p.id == id) return i;
  return static_cast<std::size_t>(-1);
}

}  // namespace proceedings

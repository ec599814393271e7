#pragma once
// volume.yaml's own fields, read in model.cpp with workshop.yaml's field
// reader (so the same rules and messages); volume.cpp loads the workshops.
#include <filesystem>
#include <string>
#include <vector>

#include "proceedings/volume.hpp"

namespace proceedings::model_detail {

struct ListedWorkshop {
  std::string folder;  // as written, relative to volume.yaml's folder
  int line = 0;        // 1-based, for messages
};

struct VolumeFile {
  Volume volume;  // every field but `folder` and `workshops`
  std::vector<ListedWorkshop> workshops;
};

VolumeFile read_volume_file(const std::filesystem::path& file);

}  // namespace proceedings::model_detail

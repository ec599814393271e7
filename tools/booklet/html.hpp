#pragma once
// One self-contained program page for the workshop website, filled from
// templates/booklet/{program,session,talk}.html and style.css.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "booklet/schedule.hpp"
#include "proceedings/model.hpp"
#include "proceedings/timezone.hpp"

namespace proceedings::booklet {

struct PageLinks {
  std::vector<std::pair<std::string, std::string>> downloads;  // href (beside the page), text
  std::filesystem::path papers_folder;  // OUT/bundle/papers when built: each paper links to its PDF
  Flags flags;  // the sessions published with errors (--force): marked, with the check's note
};

std::string program_html(const Workshop& w, const TimeZone& zone, const std::filesystem::path& templates,
                         const PageLinks& links = {});

}  // namespace proceedings::booklet

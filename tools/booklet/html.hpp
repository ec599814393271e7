#pragma once
// One self-contained program page for the workshop website, filled from
// templates/booklet/{program,session,talk}.html and style.css.
#include <filesystem>
#include <optional>
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

// The sessions one below the other for a program of one day in one room; a
// grid by day with a column per room (grid.hpp) for one over several.
std::string program_html(const Workshop& w, const TimeZone& zone, const std::filesystem::path& templates,
                         const PageLinks& links = {});

// What the list and the grid print alike.
// <span class="when"><time>9:00</time>–<time>9:10</time></span> on `date`, or "" without a start;
// a marked time ends with its dagger, which the flag note explains.
std::string when(const std::string& date, const TimeZone& zone, const std::optional<int>& start, const std::optional<int>& end,
                 const std::string& mark = "");
// The paper's PDF (when built into OUT/bundle/papers), DOI and arXiv links, or "".
std::string talk_links(const Paper* paper, const std::filesystem::path& papers_folder);
// "<p class="chair">Session chair: ...</p>", or "" without chairs.
std::string chair_line(const Entry& session);

}  // namespace proceedings::booklet

#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "proceedings/program_checks.hpp"
#include "proceedings/model.hpp"

namespace proceedings::booklet {

// Slot values of templates/booklet/booklet.tex. `unresolved`: the program
// check's errors published anyway (--force); their sessions carry a mark and
// the day at a glance lists them.
std::map<std::string, std::string> booklet_values(const Workshop& w, bool half_letter,
                                                  const std::vector<ProgramFinding>& unresolved = {});

// Typesets the booklet in a scratch folder (pdfLaTeX, or LuaLaTeX when a
// character is beyond T1 Libertine: tex_engine_for); writes `out`.
void typeset_booklet(const Workshop& w, bool half_letter, const std::vector<ProgramFinding>& unresolved,
                     const std::filesystem::path& templates, const std::filesystem::path& out);

}  // namespace proceedings::booklet

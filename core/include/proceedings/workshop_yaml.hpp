#pragma once
// Writing workshop.yaml, the venue file chairs keep by hand and `import web`
// writes and updates: persons through papers_yaml.hpp's one Person writer, and
// what did not change keeps its text (comments, order, flow style, line ends),
// through the same editing layer as papers.yaml.
#include <string>

#include "proceedings/model.hpp"

namespace proceedings {

// workshop.yaml for a venue that had none; its header comment names `source`.
std::string workshop_yaml(const Workshop& w, const std::string& source);

// `original` (workshop.yaml's text) with the fields and blocks of `w` that
// differ from `before` rewritten (a session that did not change keeps its
// text); the rest keeps its text, CR LF line ends and byte order mark included.
std::string updated_workshop_yaml(const std::string& original, const Workshop& before, const Workshop& w);

}  // namespace proceedings

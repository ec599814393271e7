#pragma once
// A source's conditionals resolved as TeX would where the file itself says
// how: \iftrue, \iffalse, a \newif switch set in the file, \ifx and
// \ifdefined on macros the file defines, acmart's \if@ACM@ switches from the
// class options. A test the file cannot decide (a macro from a package) is
// decided by the branch that holds \documentclass{acmart}, and the same
// test later in the file goes the same way; otherwise both branches stay.
#include <string>

namespace proceedings::meta {

// `source` without the branches TeX would skip and without the tokens of
// the conditionals it resolved. Comments must be removed first.
std::string resolve_conditionals(const std::string& source);

}  // namespace proceedings::meta

#!/usr/bin/env bash
# Build hygiene: the default target typesets no paper (the tools only), the
# demo's target typesets exactly the papers `make demo` runs the tools on,
# unit_tests brings every test paper, and MuPDF is found, not a hard-coded path.
# Reads the build's own rules with a dry run of every step (-n -B): nothing is built.
# usage: build_hygiene.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
src=$1 build=$2

# The papers a target would typeset or derive, one a line.
papers_of() {
  make -C "$build" -n -B -k "$1" 2> /dev/null |
    grep -oE "(typeset|derive-fixture|word-fixture)\.sh [^ ]+( [^ ]+)?" | sed "s|$src/||g" | sort -u
}

if [ -f "$build/Makefile" ]; then
  default=$(papers_of all)
  [ -z "$default" ] && ok || bad "the default target typesets papers: $(echo "$default" | head -5)"

  demo=$(papers_of demo-papers)
  for paper in manuscripts/exhetai-2025/chatport/paper.tex manuscripts/exhetai-2025/wages/paper.tex \
               tests/fixtures/geometry.tex tests/fixtures/overfull-lines.tex tests/fixtures/body7.tex; do
    grep -qF "$paper" <<< "$demo" && ok || bad "demo-papers does not typeset $paper"
  done
  grep -qF "word-fixture.sh" <<< "$demo" && ok || bad "demo-papers does not make word-interim-margins.pdf"
  test_only=$(grep -E "tests/fixtures/(body5|body6|meta/)|meta-corpus|derive-fixture" <<< "$demo")
  [ -z "$test_only" ] && ok || bad "demo-papers typesets test papers: $(echo "$test_only" | head -5)"
  [ "$(wc -l <<< "$demo")" -eq 8 ] && ok || bad "demo-papers typesets $(wc -l <<< "$demo") papers, wanted 4 manuscripts, 3 fixtures and the Word set: $demo"

  tests=$(papers_of unit_tests)
  for paper in tests/fixtures/body5.tex "derive-fixture.sh truncated" meta-corpus tests/fixtures/meta/; do
    grep -qF "$paper" <<< "$tests" && ok || bad "unit_tests does not bring $paper"
  done
else
  echo "not a Makefile build: the dry-run checks are skipped"
fi

# MuPDF's archives come from find_library in pkg-config's folder, not a fixed path.
fixed=$(grep -n "/usr/lib/libmupdf" "$src/CMakeLists.txt" "$src"/cmake/*.cmake)
[ -z "$fixed" ] && ok || bad "MuPDF by a hard-coded path: $fixed"
grep -qE "^MUPDF_STATIC_LIBRARY:FILEPATH=/.*/libmupdf\.a$" "$build/CMakeCache.txt" && ok ||
  bad "the cache has no MUPDF_STATIC_LIBRARY found by find_library"

finish

#!/bin/bash
# Compiles a corpus of acmart papers with acmart itself writing the truth:
# scripts/real-corpus/truthhook.sty is loaded before each paper and dumps
# \@title and \addresses at \maketitle and where the bibliography lands;
# scripts/real-corpus/truth2json.py makes truth.json of it (the schema of
# tools/meta/accuracy.hpp). The corpus (CORPUS, default $REAL_PAPERS or
# /work/real-papers) holds src/<paper>/ with the sources, a PROVENANCE whose
# "main file:" line names the main file, and optionally readings.json (issue
# 28: the real-paper corpus; it stays out of the repository, see
# docs/benchmarks.md).
#
#   scripts/make-real-corpus.sh [--update] [CORPUS [OUT]]    (OUT: build/real-papers)
#
# Writes OUT/<paper>.pdf and OUT/truth/<paper>.json, then says which truths
# differ from the corpus's. --update copies the PDFs and truths into CORPUS.
# TeX runs without shell escape, three passes (the bibliography is kept
# compiled, as .bbl), JOBS papers at a time.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
update=0
[ "${1:-}" = --update ] && { update=1; shift; }
corpus=$(realpath -m "${1:-${REAL_PAPERS:-/work/real-papers}}")
out=$(realpath -m "${2:-$here/build/real-papers}")
mkdir -p "$out/work" "$out/truth"

compile_one() {
  local src=$1 out=$2 hook=$3 name main base work pages
  name=$(basename "$src")
  main=$(sed -n 's/^main file: //p' "$src/PROVENANCE")
  base=${main%.*}
  work=$out/work/$name
  rm -rf "$work" && cp -r "$src" "$work"
  (
    cd "$work"
    for pass in 1 2 3; do
      TEXINPUTS=$hook//: timeout 300 pdflatex -no-shell-escape -interaction=nonstopmode -recorder \
        -jobname="$base" "\\RequirePackage{truthhook}\\input{$main}" > /dev/null 2>&1 || true
    done
  )
  [ -f "$work/$base.pdf" ] && [ -f "$work/$base.truth" ] || { echo "$name: no PDF or no truth (see $work/$base.log)"; return 0; }
  cp "$work/$base.pdf" "$out/$name.pdf"
  cp "$work/$base.truth" "$out/truth/$name.truth"
  cp "$work/$base.truthpages" "$out/truth/$name.truthpages" 2>/dev/null || : > "$out/truth/$name.truthpages"
  pages=$(pdfinfo "$work/$base.pdf" | sed -n 's/^Pages: *//p')
  python3 "$hook/truth2json.py" "$name" "$work/$base.truth" "$work/$base.truthpages" "$pages" \
    $( [ -f "$src/readings.json" ] && echo "$src/readings.json" ) > "$out/truth/$name.json"
  echo "$name: $pages pages"
}
export -f compile_one
ls -d "$corpus"/src/*/ | sed 's:/$::' | xargs -P "${JOBS:-2}" -I{} bash -c 'compile_one "$@"' _ {} "$out" "$here/scripts/real-corpus"

for truth in "$out"/truth/*.json; do
  name=$(basename "$truth" .json)
  if [ $update = 1 ]; then
    cp "$truth" "$corpus/src/$name/truth.json"
    cp "$out/truth/$name.truth" "$corpus/src/$name/acmart.truth"
    cp "$out/truth/$name.truthpages" "$corpus/src/$name/acmart.truthpages"
    cp "$out/$name.pdf" "$corpus/$name.pdf"
  elif ! cmp -s "$truth" "$corpus/src/$name/truth.json"; then
    echo "$name: the truth acmart wrote differs from the committed one"
  fi
done

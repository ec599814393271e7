#!/usr/bin/env bash
# typeset.sh MAIN.tex OUT.pdf
# Compiles MAIN.tex with latexmk (pdflatex, BibTeX as needed) in a scratch
# copy of its folder, so the sources are never written to, and moves the PDF
# into place only when LaTeX succeeded. Dates are pinned for reproducible PDFs.
# A main file whose first line is "% !TeX program = lualatex" is typeset with lualatex.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: typeset.sh MAIN.tex OUT.pdf" >&2; exit 2; }
main=$1
out=$2
src=$(cd "$(dirname "$main")" && pwd)
name=$(basename "$main" .tex)
root=$(cd "$(dirname "$0")/.." && pwd)
common="$root/manuscripts/common:$root/tests/fixtures/common"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src"/. "$work"/
cd "$work"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1763280000} FORCE_SOURCE_DATE=1
export TEXINPUTS=".:$common:" BIBINPUTS=".:$common:"
engine=-pdf
if head -n 1 "$name.tex" | grep -qi '^% *!TeX program *= *lualatex'; then engine=-lualatex; fi
if ! timeout 300 latexmk $engine -no-shell-escape -interaction=nonstopmode -halt-on-error "$name.tex" >latexmk.out 2>&1; then
  echo "typeset: $main: LaTeX failed; the end of its log:" >&2
  tail -n 20 "$name.log" >&2 2>/dev/null || tail -n 20 latexmk.out >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
cp "$name.pdf" "$out.tmp.$$"
mv "$out.tmp.$$" "$out"

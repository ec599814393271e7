#!/usr/bin/env bash
# Times `proceedings build` on a generated 50-paper, 300-page workshop: cold,
# unchanged, and after one paper changes; then the same book made the usual
# way, a LaTeX master file with pdfpages (two pdflatex runs for its contents).
# usage: bench_build.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -euo pipefail
bin=$1 src=$2 build=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
venue=$work/venue papers=$work/papers
mkdir -p "$venue" "$papers"
sed '/^program:/,$d' "$src/metadata/exhetai-2025/workshop.yaml" > "$venue/workshop.yaml"
cp "$src/metadata/exhetai-2025/message.md" "$venue/"
{
  echo "papers:"
  for i in $(seq -w 1 50); do
    echo "  - {id: p$i, title: \"Stand-in Paper Number $i on Heterogeneous Computing\", authors: [Author A$i, Author B$i, Zoë Ångström]}"
    # Two 6-page papers that pass the ExHetAI rules, alternating.
    if [ $((10#$i % 2)) -eq 0 ]; then cp "$build/fixtures/body6.pdf" "$papers/p$i.pdf"; else cp "$build/manuscripts/exhetai-2025/omnifed.pdf" "$papers/p$i.pdf"; fi
  done
} > "$venue/papers.yaml"

seconds() { local start=$(date +%s.%N); "$@" > "$work/last.out" 2>&1; echo "$(date +%s.%N) - $start" | bc; }
cold=$(seconds "$bin" build --venue "$venue" --papers "$papers" --out "$work/out")
pages=$(pdfinfo "$work/out/bundle/$(sed -n 's/^id: //p' "$venue/workshop.yaml")-proceedings.pdf" | sed -n 's/^Pages: *//p')
unchanged=$(seconds "$bin" build --venue "$venue" --papers "$papers" --out "$work/out")
grep -q "up to date" "$work/last.out" || { echo "bench: the unchanged rebuild did work"; cat "$work/last.out"; exit 1; }
qpdf --object-streams=disable "$papers/p17.pdf" "$work/p17.pdf" && mv "$work/p17.pdf" "$papers/p17.pdf"
one=$(seconds "$bin" build --venue "$venue" --papers "$papers" --out "$work/out")
grep -q "stamped 1 paper(s) (p17)" "$work/last.out" || { echo "bench: more than p17 was stamped"; cat "$work/last.out"; exit 1; }

# The baseline: one LaTeX master with the same papers, page numbers and contents.
mkdir -p "$work/latex"
{
  echo '\documentclass[10pt,letterpaper]{article}'
  echo '\usepackage[T1]{fontenc}\usepackage[utf8]{inputenc}\usepackage[tt=false,type1=true]{libertine}'
  echo '\usepackage[margin=0.75in]{geometry}\usepackage{pdfpages}\usepackage[hidelinks]{hyperref}'
  echo '\begin{document}\pagenumbering{roman}\tableofcontents\clearpage\pagenumbering{arabic}'
  for i in $(seq -w 1 50); do
    echo "\\includepdf[pages=-,pagecommand={\\thispagestyle{plain}},addtotoc={1,section,1,{Stand-in Paper Number $i on Heterogeneous Computing},p$i}]{$papers/p$i.pdf}"
  done
  echo '\end{document}'
} > "$work/latex/master.tex"
latex_run() { (cd "$work/latex" && pdflatex -no-shell-escape -interaction=nonstopmode -halt-on-error master.tex > /dev/null); }
baseline=$(seconds bash -c "$(declare -f latex_run); work=$work; latex_run && latex_run")

printf 'build of %s pages (50 papers): cold %.2f s, unchanged %.2f s, one paper changed %.2f s\n' "$pages" "$cold" "$unchanged" "$one"
printf 'pdfpages master (2 pdflatex runs): %.2f s; cold build is %.1fx faster, one-paper rebuild %.1fx faster\n' \
  "$baseline" "$(echo "$baseline / $cold" | bc -l)" "$(echo "$baseline / $one" | bc -l)"

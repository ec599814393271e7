#!/usr/bin/env bash
# Times `proceedings build` on generated workshops of N papers (BENCH_PAPERS,
# default "50 200 800"; 6-page papers): cold, unchanged, and after one paper
# changes with the same page count, each with its peak memory; beside the
# floor, plain concatenation with `qpdf --empty --pages ... -- out.pdf`, and
# (at the first N) the book made the usual way, a LaTeX master with pdfpages
# (two pdflatex runs for its contents). Ratios come from the same run; the
# load average is printed with them, as the figures depend on it.
# usage: bench_build.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -euo pipefail
bin=$1 src=$2 build=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# seconds and peak resident MiB of one command: "S M"
measure() {
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f %M -o "$work/rss" "$@" > "$work/last.out" 2>&1
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) $(( $(cat "$work/rss") / 1024 ))"
}

make_venue() {  # N DIR
  local n=$1 dir=$2
  mkdir -p "$dir/venue" "$dir/papers"
  # Without the ACM record: the stand-in papers do not carry its rights block.
  sed -e '/^program:/,$d' -e '/^acm:/,/^$/d' "$src/metadata/exhetai-2025/workshop.yaml" > "$dir/venue/workshop.yaml"
  cp "$src/metadata/exhetai-2025/message.md" "$dir/venue/"
  {
    echo "papers:"
    for i in $(seq -w 1 "$n"); do
      echo "  - {id: p$i, title: \"Stand-in Paper Number $i on Heterogeneous Computing\", authors: [Author A$i, Author B$i, Zoë Ångström]}"
      # Two 6-page papers that pass the ExHetAI rules, alternating.
      if [ $((10#$i % 2)) -eq 0 ]; then cp "$build/fixtures/body6.pdf" "$dir/papers/p$i.pdf"; else cp "$build/manuscripts/exhetai-2025/omnifed.pdf" "$dir/papers/p$i.pdf"; fi
    done
  } > "$dir/venue/papers.yaml"
}

pdfpages_master() {  # N DIR -> seconds
  local n=$1 dir=$2
  mkdir -p "$dir/latex"
  {
    echo '\documentclass[10pt,letterpaper]{article}'
    echo '\usepackage[T1]{fontenc}\usepackage[utf8]{inputenc}\usepackage[tt=false,type1=true]{libertine}'
    echo '\usepackage[margin=0.75in]{geometry}\usepackage{pdfpages}\usepackage[hidelinks]{hyperref}'
    echo '\begin{document}\pagenumbering{roman}\tableofcontents\clearpage\pagenumbering{arabic}'
    for i in $(seq -w 1 "$n"); do
      echo "\\includepdf[pages=-,pagecommand={\\thispagestyle{plain}},addtotoc={1,section,1,{Stand-in Paper Number $i on Heterogeneous Computing},p$i}]{$dir/papers/p$i.pdf}"
    done
    echo '\end{document}'
  } > "$dir/latex/master.tex"
  local start=$(date +%s.%N)
  for run in 1 2; do
    (cd "$dir/latex" && pdflatex -no-shell-escape -interaction=nonstopmode -halt-on-error master.tex > /dev/null)
  done
  echo "$(date +%s.%N) - $start" | bc
}

# One LaTeX run with the book's packages first, so that neither the build
# nor the pdfpages master pays for reading TeX's files from a cold cache.
mkdir -p "$work/warm" && cp "$src/templates/proceedings/preamble.tex" "$work/warm/"
printf '%s\n' '\documentclass{article}\input{preamble}\begin{document}warm\end{document}' > "$work/warm/warm.tex"
(cd "$work/warm" && pdflatex -no-shell-escape -interaction=nonstopmode warm.tex > /dev/null) || true

first=1
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-6s %-14s %-14s %-12s %-16s %-14s %s\n' papers pages "cold s (MiB)" "qpdf floor" "cold/floor" "one changed s" "one/floor" "unchanged s"
for n in ${BENCH_PAPERS:-50 200 800}; do
  dir=$work/n$n
  make_venue "$n" "$dir"
  build_cmd=("$bin" build --venue "$dir/venue" --papers "$dir/papers" --out "$dir/out")
  read -r cold cold_mb < <(measure "${build_cmd[@]}" --timings)
  grep -q "wrote" "$work/last.out" || { echo "bench: the cold build failed"; cat "$work/last.out"; exit 1; }
  # the cold build's phases (--timings), to see that none grows faster than the papers
  phases=$(sed -n 's/^build: \(.*\) \([0-9]*\) ms$/\1 \2 ms;/p' "$work/last.out" | tr '\n' ' ')
  pages=$(pdfinfo "$dir/out/bundle/exhetai-2025-proceedings.pdf" | sed -n 's/^Pages: *//p')
  read -r unchanged _ < <(measure "${build_cmd[@]}")
  grep -q "up to date" "$work/last.out" || { echo "bench: the unchanged rebuild did work"; cat "$work/last.out"; exit 1; }
  changed=$(printf "p%0${#n}d" 17)  # seq -w pads the ids to the width of N
  # a new version with the same page count: p17 is the other 6-page paper now
  cp "$build/fixtures/body6.pdf" "$dir/papers/$changed.pdf"
  read -r one one_mb < <(measure "${build_cmd[@]}")
  grep -q "stamped 1 paper(s) ($changed)" "$work/last.out" || { echo "bench: more than $changed was stamped"; cat "$work/last.out"; exit 1; }
  read -r floor floor_mb < <(measure qpdf --empty --pages "$dir"/papers/p*.pdf -- "$dir/floor.pdf")
  printf '%-6s %-6s %-14s %-14s %-12s %-16s %-14s %s\n' "$n" "$pages" "$(printf '%.2f (%s)' "$cold" "$cold_mb")" \
    "$(printf '%.2f (%s)' "$floor" "$floor_mb")" "$(printf '%.1fx' "$(echo "$cold / $floor" | bc -l)")" \
    "$(printf '%.2f (%s)' "$one" "$one_mb")" "$(printf '%.2fx' "$(echo "$one / $floor" | bc -l)")" "$(printf '%.2f' "$unchanged")"
  printf '       cold build phases: %s peak memory %.2fx the floor'"'"'s\n' "$phases" "$(echo "$cold_mb / $floor_mb" | bc -l)"
  if [ $first = 1 ]; then
    first=0
    baseline=$(pdfpages_master "$n" "$dir")
    printf '       pdfpages master of %s papers (2 pdflatex runs): %.2f s; the cold build is %.1fx faster\n' \
      "$n" "$baseline" "$(echo "$baseline / $cold" | bc -l)"
  fi
  rm -rf "$dir"
done

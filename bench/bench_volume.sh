#!/usr/bin/env bash
# Times `proceedings build --volume` on a generated volume (issue 30 item 6):
# BENCH_WORKSHOPS workshops (default 40) of BENCH_PER papers (default 10;
# about 7 pages a paper, scripts/make-volume.sh) over 3 days and 20 rooms,
# each paper checked against its own workshop's rules: cold, unchanged, and
# after one paper changes with the same page count, each with its peak
# memory (/usr/bin/time), beside the floor, plain concatenation of the same
# papers with `qpdf --empty --pages ... -- out.pdf`, in the same run.
# Targets: cold <= 2x the floor, one changed <= 0.3x, unchanged <= 0.2 s,
# peak memory <= qpdf's.
# usage: bench_volume.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -euo pipefail
bin=$1 src=$2 build=$3
workshops=${BENCH_WORKSHOPS:-40} per=${BENCH_PER:-10}
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

"$src/scripts/make-volume.sh" "$work/gen" "$workshops" "$per" "$build/manuscripts/exhetai-2025" "$src" 20
# LaTeX once first, so that the build does not pay for reading TeX's files from a cold cache.
mkdir -p "$work/warm" && cp "$src/templates/proceedings/preamble.tex" "$work/warm/"
printf '%s\n' '\documentclass{article}\input{preamble}\begin{document}warm\end{document}' > "$work/warm/warm.tex"
(cd "$work/warm" && pdflatex -no-shell-escape -interaction=nonstopmode warm.tex > /dev/null) || true

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
build_cmd=("$bin" build --volume "$work/gen/volume" --papers "$work/gen/papers" --out "$work/out")
read -r cold cold_mb < <(measure "${build_cmd[@]}" --timings)
grep -q "wrote" "$work/last.out" || { echo "bench: the cold build of the volume failed"; cat "$work/last.out"; exit 1; }
phases=$(sed -n 's/^build: \(.*\) \([0-9]*\) ms$/\1 \2 ms;/p' "$work/last.out" | tr '\n' ' ')
pages=$(pdfinfo "$work/out/bundle/sc-workshops-2025-proceedings.pdf" | sed -n 's/^Pages: *//p')
read -r unchanged _ < <(measure "${build_cmd[@]}")
grep -q "up to date" "$work/last.out" || { echo "bench: the unchanged rebuild did work"; cat "$work/last.out"; exit 1; }
# One paper of a workshop in the middle, replaced by a paper of the same page count.
w=$(printf "w%0${#workshops}d" $(( workshops / 2 ))) p=$(printf "p%0${#per}d" 1)
changed=$work/gen/papers/$w/$w-$p.pdf
pages_before=$(pdfinfo "$changed" | sed -n 's/^Pages: *//p')
if [ "$pages_before" = 6 ]; then
  qpdf --empty --pages "$build/manuscripts/exhetai-2025/sparse-wse.pdf" "$build/manuscripts/exhetai-2025/wages.pdf" 1 -- "$work/new.pdf"
else
  qpdf --empty --pages "$build/manuscripts/exhetai-2025/sparse-wse.pdf" "$build/manuscripts/exhetai-2025/chatport.pdf" 1-3 -- "$work/new.pdf"
fi
rm -f "$changed" && cp "$work/new.pdf" "$changed"
read -r one one_mb < <(measure "${build_cmd[@]}")
grep -q "stamped 1 paper(s) ($w-$p)" "$work/last.out" || { echo "bench: more than $w-$p was stamped"; cat "$work/last.out"; exit 1; }
read -r floor floor_mb < <(measure qpdf --empty --pages "$work"/gen/papers/w*/*.pdf -- "$work/floor.pdf")
papers=$((workshops * per))
printf '%-22s %-6s %-14s %-14s %-10s %-14s %-10s %-11s %s\n' volume pages "cold s (MiB)" "qpdf floor" cold/floor \
  "one changed s" one/floor "unchanged s" "peak/qpdf"
printf '%-22s %-6s %-14s %-14s %-10s %-14s %-10s %-11s %s\n' "$workshops ws, $papers papers" "$pages" \
  "$(printf '%.2f (%s)' "$cold" "$cold_mb")" "$(printf '%.2f (%s)' "$floor" "$floor_mb")" \
  "$(printf '%.2fx' "$(echo "$cold / $floor" | bc -l)")" "$(printf '%.2f (%s)' "$one" "$one_mb")" \
  "$(printf '%.2fx' "$(echo "$one / $floor" | bc -l)")" "$(printf '%.2f' "$unchanged")" \
  "$(printf '%.2fx' "$(echo "$cold_mb / $floor_mb" | bc -l)")"
printf '       cold build phases: %s\n' "$phases"
fail=0
awk -v c="$cold" -v f="$floor" 'BEGIN { exit !(c <= 2 * f) }' || { echo "bench: over target: cold > 2x the floor"; fail=1; }
awk -v c="$one" -v f="$floor" 'BEGIN { exit !(c <= 0.3 * f) }' || { echo "bench: over target: one changed > 0.3x the floor"; fail=1; }
awk -v u="$unchanged" 'BEGIN { exit !(u <= 0.2) }' || { echo "bench: over target: unchanged > 0.2 s"; fail=1; }
[ "$cold_mb" -le "$floor_mb" ] || { echo "bench: over target: peak memory above qpdf's"; fail=1; }
[ "$fail" = 0 ] && echo "volume bench: every target met"
exit 0

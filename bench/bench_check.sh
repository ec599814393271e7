#!/usr/bin/env bash
# `proceedings check` of N papers (default 200), copies of a 6-page fixture and
# a real manuscript taken in turn: wall and CPU (user+sys) seconds with
# --jobs 1 and with the default jobs, and the milliseconds per paper.
# usage: bench_check.sh PROCEEDINGS BUILD_DIR VENUE_DIR [N]
set -euo pipefail
bin=$1 build=$2 venue=$3 n=${4:-200}
a=$build/fixtures/body6.pdf b=$build/manuscripts/exhetai-2025/omnifed.pdf
[ -s "$a" ] && [ -s "$b" ] || { echo "bench_check: build the fixtures and manuscripts first"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((i = 1; i <= n; i++)); do
  if ((i % 2)); then src=$a; else src=$b; fi
  cp "$src" "$work/p$(printf '%03d' "$i").pdf"
done

# run LABEL ARGS...: one timed check of all the papers.
run() {
  local label=$1; shift
  local out
  out=$( { /usr/bin/time -f '%e %U %S' "$bin" check --venue "$venue" --json "$@" "$work"/p*.pdf > /dev/null; } 2>&1 | tail -1)
  read -r wall user sys <<< "$out"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v n="$n" \
    'BEGIN { printf "%-12s wall %.2f s  cpu %.2f s  (%.1f ms wall, %.1f ms cpu per paper)\n", l, w, u + s, 1000 * w / n, 1000 * (u + s) / n }'
}

run "jobs 1" --jobs 1
run "jobs 1" --jobs 1
run "default" 
run "default"

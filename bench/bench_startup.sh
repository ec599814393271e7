#!/usr/bin/env bash
# Start-up side by side with MuPDF's own tool: `proceedings --version` against
# `mutool -v`, and a one-file `check` of a broken upload (truncated, no %%EOF)
# and of a good paper against `mutool info` on the same file. Each command is
# run N times; the figures are wall and CPU (user+sys) milliseconds per run,
# and the shared libraries loaded at start.
# usage: bench_startup.sh PROCEEDINGS BUILD_DIR [N]
set -euo pipefail
bin=$1 build=$2 n=${3:-200}
command -v mutool > /dev/null || { echo "bench_startup: mutool missing (Debian package mupdf-tools)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
broken=$build/fixtures/truncated.pdf good=$build/manuscripts/exhetai-2025/wages.pdf
[ -s "$broken" ] && [ -s "$good" ] || { echo "bench_startup: build the fixtures first"; exit 1; }

# per_run LABEL COMMAND...: N runs; prints wall and CPU ms per run (children's times from bash's `times`).
per_run() {
  local label=$1; shift
  cat > "$work/run.sh" <<SCRIPT
for ((i = 0; i < $n; i++)); do "\$@" > /dev/null 2>&1 || true; done
times
SCRIPT
  local start end
  start=$(date +%s%N)
  bash "$work/run.sh" "$@" > "$work/times"
  end=$(date +%s%N)
  # the second line of `times` holds the children's user and system time: 0m0.123s 0m0.045s
  local cpu
  cpu=$(sed -n 2p "$work/times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.0f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }')
  printf "%-44s wall %6.2f ms  cpu %6.2f ms\n" "$label" "$(echo "($end - $start) / 1000000 / $n" | bc -l)" \
    "$(echo "$cpu / $n" | bc -l)"
}

echo "start-up, $n runs each ($(nproc) cores; $(ldd "$bin" | wc -l) shared objects in proceedings, $(ldd "$(command -v mutool)" | wc -l) in mutool)"
per_run "proceedings --version" "$bin" --version
per_run "mutool -v" mutool -v
per_run "proceedings check truncated.pdf (broken)" "$bin" check "$broken"
per_run "mutool info truncated.pdf (broken)" mutool info "$broken"
per_run "proceedings check wages.pdf (5 pages)" "$bin" check "$good"
per_run "mutool info wages.pdf (5 pages)" mutool info "$good"

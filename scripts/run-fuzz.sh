#!/usr/bin/env bash
# run-fuzz.sh FUZZ_BUILD SECONDS: runs each libFuzzer target for SECONDS,
# seeded with the project's own inputs; reports executions and crashes.
# A crash input is kept in FUZZ_BUILD/crashes/ to become a regression test.
# FUZZ_TARGETS="hotcrp web" runs only those.
set -uo pipefail
build=$1 seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$build/crashes"
seed() {  # seed NAME FILES...
  local dir="$build/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done
}
seed yaml "$root"/metadata/*/workshop.yaml "$root"/metadata/*/papers.yaml
seed latex "$root"/tests/fixtures/meta/*/paper.tex "$root"/manuscripts/exhetai-2025/*/paper.tex
seed xml "$root"/tests/fixtures/meta/hetflow/paper.tex
seed archive "$root"/build/fixtures/meta/hetflow.zip "$root"/build/fixtures/meta/hetflow.tar.gz
seed pdf "$root"/build/fixtures/body4.pdf "$root"/build/fixtures/meta/solo.pdf "$root"/build/fixtures/unsafe.pdf
seed hotcrp "$root"/tests/fixtures/import/hotcrp.json
seed easychair "$root"/tests/fixtures/import/easychair-acm.xml
seed csv "$root"/tests/fixtures/import/sheet-one-cell.csv "$root"/tests/fixtures/import/sheet-columns.csv
seed web "$root"/tests/fixtures/web/*
status=0
for target in ${FUZZ_TARGETS:-yaml latex xml archive pdf hotcrp easychair csv web}; do
  log="$build/fuzz_$target.log"
  "$build/fuzz/fuzz_$target" "$build/corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/crashes/$target-" > "$log" 2>&1
  code=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  crashes=$(ls "$build/crashes" | grep -c "^$target-" || true)
  echo "fuzz_$target: ${runs:-?} executions in ${seconds}s, ${crashes} crash input(s) (exit $code)"
  [ "$code" -eq 0 ] || { status=1; grep -m3 -E "ERROR|SUMMARY" "$log"; }
done
exit $status

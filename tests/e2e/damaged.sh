#!/usr/bin/env bash
# `check` on damaged PDFs: a real paper truncated at 40 offsets and with
# bytes flipped at 40 places. Nothing may crash or hang: every file gets a
# verdict, and an unreadable one an error with a reason.
# usage: damaged.sh PROCEEDINGS BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 build=$2

src=$build/fixtures/body5.pdf
size=$(stat -c %s "$src")
for i in $(seq 1 40); do
  head -c $((size * i / 41)) "$src" > "$scratch/cut-$i.pdf"
done
# Byte flips at spread offsets, the same every run.
for i in $(seq 1 40); do
  cp "$src" "$scratch/flip-$i.pdf"
  offset=$(( (i * 7919 * 131) % size ))
  printf '\xff\x00\x5c' | dd of="$scratch/flip-$i.pdf" bs=1 seek="$offset" conv=notrunc status=none
done
start=$(date +%s)
timeout 300 "$bin" check --json "$scratch" > "$scratch/out.json" 2> "$scratch/err"
code=$?
elapsed=$(( $(date +%s) - start ))
case $code in 0|1|3) ok ;; *) bad "check ended with status $code (crash, or the time limit)";; esac
jq -e '.papers | length == 80' "$scratch/out.json" > /dev/null && ok || bad "not every damaged file got a verdict"
jq -e '[.papers[] | select(.verdict == "error") | .error | length > 0] | all' "$scratch/out.json" > /dev/null && ok || bad "an error without a reason"
jq -e '[.papers[] | select(.file | test("cut-")) | .verdict] | all(. == "error")' "$scratch/out.json" > /dev/null && ok || bad "a truncated file was not an error"
[ "$elapsed" -lt 120 ] && ok || bad "took ${elapsed}s"
echo "damaged corpus: $(jq -r '[.papers[].verdict] | group_by(.) | map("\(.[0]) \(length)") | join(", ")' "$scratch/out.json") in ${elapsed}s"
finish

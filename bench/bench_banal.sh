#!/usr/bin/env bash
# HotCRP's format checker three ways on the project's PDFs (the test
# fixtures and the bundled ExHetAI'25 papers): HotCRP's own banal (Perl and
# pdftohtml), mubanal (MuPDF, HotCRP's C++ replacement) and `proceedings
# check --format banal`, each run as HotCRP runs it (a process per file,
# only PATH in the environment, HotCRP's root as working directory).
#  1. time per process, averaged over the files (N runs of each);
#  2. per file: the page types (B body, R bib, A appendix, F figure, C cover,
#     _ blank), the body-page counts and HotCRP's own verdict
#     (bench/hotcrp_verdict.php: HotCRP's CheckFormat on the JSON) for the
#     ExHetAI'25 rules as a HotCRP spec, banal against ours.
# usage: HOTCRP_DIR=/path/to/hotcrp [MUBANAL=/path/to/mubanal] bench_banal.sh PROCEEDINGS BUILD_DIR [N]
# Without HOTCRP_DIR only ours is timed; without MUBANAL mubanal is left out.
# Nothing here builds mubanal: give the path of one built elsewhere.
set -uo pipefail
bin=$(realpath "$1") build=$2 n=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
spec='letter;5-6;2;7.1inx9.4in;9;10.5;{"unlimitedref":true}'

pdfs=()
for f in "$build"/fixtures/*.pdf "$build"/manuscripts/exhetai-2025/*.pdf; do [ -s "$f" ] && pdfs+=("$(realpath "$f")"); done
[ ${#pdfs[@]} -gt 0 ] || { echo "bench_banal: build the fixtures first (make bench does)"; exit 1; }
cwd=${HOTCRP_DIR:-$PWD}

# per_process LABEL COMMAND...: wall and CPU milliseconds of one `COMMAND FILE`, averaged
# over all files and N rounds; one shell with only PATH runs them all from $cwd.
per_process() {
  local label=$1; shift
  printf '%s\n' "${pdfs[@]}" > "$work/files"
  cat > "$work/run.sh" << 'SCRIPT'
n=$1 files=$2; shift 2
for ((i = 0; i < n; i++)); do while read -r f; do "$@" "$f" > /dev/null 2>&1; done < "$files"; done
times
SCRIPT
  local start end runs=$((n * ${#pdfs[@]}))
  start=$(date +%s%N)
  (cd "$cwd" && env -i PATH="$PATH" bash "$work/run.sh" "$n" "$work/files" "$@" > "$work/times")
  end=$(date +%s%N)
  local cpu wall
  cpu=$(sed -n 2p "$work/times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.3f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }')
  wall=$(echo "($end - $start) / 1000000 / $runs" | bc -l)
  printf "%-10s wall %7.1f ms  cpu %7.1f ms per process\n" "$label" "$wall" "$(echo "$cpu / $runs" | bc -l)"
  echo "$wall" > "$work/ms.$label"
}

echo "== time per process: ${#pdfs[@]} PDFs, $n rounds ($(nproc) cores)"
per_process exec-only /bin/true  # what starting any process costs here
per_process ours "$bin" check --format banal
if [ -n "${MUBANAL:-}" ]; then
  per_process mubanal "$MUBANAL" -json
  echo "ours / mubanal: $(echo "$(cat "$work/ms.ours") / $(cat "$work/ms.mubanal")" | bc -l | cut -c1-4)"
else
  echo "(mubanal: not timed; set MUBANAL to the path of a mubanal binary)"
fi
if [ -z "${HOTCRP_DIR:-}" ]; then
  echo "(banal: not run; set HOTCRP_DIR to a HotCRP source tree)"
  exit 0
fi
per_process banal perl src/banal -json
echo "ours / banal: $(echo "$(cat "$work/ms.ours") / $(cat "$work/ms.banal")" | bc -l | cut -c1-4)"

# types JSONFILE: one letter a page.
types() {
  python3 -c '
import json, sys
letters = {"body": "B", "bib": "R", "appendix": "A", "figure": "F", "cover": "C", "blank": "_"}
try:
    j = json.load(open(sys.argv[1]))
except Exception:
    print("(no JSON)"); sys.exit()
print("".join(letters.get(p.get("type", "body"), "?") for p in j.get("pages", [])) or "(none)")' "$1"
}

echo
echo "== page types, body pages and HotCRP's verdict for $spec"
printf "%-28s %-10s %-10s %-44s %-44s\n" FILE "banal" "ours" "HotCRP on banal" "HotCRP on ours"
same_types=0 same_body=0 same_verdict=0 count=0
for f in "${pdfs[@]}"; do
  name=$(basename "$f")
  (cd "$HOTCRP_DIR" && env -i PATH="$PATH" perl src/banal -json "$f" > "$work/banal.json" 2> /dev/null)
  (cd "$HOTCRP_DIR" && env -i PATH="$PATH" "$bin" check --format banal "$f" > "$work/ours.json" 2> /dev/null)
  tb=$(types "$work/banal.json") to=$(types "$work/ours.json")
  vb=$(php "$here/hotcrp_verdict.php" "$HOTCRP_DIR" "$work/banal.json" "$spec" 2>&1 | tail -1)
  vo=$(php "$here/hotcrp_verdict.php" "$HOTCRP_DIR" "$work/ours.json" "$spec" 2>&1 | tail -1)
  printf "%-28s %-10s %-10s %-44s %-44s\n" "$name" "$tb" "$to" "$vb" "$vo"
  count=$((count + 1))
  [ "$tb" = "$to" ] && same_types=$((same_types + 1))
  [ "${vb##*body=}" = "${vo##*body=}" ] && same_body=$((same_body + 1))
  [ "${vb%% pages=*}" = "${vo%% pages=*}" ] && same_verdict=$((same_verdict + 1))
done
echo "same page types: $same_types/$count; same body-page count: $same_body/$count; same HotCRP verdict: $same_verdict/$count"

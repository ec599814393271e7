#!/usr/bin/env bash
# End-to-end tests of `proceedings report` and `proceedings report lint`.
# usage: report.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2

expect_exit 0 "report --help" -- "$bin" report --help
expect_text "$scratch/out" "lint" "help lists lint"
expect_exit 0 "report" -- "$bin" report --venue "$src/metadata/aiexscale-2025" --out "$scratch/o"
expect_text "$scratch/out" "(3 pages, 7 part(s) still missing)" "draft summary"
expect_text "$scratch/out" "lint: $scratch/o/arxiv/aiexscale-2025-report.tar.gz: 0 error(s), 2 warning(s)" "lint summary"
expect_text "$scratch/err" "report: missing notes: the findings" "missing parts named"
[ -s "$scratch/o/report/report.pdf" ] && ok || bad "no draft PDF"
expect_exit 0 "lint the archive" -- "$bin" report lint "$scratch/o/arxiv/aiexscale-2025-report.tar.gz"
expect_exit 0 "lint the folder, no compile" -- "$bin" report lint --no-compile "$scratch/o/arxiv/source"
cp -r "$scratch/o/arxiv/source" "$scratch/broken"
touch "$scratch/broken/report.log"
expect_exit 1 "lint a broken folder" -- "$bin" report lint --no-compile "$scratch/broken"
expect_text "$scratch/out" "report.log: error: BYPRODUCT: a build byproduct: remove it from the package" "finding names file and fix"
expect_exit 3 "lint a missing input" -- "$bin" report lint "$scratch/none.tar.gz"
expect_text "$scratch/err" "none.tar.gz: no such file or folder" "missing input message"
printf 'text' > "$scratch/notes.txt"
expect_exit 3 "lint a non-archive" -- "$bin" report lint "$scratch/notes.txt"
expect_exit 2 "unknown venue" -- "$bin" report --venue "$scratch/nowhere" --out "$scratch/o2"

finish

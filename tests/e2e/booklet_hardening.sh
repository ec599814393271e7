#!/usr/bin/env bash
# Issue 24's hardening of the program and its writers, end to end: hostile or
# unusual workshop.yaml files that hung, exhausted memory or wrote wrong output.
# usage: booklet_hardening.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2
ex=$src/metadata/exhetai-2025 ai=$src/metadata/aiexscale-2025

# A copy of a bundled venue, its workshop.yaml edited by a Python expression on `s`.
venue_with() {
  local from=$1 to=$2 edit=$3
  rm -rf "$to"; cp -r "$from" "$to"
  python3 -c "import sys; p=sys.argv[1]; s=open(p).read(); s2=$edit; assert s2 != s, 'edit changed nothing'; open(p,'w').write(s2)" \
    "$to/workshop.yaml" || bad "fixture edit failed: $edit"
}

# item 1: a paper session whose talks have no times (the session's time covers them)
# used to spin forever in the calendar, frab and Jekyll writers.
venue_with "$ex" "$scratch/untimed" \
  's.replace("paper: sparse-wse, start: \"11:10am\", end: \"11:30am\"}", "paper: sparse-wse}").replace("paper: wages, start: \"11:30am\", end: \"11:50am\"}", "paper: wages}")'
expect_exit 0 "untimed talks: ics, xml, jekyll, html end" -- \
  timeout 20 "$bin" booklet --venue "$scratch/untimed" --out "$scratch/untimed-out" --format ics,xml,jekyll,html
grep -q "^SUMMARY:Paper Session 1" "$scratch/untimed-out/booklet/exhetai-2025-program.ics" && ok ||
  bad "a session of untimed talks is not one calendar event"

finish

#!/usr/bin/env bash
# `proceedings check --format banal` as HotCRP runs it: one PDF path appended
# to the command line, only PATH in the environment, HotCRP's root as the
# working directory, JSON read from stdout (docs/hotcrp.md).
# usage: banal.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
fx=$build/fixtures

# as HotCRP: env with PATH alone, another working directory, no HOME
hotcrp_run() { (cd "$scratch/root" && env -i PATH=/usr/bin:/bin "$bin" check --format banal "$@"); }
mkdir -p "$scratch/root"
# json_get FILE EXPRESSION: a field of the JSON in FILE, printed by python (j is the object)
json_get() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1" 2>&1; }

expect_exit 0 "a paper, PATH alone in the environment" -- hotcrp_run "$fx/body5.pdf"
[ "$(wc -l < "$scratch/out")" -eq 1 ] && ok || bad "one JSON line on stdout: $(head -c 300 "$scratch/out")"
[ ! -s "$scratch/err" ] && ok || bad "nothing on stderr for a good paper: $(head -c 300 "$scratch/err")"
[ "$(json_get "$scratch/out" 'type(j["at"]).__name__')" = int ] && ok || bad "at is an integer"
now=$(date +%s) at=$(json_get "$scratch/out" 'j["at"]')
[[ "$at" =~ ^[0-9]+$ ]] && [ $((now - at)) -ge 0 ] && [ $((now - at)) -lt 60 ] && ok || bad "at is the time of the run: $at vs $now"
[ "$(json_get "$scratch/out" 'j["papersize"]')" = "[792, 612]" ] && ok || bad "papersize [height, width]"
[ "$(json_get "$scratch/out" 'len(j["pages"])')" = 5 ] && ok || bad "one entry a page"
[ "$(json_get "$scratch/out" '[j["bodyfontsize"], j["leading"], j["columns"]]')" = "[9, 11, 2]" ] && ok ||
  bad "sigconf's 9 pt on 11 pt in two columns: $(head -c 300 "$scratch/out")"
[ "$(json_get "$scratch/out" '"".join(p.get("type", "B")[0] for p in j["pages"])')" = BBBBB ] && ok || bad "five body pages"
cp "$fx/full6-refs8.pdf" "$scratch/root/paper.pdf"
expect_exit 0 "a path relative to the working directory" -- hotcrp_run paper.pdf
[ "$(json_get "$scratch/out" '"".join(p.get("type", "B")[0] for p in j["pages"])')" = BBBBBBbb ] && ok ||
  bad "the bibliography pages typed bib: $(head -c 400 "$scratch/out")"

# banal's failure form for what cannot be read, never a crash, exit 3
for f in empty.pdf not-pdf.pdf truncated.pdf no-such-file.pdf; do
  expect_exit 3 "unreadable $f" -- hotcrp_run "$fx/$f"
  [ "$(json_get "$scratch/out" 'sorted(j.keys()), j["error"], j["pages"]')" = "['at', 'error', 'pages'] True []" ] &&
    ok || bad "$f: banal's failure form: $(head -c 200 "$scratch/out")"
  expect_text "$scratch/err" "$f" "$f: the reason on stderr names the file"
done
expect_exit 3 "a file not analysed in time" -- hotcrp_run --time-limit 0.001 "$fx/word-interim-long.pdf"
expect_text "$scratch/out" '"error":true' "the time limit prints the failure form"
expect_text "$scratch/err" "not analysed within" "the time limit says so"

# --hold delays the exit only (for a client's test of a run in progress)
start=$(date +%s%N)
expect_exit 0 "--hold" -- hotcrp_run --hold 0.6 "$fx/body5.pdf"
[ $(( ($(date +%s%N) - start) / 1000000 )) -ge 600 ] && ok || bad "--hold 0.6 took less than 0.6 s"

# usage errors: one FILE, no rules, no other outputs
expect_exit 2 "two files" -- hotcrp_run "$fx/body5.pdf" "$fx/body6.pdf"
expect_exit 2 "a folder" -- hotcrp_run "$fx"
expect_exit 2 "rules do not apply" -- hotcrp_run --pages 5-6 "$fx/body5.pdf"
expect_exit 2 "a stage does not apply" -- hotcrp_run --stage submission "$fx/body5.pdf"
expect_exit 2 "--html does not apply" -- hotcrp_run --html "$scratch/r.html" "$fx/body5.pdf"
expect_exit 2 "--format banal with --json" -- hotcrp_run --json "$fx/body5.pdf"
expect_exit 2 "--hold without --format banal" -- "$bin" check --hold 1 "$fx/body5.pdf"
expect_exit 2 "an unknown format" -- "$bin" check --format xml "$fx/body5.pdf"
expect_exit 0 "--format json is --json" -- "$bin" check --format json "$fx/body5.pdf"
expect_text "$scratch/out" '"papers"' "--format json prints check's JSON"
expect_exit 0 "check --help" -- "$bin" check --help
expect_text "$scratch/out" "--format" "check --help documents --format"

# the banalCommand line the manual gives holds none of the characters HotCRP refuses
line=$(grep -o '\$Opt\["banalCommand"\] = "[^"]*"' "$src/docs/hotcrp.md" | head -1)
command=${line#*= \"}; command=${command%\"}
[ -n "$command" ] && ok || bad "docs/hotcrp.md gives the banalCommand line"
case "$command" in *[\!\#\$\*\?\[\]\\\(\)\{\}\<\>\|\&\;\`\"\']*) bad "'$command' holds a shell metacharacter" ;; *) ok ;; esac
finish

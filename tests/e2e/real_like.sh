#!/usr/bin/env bash
# End-to-end: `meta` and `check` on papers that bend the template as real
# authors do (issue 28 items 7, 8, 10-13; tests/fixtures/real-like).
# usage: real_like.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
rl=$src/tests/fixtures/real-like fx=$build/fixtures/real-like venue=$src/metadata/exhetai-2025

# meta: a main file named paper.ltx, a single file on the command line, \ifx and \newif class choosers
expect_exit 0 "meta on a folder whose main file is paper.ltx" -- "$bin" meta --json "$rl/ltx-main"
jq -e '.papers[0].title == "A Main File Named paper.ltx"' "$scratch/out" > /dev/null && ok || bad "paper.ltx's title"
expect_exit 0 "meta on a single .ltx file" -- "$bin" meta --json "$rl/ltx-main/paper.ltx"
jq -e '.papers[0].kind == "latex" and (.papers[0].authors | length) == 1' "$scratch/out" > /dev/null && ok || bad "a single .ltx file is read as source"
expect_exit 0 "meta on a single .tex file" -- "$bin" meta --json "$rl/ifx-chooser/paper.tex"
jq -e '[.papers[0].authors[].name] == ["Zoë Ångström", "Bruno Keller"]' "$scratch/out" > /dev/null && ok ||
  bad "\\ifx chooser: acmart's authors only: $(jq -c '[.papers[0].authors[].name]' "$scratch/out")"
expect_exit 0 "meta on a \\newif chooser" -- "$bin" meta "$rl/newif-chooser"
expect_text "$scratch/out" "Switching Classes with a Conditional" "the title of the branch TeX takes"
grep -q "Given Name\|Old Co-Author" "$scratch/out" && bad "IEEE placeholders or an \\iffalse author were read" || ok
expect_exit 3 "meta on a .tex file without \\documentclass" -- "$bin" meta "$rl/ltx-main/sections/intro.tex"
expect_text "$scratch/out" "has no \\documentclass: give the paper's main file or its folder" "a section file is refused with its reason"

# check: sigconf's venue (ExHetAI'25) and any acmart format
papers=("$fx"/figure-labels.pdf "$fx"/watermark.pdf "$fx"/sigconf-10pt.pdf)
expect_exit 1 "check the sigconf papers" -- "$bin" check --json --venue "$venue" "${papers[@]}"
cp "$scratch/out" "$scratch/sigconf.json"
jq -e '.papers[] | select(.file | endswith("/figure-labels.pdf")) | .verdict == "pass" and .problems == []' "$scratch/sigconf.json" > /dev/null &&
  ok || bad "rotated axis labels are no watermark"
jq -e '.papers[] | select(.file | endswith("/watermark.pdf")) | [.problems[].code] == ["WATERMARK"]' "$scratch/sigconf.json" > /dev/null &&
  ok || bad "a real watermark still warns"
jq -e '.papers[] | select(.file | endswith("/sigconf-10pt.pdf")) | .template.format == "sigconf" and [.problems[].code] == ["FONT_SIZE"]' \
  "$scratch/sigconf.json" > /dev/null && ok || bad "[10pt,sigconf] is sigconf with FONT_SIZE"
expect_exit 1 "check the other formats" -- "$bin" check --json --template acmart "$fx/manuscript-longbib.pdf" "$fx/sigchi-a-creator.pdf"
jq -e '.papers[] | select(.file | endswith("/manuscript-longbib.pdf")) | .body_pages == 12 and .pages == 15' "$scratch/out" > /dev/null &&
  ok || bad "manuscript: running heads over the bibliography are no appendix"
jq -e '.papers[] | select(.file | endswith("/sigchi-a-creator.pdf")) | .template.class == "acmart" and .template.format == "sigchi-a" and ([.problems[].code] | index("TEMPLATE_CLASS") == null)' \
  "$scratch/out" > /dev/null && ok || bad "sigchi-a without acmart in its Creator is acmart"
finish

#!/usr/bin/env bash
# End-to-end tests of `proceedings report` and `proceedings report lint`.
# usage: report.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2

expect_exit 0 "report --help" -- "$bin" report --help
expect_text "$scratch/out" "lint" "help lists lint"
# the bundled notes leave seven parts missing: the package is not ready, and lint says so part by part
expect_exit 1 "report with missing parts" -- "$bin" report --venue "$src/metadata/aiexscale-2025" --out "$scratch/o"
expect_text "$scratch/out" "(3 pages, 7 part(s) still missing)" "draft summary"
expect_text "$scratch/out" "lint: $scratch/o/arxiv/aiexscale-2025-report.tar.gz: 8 error(s), 2 warning(s)" "lint summary"
expect_text "$scratch/out" "error: PLACEHOLDER: a part is still missing: the findings" "placeholder named"
# the published "12:20 AM" closing, which the program check flags, is an error of the report too
expect_text "$scratch/out" "aiexscale-2025/workshop.yaml: error: TIME_BACKWARDS: the report retells a program slip: session 'Closing Remarks' starts at 12:20 AM (0:20)" "program slip in lint"
expect_text "$scratch/out" "confirm it with 'confirmed: [TIME_BACKWARDS]' under session 'closing'" "slip finding says how to confirm"
expect_text "$scratch/err" "report: missing notes: the findings" "missing parts named"
[ -s "$scratch/o/report/report.pdf" ] && ok || bad "no draft PDF"
# the framed Missing notes stay inside the text block (they once ran 17 pt into the right margin):
# every stroked rule, as mutool traces it, lies between the text's left edge and its mirror on the right
mutool draw -F trace -o "$scratch/trace.xml" "$scratch/o/report/report.pdf" 2> /dev/null
/usr/bin/python3 - "$scratch/trace.xml" > "$scratch/frames.txt" <<'EOF'
import re, sys
trace = open(sys.argv[1]).read()
page_width = 612.0
glyphs = [float(x) for x in re.findall(r'<g unicode="[^"]*" glyph="[^"]*" x="([-0-9.]+)"', trace)]
left = min(glyphs)
right = page_width - left
xs = []
for block in re.findall(r'<stroke_path[^>]*transform="([^"]*)"[^>]*>(.*?)</stroke_path>', trace, re.S):
    a, b, c, d, e, f = (float(v) for v in block[0].split())
    for x, y in re.findall(r'<(?:moveto|lineto) x="([-0-9.]+)" y="([-0-9.]+)"', block[1]):
        xs.append(a * float(x) + c * float(y) + e)
print(f"frames {len(xs) // 2} rules, x {min(xs):.1f}..{max(xs):.1f}, text {left:.1f}..{right:.1f}")
sys.exit(0 if xs and min(xs) >= left - 1 and max(xs) <= right + 1 else 1)
EOF
[ $? -eq 0 ] && ok || bad "a Missing frame leaves the text block: $(cat "$scratch/frames.txt")"
grep -q "^frames [1-9]" "$scratch/frames.txt" && ok || bad "no Missing frame traced: $(cat "$scratch/frames.txt")"
pdfinfo "$scratch/o/report/report.pdf" > "$scratch/info.txt" 2>&1
expect_text "$scratch/info.txt" "Title:           Report of AIExScale'25" "report PDF Title"
expect_text "$scratch/info.txt" "Author:          Orcun Yildiz and Loïc Pottier" "report PDF Author"
expect_exit 1 "lint the archive" -- "$bin" report lint "$scratch/o/arxiv/aiexscale-2025-report.tar.gz"
expect_text "$scratch/out" ": 7 error(s), 2 warning(s)" "lint without --venue: the package's findings only"
expect_exit 1 "lint the archive with its venue" -- "$bin" report lint --no-compile --venue "$src/metadata/aiexscale-2025" "$scratch/o/arxiv/aiexscale-2025-report.tar.gz"
expect_text "$scratch/out" "error: TIME_BACKWARDS: the report retells a program slip" "lint --venue checks the program"
expect_exit 1 "lint the folder, no compile" -- "$bin" report lint --no-compile "$scratch/o/arxiv/source"
grep -qF '"Lo\\\"{\\i}c Pottier"' "$scratch/o/arxiv/metadata.json" && ok || bad "accent lost in metadata.json: $(grep -A3 authors "$scratch/o/arxiv/metadata.json")"

# the same event with every part written: the package passes
cp -r "$src/metadata/aiexscale-2025" "$scratch/filled"
# the chair confirms the closing's time as published (the slip stays in the program, confirmed)
sed -i 's/^      kind: closing$/      kind: closing\n      confirmed: [TIME_BACKWARDS]/' "$scratch/filled/workshop.yaml"
grep -q "confirmed: \[TIME_BACKWARDS\]" "$scratch/filled/workshop.yaml" && ok || bad "could not confirm the slip in the copy"
mkdir -p "$scratch/filled/report/talks"
for part in discussion findings future; do
  printf 'The chairs wrote this part (%s) after the event; it cites the symposium page [@aiexscale2025program].\n' "$part" > "$scratch/filled/report/$part.md"
done
for id in featured invited-1 invited-2 invited-3; do
  printf 'The speaker presented the work; the chairs summarise it here (%s).\n' "$id" > "$scratch/filled/report/talks/$id.md"
done
expect_exit 0 "report with every part written" -- "$bin" report --venue "$scratch/filled" --out "$scratch/of"
expect_text "$scratch/out" "lint: $scratch/of/arxiv/aiexscale-2025-report.tar.gz: 0 error(s), 0 warning(s)" "filled package passes"
expect_exit 0 "lint the filled archive" -- "$bin" report lint "$scratch/of/arxiv/aiexscale-2025-report.tar.gz"
expect_exit 0 "lint the filled archive with its confirmed program" -- "$bin" report lint --no-compile --venue "$scratch/filled" "$scratch/of/arxiv/aiexscale-2025-report.tar.gz"
# every part written, but the slip not confirmed: the package is not ready
expect_exit 1 "filled package, unconfirmed program" -- "$bin" report lint --no-compile --venue "$src/metadata/aiexscale-2025" "$scratch/of/arxiv/aiexscale-2025-report.tar.gz"
expect_text "$scratch/out" ": 1 error(s), 0 warning(s)" "only the slip is left"
cp -r "$scratch/o/arxiv/source" "$scratch/broken"
touch "$scratch/broken/report.log"
expect_exit 1 "lint a broken folder" -- "$bin" report lint --no-compile "$scratch/broken"
expect_text "$scratch/out" "report.log: error: BYPRODUCT: a build byproduct: remove it from the package" "finding names file and fix"
expect_exit 3 "lint a missing input" -- "$bin" report lint "$scratch/none.tar.gz"
expect_text "$scratch/err" "none.tar.gz: no such file or folder" "missing input message"
printf 'text' > "$scratch/notes.txt"
expect_exit 3 "lint a non-archive" -- "$bin" report lint "$scratch/notes.txt"
expect_exit 2 "unknown venue" -- "$bin" report --venue "$scratch/nowhere" --out "$scratch/o2"

# issue 24 item 16: arXiv receives the archive alone; without metadata.json beside it the missing parts still fail
mkdir -p "$scratch/alone"
cp "$scratch/o/arxiv/aiexscale-2025-report.tar.gz" "$scratch/alone/"
expect_exit 1 "lint the unfinished archive alone" -- "$bin" report lint --no-compile "$scratch/alone/aiexscale-2025-report.tar.gz"
expect_text "$scratch/out" ": 7 error(s), 2 warning(s)" "the archive alone: seven PLACEHOLDER errors"
[ "$(grep -c "error: PLACEHOLDER" "$scratch/out")" -eq 7 ] && ok || bad "the archive alone: $(tail -3 "$scratch/out")"

# issue 24 item 17: a Missing note on a 50 000-character line once crashed lint (std::regex's recursion, exit 139)
cp -r "$scratch/of/arxiv/source" "$scratch/long"
cp "$scratch/of/arxiv/metadata.json" "$scratch/long/"  # the form too: the crash was in the rules that once needed it
{ printf '\\textbf{Missing:} the panel '; head -c 50000 /dev/zero | tr '\0' 'x'; printf '\n'; } > "$scratch/line.tex"
python3 -c 'import sys; p, line = sys.argv[1], open(sys.argv[2]).read(); t = open(p).read(); open(p, "w").write(t.replace("\\end{document}", line + "\\end{document}"))' \
  "$scratch/long/report.tex" "$scratch/line.tex"
[ "$(wc -L < "$scratch/long/report.tex")" -gt 50000 ] && ok || bad "the long line was not written"
expect_exit 1 "lint a 50 000-character Missing line" -- "$bin" report lint --no-compile "$scratch/long"
expect_text "$scratch/out" "report.tex: error: PLACEHOLDER: a part is still missing: the panel xxx" "the long note is a placeholder"
expect_text "$scratch/out" ": 1 error(s), 0 warning(s)" "one finding for the long note"
[ "$(wc -L < "$scratch/out")" -lt 400 ] && ok || bad "the finding is not one short line"

# issue 27 item 8: the wording follows the venue's kind, and each talk has its own summary file
cp -r "$scratch/filled" "$scratch/kind"
sed -i 's/^kind: symposium$/kind: workshop/' "$scratch/kind/workshop.yaml"
# a second talk in the featured session; the old per-session file featured.md must not be told under both talks
sed -i 's/^          slug: keynote-tbd$/          slug: keynote-tbd\n        - {title: A Second Featured Talk, kind: invited, speakers: [Ian Foster], slug: second-featured}/' "$scratch/kind/workshop.yaml"
grep -q "slug: second-featured" "$scratch/kind/workshop.yaml" && ok || bad "could not add the second talk"
printf 'The session summary (old layout) of the featured session.\n' > "$scratch/kind/report/talks/featured.md"
rm "$scratch/kind/report/talks/invited-1.md"
printf 'The summary of the first invited talk, in its own file.\n' > "$scratch/kind/report/talks/invited-talk-1.md"
"$bin" report --venue "$scratch/kind" --out "$scratch/okind" > "$scratch/out" 2> "$scratch/err"
tex=$scratch/okind/report/report.tex
expect_text "$tex" "The workshop took place on" "a workshop's report says workshop"
grep -q "The symposium took place" "$tex" && bad "a workshop's report says symposium" || ok
[ "$(grep -c "The session summary (old layout)" "$tex")" -eq 1 ] && ok ||
  bad "the session's old summary file is told $(grep -c "The session summary (old layout)" "$tex") times"
expect_text "$tex" "The summary of the first invited talk, in its own file." "report/talks/<talk slug>.md is read"
grep -q "Missing:.*first invited\|report/talks/invited-1.md" "$tex" && bad "the talk's own file was not taken" || ok
expect_text "$scratch/o/report/report.tex" "report/talks/keynote-tbd.md" "a missing summary names the talk's own file"

finish

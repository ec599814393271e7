#!/usr/bin/env bash
# End-to-end tests of `proceedings check` as a chair runs it.
# usage: check.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
fx=$build/fixtures ms=$build/manuscripts/exhetai-2025 venue=$src/metadata/exhetai-2025


# version and help
expect_exit 0 "--version" -- "$bin" --version
expect_text "$scratch/out" "proceedings 0.1.0" "--version prints the version"
expect_exit 0 "check --help" -- "$bin" check --help
for opt in --venue --pages --paper --columns --template --review --json --jobs "Exit status"; do
  expect_text "$scratch/out" "$opt" "check --help documents $opt"
done
expect_exit 2 "no subcommand" -- "$bin"

# verdicts and exit codes
expect_exit 0 "bundled manuscripts pass" -- "$bin" check --venue "$venue" "$ms"
expect_text "$scratch/out" "omnifed.pdf" "a folder stands for its PDFs"
expect_exit 1 "a failing paper" -- "$bin" check --venue "$venue" "$fx/body5.pdf" "$fx/body7.pdf"
expect_text "$scratch/out" "PAGES_OVER (error) The paper has 7 pages" "the failing paper's reason"
expect_exit 3 "an unreadable paper" -- "$bin" check --venue "$venue" "$fx/body7.pdf" "$fx/empty.pdf"
expect_text "$scratch/out" "empty file (0 bytes)" "the unreadable paper's reason"
expect_exit 0 "flags alone: 5-7 pages" -- "$bin" check --pages 5-7 --paper letter --columns 2 "$fx/body7.pdf"
expect_exit 1 "flags override the venue" -- "$bin" check --venue "$venue" --pages 6-6 "$fx/body5.pdf"
expect_exit 0 "--paper a4 overrides the venue" -- "$bin" check --venue "$venue" --paper a4 "$fx/a4.pdf"

# usage errors: one line naming what is wrong
expect_exit 2 "bad page range" -- "$bin" check --pages 7-5 "$fx/body5.pdf"
expect_text "$scratch/err" "proceedings: --pages: '7-5' has its minimum above its maximum" "page range message"
[ "$(wc -l < "$scratch/err")" -eq 1 ] && ok || bad "usage error is one line"
expect_exit 2 "unknown paper size" -- "$bin" check --paper legal "$fx/body5.pdf"
expect_exit 2 "venue without workshop.yaml" -- "$bin" check --venue "$scratch" "$fx/body5.pdf"
expect_text "$scratch/err" "is not a workshop folder: no workshop.yaml in it" "venue message"
expect_exit 2 "venue without rules" -- "$bin" check --venue "$src/metadata/aiexscale-2025" "$fx/body5.pdf"
expect_exit 3 "missing input" -- "$bin" check "$scratch/nope.pdf"
expect_text "$scratch/out" "nope.pdf error   no such file" "missing input: its own row with the reason"
mkdir "$scratch/empty-folder"
expect_exit 3 "folder without PDFs" -- "$bin" check "$scratch/empty-folder"

# the JSON contract
# (42 fixtures: the five acm-* ones are checked for placeholders only here, being none of ExHetAI'25's papers)
expect_exit 3 "json run (the fixtures include unreadable files)" -- "$bin" check --json --venue "$venue" "$fx"
cp "$scratch/out" "$scratch/all.json"
jq -e '.papers | length == 42' "$scratch/all.json" > /dev/null && ok || bad "json lists every fixture"
jq -e '[.papers[] | select(.verdict != "error") | has("file","verdict","pages","body_pages","bibliography_pages","references_start","paper","columns","template","fonts","problems")] | all' \
  "$scratch/all.json" > /dev/null && ok || bad "json keys"
jq -e '.papers[] | select(.file | endswith("/full6-refs8.pdf")) | .verdict == "pass" and .pages == 8 and .body_pages == 6 and .references_start.page == 7' \
  "$scratch/all.json" > /dev/null && ok || bad "json full6-refs8"
jq -e '.papers[] | select(.file | endswith("/unsafe.pdf")) | [.problems[].code] == ["UNSAFE_JAVASCRIPT","UNSAFE_LAUNCH"]' \
  "$scratch/all.json" > /dev/null && ok || bad "json unsafe codes"
jq -e '.papers[] | select(.file | endswith("/locked.pdf")) | .verdict == "error" and .problems[0].code == "UNREADABLE"' \
  "$scratch/all.json" > /dev/null && ok || bad "json locked"
jq -e '[.papers[].verdict] | group_by(.) | map({(.[0]): length}) | add == {"error": 4, "fail": 27, "pass": 11}' \
  "$scratch/all.json" > /dev/null && ok || bad "json verdict counts: $(jq -c '[.papers[].verdict] | group_by(.) | map({(.[0]): length}) | add' "$scratch/all.json")"

# overfull lines warn, a changed text block fails, every acmart format is named
jq -e '.papers[] | select(.file | endswith("/overfull-lines.pdf")) | .verdict == "pass" and ([.problems[].code] == ["OVERFULL_LINE","OVERFULL_LINE"])' \
  "$scratch/all.json" > /dev/null && ok || bad "json overfull lines are warnings"
jq -e '.papers[] | select(.file | endswith("/geometry.pdf")) | [.problems[] | select(.severity == "error") | .code] == ["MARGINS"]' \
  "$scratch/all.json" > /dev/null && ok || bad "json changed geometry fails MARGINS"
for format in sigplan acmtog acmsmall acmlarge sigchi-a acmengage; do
  jq -e --arg f "$format" '.papers[] | select(.file | endswith("/format-" + $f + ".pdf")) | .template.format == $f and ([.problems[].code] | index("TEMPLATE_FORMAT") != null)' \
    "$scratch/all.json" > /dev/null && ok || bad "json format-$format.pdf is named $format and fails a sigconf venue"
done
jq -e '.papers[] | select(.file | endswith("/authordraft.pdf")) | ([.problems[].code] | index("DRAFT_MODE") != null) and .body_pages == 5' \
  "$scratch/all.json" > /dev/null && ok || bad "json authordraft fails DRAFT_MODE, overlay not body"
jq -e '.papers[] | select(.file | endswith("/manuscript-review.pdf")) | ([.problems[].code] | index("REVIEW_MODE") != null and index("OVERFULL_LINE") == null and index("MARGINS") == null)' \
  "$scratch/all.json" > /dev/null && ok || bad "json manuscript,review: REVIEW_MODE, its line numbers are no overfull lines"
jq -e '.papers[] | select(.file | endswith("/type3-fonts.pdf")) | .verdict == "pass" and .fonts.type3 == 1 and [.problems[].code] == ["TYPE3_FONTS"]' \
  "$scratch/all.json" > /dev/null && ok || bad "json a bitmap font warns TYPE3_FONTS"
jq -e '.papers[] | select(.file | endswith("/unsafe-more.pdf")) | [.problems[].code] == ["UNSAFE_EMBEDDED_FILE","UNSAFE_IMPORT_DATA","UNSAFE_REMOTE_GOTO","UNSAFE_RICH_MEDIA","UNSAFE_SUBMIT_FORM"]' \
  "$scratch/all.json" > /dev/null && ok || bad "json the other unsafe codes"

jq -e '.papers[] | select(.file | endswith("/word-interim-pass.pdf")) | .verdict == "pass" and .template.class == "acm-word" and .template.format == "interim"' \
  "$scratch/all.json" > /dev/null && ok || bad "json Word interim layout passes ExHetAI as acm-word interim"

# evidence authors can see: annotated copies of the failing papers and one HTML page
ev=$scratch/evidence
expect_exit 1 "--annotate and --html" -- "$bin" check --venue "$venue" --annotate "$ev/annotated" --html "$ev/report.html" \
  "$fx/geometry.pdf" "$fx/overfull-lines.pdf" "$fx/body7.pdf" "$fx/word-interim-margins.pdf"
[ -f "$ev/annotated/geometry.pdf" ] && [ -f "$ev/annotated/body7.pdf" ] && [ -f "$ev/annotated/word-interim-margins.pdf" ] &&
  [ ! -e "$ev/annotated/overfull-lines.pdf" ] && ok || bad "annotated copies of the failing papers only: $(ls "$ev/annotated")"
for f in geometry body7 word-interim-margins; do
  qpdf --check "$ev/annotated/$f.pdf" > /dev/null 2>&1 && ok || bad "qpdf --check $f.pdf (annotated)"
done
qpdf --qdf --object-streams=disable "$ev/annotated/geometry.pdf" "$scratch/geometry.qdf" 2> /dev/null
[ "$(grep -a -c '/Subtype /Square' "$scratch/geometry.qdf")" -ge 2 ] && [ "$(grep -a -c '/Subtype /Text' "$scratch/geometry.qdf")" -ge 2 ] &&
  ok || bad "annotated geometry.pdf: squares and notes"
grep -a -q -F 'MARGINS \(error\): The text block runs from' "$scratch/geometry.qdf" && ok || bad "the page-1 note lists the problems"
pdftoppm -f 1 -l 1 -r 40 -png "$fx/geometry.pdf" "$scratch/plain" && pdftoppm -f 1 -l 1 -r 40 -png "$ev/annotated/geometry.pdf" "$scratch/marked"
cmp -s "$scratch/plain-1.png" "$scratch/marked-1.png" && bad "pdftoppm shows no annotations" || ok
[ "$(sha256sum < "$fx/geometry.pdf")" != "$(sha256sum < "$ev/annotated/geometry.pdf")" ] && ok || bad "annotated copy equals the input"
expect_exit 2 "--annotate into the inputs' folder" -- "$bin" check --venue "$venue" --annotate "$fx" "$fx/body7.pdf"
# A file there that is not a PDF (a note the chair keeps beside the copies) is not replaced either.
mkdir -p "$scratch/ann-notes" && echo "my notes" > "$scratch/ann-notes/body7.pdf"
expect_exit 2 "--annotate over a file that is not a PDF" -- "$bin" check --venue "$venue" --annotate "$scratch/ann-notes" "$fx/body7.pdf"
expect_text "$scratch/err" "exists and is not a PDF" "the file is named"
[ "$(cat "$scratch/ann-notes/body7.pdf")" = "my notes" ] && ok || bad "--annotate replaced a file that is not a PDF"
[ "$(grep -c '<img ' "$ev/report.html")" -eq $((5 + 5 + 7 + 6)) ] && ok || bad "one page image per page: $(grep -c '<img ' "$ev/report.html")"
grep -q '<script' "$ev/report.html" && bad "the report needs no JavaScript" || ok
grep -q 'class="mark hit' "$ev/report.html" && grep -q 'class="mark block' "$ev/report.html" && grep -q 'class="mark refs' "$ev/report.html" &&
  ok || bad "the report draws problems, the template block and the references start"
expect_valid_html "$ev/report.html" "html-validate"
if command -v chromium > /dev/null; then
  timeout 90 chromium --headless --no-sandbox --disable-gpu --window-size=1200,900 --screenshot="$scratch/report.png" \
    "file://$ev/report.html" > /dev/null 2>&1
  [ -s "$scratch/report.png" ] && ok || bad "headless Chromium renders the report"
fi

# one job and two jobs agree; piped output carries no progress line
"$bin" check --json --jobs 1 --venue "$venue" "$fx" > "$scratch/one.json" 2> "$scratch/one.err"
"$bin" check --json --jobs 2 --venue "$venue" "$fx" > "$scratch/two.json" 2> "$scratch/two.err"
cmp -s "$scratch/one.json" "$scratch/two.json" && ok || bad "--jobs 1 and --jobs 2 differ"
[ ! -s "$scratch/one.err" ] && [ ! -s "$scratch/two.err" ] && ok || bad "stderr not quiet when piped"

# PDFs that lie or cost much (issue 24 items 4, 9, 23), written by hand or
# with qpdf; the old reader is bounded by `timeout` and `prlimit` so that it
# fails rather than hangs
hostile=$scratch/hostile && mkdir -p "$hostile"
python3 "$src/tests/support/hostile_pdf.py" shared-pages 100000 "$hostile/shared.pdf"
python3 "$src/tests/support/hostile_pdf.py" big-pages 10 14400 "$hostile/big.pdf"
qpdf --qdf --object-streams=disable "$fx/body7.pdf" "$scratch/body7.qdf"
python3 "$src/tests/support/hostile_pdf.py" count-off -1 "$scratch/body7.qdf" "$hostile/count6.pdf"
# qpdf 11.3 keeps the object streams of the pages it drops and the entries that name them
qpdf "$fx/body7.pdf" --pages "$fx/body7.pdf" 1-3 -- "$hostile/first3.pdf"
qpdf --check "$hostile/first3.pdf" > /dev/null 2>&1 && ok || bad "qpdf finds first3.pdf damaged"
started=$(date +%s%N)
expect_exit 1 "100 000 pages naming one page object" -- timeout 20 "$bin" check --json "$hostile/shared.pdf"
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
[ "$elapsed_ms" -lt 5000 ] && ok || bad "100 000 shared pages took ${elapsed_ms} ms"
jq -e '.papers[0] | .pages == 1000 and ([.problems[].code] | index("PAGE_LIMIT"))' "$scratch/out" > /dev/null && ok ||
  bad "the page limit is in the verdict: $(head -c 300 "$scratch/out")"
echo "100 000 shared pages: ${elapsed_ms} ms"
expect_exit 1 "ten 14 400-pt pages into --html, in 200 MB" -- prlimit --as=$((200 * 1024 * 1024)) \
  timeout 60 "$bin" check --html "$hostile/big.html" "$hostile/big.pdf"
[ "$(stat -c %s "$hostile/big.html")" -lt 400000 ] && ok || bad "the report of ten huge pages is $(stat -c %s "$hostile/big.html") bytes"
[ "$(grep -c '<img ' "$hostile/big.html")" -eq 10 ] && ok || bad "every huge page has its small image"
expect_exit 1 "a 7-page PDF whose /Count says 6" -- "$bin" check --json --venue "$venue" "$hostile/count6.pdf"
jq -e '.papers[0] | .pages == 7 and ([.problems[].code] | index("PAGES_OVER")) and ([.problems[].code] | index("REPAIRED"))' \
  "$scratch/out" > /dev/null && ok || bad "the lying page tree is counted by walking it: $(head -c 400 "$scratch/out")"
expect_exit 0 "the first 3 pages of a paper as qpdf 11.3 writes them" -- "$bin" check --json "$hostile/first3.pdf"
jq -e '.papers[0] | .verdict == "pass" and .pages == 3 and ([.problems[] | select(.code == "REPAIRED") | .message | test("not found in its object stream")] | any)' \
  "$scratch/out" > /dev/null && ok || bad "a file MuPDF cannot read is read through qpdf: $(head -c 400 "$scratch/out")"
expect_exit 1 "--html and --annotate of a repaired file" -- "$bin" check --pages 5- --html "$hostile/first3.html" \
  --annotate "$hostile/marked" "$hostile/first3.pdf"
[ "$(grep -c '<img ' "$hostile/first3.html")" -eq 3 ] && ok || bad "the repaired file's pages are drawn"
qpdf --check "$hostile/marked/first3.pdf" > /dev/null 2>&1 && ok || bad "the repaired file's annotated copy"

# two inputs with one file name get two annotated copies (issue 24 item 22)
mkdir -p "$scratch/same/a" "$scratch/same/b"
cp "$fx/geometry.pdf" "$scratch/same/a/paper.pdf" && cp "$fx/body7.pdf" "$scratch/same/b/paper.pdf"
expect_exit 1 "two failing papers named paper.pdf" -- "$bin" check --venue "$venue" --annotate "$scratch/same/marked" \
  "$scratch/same/a/paper.pdf" "$scratch/same/b/paper.pdf"
[ "$(ls "$scratch/same/marked")" = "$(printf 'a-paper.pdf\nb-paper.pdf')" ] && ok || bad "distinct copies: $(ls "$scratch/same/marked")"
grep -a -q -F 'MARGINS \(error\)' <(qpdf --qdf --object-streams=disable "$scratch/same/marked/a-paper.pdf" - 2> /dev/null) &&
  grep -a -q -F 'PAGES_OVER \(error\)' <(qpdf --qdf --object-streams=disable "$scratch/same/marked/b-paper.pdf" - 2> /dev/null) &&
  ok || bad "each copy carries its own paper's problems"

# inputs are never written to
before=$(cd "$fx" && sha256sum ./*.pdf | sha256sum)
"$bin" check --venue "$venue" "$fx" > /dev/null 2>&1
after=$(cd "$fx" && sha256sum ./*.pdf | sha256sum)
[ "$before" = "$after" ] && ok || bad "check changed its inputs"

finish

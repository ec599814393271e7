#!/usr/bin/env bash
# End-to-end tests of `proceedings status` (issue 27 item 4): one line per
# paper (upload, verdict at the stage, rights and DOI, last notice, pages in
# the last book), a summary, --json, --html; exit 0 only when all are ready.
# usage: status.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
ms=$build/manuscripts/exhetai-2025 fx=$build/fixtures

venue=$scratch/venue
cp -r "$src/metadata/exhetai-2025" "$venue"
rm -rf "$venue/papers" "$venue/.proceedings" "$venue/out"
# omnifed's rights are recorded (ACM answered), its DOI not yet
python3 - "$venue/papers.yaml" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace("    source: omnifed\n", "    source: omnifed\n    rights: acmlicensed\n")
open(path, "w", encoding="utf-8").write(text)
PY
mkdir -p "$venue/papers"
cp "$ms/wages.pdf" "$venue/papers/wages.pdf"
cp "$ms/omnifed.pdf" "$venue/papers/omnifed.pdf"
cp "$fx/body7.pdf" "$venue/papers/sparse-wse.pdf"        # fails: 7 body pages, and not acmart
cp "$fx/no-references.pdf" "$venue/papers/notes.pdf"     # no paper's file at all
mkdir -p "$venue/.proceedings"
printf '%s\n' '{"time":"2026-12-06T18:40:05Z","paper":"sparse-wse","stage":"camera-ready","verdict":"fail","codes":["PAGES_OVER"],"to":["zheng@example.org"],"sha256":"00","message_id":"<1@example.org>"}' \
  > "$venue/.proceedings/sent.jsonl"

expect_exit 1 "a season with a failing and a missing paper" -- "$bin" status --venue "$venue"
cp "$scratch/out" "$scratch/status.txt"
expect_text "$scratch/out" "status of exhetai-2025 at the camera-ready stage" "the stage is printed"
expect_text "$scratch/out" "4 papers: 2 ready, 1 failing, 1 missing; 4 without rights or DOI recorded; 1 file(s) in papers/ taken for no paper" "the summary"
grep -E '^sparse-wse +failing +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{5}, [0-9]+ KB, [0-9a-f]{12} +fail: [A-Z_, ]*PAGES_OVER' "$scratch/out" > /dev/null \
  && ok || bad "the failing paper's line: $(grep '^sparse-wse' "$scratch/out")"
grep -E '^sparse-wse .*2026-12-06 18:40 \(fail: PAGES_OVER\)' "$scratch/out" > /dev/null && ok || bad "the last notice from the sent-log"
grep -E '^chatport +missing +no upload' "$scratch/out" > /dev/null && ok || bad "the missing paper"
grep -E '^omnifed +ready .* pass .*acmlicensed, no DOI' "$scratch/out" > /dev/null && ok || bad "rights recorded, DOI not: $(grep '^omnifed' "$scratch/out")"
grep -E '^wages +ready .*no rights, no DOI +none sent +not in the book' "$scratch/out" > /dev/null && ok || bad "wages' line: $(grep '^wages' "$scratch/out")"
expect_text "$scratch/out" "notes.pdf: matches no paper of papers.yaml" "a stray file in papers/ is named"
hash=$(sha256sum "$venue/papers/wages.pdf" | cut -c1-12)
grep -E "^wages .*$hash" "$scratch/out" > /dev/null && ok || bad "the upload's short hash"

# --json: the same facts for programs
expect_exit 1 "json" -- "$bin" status --venue "$venue" --json
jq -e '.stage == "camera-ready" and .summary == {"papers":4,"ready":2,"failing":1,"missing":1,"without_rights_or_doi":4,"text":.summary.text}' \
  "$scratch/out" > /dev/null && ok || bad "json summary: $(jq -c .summary "$scratch/out")"
jq -e '.papers[] | select(.id == "sparse-wse") | .verdict == "fail" and (.errors | index("PAGES_OVER")) and .last_notice.codes == ["PAGES_OVER"] and .upload.how == "file name"' \
  "$scratch/out" > /dev/null && ok || bad "json: the failing paper"
jq -e '.papers[] | select(.id == "omnifed") | .waiting_for == ["DOI"] and .rights == "acmlicensed"' "$scratch/out" > /dev/null && ok || bad "json: waiting for the DOI"
jq -e '.papers[] | select(.id == "chatport") | .upload == null and .state == "missing"' "$scratch/out" > /dev/null && ok || bad "json: missing"
jq -e '.not_taken | length == 1' "$scratch/out" > /dev/null && ok || bad "json: the stray file"

# --stage submission is printed and applied
expect_exit 1 "the submission stage" -- "$bin" status --venue "$venue" --stage submission
expect_text "$scratch/out" "at the submission stage" "the stage asked for"
expect_exit 2 "an unknown stage" -- "$bin" status --venue "$venue" --stage final

# a damaged sent-log is one line naming file and line
printf 'not json\n' >> "$venue/.proceedings/sent.jsonl"
expect_exit 3 "a damaged sent-log" -- "$bin" status --venue "$venue"
expect_text "$scratch/err" "sent.jsonl:2: is not a sent notice" "the damaged line is named"
[ "$(wc -l < "$scratch/err")" -eq 1 ] && ok || bad "one line on stderr"
head -1 "$venue/.proceedings/sent.jsonl" > "$scratch/log" && cp "$scratch/log" "$venue/.proceedings/sent.jsonl"

# The HTML page: html-validate passes, Chromium renders it
expect_exit 1 "html" -- "$bin" status --venue "$venue" --html "$scratch/status.html"
grep -q 'Status of ExHetAI' "$scratch/status.html" && ok || bad "the page names the venue"
grep -q 'camera-ready stage' "$scratch/status.html" && ok || bad "the page names the stage"
expect_valid_html "$scratch/status.html" "html-validate"
expect_renders "$scratch/status.html" "the status page" 1200,900 390,844

# Every paper ready: all four pass at a venue ACM does not publish; exit 0,
# and a file named by its author is matched by its title
python3 - "$venue/workshop.yaml" <<'PY'
import sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
out, skipping = [], False
for line in lines:
    if line.startswith("acm:"):
        skipping = True
        continue
    if skipping and (line.startswith(" ") or line == ""):
        continue
    skipping = False
    out.append(line)
open(path, "w", encoding="utf-8").write("\n".join(out))
PY
rm "$venue/papers/notes.pdf"
cp "$ms/sparse-wse.pdf" "$venue/papers/sparse-wse.pdf"
cp "$ms/chatport.pdf" "$venue/papers/chatport-camera.pdf"
expect_exit 0 "every paper ready" -- "$bin" status --venue "$venue"
expect_text "$scratch/out" "4 papers: 4 ready, 0 failing, 0 missing" "all ready"
expect_text "$scratch/out" "(chatport-camera.pdf, by title)" "how the upload was matched"

# The last book: build's manifest gives each paper's pages; a newer upload is marked
if "$bin" build --venue "$venue" --papers "$ms" --out "$venue/out" > "$scratch/build.out" 2>&1; then
  ok
  expect_exit 0 "with a book" -- "$bin" status --venue "$venue" --json
  jq -e '[.papers[].book.first_page] | all(. != null and . >= 1)' "$scratch/out" > /dev/null && ok || bad "every paper's pages in the book"
  first=$(jq -r '.papers[] | select(.paper == null or true) | select(.id == "wages") | "pp. \(.book.first_page)-\(.book.last_page)"' "$scratch/out")
  manifest_pages=$(jq -r '.papers[] | select(.id == "wages") | "pp. \(.pages.first)-\(.pages.last)"' "$venue/out/bundle/manifest.json")
  [ "$first" = "$manifest_pages" ] && ok || bad "wages' pages as the manifest lists them: $first vs $manifest_pages"
  touch -d "+1 minute" "$venue/papers/wages.pdf"
  expect_exit 0 "a newer upload" -- "$bin" status --venue "$venue"
  grep -E '^wages .*\(upload newer\)' "$scratch/out" > /dev/null && ok || bad "the newer upload is marked: $(grep '^wages' "$scratch/out")"
else
  bad "build of the ready venue: $(tail -c 400 "$scratch/build.out")"
fi

finish

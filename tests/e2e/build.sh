#!/usr/bin/env bash
# End-to-end tests of `proceedings build`: the bundled ExHetAI'25 papers into
# a book, an unchanged rebuild, the same bundle whatever --jobs, the check
# gate, and the usage errors; and the
# program page printing times and names as the booklet does.
# usage: build.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
ex=$src/metadata/exhetai-2025 papers=$build/manuscripts/exhetai-2025 out=$scratch/book-out

expect_exit 0 "build --help" -- "$bin" build --help
for opt in --venue --papers --out --force --timings "Exit status: 0 built or up to date" "5 another build is writing OUT."; do
  expect_text "$scratch/out" "$opt" "help documents $opt"
done

# usage errors: no papers folder, no venue, a papers folder that is not one
expect_exit 2 "no --papers" -- "$bin" build --venue "$ex" --out "$out"
expect_text "$scratch/err" "--papers is required" "--papers named"
(cd "$scratch" && "$bin" build --papers "$papers" --out "$out" > "$scratch/out" 2> "$scratch/err"); [ $? -eq 2 ] && ok || bad "no venue: not a usage error"
expect_text "$scratch/err" "proceedings: --venue: not given, and the current folder has no workshop.yaml" "--venue named"
expect_exit 2 "papers folder missing" -- "$bin" build --venue "$ex" --papers "$scratch/nowhere" --out "$out"
expect_text "$scratch/err" "$scratch/nowhere: is not a folder of camera-ready PDFs" "missing papers folder named"
[ ! -e "$out/bundle" ] && ok || bad "a failed run wrote a bundle"

# the book, then an unchanged rebuild that does nothing
expect_exit 0 "build ExHetAI" -- "$bin" build --venue "$ex" --papers "$papers" --out "$out"
expect_text "$scratch/out" "build: wrote $out/bundle/exhetai-2025-bundle.zip" "bundle written"
# Issue 25 item 13: what ACM's copyright page cannot print yet is said, not printed as "(rights not recorded yet)"
expect_text "$scratch/err" "build: warning: $ex/papers.yaml: the rights of 4 paper(s) are not recorded yet (sparse-wse, wages, omnifed, chatport)" "unrecorded rights warned"
expect_text "$scratch/err" "build: warning: $ex/workshop.yaml: acm.isbn is not recorded yet" "unrecorded ISBN warned"
book=$out/bundle/exhetai-2025-proceedings.pdf
pdftotext -f 2 -l 2 "$book" "$scratch/copyright.txt"
expect_text "$scratch/copyright.txt" "by the Association for Computing Machinery, Inc. (ACM)" "ACM's copyright notice"
expect_text "$scratch/copyright.txt" "permissions@acm.org" "ACM's permission paragraph"
expect_text "$scratch/copyright.txt" "ACM Order Department" "ACM's ordering information"
grep -q "not recorded" "$scratch/copyright.txt" && bad "the copyright page prints what is not recorded" || ok
[ -s "$book" ] && ok || bad "no book"
pdfinfo "$book" > "$scratch/info" && ok || bad "book does not open"
expect_text "$scratch/info" "612 x 792 pts" "letter pages"
unzip -Z1 "$out/bundle/exhetai-2025-bundle.zip" > "$scratch/members" 2> /dev/null
for member in exhetai-2025-proceedings.pdf manifest.json exhetai-2025.bib papers/wages.pdf; do expect_text "$scratch/members" "$member" "bundle holds $member"; done
expect_exit 0 "unchanged rebuild" -- "$bin" build --venue "$ex" --papers "$papers" --out "$out"
expect_text "$scratch/out" "is up to date; nothing to do" "nothing redone"

# the global --jobs, before or after the subcommand: the same bundle on one task at a time
expect_exit 0 "--jobs 1 before build" -- "$bin" --jobs 1 build --venue "$ex" --papers "$papers" --out "$scratch/one-job"
expect_exit 0 "build --jobs 1" -- "$bin" build --jobs 1 --venue "$ex" --papers "$papers" --out "$scratch/one-job-after"
for f in exhetai-2025-proceedings.pdf manifest.json papers/wages.pdf; do
  cmp -s "$out/bundle/$f" "$scratch/one-job/bundle/$f" && ok || bad "--jobs 1 and the default build differ in $f"
  cmp -s "$out/bundle/$f" "$scratch/one-job-after/bundle/$f" && ok || bad "build --jobs 1 differs in $f"
done
expect_exit 2 "--jobs 0" -- "$bin" --jobs 0 build --venue "$ex" --papers "$papers" --out "$scratch/no-jobs"
expect_text "$scratch/err" "--jobs" "--jobs 0 refused, naming the option"

# the program page: one time format and one name list, as in the booklet
pdftotext "$out/bundle/exhetai-2025-frontmatter.pdf" "$scratch/book.txt"  # the program page is in the front matter
expect_exit 0 "booklet" -- "$bin" booklet --venue "$ex" --out "$scratch/b" --format pdf
pdftotext "$scratch/b/booklet/exhetai-2025-program.pdf" "$scratch/booklet.txt"
for f in book booklet; do
  expect_text "$scratch/$f.txt" "9:00–9:10" "$f prints 9:00–9:10"
  grep -q "09:00" "$scratch/$f.txt" && bad "$f prints 09:00" || ok
done

# papers that lie about their pages or that MuPDF cannot read (issue 24 items 9, 23):
# sparse-wse's page tree says one page fewer than it holds; omnifed is its
# first 5 pages as qpdf 11.3 writes them, with entries that name dropped objects
mkdir -p "$scratch/odd" && cp "$papers"/*.pdf "$scratch/odd/"
qpdf --qdf --object-streams=disable "$papers/sparse-wse.pdf" "$scratch/sparse-wse.qdf"
python3 "$src/tests/support/hostile_pdf.py" count-off -1 "$scratch/sparse-wse.qdf" "$scratch/odd/sparse-wse.pdf"
qpdf "$papers/omnifed.pdf" --pages "$papers/omnifed.pdf" 1-5 -- "$scratch/odd/omnifed.pdf"
real_pages() { qpdf --json --json-key=pages "$1" | jq '.pages | length'; }
expect_exit 0 "build with a miscounted and a MuPDF-unreadable paper" -- "$bin" build --venue "$ex" --papers "$scratch/odd" --out "$scratch/out-odd"
odd=$scratch/out-odd/bundle
[ "$(real_pages "$odd/exhetai-2025-proceedings.pdf")" -eq $(( $(real_pages "$book") - 1 )) ] && ok ||
  bad "the book has $(real_pages "$odd/exhetai-2025-proceedings.pdf") pages, the honest one $(real_pages "$book") less omnifed's 6th"
jq -r '.papers[] | "\(.id) \(.book_pages.first) \(.book_pages.last)"' "$odd/manifest.json" | sort -n -k2 > "$scratch/ranges"
previous=$(jq '.front_matter_pages' "$odd/manifest.json")
while read -r id first last; do
  [ "$first" -eq $((previous + 1)) ] && [ $((last - first + 1)) -eq "$(real_pages "$scratch/odd/$id.pdf")" ] && ok ||
    bad "$id is on book pages $first-$last after page $previous, but has $(real_pages "$scratch/odd/$id.pdf") pages"
  previous=$last
done < "$scratch/ranges"
[ "$(pdfinfo "$odd/papers/sparse-wse.pdf" | awk '/^Pages:/ {print $2}')" -eq 5 ] && ok || bad "the stamped sparse-wse.pdf does not show its 5 pages"
for p in 7 11; do
  cmp -s <(pdftotext -f $p -l $p "$book" -) <(pdftotext -f $p -l $p "$odd/exhetai-2025-proceedings.pdf" -) && ok ||
    bad "book page $p (sparse-wse) differs from the honest book's"
done

# a TeX run that times out is not run again (issue 24 item 5): a pdflatex
# that never ends, under a 2 s limit
mkdir -p "$scratch/slow-tex"
cat > "$scratch/slow-tex/pdflatex" <<SH
#!/bin/sh
echo run >> "$scratch/slow-tex/runs"
exec sleep 600
SH
chmod +x "$scratch/slow-tex/pdflatex"
started=$(date +%s)
expect_exit 4 "a TeX run past its limit" -- env PATH="$scratch/slow-tex:$PATH" PROCEEDINGS_TEX_TIMEOUT=2 \
  timeout 30 "$bin" build --venue "$ex" --papers "$papers" --out "$scratch/out-slow"
expect_text "$scratch/err" "pdflatex: timed out after 2 s" "the time limit is named"
[ "$(wc -l < "$scratch/slow-tex/runs")" -eq 1 ] && ok || bad "pdflatex ran $(wc -l < "$scratch/slow-tex/runs") times"
[ $(( $(date +%s) - started )) -lt 10 ] && ok || bad "a 2 s TeX limit took $(( $(date +%s) - started )) s"
expect_exit 2 "a PROCEEDINGS_TEX_TIMEOUT that is not a number" -- env PROCEEDINGS_TEX_TIMEOUT=soon \
  "$bin" build --venue "$ex" --papers "$papers" --out "$scratch/out-soon"
expect_text "$scratch/err" "PROCEEDINGS_TEX_TIMEOUT: 'soon' is not a number of seconds" "a bad limit is named"

# the check gate: a paper that fails stops the build, --force builds anyway
mkdir -p "$scratch/failing" && cp "$papers"/*.pdf "$scratch/failing/" && cp "$build/fixtures/body7.pdf" "$scratch/failing/wages.pdf"
expect_exit 1 "a failing paper" -- "$bin" build --venue "$ex" --papers "$scratch/failing" --out "$scratch/out-f"
expect_text "$scratch/err" "build: papers fail the venue's checks (use --force to build anyway, --draft for a draft):" "gate says why"
expect_text "$scratch/err" "PAGES_OVER" "the failing rule is named"
expect_exit 0 "--force" -- "$bin" build --venue "$ex" --papers "$scratch/failing" --out "$scratch/out-f" --force
# a paper's PDF missing
rm "$scratch/failing/omnifed.pdf"
expect_exit 3 "a missing paper" -- "$bin" build --venue "$ex" --papers "$scratch/failing" --out "$scratch/out-m"
expect_text "$scratch/err" "omnifed.pdf: missing: the camera-ready PDF of paper 'omnifed'" "missing paper named"
# --- issue 27 item 7: every missing PDF at once; --draft; the warnings a build passed
rm "$scratch/failing/chatport.pdf"
expect_exit 3 "two missing papers" -- "$bin" build --venue "$ex" --papers "$scratch/failing" --out "$scratch/out-m2"
expect_text "$scratch/err" "$scratch/failing: the camera-ready PDFs of 2 papers are missing: omnifed, chatport" "both missing papers named at once"
# a draft: a placeholder page for each missing (omnifed, chatport) and failing (wages) paper, every page watermarked
expect_exit 0 "build --draft" -- "$bin" build --draft --venue "$ex" --papers "$scratch/failing" --out "$scratch/out-draft"
for line in "build: a DRAFT (every page watermarked), 3 placeholder page(s):" "wages: fails the venue's checks: PAGES_OVER" \
            "omnifed: no camera-ready PDF yet" "chatport: no camera-ready PDF yet"; do
  expect_text "$scratch/out" "$line" "the draft says: $line"
done
draft_book=$scratch/out-draft/bundle/exhetai-2025-proceedings.pdf
pdftotext "$draft_book" "$scratch/draft.txt"
[ "$(grep -c "Placeholder in a draft of the proceedings" "$scratch/draft.txt")" -eq 3 ] && ok ||
  bad "three placeholder pages: $(grep -c "Placeholder in a draft" "$scratch/draft.txt")"
expect_text "$scratch/draft.txt" "Paper ’omnifed’: no camera-ready PDF yet." "the placeholder says why"
jq -r '.papers[] | "\(.id) \(.book_pages.last - .book_pages.first + 1)"' "$scratch/out-draft/bundle/manifest.json" | sort > "$scratch/draft-pages"
[ "$(grep -c " 1$" "$scratch/draft-pages")" -eq 3 ] && ok || bad "a placeholder is one page: $(cat "$scratch/draft-pages")"
# the watermark: outline text (render mode 1) drawn on every paper page
qpdf --qdf --object-streams=disable "$draft_book" "$scratch/draft.qdf"
[ "$(grep -ac " 1 Tr BT " "$scratch/draft.qdf")" -eq "$(jq '[.papers[] | .book_pages.last - .book_pages.first + 1] | add' "$scratch/out-draft/bundle/manifest.json")" ] && ok ||
  bad "a watermark on every paper page: $(grep -ac " 1 Tr BT " "$scratch/draft.qdf")"

# the warnings of papers that pass are in a successful build's summary, also when a rebuild does not check them again
warned=$scratch/warned
mkdir -p "$warned/venue" "$warned/papers"
cat > "$warned/venue/workshop.yaml" <<'YAML'
id: warned-2026
acronym: WARN'26
name: A Workshop Whose Papers Pass With Warnings
kind: workshop
date: 2026-11-16
timezone: America/Chicago
organizers: [Ada Lovelace]
submission:
  template: acmart-sigconf
  paper: letter
  columns: 2
  pages: {min: 5, max: 6, excluding: bibliography}
YAML
cat > "$warned/venue/papers.yaml" <<'YAML'
papers:
  - {id: bitmaps, title: A Paper With Bitmap Fonts, authors: [Ada Lovelace], submission: "hotcrp:3"}
  - {id: overfull, title: A Paper With Overfull Lines, authors: [Charles Babbage]}
YAML
cp "$build/fixtures/type3-fonts.pdf" "$warned/papers/warn26-final3.pdf"  # HotCRP's name for submission 3's final version
cp "$build/fixtures/overfull-lines.pdf" "$warned/papers/overfull.pdf"
expect_exit 0 "a build whose papers pass with warnings" -- "$bin" build --venue "$warned/venue" --papers "$warned/papers" --out "$warned/out"
expect_text "$scratch/out" "build: $warned/papers/warn26-final3.pdf: paper bitmaps (by submission number 3)" "the upload is taken for its paper, and how"
expect_text "$scratch/out" "build: 3 warning(s) of the check in papers that passed:" "the warnings are counted"
expect_text "$scratch/out" "bitmaps: TYPE3_FONTS: " "TYPE3_FONTS in the summary"
expect_text "$scratch/out" "overfull: OVERFULL_LINE: " "OVERFULL_LINE in the summary"
printf '# a comment changes the inputs, not the papers\n' >> "$warned/venue/papers.yaml"
expect_exit 0 "a rebuild that does not check the papers again" -- "$bin" build --venue "$warned/venue" --papers "$warned/papers" --out "$warned/out"
expect_text "$scratch/out" "bitmaps: TYPE3_FONTS: " "TYPE3_FONTS still in the summary"
expect_text "$scratch/out" "overfull: OVERFULL_LINE: " "OVERFULL_LINE still in the summary"

finish

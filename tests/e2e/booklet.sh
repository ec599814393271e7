#!/usr/bin/env bash
# End-to-end tests of `proceedings booklet`, with the page in real headless Chromium.
# usage: booklet.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
ex=$src/metadata/exhetai-2025 ai=$src/metadata/aiexscale-2025 out=$scratch/out-dir

expect_exit 0 "booklet --help" -- "$bin" booklet --help
for opt in --venue --out --format --check --half-letter --force "Exit status"; do expect_text "$scratch/out" "$opt" "help documents $opt"; done

# validation: ExHetAI has warnings only; AIExScale's "12:20 AM" closing is an error
expect_exit 0 "ExHetAI --check" -- "$bin" booklet --venue "$ex" --check
expect_text "$scratch/err" "booklet: ExHetAI'25 program: 0 error(s), 5 warning(s)" "ExHetAI summary"
expect_text "$scratch/err" "warning: NO_END: session 'Closing Remarks' has no end time; calendars and apps give it 10 minutes" "default length said"
expect_text "$scratch/err" "warning: NO_ROOM: the program names no room" "no room said"
expect_exit 1 "AIExScale --check" -- "$bin" booklet --venue "$ai" --check
expect_text "$scratch/err" "error: TIME_BACKWARDS: session 'Closing Remarks' starts at 12:20 AM (0:20)" "the slip is named"
# the chair confirms the closing's time under the session: a warning that says so, no --force needed
cp -r "$ai" "$scratch/ai-confirmed"
sed -i 's/^      kind: closing$/      kind: closing\n      confirmed: [TIME_BACKWARDS]/' "$scratch/ai-confirmed/workshop.yaml"
expect_exit 0 "AIExScale --check, slip confirmed" -- "$bin" booklet --venue "$scratch/ai-confirmed" --check
expect_text "$scratch/err" "warning: TIME_BACKWARDS: session 'Closing Remarks' starts at 12:20 AM (0:20)" "confirmed slip is a warning"
expect_text "$scratch/err" "(confirmed by the chair: TIME_BACKWARDS is in the session's 'confirmed')" "confirmation said"
expect_exit 1 "AIExScale without --force writes nothing" -- "$bin" booklet --venue "$ai" --out "$out"
[ ! -e "$out/booklet/aiexscale-2025-program.ics" ] && ok || bad "files written despite errors"
expect_exit 0 "AIExScale with --force" -- "$bin" booklet --venue "$ai" --out "$out" --format ics,xml,html,pdf --force
# the forced PDF booklet as a reader sees it (poppler): the slip marked and explained, Title and outline set,
# one heading where a session holds one talk of its name, no time range broken across lines, compound names whole
aipdf=$out/booklet/aiexscale-2025-program.pdf
pdftotext -layout "$aipdf" "$scratch/ai.txt"
expect_text "$scratch/ai.txt" "Published as the organizers gave it; the program check reports:" "forced slip explained"
expect_text "$scratch/ai.txt" "session ‘Closing Remarks’ starts at 12:20 AM (0:20)" "forced slip named in the booklet, quotes opened and closed"
grep -qE "^0:20 ?†" "$scratch/ai.txt" && ok || bad "the forced time is not marked: $(grep -m2 '0:20' "$scratch/ai.txt")"
pdfinfo "$aipdf" > "$scratch/ai-info.txt"
expect_text "$scratch/ai-info.txt" "Title:           AIExScale'25 program: First International Symposium" "booklet PDF Title"
expect_text "$scratch/ai-info.txt" "Author:          Orcun Yildiz and Loïc Pottier" "booklet PDF Author"
mutool show "$aipdf" outline > "$scratch/ai-outline.txt" 2>&1
for entry in "Cover" "The day at a glance" "Sessions and talks" "Speakers and chairs" "Closing Remarks"; do
  expect_text "$scratch/ai-outline.txt" "$entry" "booklet outline"
done
pdftotext "$aipdf" "$scratch/ai-raw.txt"
grep -qE "^Welcome$" "$scratch/ai-raw.txt" && ok || bad "no Welcome heading"
[ "$(grep -cE "^(Welcome|Moderated Discussion)$" "$scratch/ai-raw.txt")" -le 4 ] && ok || bad "session and its one talk both headed: $(grep -cE "^(Welcome|Moderated Discussion)$" "$scratch/ai-raw.txt")"
grep -qE "[0-9]–$" "$scratch/ai-raw.txt" && bad "a time range breaks after its dash: $(grep -E "[0-9]–$" "$scratch/ai-raw.txt" | head -2)" || ok
expect_text "$scratch/ai-raw.txt" "Ferreira da Silva" "compound family name whole"
expect_exit 2 "bad format" -- "$bin" booklet --venue "$ex" --format pdf,docx
expect_text "$scratch/err" "proceedings: --format: 'docx' is not one of pdf, html, ics, xml" "format message"

# every format of ExHetAI, letter and half-letter PDFs
expect_exit 0 "ExHetAI all formats" -- "$bin" booklet --venue "$ex" --out "$out"
for f in pdf html ics xml; do [ -s "$out/booklet/exhetai-2025-program.$f" ] && ok || bad "no $f written"; done
pdfinfo "$out/booklet/exhetai-2025-program.pdf" | grep -q "612 x 792 pts" && ok || bad "booklet is not letter"
pdftotext "$out/booklet/exhetai-2025-program.pdf" "$scratch/booklet.txt"
for text in "The day at a glance" "Chair: Seyong Lee" "Speakers and chairs" "Rio Yokota (Institute of Science Tokyo)" "Valero-Lara"; do
  expect_text "$scratch/booklet.txt" "$text" "PDF booklet"
done
# The cover and the page print the acronym once: ExHetAI'25's name starts with "ExHetAI:" (issue 25 item 14).
head -c 400 "$scratch/booklet.txt" | grep -q "^ExHetAI: The Workshop" && bad "the booklet's cover doubles the acronym" || ok
expect_text "$scratch/booklet.txt" "The Workshop on Extreme Heterogeneity and AI Convergence in HPC" "cover name"
grep -q '<p class="name">ExHetAI:' "$out/booklet/exhetai-2025-program.html" && bad "the web page doubles the acronym" || ok
grep -q '<p class="name">The Workshop on Extreme' "$out/booklet/exhetai-2025-program.html" && ok || bad "the web page's name"
expect_exit 0 "half-letter" -- "$bin" booklet --venue "$ex" --out "$scratch/half" --format pdf --half-letter
pdfinfo "$scratch/half/booklet/exhetai-2025-program.pdf" | grep -q "396 x 612 pts" && ok || bad "half-letter size"
xmllint --noout "$out/booklet/exhetai-2025-program.xml" && ok || bad "frab XML not well formed"
cp "$out/booklet/exhetai-2025-program.ics" "$scratch/first.ics"
"$bin" booklet --venue "$ex" --out "$out" --format ics 2> /dev/null > /dev/null
cmp -s "$scratch/first.ics" "$out/booklet/exhetai-2025-program.ics" && ok || bad "ics differs between runs"

# frab XML against c3voc's own schema (the XSD is shared by the team in ../shared/standards)
xsd=$src/../shared/standards/frab-schedule.xml.xsd
if [ -f "$xsd" ]; then
  for f in "$out/booklet/exhetai-2025-program.xml" "$out/booklet/aiexscale-2025-program.xml"; do
    xmllint --noout --schema "$xsd" "$f" 2> "$scratch/xsd.err" && ok || bad "$(basename "$f") fails the frab schema: $(head -c 600 "$scratch/xsd.err")"
  done
  sed 's/<acronym>[^<]*</<acronym>ExHetAI'"'"'25</' "$out/booklet/exhetai-2025-program.xml" > "$scratch/bad.xml"
  xmllint --noout --schema "$xsd" "$scratch/bad.xml" 2> /dev/null && bad "the schema check cannot fail" || ok
else
  echo "SKIP: frab schema check: $xsd is absent (the team's ../shared folder)"
fi

# iCalendar in a real parser (python3-icalendar): one event per talk, none of zero length, every stamp
for f in exhetai-2025:9 aiexscale-2025:8; do
  /usr/bin/python3 "$src/tests/validators/check_ics.py" "$out/booklet/${f%%:*}-program.ics" > "$scratch/ics.txt" 2>&1 && ok ||
    bad "${f%%:*}.ics: $(grep -E 'PROBLEM|Error' "$scratch/ics.txt" | head -5)"
  expect_text "$scratch/ics.txt" "${f##*:} events, 0 problems" "${f%%:*}: one event per talk"
done
grep -q "^SUMMARY:Invited Talk 1" "$out/booklet/exhetai-2025-program.ics" && bad "a session is still stacked on its talk" || ok
# a corrected program: the moved event gets SEQUENCE 1, the others keep theirs
mkdir -p "$scratch/moved"
sed 's/start: "12:30pm"}/start: "12:35pm"}/' "$ex/workshop.yaml" > "$scratch/moved/workshop.yaml"
cp "$ex/papers.yaml" "$scratch/moved/"
expect_exit 0 "corrected program" -- "$bin" booklet --venue "$scratch/moved" --out "$out" --format ics,xml
/usr/bin/python3 "$src/tests/validators/check_ics.py" "$out/booklet/exhetai-2025-program.ics" > "$scratch/ics2.txt" 2>&1
expect_text "$scratch/ics2.txt" "2025-11-16T12:35:00-06:00 2025-11-16T12:45:00-06:00 1 Closing Remarks" "moved event has SEQUENCE 1"
[ "$(grep -cE '^[0-9-]+T[^ ]+ [^ ]+ 0 ' "$scratch/ics2.txt")" -eq 8 ] && ok || bad "unchanged events changed SEQUENCE: $(cat "$scratch/ics2.txt")"

# the page passes html-validate (recommended and a11y presets, pinned in tests/validators/package-lock.json)
validator=$build/validators/node_modules/.bin/html-validate
if [ -x "$validator" ]; then
  for f in "$out/booklet/exhetai-2025-program.html" "$out/booklet/aiexscale-2025-program.html"; do
    "$validator" --config "$src/tests/validators/htmlvalidate.json" "$f" > "$scratch/hv.txt" 2>&1 && ok || bad "html-validate: $(head -c 800 "$scratch/hv.txt")"
  done
  printf '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><h3></h3><img src="a.png"></body></html>\n' > "$scratch/bad.html"
  "$validator" --config "$src/tests/validators/htmlvalidate.json" "$scratch/bad.html" > /dev/null 2>&1 && bad "html-validate cannot fail" || ok
else
  bad "html-validate is not installed in $build/validators: run scripts/install-validators.sh $build (make test does)"
fi

# the web page in Chromium: a phone-width screenshot, and its printed text has every row
page=$out/booklet/exhetai-2025-program.html
grep -qE '(src|href)="https?:' "$page" && bad "page loads external assets" || ok
chrome() {
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$scratch/profile" --hide-scrollbars "$@" > /dev/null 2>&1
}
for width in 1280 390; do
  chrome --window-size=$width,2400 --screenshot="$scratch/page-$width.png" "file://$page"
  [ "$(stat -c %s "$scratch/page-$width.png" 2>/dev/null || echo 0)" -gt 20000 ] && ok || bad "no screenshot at $width px (or a blank one)"
done
# as laid out at both widths: nothing wider than the screen (a copy of the page with a measuring script, its DOM read back)
sed 's|</body>|<script>document.body.dataset.overflow = Math.max(0, document.documentElement.scrollWidth - innerWidth);</script></body>|' \
  "$page" > "$scratch/measure.html"
for width in 1280 390; do
  timeout 90 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-sync \
    --user-data-dir="$scratch/profile" --hide-scrollbars --window-size=$width,900 --virtual-time-budget=2000 \
    --dump-dom "file://$scratch/measure.html" > "$scratch/dom-$width.html" 2> /dev/null
  grep -q 'data-overflow="0"' "$scratch/dom-$width.html" && ok || bad "page wider than $width px: $(grep -o 'data-overflow="[^"]*"' "$scratch/dom-$width.html")"
done
chrome --print-to-pdf="$scratch/printed.pdf" --no-pdf-header-footer "file://$page"
pdftotext -layout "$scratch/printed.pdf" "$scratch/printed.txt" 2> /dev/null || bad "Chromium printed no PDF"
pdfinfo "$scratch/printed.pdf" | grep -qE "^Pages: +1$" && ok || bad "printed ExHetAI page is not one sheet: $(pdfinfo "$scratch/printed.pdf" | grep Pages)"
grep -q '<time datetime="2025-11-16T09:00:00-06:00">9:00</time>' "$page" && ok || bad "datetime without the UTC offset"
grep -q '<time datetime="[^"]*"></time>' "$page" && bad "an empty <time>" || ok
for link in 'href="exhetai-2025-program.ics"' 'href="exhetai-2025-program.xml"' "Rio Yokota (Institute of Science Tokyo)"; do
  expect_text "$page" "$link" "page links and affiliations"
done
for row in "9:00–9:10" "Opening Remarks" "Invited Talk 1" "Rio Yokota" "11:30–11:50" \
           "WAGES: Workload-Aware GPU Sharing System" "Session chair: Pedro Valero-Lara" "12:10–12:30" \
           "Enhancing ChatPORT with CUDA-to-SYCL Kernel" "Closing Remarks"; do
  expect_text "$scratch/printed.txt" "$row" "row rendered by Chromium"
done

finish

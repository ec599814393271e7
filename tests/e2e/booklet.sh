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
expect_text "$scratch/err" "booklet: ExHetAI'25 program: 0 error(s), 4 warning(s)" "ExHetAI summary"
expect_exit 1 "AIExScale --check" -- "$bin" booklet --venue "$ai" --check
expect_text "$scratch/err" "error: TIME_BACKWARDS: session 'Closing Remarks' starts at 12:20 AM (00:20)" "the slip is named"
expect_exit 1 "AIExScale without --force writes nothing" -- "$bin" booklet --venue "$ai" --out "$out"
[ ! -e "$out/booklet/aiexscale-2025-program.ics" ] && ok || bad "files written despite errors"
expect_exit 0 "AIExScale with --force" -- "$bin" booklet --venue "$ai" --out "$out" --format ics,xml,html --force
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
expect_exit 0 "half-letter" -- "$bin" booklet --venue "$ex" --out "$scratch/half" --format pdf --half-letter
pdfinfo "$scratch/half/booklet/exhetai-2025-program.pdf" | grep -q "396 x 612 pts" && ok || bad "half-letter size"
xmllint --noout "$out/booklet/exhetai-2025-program.xml" && ok || bad "frab XML not well formed"
cp "$out/booklet/exhetai-2025-program.ics" "$scratch/first.ics"
"$bin" booklet --venue "$ex" --out "$out" --format ics 2> /dev/null > /dev/null
cmp -s "$scratch/first.ics" "$out/booklet/exhetai-2025-program.ics" && ok || bad "ics differs between runs"

# the web page in Chromium: a phone-width screenshot, and its printed text has every row
page=$out/booklet/exhetai-2025-program.html
grep -qE '(src|href)="https?:' "$page" && bad "page loads external assets" || ok
chrome() {
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$scratch/profile" --hide-scrollbars "$@" > /dev/null 2>&1
}
chrome --window-size=390,2400 --screenshot="$scratch/phone.png" "file://$page"
[ "$(stat -c %s "$scratch/phone.png" 2>/dev/null || echo 0)" -gt 20000 ] && ok || bad "no screenshot (or a blank one)"
chrome --print-to-pdf="$scratch/printed.pdf" --no-pdf-header-footer "file://$page"
pdftotext -layout "$scratch/printed.pdf" "$scratch/printed.txt" 2> /dev/null || bad "Chromium printed no PDF"
for row in "09:00–09:10" "Opening Remarks" "Invited Talk 1" "Rio Yokota" "11:30–11:50" \
           "WAGES: Workload-Aware GPU Sharing System" "Session chair: Pedro Valero-Lara" "12:10–12:30" \
           "Enhancing ChatPORT with CUDA-to-SYCL Kernel" "Closing Remarks"; do
  expect_text "$scratch/printed.txt" "$row" "row rendered by Chromium"
done

finish

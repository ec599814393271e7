#!/usr/bin/env bash
# `booklet --format jekyll` on the bundled events, built by Debian's jekyll
# offline (no gems, no plugins): no warnings, and the rendered site checked
# against workshop.yaml by tests/e2e/jekyll_site_check.py (PyYAML, not our reader).
# usage: jekyll.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2

if ! command -v jekyll > /dev/null; then
  echo "jekyll is not installed (Debian package jekyll, in scripts/debian-packages.txt)"; exit 1
fi
for id in exhetai-2025 aiexscale-2025; do
  # --force: AIExScale'25 keeps its published 12:20 AM slip, an error the booklet reports.
  expect_exit 0 "$id: booklet --format jekyll" -- "$bin" booklet --venue "$src/metadata/$id" --out "$scratch/site" --format jekyll --force
  tree=$scratch/site/booklet/$id-jekyll
  for f in _data/program.yml _includes/program.html program.html "$id-program.ics" "$id-program.xml"; do
    [ -s "$tree/$f" ] && ok || bad "$id: $f not in the tree"
  done
  (cd "$tree" && HOME=$scratch jekyll build --safe > "$scratch/jekyll.out" 2> "$scratch/jekyll.err")
  [ $? -eq 0 ] && ok || bad "$id: jekyll build failed: $(tail -c 400 "$scratch/jekyll.err")"
  [ ! -s "$scratch/jekyll.err" ] && ok || bad "$id: jekyll wrote to stderr: $(head -c 400 "$scratch/jekyll.err")"
  if grep -qiE "warn|deprecat|error" "$scratch/jekyll.out"; then bad "$id: jekyll warned: $(grep -iE 'warn|deprecat|error' "$scratch/jekyll.out" | head -3)"; else ok; fi
  python3 "$src/tests/e2e/jekyll_site_check.py" "$src/metadata/$id" "$tree/_site" > "$scratch/check.txt"
  [ $? -eq 0 ] && ok || bad "$id: the rendered site: $(cat "$scratch/check.txt")"
  grep -q 'href="/exhetai-2025-program.ics"\|href="/aiexscale-2025-program.ics"' "$tree/_site/program/index.html" && ok || bad "$id: the program page does not link the calendar"
  grep -q "program.xml\"" "$tree/_site/program/index.html" && ok || bad "$id: the program page does not link the frab XML"
  [ -s "$tree/_site/$id-program.ics" ] && ok || bad "$id: the calendar is not in the built site"
done
# The calendar and the site say the same: every talk of the page is in the frab XML too.
tree=$scratch/site/booklet/aiexscale-2025-jekyll
expect_text "$tree/$id-program.xml" "Intelligent Workflows at Scale" "frab XML in the tree"
finish

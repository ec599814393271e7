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
# A forced slip (AIExScale'25's 12:20 AM) is marked on the built pages too (issue 24 item 20).
grep -q '0:20 †' "$tree/_site/program/index.html" && ok || bad "the forced slip is not marked on the built program page"
expect_text "$tree/_site/program/index.html" "Published as the organizers gave it; the program check reports" "the built page says why"

# Speakers whose names have no ASCII letters (issue 24 item 11): each gets a page of their own that
# Jekyll builds (it skipped speakers/.html), and every link to a speaker resolves. Two of them share a talk.
cjk=$scratch/cjk-venue
cp -r "$src/metadata/exhetai-2025" "$cjk"
python3 - "$cjk/workshop.yaml" << 'PY'
import sys
p = sys.argv[1]; s = open(p).read()
s2 = s.replace("speakers: [{name: Rio Yokota", "speakers: [李明, 王芳, {name: Rio Yokota", 1)
s2 = s2.replace("speakers: [{name: Matthew Dearing", "speakers: [李明, 张伟, {name: Matthew Dearing", 1)
assert s2.count("李明") == 2
open(p, "w").write(s2)
PY
expect_exit 0 "CJK speakers: booklet --format jekyll" -- "$bin" booklet --venue "$cjk" --out "$scratch/cjk-site" --format jekyll
tree=$scratch/cjk-site/booklet/exhetai-2025-jekyll
(cd "$tree" && HOME=$scratch jekyll build --safe > "$scratch/jekyll.out" 2> "$scratch/jekyll.err") && ok || bad "CJK: jekyll build failed: $(tail -c 400 "$scratch/jekyll.err")"
python3 - "$tree" > "$scratch/cjk-check.txt" << 'PY'
import os, re, sys, yaml
tree = sys.argv[1]; site = os.path.join(tree, "_site")
data = yaml.safe_load(open(os.path.join(tree, "_data", "program.yml"), encoding="utf-8"))
failures = []
slugs = [s["slug"] for s in data["speakers"]]
names = [s["name"] for s in data["speakers"]]
if len(set(names)) != len(names): failures.append(f"a speaker listed twice: {names}")
if len(set(slugs)) != len(slugs): failures.append(f"two speakers share a slug: {slugs}")
for s in data["speakers"]:
    page = os.path.join(site, "speakers", s["slug"] + ".html")
    if not s["slug"]: failures.append(f"{s['name']} has an empty slug")
    elif not os.path.exists(page): failures.append(f"{s['name']}: no built page {page}")
    elif s["name"] not in open(page, encoding="utf-8").read(): failures.append(f"{s['name']} not on their page")
for want in ["李明", "王芳"]:
    if want not in names: failures.append(f"{want} is not a speaker")
program = open(os.path.join(site, "program", "index.html"), encoding="utf-8").read()
for href in re.findall(r'href="(/(?:speakers|talks)/[^"]*)"', program):
    if not os.path.exists(os.path.join(site, href.lstrip("/") + ".html")): failures.append(f"link {href} leads nowhere")
print("\n".join(failures) or "ok")
PY
[ "$(cat "$scratch/cjk-check.txt")" = ok ] && ok || bad "CJK speakers: $(cat "$scratch/cjk-check.txt")"

finish

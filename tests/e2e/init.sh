#!/usr/bin/env bash
# `proceedings init` (issue 27 item 5): a new venue from flags, from a CfP
# page (a file and a URL) and with --preset sc-workshop; what it writes loads
# and passes the venue checks; it never overwrites.
# usage: init.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
cd "$scratch" || exit 1

expect_exit 0 "init --help" -- "$bin" init --help
for opt in --from --preset --name --short --date --place --timezone --organizer --acm-dates "never overwrites" "Exit status:"; do
  expect_text "$scratch/out" "$opt" "help documents $opt"
done

# from flags, into a folder that does not exist yet
expect_exit 0 "init from flags" -- "$bin" init exml --name "ExML: The Workshop on Exascale Machine Learning" \
  --short "ExML'26" --date 2026-11-16 --place "St. Louis, Missouri, USA" --timezone America/Chicago \
  --organizer "Ada Lovelace, Analytical Engines Inc. <ada@example.org>" --organizer "Grace Hopper"
for f in workshop.yaml papers.yaml message.md; do expect_text "$scratch/out" "wrote exml/$f" "init names $f"; done
expect_text exml/workshop.yaml "id: exml-2026" "the id from the acronym and the year"
expect_text exml/workshop.yaml "contact: {name: \"ExML'26 chairs\", email: ada@example.org}  # notify" "notify's contact: the chairs at the first organizer's address"
expect_exit 0 "booklet --check loads what init wrote" -- "$bin" booklet --check --venue exml
expect_exit 0 "import (a dry run) loads it" -- "$bin" import --venue exml "$src/tests/fixtures/import/hotcrp.json"
# every field line of workshop.yaml carries its comment
uncommented=$(grep -E '^ *[a-z_]+: ' exml/workshop.yaml | grep -v '  # ' | grep -vE '^(organizers|committees|dates|program|submission|camera_ready|acm):')
[ -z "$uncommented" ] && ok || bad "fields without a comment: $uncommented"

# never overwrites: exit 2, the files unchanged, one error line naming them
cp -r exml before
echo "our words" > exml/message.md && cp exml/message.md before/message.md
expect_exit 2 "init over a venue" -- "$bin" init exml --name X --short "X'26" --date 2026-11-16 --timezone UTC --organizer Ada
expect_text "$scratch/err" "exml/workshop.yaml, exml/papers.yaml, exml/message.md: exists already" "the existing files named"
diff -r before exml > /dev/null && ok || bad "init changed an existing venue"
[ "$(wc -l < "$scratch/err")" = 1 ] && ok || bad "one error line: $(cat "$scratch/err")"

# what a workshop.yaml needs and the flags do not give: named at once, nothing written
expect_exit 2 "init without a date" -- "$bin" init nodate --name X --short "X'26" --timezone UTC
expect_text "$scratch/err" "--date YYYY-MM-DD" "--date named"
expect_text "$scratch/err" "--organizer" "--organizer named"
[ ! -e nodate/workshop.yaml ] && ok || bad "a refused init wrote workshop.yaml"

# --preset sc-workshop: SC Workshops '26, sigconf rules, both stages
expect_exit 0 "init --preset sc-workshop" -- "$bin" init sc --preset sc-workshop --name "ExML: The Workshop on Exascale Machine Learning" \
  --short "ExML'26" --date 2026-11-16 --timezone America/Chicago --organizer Ada --review double-blind \
  --acm-dates "November 15–20, 2026" --acm-location "Chicago, IL, USA"
python3 - sc/workshop.yaml > "$scratch/preset.txt" 2>&1 <<'PY' && ok || bad "preset fields: $(cat "$scratch/preset.txt")"
import sys, yaml
w = yaml.safe_load(open(sys.argv[1]))
a = w["acm"]
assert a["short_name"] == "SC Workshops '26", a
assert a["proceedings_title"] == ("Proceedings of the SC '26 Workshops of the International Conference for High Performance "
                                  "Computing, Networking, Storage and Analysis"), a
assert (a["dates"], a["location"], a["year"]) == ("November 15–20, 2026", "Chicago, IL, USA", 2026), a
s = w["submission"]
assert (s["template"], s["paper"], s["columns"], s["review"]) == ("acmart-sigconf", "letter", 2, "double-blind"), s
assert s["pages"] == {"min": 5, "max": 6, "excluding": "bibliography"}, s
assert "camera_ready" in w, "the camera-ready stage is written"
PY
expect_exit 0 "the preset's venue checks a camera-ready paper" -- "$bin" check --venue sc "$build/manuscripts/exhetai-2025/wages.pdf"
# without SC's dates and place the acm: record is not invented: commented out, and said
expect_exit 0 "preset without --acm-dates" -- "$bin" init sc2 --preset sc-workshop --name X --short "X'26" --date 2026-11-16 \
  --timezone America/Chicago --organizer Ada
expect_text "$scratch/out" "note: acm: is written commented out" "the missing dates are said"
grep -q '^acm:' sc2/workshop.yaml && bad "acm: written without SC's dates" || ok

# --from a CfP page that says "November 16, 2026" (issue 27: import web refused it), as a file and by URL
cat > cfp.md <<'MD'
# ExML'26: The Workshop on Exascale Machine Learning

In conjunction with SC26 in St. Louis, Missouri, USA. November 16, 2026.

## Organizers

- Ada Lovelace, Analytical Engines Inc.

## Important Dates

- Paper submission: August 1, 2026

## Program

- 9:00 AM - 9:10 AM Opening remarks
MD
expect_exit 0 "init --from a CfP page" -- "$bin" init fromcfp --from cfp.md --timezone America/Chicago
expect_text fromcfp/workshop.yaml "date: 2026-11-16" "the date read from the page"
expect_text fromcfp/workshop.yaml "acronym: \"ExML'26\"" "the acronym read from the page"
expect_text fromcfp/workshop.yaml "Ada Lovelace" "the organizer read from the page"
expect_exit 0 "booklet --check loads it" -- "$bin" booklet --check --venue fromcfp
# the same page by URL, from the project's HTTP server on 127.0.0.1 (tests/support/http_server.cpp)
server=$build/tests/http_server
if [ -x "$server" ]; then
  mkdir -p served && cp cfp.md served/
  "$server" served port 120 &
  cleanup_hooks+=("kill $! 2> /dev/null")
  for _ in $(seq 300); do [ -s port ] && break; sleep 0.1; done
  expect_exit 0 "init --from a URL" -- "$bin" init fromurl --from "http://127.0.0.1:$(cat port)/files/cfp.md" --timezone America/Chicago
  cmp -s <(grep -v '^# on ' fromurl/workshop.yaml | grep -v '^# ExML') <(grep -v '^# on ' fromcfp/workshop.yaml | grep -v '^# ExML') &&
    ok || bad "the page by URL gives the venue the file gave: $(diff fromurl/workshop.yaml fromcfp/workshop.yaml | head -5)"
else
  bad "no http_server at $server (make test builds it)"
fi
expect_exit 0 "import web reads the same page's date" -- "$bin" import web --venue "$scratch/fromweb" --write cfp.md --timezone America/Chicago
expect_text fromweb/workshop.yaml "date: 2026-11-16" "import web's new workshop.yaml has the date"
# the program is not init's: import web merges it into the venue init wrote
expect_exit 0 "import web merges the program into init's venue" -- "$bin" import web --venue fromcfp --write cfp.md
expect_text fromcfp/workshop.yaml "Opening remarks" "the program merged"
expect_exit 0 "the merged venue loads" -- "$bin" booklet --check --venue fromcfp
finish

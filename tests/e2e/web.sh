#!/usr/bin/env bash
# `proceedings import web` from a URL, through the libcurl loader, against the
# project's HTTP server on 127.0.0.1 (tests/support/http_server.cpp); then the
# imported venue through `booklet --check`, which reports the page's slip.
# usage: web.sh PROCEEDINGS HTTP_SERVER BUILD_DIR SOURCE_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 server=$2 src=$4

files=$scratch/files
mkdir -p "$files"
cp "$src/tests/fixtures/web/aiexscale-2025.md" "$src/tests/fixtures/web/exhetai-2025.html" "$files/"
"$server" "$files" "$scratch/port" 120 &
server_pid=$!
cleanup_hooks+=('kill $server_pid 2>/dev/null')
for _ in $(seq 300); do [ -s "$scratch/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$scratch/port")"

venue=$scratch/aiexscale
expect_exit 0 "import web from a URL" -- "$bin" import web --venue "$venue" --write "$base/files/aiexscale-2025.md"
expect_text "$scratch/out" "new workshop.yaml: AIExScale'25, 8 session(s)" "the page's program read"
expect_text "$scratch/out" "TIME_BACKWARDS: session 'Closing Remarks' starts at 12:20 AM" "the slip reported by the import"
expect_text "$venue/workshop.yaml" "slug: moderated-discussion" "talk slugs kept"
expect_exit 1 "booklet --check reports the slip kept as published" -- "$bin" booklet --check --venue "$venue"
expect_text "$scratch/err" "TIME_BACKWARDS" "booklet --check names the slip"
cp "$venue/workshop.yaml" "$scratch/before.yaml"
expect_exit 0 "re-import from the URL" -- "$bin" import web --venue "$venue" --write "$base/files/aiexscale-2025.md"
expect_text "$scratch/out" "0 change(s), 0 conflict(s)" "re-import changes nothing"
cmp -s "$venue/workshop.yaml" "$scratch/before.yaml" && ok || bad "re-import rewrote workshop.yaml"

expect_exit 0 "import web of an HTML page from a URL" -- "$bin" import web --venue "$scratch/exhetai" --write "$base/files/exhetai-2025.html"
expect_exit 0 "booklet --check on it" -- "$bin" booklet --check --venue "$scratch/exhetai"

# Talk links the loader would refuse as slugs (issue 24 item 12): normalised, said, and the venue loads
long=$(printf 'a%.0s' $(seq 119))
cat > "$files/slugs.md" <<PAGE
# SLUG 2025

# Slug Workshop on Things

**Date: November 21, 2025**, held in St. Louis, Missouri.

## Program

### 8:30 AM - 9:00 AM - <a href="/talks/Keynote.2025">Keynote: Big Ideas</a>
Ada Lovelace

### 9:00 AM - 9:30 AM - <a href="/talks/%2e%2e%2fx">Invited Talk: Dots</a>
Bob Roe

### 9:30 AM - 10:00 AM - <a href="/talks/$long">Invited Talk: Long</a>
Cy Doe

## Organizers
- Ada Lovelace (Analytical Engines Inc)
PAGE
expect_exit 0 "import web of odd talk links" -- "$bin" import web --venue "$scratch/slugs" --write "$files/slugs.md"
expect_text "$scratch/out" "slug 'Keynote-2025' kept" "the normalised slug is said"
expect_exit 0 "booklet --check loads what import web wrote" -- "$bin" booklet --check --venue "$scratch/slugs"
grep -q 'slug: x$' "$scratch/slugs/workshop.yaml" && ok || bad "'%2e%2e%2fx' kept as 'x'"

# A workshop.yaml kept on Windows (CR LF, comments) through a re-import that
# changes the program and the organizers (issue 25 item 1): line ends and comments kept
slugs=$scratch/slugs/workshop.yaml
{ printf '# kept on Windows\n'; sed 's/^  sessions:$/  # the sessions, by hand\n  sessions:/' "$slugs"; } | sed 's/$/\r/' > "$scratch/crlf.yaml"
mv "$scratch/crlf.yaml" "$slugs"
sed -i 's/^### 9:30 AM - 10:00 AM/### 9:30 AM - 10:15 AM/; s/^- Ada Lovelace (Analytical Engines Inc)$/&\n- Cy Doe (Doe Labs)/' "$files/slugs.md"
expect_exit 0 "re-import into a CR LF workshop.yaml" -- "$bin" import web --venue "$scratch/slugs" --write "$files/slugs.md"
grep -q 'Cy Doe' "$slugs" && grep -q "end: .*10:15" "$slugs" && ok || bad "the page's changes were not written"
[ "$(grep -c $'\r$' "$slugs")" = "$(wc -l < "$slugs")" ] && ok || bad "a line of the CR LF workshop.yaml lost its CR"
grep -q '^# kept on Windows' "$slugs" && grep -q '^  # the sessions, by hand' "$slugs" && ok || bad "comments of workshop.yaml lost"
expect_exit 0 "booklet --check loads the CR LF workshop.yaml" -- "$bin" booklet --check --venue "$scratch/slugs"

expect_exit 3 "a missing page is an input error" -- "$bin" import web --venue "$scratch/none" "$base/missing"
expect_text "$scratch/err" "$base/missing: the page answered HTTP 404" "the error names the URL and the status"
[ ! -e "$scratch/none/workshop.yaml" ] && ok || bad "a workshop.yaml was written for a missing page"
expect_exit 3 "a missing file is an input error" -- "$bin" import web --venue "$scratch/none" "$scratch/nope.html"
expect_exit 2 "import web needs --venue" -- "$bin" import web "$scratch/nope.html"
finish

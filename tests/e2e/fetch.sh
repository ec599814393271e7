#!/usr/bin/env bash
# End-to-end tests of `proceedings fetch` against a real HTTP server on
# 127.0.0.1 that misbehaves on purpose (tests/support/http_server.cpp).
# usage: fetch.sh PROCEEDINGS HTTP_SERVER BUILD_DIR SOURCE_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 server=$2 build=$3
src_fixtures=$4/tests/fixtures src_metadata=$4/metadata

files=$scratch/files
mkdir -p "$files"
cp "$build/fixtures/body5.pdf" "$build/manuscripts/exhetai-2025/wages.pdf" "$build/fixtures/meta/hetflow.zip" "$files/"
"$server" "$files" "$scratch/port" 120 &
server_pid=$!
cleanup_hooks+=('kill $server_pid 2>/dev/null')
for _ in $(seq 300); do [ -s "$scratch/port" ] && break; sleep 0.1; done  # up to 30 s on a loaded machine
base="http://127.0.0.1:$(cat "$scratch/port")"
sum=$(sha256sum "$files/body5.pdf" | cut -d' ' -f1)

cat > "$scratch/list.csv" <<LIST
id,url,sha256
good,$base/files/body5.pdf,$sum
moved,$base/moved/wages.pdf
flaky,$base/flaky/body5.pdf
cut,$base/cut/wages.pdf
sources,$base/files/hetflow.zip
missing,$base/missing
html,$base/html
loop,$base/loop
stall,$base/stall
huge,$base/huge
badsum,$base/files/wages.pdf,$(printf '0%.0s' $(seq 64))
LIST
out=$scratch/out
"$bin" fetch "$scratch/list.csv" --out "$out" --jobs 4 --retries 2 --backoff-ms 50 --stall-seconds 2 --max-mb 50 \
  > "$scratch/run.txt" 2> "$scratch/run.err"
[ $? -eq 1 ] && ok || bad "exit status is not 1 with failures"
r=$scratch/run.txt
expect_text "$r" "good: new $out/good.pdf" "plain download"
expect_text "$r" "moved: new $out/moved.pdf" "redirect followed"
expect_text "$r" "flaky: new $out/flaky.pdf (3 attempts)" "retried after two 503s"
expect_text "$r" "cut: new $out/cut.pdf (resumed)" "resumed after a cut connection"
expect_text "$r" "sources: new $out/sources.zip" "archive kept as .zip"
expect_text "$r" "missing: failed: HTTP 404" "404"
expect_text "$r" "html: failed: not a PDF or an archive: the server sent text/html starting '<!DOCTYPE html><html'" "HTML refused"
expect_text "$r" "loop: failed: redirected more than 5 times" "redirect loop"
expect_text "$r" "stall: failed: stalled or timed out" "stall"
expect_text "$r" "after 3 attempts" "stall retried"
expect_text "$r" "huge: failed: larger than the cap of 50 MiB" "size cap"
expect_text "$r" "badsum: failed: checksum mismatch" "checksum"
expect_text "$r" "fetch: 5 new, 0 updated, 0 unchanged, 6 failed" "summary"
cmp -s "$out/good.pdf" "$files/body5.pdf" && ok || bad "good.pdf differs from the served file"
cmp -s "$out/cut.pdf" "$files/wages.pdf" && ok || bad "resumed cut.pdf differs from the served file"
cmp -s "$out/sources.zip" "$files/hetflow.zip" && ok || bad "sources.zip differs"
for f in html.pdf loop.pdf stall.pdf huge.pdf badsum.pdf missing.pdf; do [ ! -e "$out/$f" ] && ok || bad "$f written"; done
[ -z "$(ls "$out/.partial" | grep -E '^(good|moved|flaky|cut|sources)\.part$')" ] && ok || bad "partial files left for complete downloads"
[ ! -s "$scratch/run.err" ] && ok || bad "stderr not quiet when piped: $(head -c 200 "$scratch/run.err")"

# A second run: what is there stays, and is not downloaded again when the list has its checksum.
head -3 "$scratch/list.csv" > "$scratch/again.csv"
"$bin" fetch "$scratch/again.csv" --out "$out" > "$scratch/again.txt" 2>&1
[ $? -eq 0 ] && ok || bad "second run failed"
expect_text "$scratch/again.txt" "good: unchanged $out/good.pdf" "unchanged by checksum, not downloaded"
expect_text "$scratch/again.txt" "moved: unchanged $out/moved.pdf" "unchanged after download"
expect_text "$scratch/again.txt" "fetch: 0 new, 0 updated, 2 unchanged, 0 failed" "second summary"

# A bad list is a usage error naming file and line.
printf 'id,url\n../etc,%s/files/body5.pdf\n' "$base" > "$scratch/bad.csv"
"$bin" fetch "$scratch/bad.csv" --out "$out" > /dev/null 2> "$scratch/bad.err"
[ $? -eq 2 ] && ok || bad "bad list is not exit 2"
expect_text "$scratch/bad.err" "bad.csv:2: id '../etc' must be letters, digits, '-' and '_' (it becomes a file name)" "bad id"
printf 'id,url\nx,ftp://example.org/a.pdf\n' > "$scratch/ftp.csv"
"$bin" fetch "$scratch/ftp.csv" --out "$out" > /dev/null 2> "$scratch/ftp.err"
expect_text "$scratch/ftp.err" "ftp.csv:2: 'ftp://example.org/a.pdf' is not an http or https URL" "ftp refused"

# Half a PDF with an honest Content-Length, or a server that sends more than
# it announced: %%EOF or the trailer is missing, so nothing is written.
printf 'id,url\nhalf,%s/half/wages.pdf\nmore,%s/more/wages.pdf\n' "$base" "$base" > "$scratch/half.csv"
"$bin" fetch "$scratch/half.csv" --out "$scratch/half" --retries 0 > "$scratch/half.txt" 2>&1
[ $? -eq 1 ] && ok || bad "incomplete PDFs are not a failure"
expect_text "$scratch/half.txt" "half: failed: incomplete download, refused: truncated PDF" "half a PDF refused"
expect_text "$scratch/half.txt" "more: failed: incomplete download, refused:" "a longer body than announced refused"
[ ! -e "$scratch/half/half.pdf" ] && [ ! -e "$scratch/half/more.pdf" ] && ok || bad "an incomplete PDF was written"

# The list as a spreadsheet saves it: BOM, CRLF, quoted cells with commas and doubled quotes.
printf '\xef\xbb\xbfid,url,sha256\r\n"good","%s/files/body5.pdf?a=1,2",%s\r\n\r\n"q""x",%s/files/body5.pdf\r\n' \
  "$base" "$sum" "$base" > "$scratch/excel.csv"
"$bin" fetch "$scratch/excel.csv" --out "$scratch/excel" > "$scratch/excel.txt" 2> "$scratch/excel.err"
[ $? -eq 2 ] && ok || bad "a quoted id with a quote in it is not a usage error"
expect_text "$scratch/excel.err" "excel.csv:4: id 'q\"x' must be letters" "the bad row names its line after a blank line"
printf '\xef\xbb\xbfid,url,sha256\r\n"good","%s/files/body5.pdf?a=1,2",%s\r\n' "$base" "$sum" > "$scratch/excel.csv"
"$bin" fetch "$scratch/excel.csv" --out "$scratch/excel" > "$scratch/excel.txt" 2> "$scratch/excel.err"
[ $? -eq 0 ] && ok || bad "BOM, CRLF and quoted cells: $(cat "$scratch/excel.err")"
cmp -s "$scratch/excel/good.pdf" "$files/body5.pdf" && ok || bad "quoted URL with a comma not fetched whole"
# A run with nothing to resume leaves no .partial folder and no empty .part file.
[ ! -e "$scratch/excel/.partial" ] && ok || bad ".partial left after a clean run: $(ls -la "$scratch/excel/.partial")"
[ -z "$(find "$out" -name '*.part' -size 0)" ] && ok || bad "empty .part files left: $(find "$out" -name '*.part' -size 0)"
printf 'id,url\nmissing,%s/missing\n' "$base" > "$scratch/gone.csv"
"$bin" fetch "$scratch/gone.csv" --out "$scratch/gone" > /dev/null 2>&1
[ ! -e "$scratch/gone/.partial" ] && ok || bad ".partial left after a 404"

# arXiv look-up against a recorded Atom answer: WAGES and the sparse paper match
# (title and a family name), OmniFed's entry has other authors, ChatPORT has none.
cp "$src_fixtures/arxiv/atom.xml" "$files/atom.xml"
cp -r "$src_metadata/exhetai-2025" "$scratch/venue"
"$bin" arxiv lookup --venue "$scratch/venue" --base-url "$base" --delay-ms 10 --write --index "$scratch/index.txt" \
  > "$scratch/arxiv.txt" 2> "$scratch/arxiv.err"
[ $? -eq 0 ] && ok || bad "arxiv lookup failed: $(cat "$scratch/arxiv.err")"
expect_text "$scratch/arxiv.txt" "wages: arXiv:2599.00002" "WAGES found, version dropped"
expect_text "$scratch/arxiv.txt" "sparse-wse: arXiv:2599.00001" "initials match the family name"
expect_text "$scratch/arxiv.txt" "omnifed: not found on arXiv" "same title, other authors: not this paper"
expect_text "$scratch/arxiv.txt" "arxiv: 2 of 4 papers found" "arxiv summary"
[ "$(cat "$scratch/index.txt")" = "$(printf 'LIST:arXiv:2599.00001\nLIST:arXiv:2599.00002')" ] && ok || bad "index listing: $(cat "$scratch/index.txt")"
expect_text "$scratch/venue/papers.yaml" 'arxiv: "2599.00002"' "id recorded in papers.yaml"
"$bin" check --venue "$scratch/venue" "$build/manuscripts/exhetai-2025/wages.pdf" > /dev/null && ok || bad "written papers.yaml no longer loads"
printf 'not xml' > "$files/atom.xml"
"$bin" arxiv lookup --venue "$scratch/venue" --base-url "$base" --delay-ms 0 > /dev/null 2> "$scratch/arxiv.err"
[ $? -eq 3 ] && ok || bad "a broken API answer is not exit 3"
expect_text "$scratch/arxiv.err" "the arXiv API answer is not XML" "broken answer message"

finish

#!/usr/bin/env bash
# End-to-end hardening: what a hostile or careless chair's input must not do
# (write outside --out, run TeX of its choosing, hang, half-write an output).
# usage: hardening.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
papers=$build/manuscripts/exhetai-2025
venue() {  # venue NAME SOURCE: a writable copy of a bundled workshop
  rm -rf "$scratch/$1"; cp -r "$src/metadata/$2" "$scratch/$1"; echo "$scratch/$1"
}

# Ids that would name another folder are refused at load time, naming file and line.
v=$(venue bad-id exhetai-2025)
sed -i 's/^id: exhetai-2025$/id: ..\/..\/escape/' "$v/workshop.yaml"
mkdir -p "$scratch/deep/a/b"
for cmd in "booklet --force" "build --papers $papers" "report"; do
  expect_exit 2 "$cmd with id ../../escape" -- "$bin" $cmd --venue "$v" --out "$scratch/deep/a/b/out"
  expect_text "$scratch/err" "$v/workshop.yaml:2: field 'id' '../../escape' must be" "$cmd names file and line"
done
[ -z "$(find "$scratch/deep" -type f)" ] && [ ! -e "$scratch/escape-program.html" ] && ok || bad "something was written"
v=$(venue bad-paper exhetai-2025)
sed -i 's/  - id: wages$/  - id: ..\/..\/..\/evil/' "$v/papers.yaml"
expect_exit 2 "paper id ../../../evil" -- "$bin" build --venue "$v" --papers "$papers" --out "$scratch/o"
expect_text "$scratch/err" "papers.yaml:10: field 'papers[1].id' '../../../evil' must be" "paper id refused"

# BibTeX: a title that would \input the password file prints as text.
v=$(venue bib exhetai-2025)
sed -i 's|    title: "WAGES: Workload|    title: "\\\\input{/etc/passwd} ^^5c {unbalanced ~ WAGES: Workload|' "$v/papers.yaml"
expect_exit 0 "build with a hostile title" -- "$bin" build --venue "$v" --papers "$papers" --out "$scratch/bib" --force
bib=$scratch/bib/bundle/exhetai-2025.bib
grep -q '\\input' "$bib" && bad "\\input reached the .bib: $(grep -m1 input "$bib")" || ok
mkdir -p "$scratch/cite" && cp "$bib" "$scratch/cite/refs.bib"
printf '\\documentclass{article}\\begin{document}\\nocite{*}\\bibliographystyle{plain}\\bibliography{refs}\\end{document}\n' > "$scratch/cite/doc.tex"
(cd "$scratch/cite" && pdflatex -no-shell-escape -interaction=nonstopmode doc > /dev/null; bibtex doc > bibtex.out 2>&1;
 pdflatex -no-shell-escape -interaction=nonstopmode doc > /dev/null; pdflatex -no-shell-escape -interaction=nonstopmode doc > /dev/null)
pdftotext "$scratch/cite/doc.pdf" "$scratch/cite/doc.txt" 2>/dev/null
grep -q "root:" "$scratch/cite/doc.txt" && bad "the citing document printed /etc/passwd" || ok
expect_text "$scratch/cite/doc.txt" "input{/etc/passwd}" "the title prints as text"
grep -qi "error" "$scratch/cite/bibtex.out" && bad "bibtex errors: $(grep -i error "$scratch/cite/bibtex.out")" || ok

# Markdown notes cannot \input a file; the report builds without shell escape.
v=$(venue notes aiexscale-2025)
printf 'Our host is \\input{/etc/hostname} here.\n' >> "$v/report/introduction.md"
# (exit 1: lint fails the draft while parts are still missing)
expect_exit 1 "report with a hostile note" -- "$bin" report --venue "$v" --out "$scratch/rep"
pdftotext "$scratch/rep/report/report.pdf" "$scratch/rep.txt"
grep -qF "$(cat /etc/hostname)" "$scratch/rep.txt" && bad "the host name reached the report" || ok
expect_text "$scratch/rep.txt" "input{/etc/hostname}" "the note prints as text"
printf 'caf\xe9\n' > "$v/report/introduction.md"
expect_exit 2 "a Latin-1 note" -- "$bin" report --venue "$v" --out "$scratch/rep"
expect_text "$scratch/err" "introduction.md:1: invalid UTF-8 at byte 3" "the note's line and byte"
[ -s "$scratch/rep/report/report.pdf" ] && ok || bad "the failed run removed the previous draft"

# Every input gets a verdict; --json always prints one JSON document.
mkdir -p "$scratch/in/folder.pdf"
mkfifo "$scratch/in/fifo.pdf"
ln -s loop.pdf "$scratch/in/loop.pdf"
ln -s nowhere.pdf "$scratch/in/dangling.pdf"
inputs=("$papers/wages.pdf" "$scratch/in/missing.pdf" "$scratch/in/folder.pdf" "$scratch/in/fifo.pdf"
        "$scratch/in/loop.pdf" "$scratch/in/dangling.pdf" /dev/null)
timeout 60 "$bin" check --json --pages 5-6 "${inputs[@]}" > "$scratch/check.json" 2> "$scratch/check.err"
[ $? -eq 3 ] && ok || bad "check on unreadable inputs: not exit 3 ($(cat "$scratch/check.err"))"
[ -s "$scratch/check.json" ] && jq -e '.papers | length == 7' "$scratch/check.json" > /dev/null && ok || bad "not one entry per input: $(head -c 300 "$scratch/check.json")"
jq -e '.papers[0].verdict == "pass"' "$scratch/check.json" > /dev/null && ok || bad "the good paper was not checked"
jq -e '[.papers[1:][] | .verdict == "error" and (.error | length > 0)] | all' "$scratch/check.json" > /dev/null && ok \
  || bad "an unreadable input without its own error"
for reason in "no such file" "is a folder, not a file" "is a FIFO" "is a symbolic link loop" "is a dangling symbolic link" "is a device"; do
  expect_text "$scratch/check.json" "$reason" "check names the reason"
done
timeout 60 "$bin" meta --json "${inputs[@]}" > "$scratch/meta.json" 2> "$scratch/meta.err"
[ $? -eq 3 ] && ok || bad "meta on unreadable inputs: not exit 3 ($(cat "$scratch/meta.err"))"
[ -s "$scratch/meta.json" ] && jq -e '(.papers | length == 7) and ([.papers[1:][] | (.error | length > 0)] | all)' "$scratch/meta.json" > /dev/null && ok \
  || bad "meta --json: $(head -c 300 "$scratch/meta.json")"
v=$(venue fifo exhetai-2025)
rm "$v/workshop.yaml" && mkfifo "$v/workshop.yaml"
timeout 30 "$bin" booklet --venue "$v" --check > /dev/null 2> "$scratch/fifo.err"
[ $? -eq 3 ] && ok || bad "a FIFO workshop.yaml: $(cat "$scratch/fifo.err")"
expect_text "$scratch/fifo.err" "workshop.yaml: is a FIFO (named pipe), not a regular file" "FIFO named"

# A .tar.gz cut off at its end is an error for meta.
tar czf "$scratch/src.tar.gz" -C "$src/tests/fixtures/meta/hetflow" .
head -c $(($(stat -c %s "$scratch/src.tar.gz") - 6)) "$scratch/src.tar.gz" > "$scratch/cut.tar.gz"
expect_exit 3 "meta on a cut .tar.gz" -- "$bin" meta "$scratch/cut.tar.gz"
expect_text "$scratch/out" "truncated archive" "meta says truncated"

# Unknown subcommands are named, with the list.
expect_exit 2 "proceedings bogus" -- "$bin" bogus
expect_text "$scratch/err" "unknown subcommand 'bogus'; the subcommands are init, check, meta, build, booklet, report" "bogus named"

# Two clean builds of the same inputs: byte-identical front matter and book.
expect_exit 0 "clean build 1" -- "$bin" build --venue "$src/metadata/exhetai-2025" --papers "$papers" --out "$scratch/r1"
expect_exit 0 "clean build 2" -- "$bin" build --venue "$src/metadata/exhetai-2025" --papers "$papers" --out "$scratch/r2"
for f in exhetai-2025-frontmatter.pdf exhetai-2025-proceedings.pdf exhetai-2025-bundle.zip; do
  cmp -s "$scratch/r1/bundle/$f" "$scratch/r2/bundle/$f" && ok || bad "$f differs between two clean builds"
done
# Zip entries carry real times: a paper its upload's, a made file the newest of its inputs; SOURCE_DATE_EPOCH wins.
unzip -Z -T "$scratch/r1/bundle/exhetai-2025-bundle.zip" > "$scratch/zipinfo"  # not piped: grep -q would SIGPIPE unzip
wages_time=$(date -r "$papers/wages.pdf" +%Y%m%d.%H%M)
grep -q " $wages_time[0-9][0-9] papers/wages.pdf" "$scratch/zipinfo" && ok ||
  bad "papers/wages.pdf in the zip does not carry its upload's time $wages_time: $(grep wages "$scratch/zipinfo")"
newest=$(for f in "$papers"/*.pdf "$src"/metadata/exhetai-2025/*; do [ -f "$f" ] && date -r "$f" +%s; done | sort -n | tail -1)
grep -q " $(date -d "@$newest" +%Y%m%d.%H%M)[0-9][0-9] manifest.json" "$scratch/zipinfo" && ok ||
  bad "manifest.json does not carry the newest input's time: $(grep manifest "$scratch/zipinfo")"
expect_exit 0 "build with SOURCE_DATE_EPOCH" -- env SOURCE_DATE_EPOCH=1763251200 \
  "$bin" build --venue "$src/metadata/exhetai-2025" --papers "$papers" --out "$scratch/r3"
unzip -Z -T "$scratch/r3/bundle/exhetai-2025-bundle.zip" > "$scratch/zipinfo3"
[ "$(grep -c " 2025111[56]\.[0-9]* " "$scratch/zipinfo3")" -ge 7 ] && ok || bad "SOURCE_DATE_EPOCH not every entry's time: $(cat "$scratch/zipinfo3")"

# Another build writing the same folder: exit 5, nothing touched.
flock -o "$scratch/r1/.build/lock" sleep 30 &
holder=$!
cleanup_hooks+=('kill $holder 2>/dev/null')
sleep 0.5
expect_exit 5 "a second build into the same --out" -- "$bin" build --venue "$src/metadata/exhetai-2025" --papers "$papers" --out "$scratch/r1"
expect_text "$scratch/err" "$scratch/r1: another run is writing this folder" "busy message"
kill $holder 2>/dev/null; wait $holder 2>/dev/null

# Disk full while writing the book: the previous bundle stays whole.
cp -r "$papers" "$scratch/papers"
book=$scratch/r1/bundle/exhetai-2025-proceedings.pdf
before=$(sha256sum "$book" | cut -d' ' -f1)
qpdf --object-streams=generate "$papers/wages.pdf" "$scratch/papers/wages.pdf"  # new bytes, same pages
limit_kb=$(( $(stat -c %s "$book") / 1024 * 2 / 3 ))
(trap '' XFSZ; ulimit -f "$limit_kb"; exec "$bin" build --venue "$src/metadata/exhetai-2025" --papers "$scratch/papers" --out "$scratch/r1") \
  > "$scratch/out" 2> "$scratch/err"
[ $? -eq 3 ] && ok || bad "a full disk is not exit 3: $(cat "$scratch/err")"
expect_text "$scratch/err" "disk full?" "the message says why"
[ "$(sha256sum "$book" | cut -d' ' -f1)" = "$before" ] && ok || bad "the previous book was changed"
[ -z "$(find "$scratch/r1" -name '*.tmp-*')" ] && ok || bad "temporary files left: $(find "$scratch/r1" -name '*.tmp-*')"
qpdf --check "$book" > /dev/null && ok || bad "the previous book is damaged"
expect_exit 0 "the same build with room on disk" -- "$bin" build --venue "$src/metadata/exhetai-2025" --papers "$scratch/papers" --out "$scratch/r1"
qpdf --check "$book" > /dev/null && ok || bad "the rebuilt book is damaged"

# Outputs never replace inputs (issue 24 item 8): the report's name forgotten before a glob,
# the CSV written over the venue's papers.yaml, an output folder that is a file.
mkdir -p "$scratch/ow2" && cp "$papers/wages.pdf" "$scratch/ow2/a.pdf" && cp "$papers/wages.pdf" "$scratch/ow2/b.pdf"
sum=$(sha256sum < "$scratch/ow2/a.pdf")
expect_exit 2 "check --html over a PDF" -- "$bin" check --html "$scratch/ow2/a.pdf" "$scratch/ow2/b.pdf"
expect_text "$scratch/err" "--html $scratch/ow2/a.pdf: exists and is not an HTML page" "the PDF is named"
[ "$(sha256sum < "$scratch/ow2/a.pdf")" = "$sum" ] && ok || bad "check --html replaced the PDF"
expect_exit 2 "check --html naming one of its inputs" -- "$bin" check --html "$scratch/ow2/b.pdf" "$scratch/ow2"
expect_text "$scratch/err" "is an input of this run" "the input is named"
expect_exit 0 "check --html to a new page, then over its own previous page" -- "$bin" check --html "$scratch/ow2/r.html" "$scratch/ow2/b.pdf"
expect_exit 0 "check --html replaces its previous page" -- "$bin" check --html "$scratch/ow2/r.html" "$scratch/ow2/b.pdf"
v=$(venue csv-over exhetai-2025)
# ACM mails its form to each paper's contact author: the first author gets an address (issue 25 item 12)
sed -i -E 's/authors: \[([^,]+),/authors: [{name: \1, email: contact@example.org},/' "$v/papers.yaml"
sum=$(sha256sum < "$v/papers.yaml")
expect_exit 2 "export acm-csv --out papers.yaml" -- "$bin" export acm-csv --venue "$v" --out "$v/papers.yaml"
expect_text "$scratch/err" "is an input of this run" "papers.yaml is named as an input"
[ "$(sha256sum < "$v/papers.yaml")" = "$sum" ] && ok || bad "export replaced papers.yaml"
cp "$v/papers.yaml" "$scratch/ow2/copy.yaml"
expect_exit 2 "export acm-csv over an unrelated YAML file" -- "$bin" export acm-csv --venue "$v" --out "$scratch/ow2/copy.yaml"
expect_exit 0 "export acm-csv to a CSV, twice" -- "$bin" export acm-csv --venue "$v" --out "$scratch/ow2/acm.csv"
expect_exit 0 "export acm-csv over its previous CSV" -- "$bin" export acm-csv --venue "$v" --out "$scratch/ow2/acm.csv"
for cmd in "booklet --force" "build --papers $papers" "report"; do
  expect_exit 2 "$cmd --out a file" -- "$bin" $cmd --venue "$v" --out "$scratch/ow2/a.pdf"
  expect_text "$scratch/err" "--out $scratch/ow2/a.pdf: exists and is not a folder" "$cmd names the file"
done
[ "$(sha256sum < "$scratch/ow2/a.pdf")" = "$sum" ] || [ -f "$scratch/ow2/a.pdf" ] && ok || bad "a.pdf was replaced"

finish

#!/usr/bin/env bash
# End-to-end tests of `proceedings meta` as a chair runs it.
# usage: meta.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
fx=$build/fixtures/meta ms=$build/manuscripts/exhetai-2025 venue=$src/metadata/exhetai-2025
jq_true() { if [ -s "$1" ] && jq -e "$2" "$1" > /dev/null; then ok; else bad "$3"; fi; }  # jq 1.6 -e passes an empty file

expect_exit 0 "meta --help" -- "$bin" meta --help
for opt in --json --venue --write "Exit status"; do expect_text "$scratch/out" "$opt" "meta --help documents $opt"; done

# PDF and source of the same paper give the same JSON fields
expect_exit 0 "PDF, folder and archive" -- "$bin" meta --json "$fx/hetflow.pdf" "$src/tests/fixtures/meta/hetflow" "$fx/hetflow.tar.gz"
cp "$scratch/out" "$scratch/three.json"
jq_true "$scratch/three.json" '.papers | length == 3' "three papers"
jq_true "$scratch/three.json" '[.papers[] | {title, authors, abstract, keywords, ccs: [.ccs[].concept]}] | unique | length == 1' \
  "PDF, source folder and archive agree on every field"
jq_true "$scratch/three.json" '.papers[0] | .kind == "pdf" and .pages == 3 and .source.authors == "pdf-layout"' "PDF sources named"
jq_true "$scratch/three.json" '.papers[1].ccs == [{"concept":"Computing methodologies~Parallel computing methodologies","weight":500},{"concept":"Software and its engineering~Compilers","weight":300}]' \
  "CCS weights from source"
jq_true "$scratch/three.json" '.papers[0].authors[2] == {"name":"Jiří Novák","affiliations":[{"position":"","departments":["Department of Computing"],"institution":"Example Institute of Technology","street":"","city":"Brno","state":"","postcode":"","country":"Czech Republic","text":"Department of Computing, Example Institute of Technology, Brno, Czech Republic"}],"additional":[],"emails":["jiri@example.org"],"orcid":"0000-0001-5109-3700"}' \
  "one author, every field, structured, from the PDF"

# cross-check with the bundled workshop: the stand-ins match their records
expect_exit 0 "bundled PDFs match the record" -- "$bin" meta --venue "$venue" "$ms"
expect_text "$scratch/out" "cross-check with 'omnifed': title and authors match" "cross-check line"
expect_exit 0 "bundled sources match the record" -- "$bin" meta --venue "$venue" "$src/manuscripts/exhetai-2025"
expect_exit 1 "a paper the record does not know" -- "$bin" meta --venue "$venue" "$fx/solo.pdf"
expect_text "$scratch/out" "no-record: no accepted paper in papers.yaml has the id 'solo'" "no-record message"

# a record that differs: a copy of the workshop with one author renamed and one dropped
cp -r "$venue" "$scratch/venue"
sed -i 's/Gourav Rattihalli, Aditya Dhakal/Gaurav Rattihalli/' "$scratch/venue/papers.yaml"
expect_exit 1 "mismatching record" -- "$bin" meta --json --venue "$scratch/venue" "$ms/wages.pdf"
jq_true "$scratch/out" '[.papers[0].crosscheck.mismatches[].kind] == ["author-spelling","author-added"]' \
  "spelling and added author reported: $(jq -c '.papers[0].crosscheck' "$scratch/out")"

# --write fills gaps in a copy, keeps hand edits, and a second run changes nothing
cp -r "$venue" "$scratch/w"
sed -i 's/authors: \[Tianyu Wang,/authors: [{name: Tianyu Wang, affiliation: Hand Lab},/' "$scratch/w/papers.yaml"
expect_exit 1 "--write with an unknown paper" -- "$bin" meta --venue "$scratch/w" --write "$ms/wages.pdf" "$fx/hetflow.pdf"
expect_text "$scratch/err" "wages: Gourav Rattihalli: affiliation set to 'Affiliation not given in the public program, Unknown'" "change printed"
expect_text "$scratch/err" "hetflow: added" "new paper printed"
expect_text "$scratch/w/papers.yaml" "affiliation: Hand Lab" "hand edit kept"
expect_text "$scratch/w/papers.yaml" "# Accepted papers as the public program lists them" "header comment kept"
expect_exit 0 "second --write" -- "$bin" meta --venue "$scratch/w" --write "$ms/wages.pdf" "$fx/hetflow.pdf"
expect_text "$scratch/err" "papers.yaml: no change" "idempotent"
expect_exit 0 "written file still loads" -- "$bin" check --venue "$scratch/w" "$ms/wages.pdf"

# bad input: one line, documented exit codes
expect_exit 2 "--write without --venue" -- "$bin" meta --write "$ms/wages.pdf"
expect_text "$scratch/err" "proceedings: --write: needs --venue" "write message"
expect_exit 3 "missing input" -- "$bin" meta "$scratch/none.pdf"
expect_exit 3 "unreadable PDF among good ones" -- "$bin" meta "$ms/wages.pdf" "$build/fixtures/truncated.pdf"
expect_text "$scratch/out" "error: truncated PDF" "error shown in the report"
printf 'not a zip' > "$scratch/bad.zip"
expect_exit 3 "broken archive" -- "$bin" meta "$scratch/bad.zip"
expect_text "$scratch/out" "not a readable archive" "archive message"
mkdir "$scratch/empty"
expect_exit 3 "folder with nothing to read" -- "$bin" meta "$scratch/empty"

# inputs are never written to
before=$(cd "$src/manuscripts" && find . -type f | sort | xargs sha256sum | sha256sum)
"$bin" meta "$src/manuscripts/exhetai-2025" > /dev/null 2>&1
after=$(cd "$src/manuscripts" && find . -type f | sort | xargs sha256sum | sha256sum)
[ "$before" = "$after" ] && ok || bad "meta changed its inputs"


# A line of 100 000 characters: std::regex recursed once per character and
# overflowed the stack (exit 139); core's Regex reads it
mkdir -p "$scratch/longline"
{ printf '\\documentclass{article}\n\\title{Long Lines}\n\\verb|'; head -c 100000 /dev/zero | tr '\0' x; printf '\n\\begin{document}\\maketitle\\end{document}\n'; } > "$scratch/longline/main.tex"
expect_exit 0 "a source with a line of 100 000 characters" -- "$bin" meta --json "$scratch/longline"
jq_true "$scratch/out" '.papers[0].title == "Long Lines"' "the title of the source with a long line"

# issue 24 item 13: text that is not UTF-8 (a Latin-1 source, a file name,
# a PDF's broken UTF-16) comes out as UTF-8; --json stays one valid document
utf8_ok() { if iconv -f UTF-8 -t UTF-8 "$1" > /dev/null 2>&1; then ok; else bad "$2: not UTF-8"; fi; }
latin1_paper() {  # FOLDER [DECLARATION]
  mkdir -p "$1"
  printf '\\documentclass{acmart}\n%s\n\\title{Caf\xe9 Soci\xe9t\xe9}\n\\author{Jos\xe9 M\xfcller}\n\\affiliation{\\institution{Universit\xe9 Exemple}\\city{Montr\xe9al}\\country{Canada}}\n\\begin{document}\n\\maketitle\n\\end{document}\n' "${2:-}" > "$1/main.tex"
}
latin1_paper "$scratch/declared" '\usepackage[latin1]{inputenc}'
latin1_paper "$scratch/undeclared"
expect_exit 0 "Latin-1 sources, declared and not" -- "$bin" meta --json "$scratch/declared" "$scratch/undeclared"
jq_true "$scratch/out" '[.papers[] | .title] == ["Café Société", "Café Société"]' "Latin-1 titles decoded"
jq_true "$scratch/out" '[.papers[] | .authors[0].name, .authors[0].affiliations[0].city] == ["José Müller", "Montréal", "José Müller", "Montréal"]' \
  "Latin-1 names and places decoded"
jq_true "$scratch/out" '(.papers[0].notes | length == 0) and (.papers[1].notes | any(test("read as Latin-1")))' \
  "the fallback to Latin-1 is noted, a declared encoding is not"
expect_exit 0 "text report of a Latin-1 source" -- "$bin" meta "$scratch/undeclared"
utf8_ok "$scratch/out" "text report of a Latin-1 source"
cp -r "$venue" "$scratch/w8"
expect_exit 1 "--write a Latin-1 source" -- "$bin" meta --venue "$scratch/w8" --write "$scratch/declared"
utf8_ok "$scratch/w8/papers.yaml" "papers.yaml written from a Latin-1 source"
expect_text "$scratch/w8/papers.yaml" "Café Société" "the title written as UTF-8"
expect_exit 0 "the written papers.yaml still loads" -- "$bin" meta --venue "$scratch/w8" "$ms/wages.pdf"

latin1_name="$scratch/caf$(printf '\xe9').pdf"
cp "$ms/wages.pdf" "$latin1_name"
expect_exit 0 "a file name that is not UTF-8" -- "$bin" meta --json "$latin1_name"
jq_true "$scratch/out" '.papers[0].input | endswith("caf\ufffd.pdf")' "the name with U+FFFD in JSON"
expect_exit 3 "an unreadable file whose name is not UTF-8" -- "$bin" meta --json "$scratch/gone-$(printf '\xe9').pdf"
jq_true "$scratch/out" '.papers[0].input | endswith("gone-\ufffd.pdf")' "the unreadable file's name with U+FFFD in JSON"
expect_exit 0 "the same name in the text report" -- "$bin" meta "$latin1_name"
expect_text "$scratch/out" "== $scratch/caf�.pdf (pdf" "the name with U+FFFD in text"

# Info /Keywords in UTF-16 that ends in a lone surrogate (MuPDF passes it on as bytes that are not UTF-8)
qpdf --qdf --object-streams=disable "$ms/wages.pdf" "$scratch/wages.qdf"
sed '/^  \/CreationDate (D:/a\  /Keywords <FEFF004700500055002C0020004C004C004DD800>' "$scratch/wages.qdf" | fix-qdf > "$scratch/keywords.pdf"
expect_exit 0 "PDF Info keywords in broken UTF-16" -- "$bin" meta --json "$scratch/keywords.pdf"
jq_true "$scratch/out" '.papers[0].keywords == ["GPU", "LLM\ufffd\ufffd\ufffd"] and .papers[0].source.keywords == "pdf-info"' \
  "the broken keyword repaired: $(jq -c '.papers[0].keywords' "$scratch/out" 2>&1 | head -c 200)"

# issue 24 item 14: a papers.yaml with CR LF line ends keeps them, its comments and its styles
cp -r "$venue" "$scratch/crlf"
sed -i 's/$/\r/' "$scratch/crlf/papers.yaml"
cp "$scratch/crlf/papers.yaml" "$scratch/crlf-before.yaml"
expect_exit 1 "--write to a CR LF papers.yaml" -- "$bin" meta --venue "$scratch/crlf" --write "$fx/hetflow.pdf"
[ "$(grep -c $'\r$' "$scratch/crlf/papers.yaml")" = "$(wc -l < "$scratch/crlf/papers.yaml")" ] && ok ||
  bad "every line of the CR LF papers.yaml still ends in CR LF"
diff <(tr -d '\r' < "$scratch/crlf-before.yaml") <(tr -d '\r' < "$scratch/crlf/papers.yaml") > "$scratch/crlf.diff"
grep -q '^<' "$scratch/crlf.diff" && bad "a line of the CR LF papers.yaml changed: $(head -c 300 "$scratch/crlf.diff")" || ok
grep -q '^> *- id: hetflow' "$scratch/crlf.diff" && ok || bad "the new paper added to the CR LF papers.yaml"

finish

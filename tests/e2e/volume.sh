#!/usr/bin/env bash
# End-to-end test of a volume of workshops (issue 30): ExHetAI'25 and two
# generated workshops (scripts/make-volume.sh) in one volume.yaml; `build
# --volume` (part order, outline, page labels, contents, author index, the
# manifest's pages against the book, incremental rebuilds, each paper checked
# against its own workshop's rules), `export acm-csv --volume` (sections and
# sequence numbers), `check --volume` (a summary per workshop) and `status
# --volume` (its table, and its --html page: a section per workshop).
# usage: volume.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
manuscripts=$build/manuscripts/exhetai-2025
gen=$scratch/gen
"$src/scripts/make-volume.sh" "$gen" 3 2 "$manuscripts" "$src" 3 > /dev/null || { bad "make-volume.sh failed"; finish; exit; }
vol=$gen/volume papers=$gen/papers out=$scratch/volume-out
# ExHetAI'25 first (its own folder, with contact addresses for ACM's CSV), then generated workshops 2 and 3.
cp -r "$src/metadata/exhetai-2025" "$gen/exhetai-2025"
sed -i -E 's/authors: \[([^,]+),/authors: [{name: \1, email: contact@example.org},/' "$gen/exhetai-2025/papers.yaml"
# ExHetAI'25 in Room 263 on the 16th; the generated workshops 2 and 3 are on the 18th in Room 203 and on the 16th in Room 201
sed -i 's/^program:$/program:\n  room: "Room 263"/' "$gen/exhetai-2025/workshop.yaml"
mkdir -p "$papers/exhetai-2025" && cp "$manuscripts"/*.pdf "$papers/exhetai-2025/"
sed -i -e '/^workshops:/,$d' "$vol/volume.yaml"
printf 'workshops:\n  - ../exhetai-2025\n  - w2\n  - w3\n' >> "$vol/volume.yaml"

expect_exit 0 "build --help" -- "$bin" build --help
expect_text "$scratch/out" "--volume" "help documents --volume"
expect_exit 2 "--venue and --volume" -- "$bin" build --venue "$gen/exhetai-2025" --volume "$vol" --papers "$papers" --out "$out"
expect_exit 2 "--venue of a volume folder" -- "$bin" build --venue "$vol" --papers "$papers" --out "$out"
expect_text "$scratch/err" "--volume" "a volume folder given to --venue points to --volume"

expect_exit 0 "build --volume" -- "$bin" build --volume "$vol" --papers "$papers" --out "$out"
bundle=$out/bundle book=$bundle/sc-workshops-2025-proceedings.pdf
expect_text "$scratch/out" "8 papers" "all eight papers of the three workshops in the book"
for f in sc-workshops-2025-proceedings.pdf sc-workshops-2025-frontmatter.pdf manifest.json sc-workshops-2025.bib \
  sc-workshops-2025-bundle.zip papers/omnifed.pdf papers/w2-p1.pdf papers/w3-p2.pdf; do
  [ -s "$bundle/$f" ] && ok || bad "the bundle has no $f"
done
grep -c "@inproceedings" "$bundle/sc-workshops-2025.bib" | grep -qx 8 && ok || bad "the BibTeX has not 8 entries"
[ "$(unzip -Z1 "$bundle/sc-workshops-2025-bundle.zip" | grep -c '^papers/')" = 8 ] && ok || bad "the zip has not 8 papers"

# the outline: front matter, the parts in the volume's order each with its papers, the author index
qpdf --json --json-key=outlines "$book" > "$scratch/outlines.json"
jq -r '.outlines[].title' "$scratch/outlines.json" > "$scratch/top"
printf '%s\n' Cover Copyright Contents "Message from the Workshops Chairs" Organization \
  "ExHetAI'25: The Workshop on Extreme Heterogeneity and AI Convergence in HPC" \
  "GW2'25: The Workshop on Generated Topic 2" "GW3'25: The Workshop on Generated Topic 3" "Author Index" > "$scratch/top.want"
cmp -s "$scratch/top" "$scratch/top.want" && ok || bad "outline: $(tr '\n' '|' < "$scratch/top")"
jq -r '.outlines[6].kids[].title' "$scratch/outlines.json" | tr '\n' '|' > "$scratch/kids"
expect_text "$scratch/kids" "Generated Paper 1 of Workshop 2|Generated Paper 2 of Workshop 2|" "workshop 2's papers under its part"
[ "$(jq '.outlines[5].kids | length' "$scratch/outlines.json")" = 4 ] && ok || bad "ExHetAI'25's part has not its 4 papers"

# page labels: roman front matter, each part labelled with its acronym, the papers 1, 2, ... through the volume
labels() { mutool show "$book" trailer/Root/PageLabels/Nums 2> /dev/null | tr -s ' \n' ' '; }
labels > "$scratch/labels"
expect_text "$scratch/labels" "/P (ExHetAI'25 )" "ExHetAI'25's part pages labelled"
expect_text "$scratch/labels" "/P (GW3'25 )" "workshop 3's part pages labelled"
python3 - "$book" "$bundle/manifest.json" > "$scratch/pages.check" 2>&1 <<'PY'
import json, subprocess, sys
book, manifest = sys.argv[1], json.load(open(sys.argv[2]))
# each paper's first and last page: the book page the manifest names carries its folio (pdftotext)
for p in manifest["papers"]:
    for which in ("first", "last"):
        n = p["book_pages"][which]
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), book, "-"], capture_output=True, text=True).stdout
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        folio = str(p["pages"][which])
        if folio not in lines[-3:] and not any(l.endswith(" " + folio) for l in lines[-3:]):
            print(f"BAD {p['id']} {which}: book page {n} does not end with folio {folio}: {lines[-3:]}")
    if p["pages"]["last"] - p["pages"]["first"] != p["book_pages"]["last"] - p["book_pages"]["first"]:
        print(f"BAD {p['id']}: page ranges differ in length")
firsts = [p["pages"]["first"] for p in manifest["papers"]]
print("arabic", firsts[0], "ordered", firsts == sorted(firsts))
print("workshops", " ".join(p["workshop"] for p in manifest["papers"]))
PY
grep -q BAD "$scratch/pages.check" && bad "manifest against the book: $(grep BAD "$scratch/pages.check" | head -3)" || ok
expect_text "$scratch/pages.check" "arabic 1 ordered True" "papers numbered from 1 through the volume"
expect_text "$scratch/pages.check" "workshops exhetai-2025 exhetai-2025 exhetai-2025 exhetai-2025 w2 w2 w3 w3" "papers in the parts' order"
# the page label of a paper's first page is its page number in the volume
first_w3=$(jq -r '.papers[] | select(.id == "w3-p1") | "\(.book_pages.first) \(.pages.first)"' "$bundle/manifest.json")
qpdf --json --json-key=pagelabels "$book" | jq -r --argjson at "${first_w3% *}" \
  '[.pagelabels[] | select(.index <= ($at - 1))] | last | "\(.index) \(.label["/St"] // 1) \(.label["/S"])"' > "$scratch/label"
read -r index start style < "$scratch/label"
[ "$style" = "/D" ] && [ $(( start + ${first_w3% *} - 1 - index )) = "${first_w3#* }" ] && ok ||
  bad "w3-p1's label: range at $index from $start ($style), wanted page ${first_w3#* }"

# contents by workshop, and the author index over the whole volume
pdftotext -f 3 -l 4 "$book" "$scratch/contents.txt"
# (TeX prints the acronyms' apostrophes as ’)
expect_text "$scratch/contents.txt" "ExHetAI’25: The Workshop on Extreme Heterogeneity" "contents names ExHetAI'25"
expect_text "$scratch/contents.txt" "GW3’25: The Workshop on Generated Topic 3" "contents names workshop 3"
expect_text "$scratch/contents.txt" "Generated Paper 2 of Workshop 3" "contents lists workshop 3's papers"
total=$(pdfinfo "$book" | sed -n 's/^Pages: *//p')
pdftotext -f "$total" -l "$total" "$book" "$scratch/index.txt"
expect_text "$scratch/index.txt" "Author Index" "the last page is the author index"
expect_text "$scratch/index.txt" "Ångström, Zoë" "the index holds the generated workshops' authors"
expect_text "$scratch/index.txt" "Milojicic, Dejan" "and ExHetAI'25's"
# each part's own pages: its title page and its program before its papers
w2_first=$(jq -r '.papers[] | select(.id == "w2-p1") | .book_pages.first' "$bundle/manifest.json")
pdftotext -f $((w2_first - 4)) -l $((w2_first - 1)) "$book" "$scratch/part2.txt"
expect_text "$scratch/part2.txt" "GW2’25" "workshop 2's title page before its papers"
expect_text "$scratch/part2.txt" "Program" "workshop 2's program before its papers"

# incremental: unchanged does nothing; one paper changed with the same page count is stamped alone
expect_exit 0 "unchanged rebuild" -- "$bin" build --volume "$vol" --papers "$papers" --out "$out"
expect_text "$scratch/out" "is up to date; nothing to do" "an unchanged volume is not rebuilt"
# w2-p2 is 6 pages (scripts/make-volume.sh); its new version too: sparse-wse (5) and a page of wages
rm "$papers/w2/w2-p2.pdf" && qpdf --empty --pages "$manuscripts/sparse-wse.pdf" "$manuscripts/wages.pdf" 1 -- "$papers/w2/w2-p2.pdf"
expect_exit 0 "rebuild after one paper changed" -- "$bin" build --volume "$vol" --papers "$papers" --out "$out"
expect_text "$scratch/out" "stamped 1 paper(s) (w2-p2)" "one changed paper stamped alone"
expect_text "$scratch/out" "front matter reused" "the front matter reused"
# an unchanged rebuild compares the files' stamps (OUT/.build/volume-inputs.json) instead of reading the YAML:
# a file touched but not changed is read again and found the same; a changed one is built again
touch "$vol/w2/workshop.yaml"
expect_exit 0 "rebuild after a workshop.yaml was touched" -- "$bin" build --volume "$vol" --papers "$papers" --out "$out"
expect_text "$scratch/out" "is up to date; nothing to do" "a touched but unchanged file changes nothing"
echo "One more sentence from the chairs of workshop 3." >> "$vol/w3/message.md"
expect_exit 0 "rebuild after a workshop's message changed" -- "$bin" build --volume "$vol" --papers "$papers" --out "$out"
expect_text "$scratch/out" "front matter typeset" "an edited workshop message is typeset again"
expect_exit 0 "unchanged again" -- "$bin" build --volume "$vol" --papers "$papers" --out "$out"
expect_text "$scratch/out" "is up to date; nothing to do" "up to date after it"

# each paper against its own workshop's rules: an 8-page paper passes workshop 2 (up to 8 or 9) but not ExHetAI'25 (6)
cp -r "$papers" "$scratch/papers-long" && cp "$gen/papers/.omnifed8.pdf" "$scratch/papers-long/exhetai-2025/wages.pdf"
expect_exit 1 "ExHetAI'25's rules refuse an 8-page paper" -- "$bin" build --volume "$vol" --papers "$scratch/papers-long" --out "$scratch/out-long"
expect_text "$scratch/err" "wages.pdf" "the failing paper named"
grep -q "w2-p1.pdf" "$scratch/err" && bad "a paper of workshop 2 was judged by ExHetAI'25's rules" || ok
expect_exit 1 "check --volume" -- "$bin" check --volume "$vol" "$scratch/papers-long"
expect_text "$scratch/out" "ExHetAI'25: 4 papers, 3 pass, 1 fail" "check --volume summarises ExHetAI'25"
expect_text "$scratch/out" "GW2'25: 2 papers, 2 pass, 0 fail" "check --volume summarises workshop 2"
expect_exit 0 "check --volume, all passing" -- "$bin" check --volume "$vol" "$papers"
# status over the volume: one table of every workshop's papers, with their pages in the volume's book
expect_exit 1 "status --volume, a failing paper" -- "$bin" status --volume "$vol" --papers "$scratch/papers-long"
expect_text "$scratch/out" "ExHetAI'25: The Workshop on Extreme Heterogeneity and AI Convergence in HPC: 4 papers: 3 ready, 1 failing" "status --volume counts ExHetAI'25's failing paper"
expect_exit 0 "status --volume" -- "$bin" status --volume "$vol" --papers "$papers" --book "$out"
w3p1=$(jq -r '.papers[] | select(.id == "w3-p1") | "pp. \(.pages.first)-\(.pages.last)"' "$bundle/manifest.json")
grep -E "^w3 +w3-p1 +ready .*$w3p1\$" "$scratch/out" > /dev/null && ok || bad "status --volume: no ready w3-p1 row with $w3p1: $(grep w3-p1 "$scratch/out")"
expect_text "$scratch/out" "GW2'25: The Workshop on Generated Topic 2: 2 papers: 2 ready, 0 failing, 0 missing" "status --volume summarises workshop 2"
# status --volume --html: one page, the volume's total summary, then a section per workshop (title, summary, table)
expect_exit 1 "status --volume --html" -- "$bin" status --volume "$vol" --papers "$scratch/papers-long" --html "$scratch/volume-status.html"
[ -s "$scratch/volume-status.html" ] && ok || bad "status --volume --html wrote no page"
cp "$scratch/out" "$scratch/volume-status.txt"
expect_exit 1 "status --volume --json" -- "$bin" status --volume "$vol" --papers "$scratch/papers-long" --json
cp "$scratch/out" "$scratch/volume-status.json"
python3 - "$scratch/volume-status.html" "$scratch/volume-status.txt" "$scratch/volume-status.json" > "$scratch/page-check.txt" 2>&1 <<'PY'
import html, json, re, sys
page = html.unescape(open(sys.argv[1], encoding="utf-8").read())
titles = re.findall(r"^(.*): \d+ papers?: ", open(sys.argv[2], encoding="utf-8").read(), re.M)
workshops = json.load(open(sys.argv[3], encoding="utf-8"))["workshops"]
ids = [p["id"] for w in workshops for p in w["papers"]]
problems = [f"no section for {t}" for t in titles if f"<h2>{t}</h2>" not in page]
problems += [f"paper {i} missing" for i in ids if f"<strong>{i}</strong>" not in page]
if len(titles) != len(workshops) or len(workshops) != 3: problems.append(f"{len(titles)} titles, {len(workshops)} workshops")
total = f"{len(workshops)} workshops, {len(ids)} papers: {len(ids) - 1} ready, 1 failing, 0 missing"
if total not in page: problems.append(f"no total summary '{total}'")
print("\n".join(p for p in problems if p), end="")
PY
[ ! -s "$scratch/page-check.txt" ] && ok || bad "status --volume --html: $(head -c 600 "$scratch/page-check.txt")"
expect_valid_html "$scratch/volume-status.html" "html-validate of the volume's status page"
expect_renders "$scratch/volume-status.html" "the volume's status page" 1200,900 390,844

# the ACM record is the volume's: a workshop contradicting it is refused, naming both files
cp -r "$gen" "$scratch/contra"
sed -i 's/^  dates: .*/  dates: "November 17, 2025"/' "$scratch/contra/exhetai-2025/workshop.yaml"
expect_exit 2 "a workshop contradicting the volume's ACM record" -- "$bin" build --volume "$scratch/contra/volume" --papers "$papers" --out "$scratch/out-contra"
expect_text "$scratch/err" "$scratch/contra/exhetai-2025/workshop.yaml: acm.dates is 'November 17, 2025', but the volume's $scratch/contra/volume/volume.yaml says 'November 16–21, 2025'" "both files named"

# ACM's CSV of the volume: sections = workshops in the volume's order, article numbers across the volume, pages from the book
expect_exit 0 "export acm-csv --volume" -- "$bin" export acm-csv --volume "$vol" --book "$bundle" --out "$scratch/acm.csv"
python3 - "$scratch/acm.csv" "$bundle/manifest.json" > "$scratch/csv.check" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
pages = {p["id"]: p["pages"] for p in json.load(open(sys.argv[2]))["papers"]}
papers = []
for r in rows:
    key = (r["section_seq_no"], r["section_title"], r["article_seq_no"], r["theTitle"], r["start_page"], r["end_page"])
    if not papers or papers[-1] != key: papers.append(key)
print("sections", "|".join(sorted({f"{s} {t}" for s, t, *_ in papers})))
print("articles", " ".join(a for _, _, a, *_ in papers))
titles = {"Generated Paper 1 of Workshop 3": "w3-p1", "Generated Paper 2 of Workshop 2": "w2-p2"}
for _, _, _, title, first, last in papers:
    if title in titles:
        p = pages[titles[title]]
        print("pages", titles[title], "ok" if (int(first), int(last)) == (p["first"], p["last"]) else f"BAD {first}-{last} vs {p}")
PY
expect_text "$scratch/csv.check" "sections 1 ExHetAI'25: The Workshop on Extreme Heterogeneity and AI Convergence in HPC|2 GW2'25: The Workshop on Generated Topic 2|3 GW3'25: The Workshop on Generated Topic 3" "the CSV's sections are the workshops in order"
expect_text "$scratch/csv.check" "articles 1 2 3 4 5 6 7 8" "article numbers across the volume"
expect_text "$scratch/csv.check" "pages w3-p1 ok" "w3-p1's pages from the volume's book"
expect_text "$scratch/csv.check" "pages w2-p2 ok" "w2-p2's pages from the volume's book"

# the volume's program (item 5, the program engineer's booklet --volume): 2 days, 3 rooms
expect_exit 0 "booklet --volume" -- "$bin" booklet --volume "$vol" --out "$scratch/bk" --format html,ics,xml
stem=$scratch/bk/booklet/sc-workshops-2025-program
xsd=$src/../shared/standards/frab-schedule.xml.xsd
if [ -f "$xsd" ]; then
  xmllint --noout --schema "$xsd" "$stem.xml" 2> "$scratch/xsd.err" && ok || bad "frab XML fails the schema: $(head -c 600 "$scratch/xsd.err")"
else
  echo "SKIP: frab schema check: $xsd is absent"
fi
[ "$(xmllint --xpath 'count(/schedule/day)' "$stem.xml")" = 2 ] && ok || bad "frab: not 2 days"
rooms=$(xmllint --xpath '//room/@name' "$stem.xml" | grep -o 'name="[^"]*"' | sort -u | tr '\n' ' ')
[ "$rooms" = 'name="Room 201" name="Room 203" name="Room 263" ' ] && ok || bad "frab: rooms $rooms"
for checker in check_ics.py check_ics_libical.py; do
  /usr/bin/python3 "$src/tests/validators/$checker" "$stem.ics" > "$scratch/ics.txt" 2>&1 && ok ||
    bad "$checker: $(grep -E 'PROBLEM|Error|rror' "$scratch/ics.txt" | head -5)"
  expect_text "$scratch/ics.txt" " 0 problems" "$checker: every event read"
done
[ "$(grep -c '<table class="grid"' "$stem.html")" = 2 ] && ok || bad "the web page has not one grid per day"
expect_valid_html "$stem.html" "html-validate of the volume's program"

finish

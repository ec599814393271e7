#!/usr/bin/env bash
# End-to-end tests of `proceedings import` and `proceedings export acm-csv`,
# on export files written from HotCRP's and EasyChair's documented formats.
# usage: import.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2
fx=$src/tests/fixtures/import
venue=$scratch/venue
fresh_venue() {
  rm -rf "$venue" && mkdir -p "$venue"
  printf 'id: v\nacronym: V\nname: V\nkind: workshop\ndate: 2025-11-16\ntimezone: America/Chicago\norganizers: [Ada]\n' > "$venue/workshop.yaml"
}
yaml_field() { python3 -c 'import sys,yaml; d=yaml.safe_load(open(sys.argv[1])); p=[x for x in d["papers"] if x["id"]==sys.argv[2]][0]; print(eval(sys.argv[3], {"p": p}))' "$venue/papers.yaml" "$1" "$2"; }

# HotCRP JSON: dry run writes nothing; --write adds the accepted papers only
fresh_venue
expect_exit 0 "hotcrp dry run" -- "$bin" import --venue "$venue" "$fx/hotcrp.json"
expect_text "$scratch/out" "would add flowlite (hotcrp:7)" "dry run lists the additions"
expect_text "$scratch/out" "skipped hotcrp:9 'A Survey We Withdrew': withdrawn" "the withdrawn paper is skipped"
expect_text "$scratch/out" "skipped hotcrp:12 'An Idea the Reviewers Declined': decision 'rejected'" "the rejected paper is skipped"
[ ! -e "$venue/papers.yaml" ] && ok || bad "a dry run wrote papers.yaml"
expect_exit 0 "hotcrp --write" -- "$bin" import --venue "$venue" --write "$fx/hotcrp.json"
[ "$(yaml_field flowlite 'p["authors"][0]["name"]')" = "Zoë Ångström" ] && ok || bad "given_name/family_name (HotCRP 3.3) read"
[ "$(yaml_field scheduling-stencils-heterogeneous-nodes 'p["authors"][1]["name"]')" = "Jiří Novák" ] && ok || bad "first/last read"
[ "$(yaml_field tensor-cores-sparse-solvers 'p["authors"][1]["name"]')" = "Olúwadámilọ́lá Adé" ] && ok || bad "a single name read"
[ "$(yaml_field scheduling-stencils-heterogeneous-nodes 'p["submission"]')" = "hotcrp:3" ] && ok || bad "submission number recorded"
[ "$(yaml_field scheduling-stencils-heterogeneous-nodes 'p["authors"][2]["affiliation"]')" = "Universidad de Chile" ] && ok || bad "shared affiliation"
python3 -c 'import yaml,sys; d=yaml.safe_load(open(sys.argv[1])); sys.exit(0 if len(d["papers"])==3 else 1)' "$venue/papers.yaml" && ok || bad "three accepted papers"

# A re-import that changes nothing
cp "$venue/papers.yaml" "$scratch/before.yaml"
expect_exit 0 "re-import" -- "$bin" import --venue "$venue" --write "$fx/hotcrp.json"
expect_text "$scratch/out" "0 change(s), 0 conflict(s)" "a re-import changes nothing"
cmp -s "$venue/papers.yaml" "$scratch/before.yaml" && ok || bad "papers.yaml changed on a re-import"

# The title changed in HotCRP only: taken, the id stays
sed 's/"FlowLite: Lightweight Workflows for Exascale AI"/"FlowLite: Lightweight Workflows for Exascale and AI"/' "$fx/hotcrp.json" > "$scratch/renamed.json"
expect_exit 0 "title changed in the export" -- "$bin" import --venue "$venue" --write "$scratch/renamed.json"
expect_text "$scratch/out" "change paper flowlite (hotcrp:7): title: 'FlowLite: Lightweight Workflows for Exascale AI' → 'FlowLite: Lightweight Workflows for Exascale and AI'" "title change listed"
[ "$(yaml_field flowlite 'p["title"]')" = "FlowLite: Lightweight Workflows for Exascale and AI" ] && ok || bad "new title written under the same id"

# A person's edit stays; changed in both places is a conflict (exit 1), papers.yaml kept
sed -i 's/title: "Tensor Cores for Sparse Solvers"/title: "Tensor Cores for Sparse Linear Solvers"/' "$venue/papers.yaml"
cp "$venue/papers.yaml" "$scratch/edited.yaml"
expect_exit 0 "person's edit kept" -- "$bin" import --venue "$venue" --write "$scratch/renamed.json"
[ "$(yaml_field tensor-cores-sparse-solvers 'p["title"]')" = "Tensor Cores for Sparse Linear Solvers" ] && ok || bad "the chair's title was overwritten"
sed 's/"Tensor Cores for Sparse Solvers"/"Tensor Cores for Sparse Direct Solvers"/' "$scratch/renamed.json" > "$scratch/both.json"
expect_exit 1 "conflict" -- "$bin" import --venue "$venue" --write "$scratch/both.json"
expect_text "$scratch/out" "conflict: tensor-cores-sparse-solvers (hotcrp:15): title differs: papers.yaml has 'Tensor Cores for Sparse Linear Solvers', the export 'Tensor Cores for Sparse Direct Solvers' (papers.yaml kept; resolve with --take-export tensor-cores-sparse-solvers.title or --keep-mine tensor-cores-sparse-solvers.title, or edit papers.yaml to match)" "conflict listed"
cmp -s "$venue/papers.yaml" "$scratch/edited.yaml" && ok || bad "papers.yaml changed on a conflict"

# EasyChair: the ACM data XML (sequence_no order, middle name, ORCID) and the CSV pair
fresh_venue
expect_exit 0 "easychair xml" -- "$bin" import --venue "$venue" --write "$fx/easychair-acm.xml"
[ "$(yaml_field scheduling-stencils-heterogeneous-nodes 'p["authors"][0]["name"]')" = "Ana María Núñez" ] && ok || bad "XML authors in sequence_no order with the middle name"
[ "$(yaml_field scheduling-stencils-heterogeneous-nodes 'p["authors"][1]["orcid"]')" = "0000-0002-1825-0097" ] && ok || bad "XML ORCID"
[ "$(yaml_field scheduling-stencils-heterogeneous-nodes 'p["authors"][1]["affiliations"][0]["country"]')" = "Czech Republic" ] && ok || bad "XML country in the structured affiliation"
[ "$(yaml_field flowlite 'len(p["authors"][0]["affiliations"])')" = "2" ] && ok || bad "XML two affiliations"
fresh_venue
expect_exit 0 "easychair csv pair" -- "$bin" import --venue "$venue" --write "$fx/easychair-author.csv" "$fx/easychair-submission.csv"
expect_text "$scratch/out" "skipped easychair:9 'A Survey We Withdrew': withdrawn" "deleted? yes is withdrawn"
[ "$(yaml_field scheduling-stencils-heterogeneous-nodes 'p["abstract"]')" = 'We schedule stencil codes across CPUs and GPUs, "fast".' ] && ok || bad "quoted CSV abstract"
[ "$(yaml_field scheduling-stencils-heterogeneous-nodes 'p["authors"][1]["affiliations"][0]["institution"]')" = "Brno University of Technology" ] && ok || bad "author.csv joined"
expect_exit 2 "submission.csv alone" -- "$bin" import --venue "$venue" "$fx/easychair-submission.csv"
expect_text "$scratch/err" "give its author.csv too" "the missing half is named"

# Any CSV with a mapping: one author cell, or repeated author columns
fresh_venue
expect_exit 0 "one-cell authors" -- "$bin" import --venue "$venue" --write --map "number=ID,title=Paper Title,authors=Authors,decision=Status" "$fx/sheet-one-cell.csv"
[ "$(yaml_field tensor-cores-sparse-solvers 'len(p["authors"][0]["affiliations"])')" = "2" ] && ok || bad "'A (X; Y)' gives two affiliations"
[ "$(yaml_field scheduling-stencils-heterogeneous-nodes 'p["authors"][2]["name"]')" = "Bo Li" ] && ok || bad "'and' separates authors"
fresh_venue
expect_exit 0 "repeated author columns" -- "$bin" import --venue "$venue" --write --map "$fx/sheet-columns.map" "$fx/sheet-columns.csv"
[ "$(yaml_field scheduling-stencils-heterogeneous-nodes 'len(p["authors"])')" = "3" ] && ok || bad "three author column groups"
expect_exit 2 "a CSV without a map" -- "$bin" import --venue "$venue" "$fx/sheet-one-cell.csv"
expect_text "$scratch/err" "sheet-one-cell.csv:1: is not EasyChair's submission.csv or author.csv; give --map" "unknown CSV named"
expect_exit 2 "bad map column" -- "$bin" import --venue "$venue" --map "title=Nope" "$fx/sheet-one-cell.csv"
expect_text "$scratch/err" "has no column 'Nope'" "missing column named"
printf '{"not": "hotcrp"}' > "$scratch/bad.json"
expect_exit 2 "not an export" -- "$bin" import --venue "$venue" "$scratch/bad.json"

# Hostile exports (issue 24 items 2, 6): refused with the file and the record, papers.yaml not written.
# A 260 KB EasyChair XML whose one 200 KB entity is used 20 000 times (4 GB once expanded), read in 1 GB of memory.
fresh_venue
python3 - "$scratch/laughs.xml" <<'PY'
import sys
body = "&laugh;" * 20000
open(sys.argv[1], "w").write('<?xml version="1.0"?>\n<!DOCTYPE erights_record [\n<!ENTITY laugh "' + "ha" * 100000 + '">\n]>\n'
    "<erights_record><paper><event_tracking_number>1</event_tracking_number><paper_title>" + body +
    "</paper_title></paper></erights_record>\n")
PY
expect_exit 2 "an XML export with a DTD" -- bash -c 'ulimit -v 1000000; exec timeout 60 "$@"' _ "$bin" import --venue "$venue" --write "$scratch/laughs.xml"
expect_text "$scratch/err" "laughs.xml:2: declares a DTD" "the DTD's line named"
[ ! -e "$venue/papers.yaml" ] && ok || bad "papers.yaml written from an XML export with a DTD"
python3 -c 'import sys; open(sys.argv[1], "w").write("<erights_record><paper><event_tracking_number>1</event_tracking_number><paper_title>" + "T" * 5000 + "</paper_title></paper></erights_record>")' "$scratch/long.xml"
expect_exit 2 "a 5000-character title" -- "$bin" import --venue "$venue" --write "$scratch/long.xml"
expect_text "$scratch/err" "long.xml:1 (paper 1): the title is 5000 characters long; an import takes at most 1000" "the long title's record named"
# An e-mail with CR LF and a Bcc header, from each reader
printf '[{"pid": 7, "title": "T", "decision": "accepted", "authors": [{"name": "Eve", "email": "eve@x.example\\r\\nBcc: victim@example.com"}]}]' > "$scratch/eve.json"
expect_exit 2 "HotCRP e-mail with CR LF" -- "$bin" import --venue "$venue" --write "$scratch/eve.json"
expect_text "$scratch/err" "eve.json: paper 1 (pid 7): author 1's e-mail holds the control character U+000D" "the HotCRP record named"
printf 'Title,Author 1,Email 1\nT,Eve,"eve@x.example\r\nBcc: victim@example.com"\n' > "$scratch/eve.csv"
expect_exit 2 "CSV e-mail with CR LF" -- "$bin" import --venue "$venue" --write --map "title=Title,author=Author {n},email=Email {n}" "$scratch/eve.csv"
expect_text "$scratch/err" "eve.csv:2: author 1's e-mail holds the control character U+000D" "the CSV row named"
printf '<erights_record><paper><event_tracking_number>3</event_tracking_number><paper_title>T</paper_title><authors><author><first_name>Eve</first_name><email_address>eve@x.example&#13;&#10;Bcc: victim@example.com</email_address></author></authors></paper></erights_record>' > "$scratch/eve.xml"
expect_exit 2 "XML e-mail with CR LF" -- "$bin" import --venue "$venue" --write "$scratch/eve.xml"
expect_text "$scratch/err" "is not one e-mail address" "the XML e-mail refused"
[ ! -e "$venue/papers.yaml" ] && ok || bad "papers.yaml written from a hostile export"
# What the loader would refuse (an ORCID not of its form) is not written: every command would then exit 2 (issue 24 item 12)
printf '<erights_record><paper><event_tracking_number>3</event_tracking_number><paper_title>T</paper_title><authors><author><first_name>Eve</first_name><last_name>Doe</last_name><ORCID>0000-0002</ORCID></author></authors></paper></erights_record>' > "$scratch/orcid.xml"
expect_exit 3 "an export the loader would refuse" -- "$bin" import --venue "$venue" --write "$scratch/orcid.xml"
expect_text "$scratch/err" "orcid.xml: the import would write $venue/papers.yaml:5, which proceedings refuses (field 'papers[0].authors[0].orcid'" "the loader's refusal named"
[ ! -e "$venue/papers.yaml" ] && ok || bad "papers.yaml written though the loader refuses it"

# export acm-csv: RFC 4180, parsed back by Python's csv module, one row compared field by field
fresh_venue
"$bin" import --venue "$venue" --write "$fx/easychair-acm.xml" > /dev/null
cat >> "$venue/workshop.yaml" <<'YAML'
acm:
  proceedings_title: "Proceedings of the V Workshops"
  conference: "V Workshops"
  short_name: "V '25"
  dates: "November 16–21, 2025"
  location: "St. Louis, MO, USA"
  year: 2025
  event_id: "12711"
YAML
expect_exit 0 "export acm-csv" -- "$bin" export acm-csv --venue "$venue" --out "$scratch/acm.csv"
python3 - "$scratch/acm.csv" <<'PY' && ok || bad "ACM CSV parsed back"
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert b"\r\n" in raw and raw.decode("utf-8")
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
# ACM's enhanced CSV (issue 25 item 12): 31 columns
header = ["proceeding ID", "event_tracking_number", "paper_type", "theTitle", "prefix", "first_name", "middle_name",
          "last_name", "suffix", "author_sequence_no", "contact_author", "ACM_profile_id", "ACM_client_no", "orcid",
          "email", "department_school_lab", "institution", "city", "state_province", "country",
          "secondary_department_school_lab", "secondary_institution", "secondary_city", "secondary_state_province",
          "secondary_country", "section_title", "section_seq_no", "published_article_number", "start_page", "end_page",
          "article_seq_no"]
assert list(rows[0].keys()) == header, list(rows[0].keys())
assert len(header) == 31
assert len(rows) == 3, len(rows)
want = {"proceeding ID": "12711", "event_tracking_number": "3", "ACM_profile_id": "", "ACM_client_no": "",
        "paper_type": "Full Paper", "theTitle": "Scheduling Stencils on Heterogeneous Nodes", "prefix": "",
        "first_name": "Jiří", "middle_name": "", "last_name": "Novák", "suffix": "", "author_sequence_no": "2",
        "contact_author": "no", "orcid": "0000-0002-1825-0097", "email": "jiri.novak@vut.example",
        "department_school_lab": "", "institution": "Brno University of Technology", "city": "", "state_province": "",
        "country": "Czech Republic", "secondary_department_school_lab": "", "secondary_institution": "",
        "secondary_city": "", "secondary_state_province": "", "secondary_country": "", "section_title": "",
        "section_seq_no": "", "published_article_number": "", "start_page": "", "end_page": "", "article_seq_no": "1"}
for key, value in want.items():
    assert rows[1][key] == value, (key, rows[1][key], value)
# EasyChair gives the middle name apart: ACM's middle column is that split, not a guess (issue 25 item 9)
assert (rows[0]["first_name"], rows[0]["middle_name"], rows[0]["last_name"]) == ("Ana", "María", "Núñez"), rows[0]
assert rows[0]["contact_author"] == "yes"
assert rows[2]["secondary_institution"] == "Inria" and rows[2]["article_seq_no"] == "2"
PY
mkdir -p "$scratch/book"
printf '{"papers": [{"id": "flowlite", "pages": {"first": 7, "last": 12}}]}' > "$scratch/book/manifest.json"
expect_exit 0 "export with pages from the book" -- "$bin" export acm-csv --venue "$venue" --book "$scratch/book"
python3 -c 'import csv,sys,io; r=list(csv.DictReader(io.StringIO(open(sys.argv[1]).read()))); f=[x for x in r if x["theTitle"].startswith("FlowLite")][0]; sys.exit(0 if (f["start_page"],f["end_page"])==("7","12") else 1)' "$scratch/out" && ok || bad "pages from the book manifest"
expect_exit 2 "export without a record" -- "$bin" export acm-csv --venue "$src/metadata/aiexscale-2025"
expect_text "$scratch/err" "has no 'acm' record" "no record named"

# Issue 25 item 12: the demo venue's ACM CSV, parsed back and compared column by column
# with the 31-column layout. As bundled, no author has an e-mail: refused, naming each paper.
rm -rf "$scratch/demo" && cp -r "$src/metadata/exhetai-2025" "$scratch/demo"
expect_exit 1 "demo venue: contact authors without an e-mail" -- "$bin" export acm-csv --venue "$scratch/demo" --out "$scratch/demo.csv"
for id in sparse-wse wages omnifed chatport; do
  expect_text "$scratch/err" "papers.yaml: error: ACM_CONTACT_EMAIL: paper '$id': its contact author" "paper $id named"
done
expect_text "$scratch/err" "ACM_COUNTRY: paper 'chatport': no country for Zheming Jin, Swaroop Pophale, Keita Teranishi" "a missing country is a warning naming the paper"
[ ! -e "$scratch/demo.csv" ] && ok || bad "a CSV without contact addresses was written"
# The chairs record what ACM gave them and what HotCRP said: the event id, a
# venue default type, one paper's own type, the contact authors (wages': its
# second author) with their addresses.
sed -i 's/^acm:$/acm:\n  event_id: "4242"\n  paper_type: Short Paper/' "$scratch/demo/workshop.yaml"
sed -i -E 's/authors: \[([^,]+),/authors: [{name: \1, email: first@example.org},/' "$scratch/demo/papers.yaml"
sed -i -E 's/(Tianyu Wang), email: first@example.org\}, (Gourav Rattihalli),/\1}, {name: \2, email: gourav@example.org, contact: true},/' "$scratch/demo/papers.yaml"
sed -i 's/^    source: omnifed$/    source: omnifed\n    type: Full Paper\n    submission: "hotcrp:31"/' "$scratch/demo/papers.yaml"
expect_exit 0 "demo venue: export acm-csv" -- "$bin" export acm-csv --venue "$scratch/demo" --out "$scratch/demo.csv"
python3 - "$scratch/demo" "$scratch/demo.csv" <<'PY' && ok || bad "demo ACM CSV column by column: $(head -c 800 "$scratch/demo.csv")"
import csv, sys, yaml
venue, path = sys.argv[1], sys.argv[2]
workshop = yaml.safe_load(open(venue + "/workshop.yaml"))
papers = yaml.safe_load(open(venue + "/papers.yaml"))["papers"]
header = ["proceeding ID", "event_tracking_number", "paper_type", "theTitle", "prefix", "first_name", "middle_name",
          "last_name", "suffix", "author_sequence_no", "contact_author", "ACM_profile_id", "ACM_client_no", "orcid",
          "email", "department_school_lab", "institution", "city", "state_province", "country",
          "secondary_department_school_lab", "secondary_institution", "secondary_city", "secondary_state_province",
          "secondary_country", "section_title", "section_seq_no", "published_article_number", "start_page", "end_page",
          "article_seq_no"]
table = list(csv.reader(open(path, newline="", encoding="utf-8")))
assert table[0] == header, table[0]
# Sections and article order from the program, independently of the tool.
placed, section = [], 0
for s in workshop["program"]["sessions"]:
    ids = [t["paper"] for t in s.get("talks", []) if "paper" in t]
    if ids:
        section += 1
        placed += [(pid, s["title"], section) for pid in ids]
want = []
for article, (pid, title, seq) in enumerate(placed, 1):
    p = [x for x in papers if x["id"] == pid][0]
    people = [a if isinstance(a, dict) else {"name": a} for a in p["authors"]]
    marked = any(a.get("contact") for a in people)
    for i, a in enumerate(people, 1):
        words = a["name"].split()
        contact = a.get("contact", False) or (i == 1 and not marked)
        want.append(["4242", p.get("submission", "").split(":")[-1], p.get("type", "Short Paper"), p["title"], "",
                     words[0], " ".join(words[1:-1]), words[-1], "", str(i), "yes" if contact else "no", "", "", "",
                     a.get("email", "")] + [""] * 10 + [title, str(seq), "", "", "", str(article)])
assert len(table) - 1 == len(want) == 17, (len(table), len(want))
for got, row in zip(table[1:], want):
    assert len(got) == 31, got
    for column, g, w in zip(header, got, row):
        assert g == w, (column, g, w, got)
wages = [r for r in table[1:] if r[3].startswith("WAGES")]
assert [r[10] for r in wages] == ["no", "yes", "no", "no", "no"], wages
assert [r[2] for r in table[1:] if r[3].startswith("OmniFed")] == ["Full Paper"] * 4
PY

# Issue 25 item 12: a HotCRP export whose contact is the second author, with split
# names, imported and exported: the flag and the split land in their columns.
fresh_venue
printf 'acm: {proceedings_title: "P", conference: "C", short_name: "V '"'"'25", dates: "November 16, 2025", location: "St. Louis, MO, USA", year: 2025, event_id: "777"}\n' >> "$venue/workshop.yaml"
sed -e 's/"affiliation": "Universidad de Chile", "contact": true}/"affiliation": "Universidad de Chile"}/' \
    -e 's/"affiliation": "Brno University of Technology"}/"affiliation": "Brno University of Technology", "contact": true}/' \
    "$fx/hotcrp.json" > "$scratch/contact.json"
grep -q '"Brno University of Technology", "contact": true' "$scratch/contact.json" && ok || bad "the fixture's contact moved"
expect_exit 0 "import a HotCRP export with a contact flag" -- "$bin" import --venue "$venue" --write "$scratch/contact.json"
[ "$(yaml_field scheduling-stencils-heterogeneous-nodes '[a.get("contact", False) for a in p["authors"]]')" = "[False, True, False]" ] && ok || bad "HotCRP's contact flag kept in papers.yaml: $(cat "$venue/papers.yaml")"
expect_exit 0 "export the imported HotCRP papers" -- "$bin" export acm-csv --venue "$venue" --out "$scratch/contact.csv"
python3 - "$scratch/contact.csv" <<'PY' && ok || bad "HotCRP contact and split names in their columns: $(cat "$scratch/contact.csv")"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows[0]) == 31
stencils = [r for r in rows if r["theTitle"] == "Scheduling Stencils on Heterogeneous Nodes"]
got = [(r["proceeding ID"], r["event_tracking_number"], r["first_name"], r["middle_name"], r["last_name"],
        r["author_sequence_no"], r["contact_author"], r["email"]) for r in stencils]
assert got == [("777", "3", "Ana", "", "Núñez", "1", "no", "ana.nunez@uchile.example"),
               ("777", "3", "Jiří", "", "Novák", "2", "yes", "jiri.novak@vut.example"),
               ("777", "3", "Bo", "", "Li", "3", "no", "bo.li@uchile.example")], got
flowlite = [r for r in rows if r["theTitle"].startswith("FlowLite")]
assert [(r["first_name"], r["last_name"], r["contact_author"]) for r in flowlite] == \
    [("Zoë", "Ångström", "yes"), ("François", "Lefèvre", "no")], flowlite
assert all(r["paper_type"] == "Full Paper" for r in rows)
PY

# issue 24 item 7: cells a spreadsheet would evaluate are written with a leading ', as Python's csv module reads them back
fresh_venue
cat >> "$venue/workshop.yaml" <<'YAML'
acm: {proceedings_title: "P", conference: "C", short_name: "V '25", dates: "November 16, 2025", location: "St. Louis, MO, USA", year: 2025}
YAML
cat > "$venue/papers.yaml" <<'YAML'
papers:
  - id: a
    title: "= cmd|' /C calc'!A0"
    authors: [{name: "+Plus Minus", email: plus@x.example}, "@SUM(1+1)", {name: "-2+3", affiliation: "=1+1, Lab"}]
YAML
expect_exit 0 "export hostile cells" -- "$bin" export acm-csv --venue "$venue" --out "$scratch/formula.csv"
python3 - "$scratch/formula.csv" <<'PY' && ok || bad "formula cells read back: $(head -c 600 "$scratch/formula.csv")"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
got = [(r["theTitle"], r["first_name"], r["last_name"], r["institution"]) for r in rows]
want = [("'= cmd|' /C calc'!A0", "'+Plus", "Minus", ""), ("'= cmd|' /C calc'!A0", "", "'@SUM(1+1)", ""),
        ("'= cmd|' /C calc'!A0", "", "'-2+3", "'=1+1, Lab")]
assert got == want, got
# no cell of the file starts a formula
assert not any(v[:1] in ("=", "+", "-", "@", "\t", "\r") for r in rows for v in r.values()), rows
PY

# issue 24 item 14: import --write to a papers.yaml with CR LF line ends keeps
# them, its comments and its styles (it came back re-rendered, mixed LF)
fresh_venue
printf "# Accepted papers, kept on Windows\r\npapers:\r\n  - id: kept  # by hand\r\n    title: 'A Paper Kept By Hand'\r\n    authors: [Ada Lovelace, {name: Bo Li, affiliation: Hand Lab}]\r\n" > "$venue/papers.yaml"
cp "$venue/papers.yaml" "$scratch/crlf-before.yaml"
expect_exit 0 "import --write to a CR LF papers.yaml" -- "$bin" import --venue "$venue" --write "$fx/hotcrp.json"
[ "$(grep -c $'\r$' "$venue/papers.yaml")" = "$(wc -l < "$venue/papers.yaml")" ] && ok || bad "every line still ends in CR LF"
diff <(tr -d '\r' < "$scratch/crlf-before.yaml") <(tr -d '\r' < "$venue/papers.yaml") > "$scratch/crlf.diff"
grep -q '^<' "$scratch/crlf.diff" && bad "a line of the CR LF papers.yaml changed: $(head -c 300 "$scratch/crlf.diff")" || ok
[ "$(grep -c '^> *- id: ' "$scratch/crlf.diff")" = 3 ] && ok || bad "the three accepted papers added: $(head -c 300 "$scratch/crlf.diff")"

finish

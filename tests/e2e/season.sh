#!/usr/bin/env bash
# A chair's whole season on loopback (issue 27): init -> import (HotCRP JSON)
# -> collect (a zip named as HotCRP names final versions) -> check -> notify
# to a real SMTP server -> an author fixes a paper -> collect again -> notify
# again (only the changed paper is mailed) -> status -> build -> export
# acm-csv -> booklet, with the state asserted after each step. The venue is
# double-blind at submission: its correct camera-ready papers must pass.
# The papers are the bundled ExHetAI'25 manuscripts (SC Workshops '25,
# typeset with the real acmart) and two failing fixtures in their place.
# usage: season.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
ms=$build/manuscripts/exhetai-2025 fx=$build/fixtures
venue=$scratch/exml
cd "$scratch" || exit 1

paper_ids() { python3 -c 'import sys,yaml; [print(p["submission"].split(":")[1], p["id"]) for p in yaml.safe_load(open(sys.argv[1]))["papers"]]' "$venue/papers.yaml"; }
id_of() { paper_ids | awk -v n="$1" '$1 == n { print $2 }'; }

# --- 1. init: an SC workshop, double-blind at submission --------------------------------------------
expect_exit 0 "init --preset sc-workshop" -- "$bin" init "$venue" --preset sc-workshop \
  --name "ExML: The Workshop on Exascale Machine Learning" --short "ExML'25" --date 2025-11-16 \
  --place "St. Louis, Missouri, USA" --timezone America/Chicago --review double-blind \
  --organizer "Ada Lovelace, Analytical Engines Inc. <ada@example.org>" \
  --acm-dates "November 16–21, 2025" --acm-location "St. Louis, MO, USA"
for f in workshop.yaml papers.yaml message.md; do [ -s "$venue/$f" ] && ok || bad "init wrote no $f"; done
expect_exit 0 "the new venue passes the venue checks" -- "$bin" booklet --check --venue "$venue"
expect_text "$venue/workshop.yaml" "review: double-blind" "the venue is double-blind at submission"
expect_text "$venue/workshop.yaml" "short_name: \"SC Workshops '25\"" "the SC Workshops '25 record"
expect_exit 2 "init again refuses to overwrite" -- "$bin" init "$venue" --name X --short "X'25" --date 2025-11-16 \
  --timezone UTC --organizer Ada
expect_text "$scratch/err" "exists already" "the refusal names the existing files"

# --- 2. import: HotCRP's JSON export, four accepted papers and a rejected one ------------------------
python3 - "$scratch/hotcrp.json" <<'PY'
import json, sys
titles = ["Enabling Unstructured Sparse Fine-Tuning and Inference for Foundation Models on Wafer-Scale Engine",
          "WAGES: Workload-Aware GPU Sharing System for Energy-Efficient Serverless LLM Serving",
          "OmniFed: A Modular Framework for Configurable Federated Learning from Edge to HPC",
          "Enhancing ChatPORT with CUDA-to-SYCL Kernel Translation Capability"]
people = [("Haoyu", "Zheng"), ("Tianyu", "Wang"), ("Sahil", "Tyagi"), ("Zheming", "Jin")]
coauthors = [("Yifan", "Zeng"), ("Gourav", "Rattihalli"), ("Andrei", "Cozma"), ("Swaroop", "Pophale")]
papers = []
for n, (title, (first, last), (co_first, co_last)) in enumerate(zip(titles, people, coauthors), start=1):
    papers.append({"object": "paper", "pid": n, "title": title, "decision": "Accepted", "status": "accepted",
                   "submitted": True, "abstract": "The abstract of paper %d." % n,
                   "authors": [{"email": "%s@example.org" % first.lower(), "first": first, "last": last,
                                "affiliation": "Example Laboratory", "contact": True},
                               {"email": "coauthor%d@example.org" % n, "first": co_first, "last": co_last,
                                "affiliation": "Example University"}]})
papers.append({"object": "paper", "pid": 5, "title": "A Paper the Reviewers Declined", "decision": "Rejected",
               "status": "rejected", "submitted": True, "authors": [{"email": "no@example.org", "first": "No", "last": "One"}]})
json.dump(papers, open(sys.argv[1], "w"), indent=1)
PY
expect_exit 0 "import the HotCRP export" -- "$bin" import --venue "$venue" --write "$scratch/hotcrp.json"
expect_text "$scratch/out" "skipped hotcrp:5" "the rejected paper is skipped"
[ "$(paper_ids | wc -l)" = 4 ] && ok || bad "four papers imported: $(paper_ids | tr '\n' ' ')"
p1=$(id_of 1) p2=$(id_of 2) p3=$(id_of 3) p4=$(id_of 4)
[ -n "$p1" ] && [ -n "$p4" ] && ok || bad "submission numbers recorded: $(paper_ids | tr '\n' ' ')"

# --- 3. collect: HotCRP's "download all final versions" zip --------------------------------------------
# Papers 1 and 2 are right; paper 3's upload has the wrong margins, paper 4's a page too many.
mkdir -p "$scratch/round1"
cp "$ms/sparse-wse.pdf" "$scratch/round1/exml25-final1.pdf"
cp "$ms/wages.pdf" "$scratch/round1/exml25-final2.pdf"
cp "$fx/geometry.pdf" "$scratch/round1/exml25-final3.pdf"
cp "$fx/body7.pdf" "$scratch/round1/exml25-final4.pdf"
(cd "$scratch/round1" && python3 -c 'import sys, zipfile; z = zipfile.ZipFile("../final-round1.zip", "w"); [z.write(f) for f in sys.argv[1:]]' *.pdf)
expect_exit 0 "collect the zip of final versions" -- "$bin" collect --venue "$venue" "$scratch/final-round1.zip"
for n in 1 2 3 4; do
  expect_text "$scratch/out" "exml25-final$n.pdf" "collect says what it took final$n.pdf for"
  [ -s "$venue/papers/$(id_of $n).pdf" ] && ok || bad "final$n.pdf not installed as papers/$(id_of $n).pdf"
done
grep -q "submission number 4" "$scratch/out" && ok || bad "collect says how it matched: $(head -c 400 "$scratch/out")"
cmp -s "$venue/papers/$p4.pdf" "$fx/body7.pdf" && ok || bad "paper 4's upload is the one in the zip"

# --- 4. check at camera-ready: the double-blind venue passes its correct camera-ready papers ----------
"$bin" check --venue "$venue" --json "$venue/papers" > "$scratch/check1.json" 2> "$scratch/check1.err"
[ $? -eq 1 ] && ok || bad "check fails the batch (two papers fail): $(cat "$scratch/check1.err")"
verdicts() { python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["papers"]:
    name = f.get("file", f.get("path", "")).rsplit("/", 1)[-1]
    codes = sorted({p.get("code") for p in f.get("problems", []) if p.get("severity", "error") == "error"})
    print(name, f["verdict"], ",".join(c for c in codes if c))' "$1"; }
verdicts "$scratch/check1.json" > "$scratch/verdicts1"
for id in "$p1" "$p2"; do
  grep -q "^$id.pdf pass" "$scratch/verdicts1" && ok || bad "camera-ready $id passes at a double-blind venue: $(cat "$scratch/verdicts1")"
done
grep -q AUTHORS_SHOWN "$scratch/verdicts1" && bad "AUTHORS_SHOWN at camera-ready: $(cat "$scratch/verdicts1")" || ok
for id in "$p3" "$p4"; do
  grep -q "^$id.pdf fail" "$scratch/verdicts1" && ok || bad "$id fails: $(cat "$scratch/verdicts1")"
done
"$bin" check --venue "$venue" "$venue/papers" > "$scratch/check1.txt" 2>&1
grep -qi "camera-ready stage" "$scratch/check1.txt" && ok || bad "check's report names its stage: $(head -3 "$scratch/check1.txt")"

# --- 5. notify: the two failing papers' authors, through a real SMTP server ----------------------------
sink=$scratch/sink
mkdir -p "$sink"
/usr/bin/python3 "$src/tests/e2e/smtp_sink.py" "$sink" "$sink.port" 2> "$sink.err" &
cleanup_hooks+=("kill $! 2> /dev/null")
for _ in $(seq 300); do [ -s "$sink.port" ] && break; sleep 0.1; done
port=$(cat "$sink.port" 2> /dev/null)
[ -n "$port" ] && ok || bad "the SMTP server did not start: $(cat "$sink.err")"
export PROCEEDINGS_SMTP_URL="smtp://127.0.0.1:$port" PROCEEDINGS_MAIL_FROM="ExML chairs <ada@example.org>"
notify() { "$bin" notify --venue "$venue" --results "$1" --out "$scratch/notices" --send; }
expect_exit 0 "notify the authors of the failing papers" -- notify "$scratch/check1.json"
cat "$sink"/[0-9]*.rcpt 2> /dev/null | sort | tr '\n' ' ' > "$scratch/rcpt1"
[ "$(cat "$scratch/rcpt1")" = "coauthor3@example.org coauthor4@example.org sahil@example.org zheming@example.org " ] && ok ||
  bad "the authors of papers 3 and 4, and no one else, were mailed: $(cat "$scratch/rcpt1"); $(cat "$scratch/out")"

expect_exit 1 "status: two papers failing, their authors told" -- "$bin" status --venue "$venue"
expect_text "$scratch/out" "4 papers: 2 ready, 2 failing" "status's summary after the first round"

# --- 6. the author of paper 4 fixes it; collect the new zip, keeping the old version -------------------
mkdir -p "$scratch/round2"
cp "$ms/chatport.pdf" "$scratch/round2/exml25-final4.pdf"
(cd "$scratch/round2" && python3 -c 'import zipfile; z = zipfile.ZipFile("../final-round2.zip", "w"); z.write("exml25-final4.pdf")')
expect_exit 0 "collect the fixed paper" -- "$bin" collect --venue "$venue" "$scratch/final-round2.zip"
ls -A "$venue/papers/.versions" 2> /dev/null | grep -q "^$p4\." && ok || bad "the replaced version of $p4 is kept: $(ls -RA "$venue/papers")"
cmp -s "$(ls -d "$venue/papers/.versions/$p4".* | head -1)" "$fx/body7.pdf" && ok || bad "the kept version is the first upload"
cmp -s "$venue/papers/$p4.pdf" "$ms/chatport.pdf" && ok || bad "paper 4's new version installed"

"$bin" check --venue "$venue" --json "$venue/papers" > "$scratch/check2.json" 2> /dev/null
[ $? -eq 1 ] && ok || bad "paper 3 still fails"
verdicts "$scratch/check2.json" > "$scratch/verdicts2"
grep -q "^$p4.pdf pass" "$scratch/verdicts2" && ok || bad "the fixed paper passes: $(cat "$scratch/verdicts2")"

# --- 7. notify again: only the changed paper is mailed (paper 3's verdict did not change) ---------------
rm -f "$sink"/[0-9]*.rcpt
notify "$scratch/check2.json" > "$scratch/out" 2> "$scratch/err"
status=$?
cat "$sink"/[0-9]*.rcpt 2> /dev/null | sort > "$scratch/rcpt2"
[ $status -eq 0 ] && ok || bad "second notify: exit $status: $(cat "$scratch/err")"
[ "$(tr '\n' ' ' < "$scratch/rcpt2")" = "coauthor4@example.org zheming@example.org " ] && ok ||
  bad "only paper 4's authors (its verdict changed) are mailed, not paper 3's again: $(tr '\n' ' ' < "$scratch/rcpt2")"

# --- 8. paper 3 is fixed too (a folder this time); status: every paper ready -----------------------------
mkdir -p "$scratch/round3"
cp "$ms/omnifed.pdf" "$scratch/round3/exml25-final3.pdf"
expect_exit 0 "collect a folder" -- "$bin" collect --venue "$venue" "$scratch/round3"
expect_exit 0 "every paper passes" -- "$bin" check --venue "$venue" "$venue/papers"
expect_exit 0 "status: ready for the book" -- "$bin" status --venue "$venue"
expect_text "$scratch/out" "4 papers: 4 ready" "status's summary"
for id in "$p1" "$p2" "$p3" "$p4"; do expect_text "$scratch/out" "$id" "status lists $id"; done
"$bin" status --venue "$venue" --json > "$scratch/status.json" && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$scratch/status.json" &&
  ok || bad "status --json"

# --- 9. build, export acm-csv, booklet ------------------------------------------------------------------
expect_exit 0 "build the book" -- "$bin" build --venue "$venue" --papers "$venue/papers" --out "$scratch/out-book"
book=$scratch/out-book/bundle/exml-2025-proceedings.pdf
[ -s "$book" ] && ok || bad "no book: $(ls "$scratch/out-book/bundle" 2> /dev/null)"
pdftotext "$book" "$scratch/book.txt" 2> /dev/null
expect_text "$scratch/book.txt" "ExML" "the book names the venue"
expect_text "$scratch/book.txt" "OmniFed" "the book holds paper 3's fixed version"
expect_exit 0 "export acm-csv" -- "$bin" export acm-csv --venue "$venue" --book "$scratch/out-book/bundle" --out "$scratch/acm.csv"
python3 - "$scratch/acm.csv" > "$scratch/csv.txt" 2>&1 <<'PY' && ok || bad "ACM CSV: $(cat "$scratch/csv.txt")"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert len(rows) == 8, len(rows)  # one row per author, two authors per paper
titles = {r["theTitle"] for r in rows}
assert len(titles) == 4 and any(t.startswith("WAGES") for t in titles), titles
assert all(r["start_page"] for r in rows), "pages from the book"
PY
# the program, from the workshop's page, merged by import web into the venue init wrote
cat > "$scratch/program.txt" <<'TXT'
ExML: The Workshop on Exascale Machine Learning

Workshop Program

ExML 2025 will be held on Sunday, November 16, 2025. All times are in CST.

9am - 9:10am CST Opening Remarks
9:10am - 9:30am CST Enabling Unstructured Sparse Fine-Tuning and Inference for Foundation Models on Wafer-Scale Engine
Haoyu Zheng and Yifan Zeng
Session chair: Ada Lovelace
9:30am - 9:50am CST WAGES: Workload-Aware GPU Sharing System for Energy-Efficient Serverless LLM Serving
Tianyu Wang and Gourav Rattihalli
Session chair: Ada Lovelace
9:50am - 10:10am CST OmniFed: A Modular Framework for Configurable Federated Learning from Edge to HPC
Sahil Tyagi and Andrei Cozma
Session chair: Ada Lovelace
10:10am - 10:30am CST Enhancing ChatPORT with CUDA-to-SYCL Kernel Translation Capability
Zheming Jin and Swaroop Pophale
Session chair: Ada Lovelace
10:30am CST Closing Remarks
TXT
expect_exit 0 "import web merges the program" -- "$bin" import web --venue "$venue" --write "$scratch/program.txt"
expect_text "$venue/workshop.yaml" "paper: $p2" "the program's talk names paper 2"
expect_exit 0 "booklet" -- "$bin" booklet --venue "$venue" --out "$scratch/out-book" --format html,ics
[ -s "$scratch/out-book/booklet/exml-2025-program.html" ] && ok || bad "no program page"
expect_text "$scratch/out-book/booklet/exml-2025-program.html" "OmniFed" "the program page lists the papers"

finish

#!/usr/bin/env bash
# A season of imports as a chair lives it (issue 25 items 2, 3, 4, 7, 8, 15):
# import, edit papers.yaml by hand, re-import changed exports, resolve a
# conflict, remove a paper, re-import, run two imports at once. The HotCRP
# exports are written inline, one per step.
# usage: import_season.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1
venue=$scratch/venue
mkdir -p "$venue"
printf 'id: v\nacronym: V\nname: V\nkind: workshop\ndate: 2025-11-16\ntimezone: America/Chicago\norganizers: [Ada]\n' > "$venue/workshop.yaml"

# export FILE BOB_EMAIL THIRD_AUTHOR(yes/no) CY_EMAIL SECOND_TITLE: HotCRP's JSON for this step
export_json() {
  python3 - "$@" <<'PY'
import json, sys
path, bob_email, third, cy_email, second_title = sys.argv[1:]
wattwatch = [{"first": "Ana", "last": "Núñez", "affiliation": "Universidad de Chile", "email": "ana@uchile.example"},
             {"first": "Bob", "last": "Li", "affiliation": "KTH", "email": bob_email}]
if third == "yes":
    wattwatch.append({"first": "Dee", "last": "Park", "affiliation": "Inria", "email": "dee@inria.example"})
cy = {"first": "Cy", "last": "Doe", "affiliation": "Argonne National Laboratory"}
if cy_email:
    cy["email"] = cy_email
papers = [{"pid": 3, "title": "WattWatch: Energy of Exascale Jobs", "status": "accepted", "decision": "Accepted",
           "authors": wattwatch},
          {"pid": 5, "title": second_title, "status": "accepted", "decision": "Accepted", "authors": [cy]}]
json.dump(papers, open(path, "w"), ensure_ascii=False)
PY
}
# field ID PYTHON-EXPRESSION-ON-p: a field of papers.yaml's paper ID
field() { python3 -c 'import sys,yaml; d=yaml.safe_load(open(sys.argv[1])); p=[x for x in d["papers"] if x["id"]==sys.argv[2]]; print(eval(sys.argv[3], {"p": p[0]}) if p else "<no paper>")' "$venue/papers.yaml" "$1" "$2"; }
# edit PYTHON-STATEMENTS-ON-papers: the chair edits papers.yaml by hand
edit() { python3 -c 'import sys,yaml; f=sys.argv[1]; d=yaml.safe_load(open(f)); papers=d["papers"]; exec(sys.argv[2]); yaml.safe_dump(d, open(f, "w"), allow_unicode=True, sort_keys=False)' "$venue/papers.yaml" "$1"; }
bob='[a for a in p["authors"] if a["name"]=="Bob Li"][0]'

# 1. The first import
export_json "$scratch/1.json" bob@old.example no "" "Solvers on Small Machines"
expect_exit 0 "first import" -- "$bin" import --venue "$venue" --write "$scratch/1.json"
[ "$(field wattwatch "$bob[\"email\"]")" = "bob@old.example" ] && ok || bad "Bob's e-mail imported"

# 2. The chair edits Bob: a new e-mail, his ORCID, his family name
edit 'b=[a for a in papers[0]["authors"] if a["name"]=="Bob Li"][0]; b["email"]="bob@new.example"; b["orcid"]="0000-0002-1825-0097"; b["family"]="Li"'

# Item 2 and 15: the export adds a third author; the dry run says what it would do, field by field
export_json "$scratch/2.json" bob@old.example yes "cy@anl.example" "Solvers on Small Machines"
expect_exit 0 "dry run of a third author" -- "$bin" import --venue "$venue" "$scratch/2.json"
expect_text "$scratch/out" "would change paper wattwatch (hotcrp:3): authors: 'Ana Núñez; Bob Li' → 'Ana Núñez; Bob Li; Dee Park'" "the dry run names the added author"
grep -q "authors -> " "$scratch/out" && bad "the dry run prints the whole list: $(cat "$scratch/out")" || ok
expect_exit 0 "a third author" -- "$bin" import --venue "$venue" --write "$scratch/2.json"
[ "$(field wattwatch 'len(p["authors"])')" = "3" ] && ok || bad "the third author added"
[ "$(field wattwatch "$bob[\"email\"]")" = "bob@new.example" ] && ok || bad "Bob's edited e-mail was put back: $(field wattwatch "$bob")"
[ "$(field wattwatch "$bob.get(\"orcid\")")" = "0000-0002-1825-0097" ] && ok || bad "Bob's ORCID dropped"
[ "$(field wattwatch "$bob.get(\"family\")")" = "Li" ] && ok || bad "Bob's family name dropped"

# Item 8: names and affiliations already match; the export now gives Cy's e-mail: filled in
[ "$(field solvers-small-machines 'p["authors"][0].get("email", "")')" = "cy@anl.example" ] && ok ||
  bad "Cy's e-mail not filled in though name and affiliation match: $(field solvers-small-machines 'p["authors"][0]')"

# Item 3: Bob's e-mail changes in HotCRP too: a conflict, and it stays one
export_json "$scratch/3.json" bob@hotcrp.example yes "cy@anl.example" "Solvers on Small Machines"
expect_exit 1 "e-mail changed in both places" -- "$bin" import --venue "$venue" --write "$scratch/3.json"
expect_text "$scratch/out" "conflict: wattwatch (hotcrp:3): email of Bob Li differs: papers.yaml has 'bob@new.example', the export 'bob@hotcrp.example'" "the conflict named"
expect_text "$scratch/out" "--take-export wattwatch.authors.2.emails or --keep-mine wattwatch.authors.2.emails" "the conflict says how to resolve it"
expect_exit 1 "the conflict, again" -- "$bin" import --venue "$venue" --write "$scratch/3.json"
expect_text "$scratch/out" "1 conflict(s)" "a conflict stays a conflict on the next run"
[ "$(field wattwatch "$bob[\"email\"]")" = "bob@new.example" ] && ok || bad "papers.yaml changed on a conflict"
expect_exit 0 "keep mine" -- "$bin" import --venue "$venue" --write --keep-mine wattwatch.authors.2.emails "$scratch/3.json"
expect_text "$scratch/out" "resolved wattwatch (hotcrp:3): email of Bob Li: papers.yaml's 'bob@new.example' kept" "the resolution said"
expect_exit 0 "after keep mine" -- "$bin" import --venue "$venue" --write "$scratch/3.json"
expect_text "$scratch/out" "0 change(s), 0 conflict(s)" "resolved stays resolved"
[ "$(field wattwatch "$bob[\"email\"]")" = "bob@new.example" ] && ok || bad "the kept e-mail"

# A title changed in both places, resolved with the export's value
edit 'papers[1]["title"]="Solvers on Small Machines, Revisited"'
export_json "$scratch/4.json" bob@hotcrp.example yes "cy@anl.example" "Sparse Solvers on Small Machines"
expect_exit 1 "title changed in both places" -- "$bin" import --venue "$venue" --write "$scratch/4.json"
expect_exit 1 "title conflict, again" -- "$bin" import --venue "$venue" --write "$scratch/4.json"
expect_text "$scratch/out" "title differs" "the title conflict stays"
expect_exit 0 "take the export's title" -- "$bin" import --venue "$venue" --write --take-export solvers-small-machines.title "$scratch/4.json"
[ "$(field solvers-small-machines 'p["title"]')" = "Sparse Solvers on Small Machines" ] && ok || bad "the export's title taken"
# ... and one resolved by an edit that makes both sides equal
edit 'papers[1]["title"]="Sparse Solvers on Small Machines, Again"'
export_json "$scratch/5.json" bob@hotcrp.example yes "cy@anl.example" "Sparse Solvers on Small Machines, Again"
expect_exit 0 "both sides equal" -- "$bin" import --venue "$venue" --write "$scratch/5.json"
expect_text "$scratch/out" "0 conflict(s)" "an edit that makes both equal resolves"

# Item 4: the chair removes a paper; a re-import leaves it out; --restore brings it back
edit 'd["papers"]=[p for p in papers if p["id"]!="solvers-small-machines"]'
expect_exit 0 "re-import after a removal" -- "$bin" import --venue "$venue" --write "$scratch/5.json"
[ "$(field solvers-small-machines 'p["id"]')" = "<no paper>" ] && ok || bad "a removed paper was added back"
expect_text "$scratch/out" "skipped hotcrp:5 'Sparse Solvers on Small Machines, Again': removed from papers.yaml by hand (was solvers-small-machines); --restore solvers-small-machines brings it back" "the removal said"
python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["papers"]["hotcrp:5"].get("removed") else 1)' "$venue/import-state.json" && ok || bad "the state does not remember the removal"
expect_exit 0 "still removed" -- "$bin" import --venue "$venue" --write "$scratch/5.json"
[ "$(field solvers-small-machines 'p["id"]')" = "<no paper>" ] && ok || bad "a removed paper came back on the second run"
expect_exit 0 "restore" -- "$bin" import --venue "$venue" --write --restore solvers-small-machines "$scratch/5.json"
[ "$(field solvers-small-machines 'p["title"]')" = "Sparse Solvers on Small Machines, Again" ] && ok || bad "--restore brought it back"

# Items 5 and 6 at the command line: one number twice is refused; "Not accepted" is not accepted
printf '[{"pid": 8, "title": "One", "status": "accepted", "authors": [{"name": "Ana"}]}, {"pid": 8, "title": "Two", "status": "accepted", "authors": [{"name": "Bo"}]}]' > "$scratch/twice.json"
expect_exit 2 "one submission number twice" -- "$bin" import --venue "$venue" --write "$scratch/twice.json"
expect_text "$scratch/err" "twice.json: lists submission hotcrp:8 twice" "the duplicate named with its file"
printf 'Title,Authors,Decision\nKept Out,Ana (X),Not accepted\nAlso Out,Bo (Y),Reject (unaccepted)\n' > "$scratch/decisions.csv"
expect_exit 0 "decisions as words" -- "$bin" import --venue "$venue" --map "title=Title,authors=Authors,decision=Decision" "$scratch/decisions.csv"
expect_text "$scratch/out" "0 change(s), 0 conflict(s), 2 skipped" "'Not accepted' and 'Reject (unaccepted)' are not accepted"

# Item 7: two --write runs at once, 300 new papers each: both land, or the
# second is refused (exit 5) and the files agree with each other
python3 - "$scratch" <<'PY'
import json, sys
for name, base in (("a", 1000), ("b", 2000)):
    papers = [{"pid": base + i, "title": f"Paper {name} number {i}", "status": "accepted",
               "authors": [{"name": f"Author {name} {i}", "affiliation": "Lab", "email": f"{name}{i}@lab.example"}]}
              for i in range(300)]
    json.dump(papers, open(f"{sys.argv[1]}/many-{name}.json", "w"))
PY
for try in 1 2 3; do
  rm -f "$venue/papers.yaml" "$venue/import-state.json"
  "$bin" import --venue "$venue" --write "$scratch/many-a.json" > "$scratch/a.out" 2> "$scratch/a.err" & a=$!
  "$bin" import --venue "$venue" --write "$scratch/many-b.json" > "$scratch/b.out" 2> "$scratch/b.err" & b=$!
  wait $a; ea=$?; wait $b; eb=$?
  landed=0
  for run in "a:$ea" "b:$eb"; do
    name=${run%%:*} status=${run#*:}
    if [ "$status" -eq 0 ]; then landed=$((landed + 300))
    elif [ "$status" -eq 5 ] && grep -q "another run is writing" "$scratch/$name.err"; then :
    else bad "try $try: run $name exit $status: $(tail -c 300 "$scratch/$name.err")"; fi
  done
  counts=$(python3 -c 'import json,sys,yaml; print(len(yaml.safe_load(open(sys.argv[1]))["papers"]), len(json.load(open(sys.argv[2]))["papers"]))' "$venue/papers.yaml" "$venue/import-state.json")
  [ "$counts" = "$landed $landed" ] && ok || bad "try $try: exits $ea and $eb should give $landed papers in papers.yaml and the state, not $counts"
done


# Item 3 in `import web`: a field changed on the page and in workshop.yaml stays a conflict
page() {
  cat > "$scratch/page.md" <<PAGE
# SEA 2025

# $1

**Date: November 21, 2025**, held in St. Louis, Missouri.

## Program

### 8:30 AM - 9:00 AM - Keynote: Big Ideas
Ada Lovelace

## Organizers
- Ada Lovelace (Analytical Engines Inc)
PAGE
}
site=$scratch/site
page "Season Workshop on Things"
expect_exit 0 "import web" -- "$bin" import web --venue "$site" --write "$scratch/page.md"
sed -i 's/^name: .*/name: Season Workshop on Some Things/' "$site/workshop.yaml"
page "Season Workshop on Many Things"
expect_exit 1 "web: the name changed in both places" -- "$bin" import web --venue "$site" --write "$scratch/page.md"
expect_text "$scratch/out" "--keep-mine name" "the web conflict says how to resolve it"
expect_exit 1 "web: the conflict, again" -- "$bin" import web --venue "$site" --write "$scratch/page.md"
expect_text "$scratch/out" "1 conflict(s)" "a web conflict stays a conflict on the next run"
expect_exit 0 "web: keep mine" -- "$bin" import web --venue "$site" --write --keep-mine name "$scratch/page.md"
expect_exit 0 "web: after keep mine" -- "$bin" import web --venue "$site" --write "$scratch/page.md"
expect_text "$scratch/out" "0 conflict(s)" "a resolved web conflict stays resolved"
grep -q '^name: Season Workshop on Some Things' "$site/workshop.yaml" && ok || bad "web: the chair's name kept"

finish

#!/usr/bin/env bash
# Issue 24's hardening of the program and its writers, end to end: hostile or
# unusual workshop.yaml files that hung, exhausted memory or wrote wrong output.
# usage: booklet_hardening.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2
ex=$src/metadata/exhetai-2025 ai=$src/metadata/aiexscale-2025

# A copy of a bundled venue, its workshop.yaml edited by a Python expression on `s`.
venue_with() {
  local from=$1 to=$2 edit=$3
  rm -rf "$to"; cp -r "$from" "$to"
  python3 -c "import sys; p=sys.argv[1]; s=open(p).read(); s2=$edit; assert s2 != s, 'edit changed nothing'; open(p,'w').write(s2)" \
    "$to/workshop.yaml" || bad "fixture edit failed: $edit"
}

# item 1: a paper session whose talks have no times (the session's time covers them)
# used to spin forever in the calendar, frab and Jekyll writers.
venue_with "$ex" "$scratch/untimed" \
  's.replace("paper: sparse-wse, start: \"11:10am\", end: \"11:30am\"}", "paper: sparse-wse}").replace("paper: wages, start: \"11:30am\", end: \"11:50am\"}", "paper: wages}")'
expect_exit 0 "untimed talks: ics, xml, jekyll, html end" -- \
  timeout 20 "$bin" booklet --venue "$scratch/untimed" --out "$scratch/untimed-out" --format ics,xml,jekyll,html
grep -q "^SUMMARY:Paper Session 1" "$scratch/untimed-out/booklet/exhetai-2025-program.ics" && ok ||
  bad "a session of untimed talks is not one calendar event"

# item 19: one frab person id per person across the schedule, the same in every run
expect_exit 0 "ExHetAI frab XML" -- "$bin" booklet --venue "$ex" --out "$scratch/frab1" --format xml
expect_exit 0 "ExHetAI frab XML again" -- "$bin" booklet --venue "$ex" --out "$scratch/frab2" --format xml
xml=$scratch/frab1/booklet/exhetai-2025-program.xml
grep -o '<person id="[0-9]*"[^>]*>[^<]*' "$xml" | sed 's/ guid="[^"]*"//' | sort -u > "$scratch/persons.txt"
people=$(sed 's/.*>//' "$scratch/persons.txt" | sort -u | wc -l) ids=$(sed 's/>.*//' "$scratch/persons.txt" | sort -u | wc -l)
[ "$people" -ge 5 ] && [ "$(wc -l < "$scratch/persons.txt")" -eq "$people" ] && [ "$ids" -eq "$people" ] && ok ||
  bad "frab person ids are not one per person: $people people, $ids ids: $(head -5 "$scratch/persons.txt")"
cmp -s "$xml" "$scratch/frab2/booklet/exhetai-2025-program.xml" && ok || bad "frab XML differs between runs"
xsd=$src/../shared/standards/frab-schedule.xml.xsd
if [ -f "$xsd" ]; then
  xmllint --noout --schema "$xsd" "$xml" 2> "$scratch/xsd.err" && ok || bad "frab XML fails the schema: $(head -c 400 "$scratch/xsd.err")"
fi

# item 20: a slip published with --force is marked wherever its time appears, not only in the PDF
expect_exit 0 "AIExScale --force, every format but the PDF" -- \
  "$bin" booklet --venue "$ai" --out "$scratch/forced" --format ics,xml,html,jekyll --force
forced=$scratch/forced/booklet
expect_text "$forced/aiexscale-2025-program.ics" "SUMMARY:Closing Remarks †" "slip marked in the calendar"
expect_text "$forced/aiexscale-2025-program.ics" "DESCRIPTION:† Published as the organizers gave it" "slip explained in the calendar"
expect_text "$forced/aiexscale-2025-program.xml" "<title>Closing Remarks †</title>" "slip marked in the frab XML"
expect_text "$forced/aiexscale-2025-program.xml" "<description>† Published as the organizers gave it" "slip explained in the frab XML"
expect_text "$forced/aiexscale-2025-program.html" '<time datetime="2025-11-21T00:20:00-06:00">0:20</time> †</span>' "slip marked on the page"
expect_text "$forced/aiexscale-2025-program.html" "the program check reports: session 'Closing Remarks' starts at 12:20 AM" "slip explained on the page"
expect_text "$forced/aiexscale-2025-jekyll/_data/program.yml" '"time": "0:20 †"' "slip marked in the Jekyll data"
"$bin" booklet --venue "$ex" --out "$scratch/clean" --format ics,xml,html > /dev/null 2>&1
grep -l "†" "$scratch/clean/booklet/"* > /dev/null 2>&1 && bad "a program without errors is marked" || ok

# item 21: a bad top-level date or time zone is reported at its own line
venue_with "$ex" "$scratch/bad-date" 's.replace("date: 2025-11-16", "date: 2025-11-31")'
expect_exit 2 "impossible date" -- "$bin" booklet --venue "$scratch/bad-date" --check
expect_text "$scratch/err" "workshop.yaml:8: field 'date' is 2025-11-31, a day the calendar does not have" "date error at line 8"
venue_with "$ex" "$scratch/bad-zone" 's.replace("timezone: America/Chicago", "timezone: America/Chicgo")'
expect_exit 2 "unknown time zone" -- "$bin" booklet --venue "$scratch/bad-zone" --check
expect_text "$scratch/err" "workshop.yaml:9: field 'timezone' 'America/Chicgo' is not an IANA time zone" "time zone error names file and line"

# item 18: a date past 2037 in America/Chicago is in daylight time (-05:00), in the frab XML and the calendar
venue_with "$ex" "$scratch/y2038" 's.replace("date: 2025-11-16", "date: 2038-07-15")'
expect_exit 0 "ExHetAI in July 2038" -- "$bin" booklet --venue "$scratch/y2038" --out "$scratch/y2038-out" --format xml,ics,html
expect_text "$scratch/y2038-out/booklet/exhetai-2025-program.xml" "<date>2038-07-15T09:00:00-05:00</date>" "2038 offset in the frab XML"
expect_text "$scratch/y2038-out/booklet/exhetai-2025-program.html" '<time datetime="2038-07-15T09:00:00-05:00">' "2038 offset on the page"
tr -d '\r' < "$scratch/y2038-out/booklet/exhetai-2025-program.ics" | tr '\n' '|' > "$scratch/y2038.ics"
expect_text "$scratch/y2038.ics" "BEGIN:DAYLIGHT|DTSTART:20380314T020000|TZOFFSETFROM:-0600|TZOFFSETTO:-0500|TZNAME:CDT|END:DAYLIGHT" "2038 VTIMEZONE daylight"
expect_text "$scratch/y2038.ics" "BEGIN:STANDARD|DTSTART:20381107T020000|TZOFFSETFROM:-0500|TZOFFSETTO:-0600|TZNAME:CST|END:STANDARD" "2038 VTIMEZONE standard"

# item 3: YAML aliases are refused in every YAML input, before they expand (100 aliased talks of
# 100 aliased speakers took gigabytes in booklet --check)
{
  printf 'id: bomb\nacronym: B\nname: Bomb\nkind: workshop\ndate: 2025-11-16\ntimezone: America/Chicago\norganizers: [Ada]\n'
  printf 'people: &p [%s]\n' "$(for i in $(seq 100); do printf 'S%d, ' "$i"; done)"
} > /dev/null
mkdir -p "$scratch/bomb"
python3 - "$scratch/bomb/workshop.yaml" << 'PY'
import sys
speakers = ", ".join(f"Speaker {i}" for i in range(100))
talks = "\n".join(["        - &t {title: T, start: '9:00', end: '9:10', speakers: &s [%s]}" % speakers] +
                  ["        - *t" for _ in range(99)])
open(sys.argv[1], "w").write(f"""id: bomb
acronym: B
name: Bomb
kind: workshop
date: 2025-11-16
timezone: America/Chicago
organizers: [Ada]
program:
  sessions:
    - title: S
      start: '9:00'
      end: '10:00'
      talks:
{talks}
""")
PY
expect_exit 2 "aliased workshop.yaml" -- timeout 20 "$bin" booklet --venue "$scratch/bomb" --check
expect_text "$scratch/err" "workshop.yaml:15: uses a YAML alias (*name); aliases are not accepted" "alias refused with its line"
[ "$(wc -l < "$scratch/err")" -le 2 ] && ok || bad "alias: $(wc -l < "$scratch/err") lines of output"
cp -r "$ex" "$scratch/alias-papers"
python3 - "$scratch/alias-papers/papers.yaml" << 'PY'
import sys
p = sys.argv[1]; s = open(p).read()
i = s.index("authors:")
s = s[:i] + "authors: &a" + s[i + len("authors:"):]
s = s.rstrip("\n") + "\n  - {id: copy, title: Copy, authors: *a}\n"
open(p, "w").write(s)
PY
expect_exit 2 "aliased papers.yaml" -- "$bin" booklet --venue "$scratch/alias-papers" --check
grep -qE "papers.yaml:[0-9]+: uses a YAML alias" "$scratch/err" && ok || bad "papers.yaml alias: $(cat "$scratch/err")"

# item 15 (and item 6's load-time half): control characters are refused at load, naming file and line
venue_with "$ex" "$scratch/cr-title" 's.replace("title: Paper Session 1", "title: \"Paper\\rSession 1\"")'
expect_exit 2 "CR in a title" -- "$bin" booklet --venue "$scratch/cr-title" --out "$scratch/cr-out" --format ics
expect_text "$scratch/err" "workshop.yaml:84: field 'program.sessions[4].title' holds a carriage return (U+000D)" "CR named"
[ ! -e "$scratch/cr-out/booklet/exhetai-2025-program.ics" ] && ok || bad "a calendar was written with a CR in a title"
venue_with "$ex" "$scratch/nul-title" 's.replace("title: Paper Session 1", "title: \"Paper\\0Session 1\"")'
expect_exit 2 "NUL in a title" -- "$bin" booklet --venue "$scratch/nul-title" --check
expect_text "$scratch/err" "workshop.yaml:84: field 'program.sessions[4].title' holds the control character U+0000" "NUL named"
venue_with "$ex" "$scratch/esc-name" 's.replace("name: Gokcen Kestor", "name: \"Gokcen \\e[31mKestor\"")'
expect_exit 2 "ESC in a name" -- "$bin" booklet --venue "$scratch/esc-name" --check
expect_text "$scratch/err" "workshop.yaml:29: field 'organizers[0].name' holds the control character U+001B" "ESC named"
cp -r "$ex" "$scratch/crlf-email"
python3 - "$scratch/crlf-email/papers.yaml" << 'PY'
import sys
p = sys.argv[1]; s = open(p).read()
s2 = s.replace("[Tianyu Wang,", '[{name: Tianyu Wang, email: "eve@x.example\\r\\nBcc: victim@example.com"},')
assert s2 != s
open(p, "w").write(s2)
PY
line=$(grep -n 'Bcc: victim' "$scratch/crlf-email/papers.yaml" | cut -d: -f1)
expect_exit 2 "CR LF in an email" -- "$bin" booklet --venue "$scratch/crlf-email" --check
grep -qE "papers.yaml:$line: field 'papers\[[0-9]+\]\.authors\[[0-9]+\]\.email' holds a carriage return" "$scratch/err" && ok ||
  bad "CR LF email not refused at papers.yaml:$line: $(cat "$scratch/err")"

# item 3 and 15 in the other YAML the tool reads: fetch's list
printf -- '- &e {id: a, url: "http://127.0.0.1:9/a.pdf"}\n- *e\n' > "$scratch/list.yaml"
expect_exit 2 "aliased fetch list" -- "$bin" fetch "$scratch/list.yaml" --out "$scratch/fetched"
expect_text "$scratch/err" "list.yaml:2: uses a YAML alias" "fetch list alias refused with its line"
printf -- '- {id: a, url: "http://127.0.0.1:9/a.pdf\\r\\nHost: evil"}\n' > "$scratch/list.yaml"
expect_exit 2 "CR LF in a fetch list's URL" -- "$bin" fetch "$scratch/list.yaml" --out "$scratch/fetched"
expect_text "$scratch/err" "list.yaml:1: field '[0].url' holds a carriage return (U+000D)" "fetch list control character refused"

finish

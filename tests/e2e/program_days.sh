#!/usr/bin/env bash
# A program over two days and three rooms (issue 30 item 5), through every
# writer of `proceedings booklet`: frab XML with one <day> per date and one
# <room> per room (c3voc's XSD), iCalendar read by two parsers (python3-icalendar
# and libical), the web page's grid (html-validate, Chromium at desktop and
# phone widths), the Jekyll tree built by jekyll, the PDF with a day per spread;
# and the check: two sessions in one room at once is an error naming both
# lines, one speaker in two rooms at once a warning.
# usage: program_days.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
venue=$scratch/days out=$scratch/published
mkdir -p "$venue"
cat > "$venue/workshop.yaml" << 'YAML'
id: days-2025
acronym: DAYS'25
name: "DAYS'25: A Symposium over Two Days"
kind: symposium
location: St. Louis, MO, USA
date: 2025-11-16
timezone: America/Chicago
organizers: [Ada Lovelace]
program:
  room: Room 263
  days:
    - date: 2025-11-16
      sessions:
        - {id: opening, title: Opening, kind: opening, start: "9:00", end: "9:10"}
        - id: papers-a
          title: Papers on Day One
          kind: papers
          start: "9:10"
          end: "10:30"
          chairs: [Ada Lovelace]
          talks:
            - {title: Fast Kernels, kind: paper, paper: kernels, start: "9:10", end: "9:50"}
            - {title: Slow Networks, kind: paper, paper: networks, start: "9:50", end: "10:30"}
        - id: tutorial
          title: Tutorial on Schedulers
          start: "9:10"
          end: "10:30"
          room: Room 264
          chairs: [Edsger Dijkstra]
          talks: [{title: Scheduling by Hand, speakers: [Grace Hopper]}]
        - id: panel
          title: Panel on Rooms
          kind: discussion
          start: "9:30"
          end: "10:30"
          room: Room 265
          chairs: [Barbara Liskov]
          talks: [{title: "How Many Rooms?", kind: discussion, speakers: [Barbara Liskov]}]
    - date: 2025-11-17
      room: Room 265
      sessions:
        - id: keynote
          title: Keynote
          start: "9:00"
          end: "10:00"
          chairs: [Ada Lovelace]
          talks: [{title: Two Days Are Better Than One, kind: keynote, speakers: [Alan Turing]}]
        - {id: break, title: Coffee, kind: break, start: "10:00", end: "10:30"}
        - {id: closing, title: Closing, kind: closing, start: "10:30", end: "10:45", room: Room 263}
YAML
cat > "$venue/papers.yaml" << 'YAML'
papers:
  - {id: kernels, title: Fast Kernels, authors: [Katherine Johnson]}
  - {id: networks, title: Slow Networks, authors: [Radia Perlman]}
YAML

# --- the check: clean as written
expect_exit 0 "2-day program --check" -- "$bin" booklet --venue "$venue" --check
expect_text "$scratch/err" "booklet: DAYS'25 program: 0 error(s)" "no errors in the 2-day program"
grep -q "OVERLAP\|TWO_ROOMS\|TIME_BACKWARDS" "$scratch/err" && bad "parallel rooms reported as clashes: $(cat "$scratch/err")" || ok

# --- every writer
expect_exit 0 "2-day program, every format" -- "$bin" booklet --venue "$venue" --out "$out" --format pdf,html,ics,xml,jekyll
stem=$out/booklet/days-2025-program
for f in pdf html ics xml; do [ -s "$stem.$f" ] && ok || bad "no $f written"; done

# frab XML: valid under c3voc's schema, one <day> per date, one <room> per room
xsd=$src/../shared/standards/frab-schedule.xml.xsd
if [ -f "$xsd" ]; then
  xmllint --noout --schema "$xsd" "$stem.xml" 2> "$scratch/xsd.err" && ok || bad "frab XML fails the schema: $(head -c 600 "$scratch/xsd.err")"
else
  echo "SKIP: frab schema check: $xsd is absent (the team's ../shared folder)"
fi
[ "$(xmllint --xpath 'count(/schedule/day)' "$stem.xml")" = 2 ] && ok || bad "frab: not 2 days: $(xmllint --xpath 'count(/schedule/day)' "$stem.xml")"
[ "$(xmllint --xpath 'string(/schedule/day[2]/@date)' "$stem.xml")" = 2025-11-17 ] && ok || bad "frab: day 2 is not 2025-11-17"
[ "$(xmllint --xpath 'string(/schedule/conference/days)' "$stem.xml")" = 2 ] && ok || bad "frab: conference/days is not 2"
[ "$(xmllint --xpath 'string(/schedule/conference/end)' "$stem.xml")" = 2025-11-17 ] && ok || bad "frab: conference/end is not the last day"
rooms=$(xmllint --xpath '//room/@name' "$stem.xml" | grep -o 'name="[^"]*"' | sort -u | wc -l)
[ "$rooms" = 3 ] && ok || bad "frab: not 3 rooms: $rooms"
[ "$(xmllint --xpath 'count(/schedule/day[1]/room)' "$stem.xml")" = 3 ] && ok || bad "frab: day 1 has not 3 rooms"
[ "$(xmllint --xpath 'count(/schedule/day[2]/room)' "$stem.xml")" = 2 ] && ok || bad "frab: day 2 has not its 2 rooms"
[ "$(xmllint --xpath 'string(/schedule/day[2]/room[@name="Room 265"]/event[1]/date)' "$stem.xml")" = 2025-11-17T09:00:00-06:00 ] && ok ||
  bad "frab: the keynote's date: $(xmllint --xpath 'string(/schedule/day[2]/room[@name="Room 265"]/event[1]/date)' "$stem.xml")"
[ "$(xmllint --xpath 'string(/schedule/day[1]/room[@name="Room 264"]/event[1]/title)' "$stem.xml")" = "Scheduling by Hand" ] && ok ||
  bad "frab: the tutorial is not in Room 264 on day 1"

# iCalendar in two parsers: each event's date and its room as LOCATION
for checker in check_ics.py check_ics_libical.py; do
  /usr/bin/python3 "$src/tests/validators/$checker" "$stem.ics" > "$scratch/ics.txt" 2>&1 && ok ||
    bad "$checker: $(grep -E 'PROBLEM|Error|rror' "$scratch/ics.txt" | head -5)"
  expect_text "$scratch/ics.txt" "8 events, 0 problems" "$checker: every event read"
done
grep -q "^2025-11-17T15:00:00+00:00 2025-11-17T16:00:00+00:00 Room 265, St. Louis, MO, USA | Two Days Are Better Than One — Alan Turing$" "$scratch/ics.txt" && ok ||
  bad "libical: the keynote is not on 2025-11-17 at 15:00 UTC in Room 265: $(grep -i keynote -m1 "$scratch/ics.txt"; grep Two "$scratch/ics.txt")"
grep -q "^2025-11-16T15:10:00+00:00 2025-11-16T16:30:00+00:00 Room 264, St. Louis, MO, USA | Scheduling by Hand" "$scratch/ics.txt" && ok ||
  bad "libical: the tutorial is not on day 1 in Room 264"
tr -d '\r' < "$stem.ics" | grep -q "^DTSTART;TZID=America/Chicago:20251117T090000$" && ok || bad "no DTSTART on 2025-11-17"

# the web page: a grid by day with a column per room, valid HTML, a list on a phone
page=$stem.html
[ "$(grep -c '<table class="grid"' "$page")" = 2 ] && ok || bad "the page has not one grid per day: $(grep -c '<table class="grid"' "$page")"
for room in "Room 263" "Room 264" "Room 265"; do
  grep -q "<th scope=\"col\">$room</th>" "$page" && ok || bad "no column for $room"
done
grep -q '@media' "$page" && ok || bad "no media query for phones"
grep -q '<time datetime="2025-11-17T09:00:00-06:00">9:00</time>' "$page" && ok || bad "day 2's times are not on day 2"
expect_valid_html "$page" "html-validate"
sed 's|</body>|<script>document.body.dataset.overflow = Math.max(0, document.documentElement.scrollWidth - innerWidth); document.body.dataset.cells = [...document.querySelectorAll("td.session")].filter(c => c.getBoundingClientRect().width > innerWidth * 0.8).length;</script></body>|' \
  "$page" > "$scratch/measure.html"
for width in 1280 390; do
  timeout 90 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-sync \
    --user-data-dir="$scratch/profile" --hide-scrollbars --window-size=$width,900 --virtual-time-budget=2000 \
    --dump-dom "file://$scratch/measure.html" > "$scratch/dom-$width.html" 2> /dev/null
  grep -q 'data-overflow="0"' "$scratch/dom-$width.html" && ok || bad "page wider than $width px: $(grep -o 'data-overflow="[^"]*"' "$scratch/dom-$width.html")"
  timeout 90 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-sync \
    --user-data-dir="$scratch/profile" --hide-scrollbars --window-size=$width,1600 --screenshot="$scratch/grid-$width.png" "file://$page" > /dev/null 2>&1
  [ "$(stat -c %s "$scratch/grid-$width.png" 2>/dev/null || echo 0)" -gt 20000 ] && ok || bad "no screenshot at $width px (or a blank one)"
done
# a grid on the desktop (no session cell as wide as the screen), a list on the phone (every one is)
grep -q 'data-cells="0"' "$scratch/dom-1280.html" && ok || bad "desktop: sessions are not in columns: $(grep -o 'data-cells="[^"]*"' "$scratch/dom-1280.html")"
grep -q 'data-cells="7"' "$scratch/dom-390.html" && ok || bad "phone: sessions are not a list: $(grep -o 'data-cells="[^"]*"' "$scratch/dom-390.html")"

# the PDF booklet: a day per spread (each day starts on an even, left-hand page)
pdftotext -layout "$stem.pdf" "$scratch/days.txt"
expect_text "$scratch/days.txt" "Sunday, November 16, 2025" "day 1 heading"
expect_text "$scratch/days.txt" "Monday, November 17, 2025" "day 2 heading"
for day in "Sunday, November 16, 2025" "Monday, November 17, 2025"; do
  page_no=$(awk -v d="$day" 'BEGIN{p=1} /\f/{p+=gsub(/\f/,"")} index($0,d)&&!done{print p; done=1}' "$scratch/days.txt")
  [ -n "$page_no" ] && [ $((page_no % 2)) -eq 0 ] && ok || bad "'$day' does not open on a left-hand (even) page: page $page_no"
done
mutool show "$stem.pdf" outline > "$scratch/outline.txt" 2>&1
expect_text "$scratch/outline.txt" "Monday, November 17, 2025" "day in the outline"

# the Jekyll tree: days and rooms in the data, a heading per day, built by jekyll
tree=$out/booklet/days-2025-jekyll
expect_text "$tree/_data/program.yml" '  - "date": "2025-11-17"' "the data has day 2"
expect_text "$tree/_data/program.yml" '"rooms": ["Room 263", "Room 264", "Room 265"]' "the data has the rooms"
if command -v jekyll > /dev/null; then
  (cd "$tree" && HOME=$scratch jekyll build --safe > "$scratch/jekyll.out" 2> "$scratch/jekyll.err") && ok || bad "jekyll build: $(tail -c 400 "$scratch/jekyll.err")"
  expect_text "$tree/_site/program/index.html" "Monday, November 17, 2025" "the built page has a heading for day 2"
  expect_text "$tree/_site/program/index.html" "Room 264" "the built page names the rooms"
else
  bad "jekyll is not installed"
fi

# --- the check: two sessions in one room at once; one speaker in two rooms at once
clash=$scratch/clash
cp -r "$venue" "$clash"
python3 - "$clash/workshop.yaml" << 'PY'
import sys
p = sys.argv[1]; s = open(p).read()
# a second session in Room 264 while the tutorial runs there, listed after the panel (not next to the tutorial)
s = s.replace("    - date: 2025-11-17\n",
              "        - {id: demo, title: Demo Hour, start: \"10:00\", end: \"11:00\", room: Room 264, chairs: [John Backus]}\n"
              "    - date: 2025-11-17\n", 1)
# the tutorial's speaker also speaks on the panel next door
s = s.replace("speakers: [Barbara Liskov]}]", "speakers: [Barbara Liskov, Grace Hopper]}]", 1)
open(p, "w").write(s)
PY
line_tutorial=$(grep -n "id: tutorial" "$clash/workshop.yaml" | cut -d: -f1)
line_demo=$(grep -n "id: demo" "$clash/workshop.yaml" | cut -d: -f1)
expect_exit 1 "one room, two sessions at once" -- "$bin" booklet --venue "$clash" --check
expect_text "$scratch/err" "$clash/workshop.yaml:$line_demo: error: OVERLAP: session 'Demo Hour' starts at 10:00 (10:00) while 'Tutorial on Schedulers' runs until 10:30 in Room 264 ($clash/workshop.yaml:$line_tutorial)" \
  "the room clash names both sessions with file and line"
expect_text "$scratch/err" "warning: TWO_ROOMS: Grace Hopper is in talk 'Scheduling by Hand' in session 'Tutorial on Schedulers' (Room 264) and talk 'How Many Rooms?' in session 'Panel on Rooms' (Room 265) at the same time (9:30)" \
  "one speaker in two rooms is a warning"
grep -q "error: DOUBLE_BOOKED" "$scratch/err" && bad "two rooms reported as an error" || ok

# --- a volume's program: the union of its workshops' (booklet --volume), one a day in its own room, the
# other the 2-day program above; then both booked into Room 264 at once, named across the two files
vol=$scratch/volume
mkdir -p "$vol/sc" "$vol/one"
cat > "$vol/one/workshop.yaml" << 'YAML'
id: one-2025
acronym: ONE'25
name: "ONE'25: A Workshop of One Morning"
kind: workshop
date: 2025-11-18
timezone: America/Chicago
organizers: [Frances Allen]
program:
  room: Room 266
  sessions:
    - {id: talks, title: Morning Talks, start: "9:00", end: "10:00", chairs: [Frances Allen]}
YAML
cp -r "$venue" "$vol/days"
cat > "$vol/sc/volume.yaml" << 'YAML'
id: sc-test-2025
name: "The Test Workshops"
timezone: America/Chicago
acm: {proceedings_title: "Proceedings of the Test Workshops", conference: "Test Workshops", short_name: "TW '25",
      dates: "November 16-18, 2025", location: "St. Louis, MO, USA", year: 2025}
workshops: [../days, ../one]
YAML
expect_exit 0 "booklet --volume" -- "$bin" booklet --volume "$vol/sc" --out "$scratch/vol-out" --format xml,html,ics
vstem=$scratch/vol-out/booklet/sc-test-2025-program
[ "$(xmllint --xpath 'count(/schedule/day)' "$vstem.xml")" = 3 ] && ok || bad "volume frab: not 3 days"
[ "$(xmllint --xpath 'string(/schedule/day[3]/room/@name)' "$vstem.xml")" = "Room 266" ] && ok || bad "volume frab: day 3 is not in Room 266"
[ "$(xmllint --xpath 'string(/schedule/day[3]/room/event/track)' "$vstem.xml")" = "ONE'25" ] && ok || bad "volume frab: the workshop is not the track"
if [ -f "$xsd" ]; then xmllint --noout --schema "$xsd" "$vstem.xml" 2> /dev/null && ok || bad "volume frab fails the schema"; fi
/usr/bin/python3 "$src/tests/validators/check_ics_libical.py" "$vstem.ics" > "$scratch/vol-ics.txt" 2>&1 && ok || bad "volume ics: $(grep PROBLEM "$scratch/vol-ics.txt" | head -3)"
expect_text "$scratch/vol-ics.txt" "9 events, 0 problems" "volume ics: both workshops' events"
[ "$(grep -c '<table class="grid"' "$vstem.html")" = 3 ] && ok || bad "volume page: not a grid per day"
sed -i 's/^date: 2025-11-18$/date: 2025-11-16/; s/^  room: Room 266$/  room: Room 264/; s/start: "9:00", end: "10:00"/start: "10:00", end: "11:00"/' "$vol/one/workshop.yaml"
expect_exit 1 "two workshops in one room at once" -- "$bin" booklet --volume "$vol/sc" --check
expect_text "$scratch/err" "$vol/one/workshop.yaml:11: error: OVERLAP: session 'Morning Talks' starts at 10:00 (10:00) while 'Tutorial on Schedulers' runs until 10:30 in Room 264 ($vol/days/workshop.yaml:$line_tutorial)" \
  "a clash across workshops names both files"

# --- the YAML: days and sessions together, a day twice, a day that is no date
bad_venue=$scratch/bad
cp -r "$venue" "$bad_venue"
sed -i 's/^  days:$/  sessions: []\n  days:/' "$bad_venue/workshop.yaml"
expect_exit 2 "days and sessions together" -- "$bin" booklet --venue "$bad_venue" --check
expect_text "$scratch/err" "workshop.yaml:" "the error names the file and line"
expect_text "$scratch/err" "'program' has either 'sessions' (one day) or 'days', not both" "days and sessions together"
cp "$venue/workshop.yaml" "$bad_venue/workshop.yaml"
sed -i 's/date: 2025-11-17$/date: 2025-11-16/' "$bad_venue/workshop.yaml"
expect_exit 2 "a day twice" -- "$bin" booklet --venue "$bad_venue" --check
expect_text "$scratch/err" "field 'program.days[1].date' is 2025-11-16, a day listed above too" "a day listed twice"
cp "$venue/workshop.yaml" "$bad_venue/workshop.yaml"
sed -i 's/date: 2025-11-17$/date: 2025-11-31/' "$bad_venue/workshop.yaml"
expect_exit 2 "a day the calendar has not" -- "$bin" booklet --venue "$bad_venue" --check
expect_text "$scratch/err" "field 'program.days[1].date' is 2025-11-31, a day the calendar does not have" "a day that does not exist"

finish

#!/usr/bin/env bash
# Writes a volume of generated workshops (issue 30): DIR/volume/volume.yaml
# listing W workshops DIR/volume/wNN/ (workshop.yaml, papers.yaml, message.md)
# of P papers each, over 3 days and ROOMS rooms, and the papers'
# camera-ready PDFs DIR/papers/wNN/<id>.pdf. The papers are the bundled
# ExHetAI'25 manuscripts (they carry the SC Workshops '25 rights block the
# volume's ACM record describes): omnifed (6 pages) alternating with omnifed
# followed by wages' first two pages (8 pages), so about 7 pages a paper;
# every workshop's rules take up to 8 or 9 body pages (two kinds of rules).
# usage: make-volume.sh DIR WORKSHOPS PAPERS_PER_WORKSHOP MANUSCRIPTS_DIR SOURCE_DIR [ROOMS]
set -euo pipefail
dir=$1 workshops=$2 per=$3 manuscripts=$4 src=$5 rooms=${6:-20}
mkdir -p "$dir/volume" "$dir/papers"
six=$dir/papers/.omnifed6.pdf eight=$dir/papers/.omnifed8.pdf
cp "$manuscripts/omnifed.pdf" "$six"
qpdf --empty --pages "$manuscripts/omnifed.pdf" "$manuscripts/wages.pdf" 1-2 -- "$eight"

# The volume's ACM record: the one ExHetAI'25's workshop.yaml gives (SC Workshops '25).
acm=$(sed -n '/^acm:/,/^$/p' "$src/metadata/exhetai-2025/workshop.yaml")
{
  echo "id: sc-workshops-2025"
  echo "name: \"The SC '25 Workshops of the International Conference for High Performance Computing, Networking, Storage and Analysis\""
  echo "host: SC25"
  echo "location: \"St. Louis, Missouri, USA\""
  echo "$acm"
  echo "chairs:"
  echo "  - {name: Wendy Workshops-Chair, affiliation: Generated University}"
  echo "  - {name: Victor Vice-Chair, affiliation: Generated Laboratory}"
  echo "committees:"
  echo "  - name: SC25 Workshops Committee"
  echo "    members: [{name: Olga Organizer, affiliation: Generated Institute}, {name: Paul Planner, affiliation: Generated College}]"
  echo "workshops:"
  for w in $(seq -w 1 "$workshops"); do echo "  - w$w"; done
} > "$dir/volume/volume.yaml"
printf 'Welcome to the workshops of SC25: %s workshops, %s papers.\n\nThe workshops chairs.\n' \
  "$workshops" "$((workshops * per))" > "$dir/volume/message.md"

for w in $(seq -w 1 "$workshops"); do
  n=$((10#$w))
  folder=$dir/volume/w$w
  mkdir -p "$folder" "$dir/papers/w$w"
  max=$((8 + n % 2))
  day=$((16 + n % 3))
  room=$((201 + n % rooms))
  {
    echo "id: w$w"
    echo "acronym: \"GW$w'25\""
    echo "name: \"The Workshop on Generated Topic $w\""
    echo "kind: workshop"
    echo "host: SC25"
    echo "location: \"St. Louis, Missouri, USA\""
    echo "date: 2025-11-$day"
    echo "timezone: America/Chicago"
    echo "organizers:"
    echo "  - {name: Chair One$w, affiliation: Generated University $w}"
    echo "  - {name: Chair Two$w, affiliation: Generated Laboratory $w}"
    echo "committees:"
    echo "  - name: Technical Program Committee"
    echo "    members: [{name: Member A$w, affiliation: Lab A}, {name: Member B$w, affiliation: Lab B}, {name: Member C$w, affiliation: Lab C}]"
    echo "submission:"
    echo "  template: acmart-sigconf"
    echo "  paper: letter"
    echo "  columns: 2"
    echo "  pages: {min: 4, max: $max, excluding: bibliography}"
    echo "  review: single-blind"
    echo "program:"
    echo "  room: \"Room $room\""
    echo "  sessions:"
    echo "    - {id: opening, title: Opening Remarks, kind: opening, start: \"9:00\", end: \"9:10\"}"
    echo "    - id: papers"
    echo "      title: Paper Session"
    echo "      kind: papers"
    echo "      start: \"9:10\""
    echo "      talks:"
    for p in $(seq -w 1 "$per"); do
      echo "        - {title: \"Generated Paper $p of Workshop $w\", kind: paper, paper: w$w-p$p}"
    done
  } > "$folder/workshop.yaml"
  {
    echo "papers:"
    for p in $(seq -w 1 "$per"); do
      echo "  - {id: w$w-p$p, title: \"Generated Paper $p of Workshop $w\", authors: [{name: Author A$w$p, email: a$w$p@example.org}, Author B$w, Zoë Ångström]}"
      if [ $(( (n + 10#$p) % 2 )) -eq 0 ]; then cp "$six" "$dir/papers/w$w/w$w-p$p.pdf"; else cp "$eight" "$dir/papers/w$w/w$w-p$p.pdf"; fi
    done
  } > "$folder/papers.yaml"
  printf 'Welcome to workshop %s. We thank the authors and the committee.\n' "$w" > "$folder/message.md"
done

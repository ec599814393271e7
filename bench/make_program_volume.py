#!/usr/bin/python3
"""Writes the program of a generated SC-scale volume: WORKSHOPS workshop
folders (workshop.yaml and papers.yaml, 10 papers each), every workshop one
day long in one room, spread over DAYS days and ROOMS rooms so that no room
holds two workshops at once, and OUT/volume/volume.yaml listing them in order
(docs/volume.md). The names are made up; the layout is SC's (a full day: an
opening, a keynote, two paper sessions, breaks, a panel, a closing).
usage: make_program_volume.py OUT [WORKSHOPS [DAYS [ROOMS]]]"""
import datetime
import os
import sys

FIRST_DAY = datetime.date(2025, 11, 16)
PAPERS = 10


VOLUME = """id: generated-volume-2025
name: "The Generated Workshops of a Conference of SC's Size"
acronym: "GW '25"
host: GW25
location: "St. Louis, MO, USA"
timezone: America/Chicago
acm:
  proceedings_title: "Proceedings of the Generated Workshops of a Conference of SC's Size"
  conference: "Generated Workshops of a Conference of SC's Size"
  short_name: "GW '25"
  dates: "November 16-18, 2025"
  location: "St. Louis, MO, USA"
  year: 2025
  month: 11
chairs: [{name: Ada Lovelace, affiliation: Analytical Engines}]
workshops:
"""


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def person(n):
    given = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Radia", "Ken"]
    family = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Perlman", "Thompson"]
    return f"{given[n % 10]} {family[n // 10 % 10]}{'' if n < 100 else ' ' + str(n // 100)}"


def hm(minutes):
    return f"{minutes // 60}:{minutes % 60:02d}"


def workshop(i, day, room):
    wid = f"ws{i + 1:02d}-2025"
    acronym = f"WS{i + 1:02d}'25"
    people = lambda k: [person(i * 40 + k * 3 + j) for j in range(3)]  # noqa: E731
    papers = [(f"ws{i + 1:02d}-p{k + 1}", f"Paper {k + 1} of Workshop {i + 1}", people(k)) for k in range(PAPERS)]

    def paper_talks(first, start):
        out = []
        for k in range(first, first + PAPERS // 2):
            pid, title, _ = papers[k]
            out.append(f"            - {{title: {q(title)}, kind: paper, paper: {pid}, start: {q(hm(start))}, end: {q(hm(start + 18))}}}")
            start += 18
        return "\n".join(out)

    chair = person(i * 40 + 35)
    lines = [
        f"id: {wid}",
        f"acronym: {q(acronym)}",
        f"name: {q(acronym + ': The Workshop Number ' + str(i + 1))}",
        "kind: workshop",
        "location: St. Louis, MO, USA",
        f"date: {day.isoformat()}",
        "timezone: America/Chicago",
        f"organizers: [{q(person(i * 40 + 36))}]",
        "program:",
        f"  room: {q(room)}",
        "  sessions:",
        f"    - {{id: opening, title: Opening, kind: opening, start: '9:00', end: '9:10'}}",
        f"    - id: keynote",
        f"      title: Keynote",
        f"      start: '9:10'",
        f"      end: '10:00'",
        f"      chairs: [{q(chair)}]",
        f"      talks: [{{title: {q('Keynote of Workshop ' + str(i + 1))}, kind: keynote, speakers: [{q(person(i * 40 + 37))}]}}]",
        f"    - {{id: break-am, title: Morning Break, kind: break, start: '10:00', end: '10:30'}}",
        f"    - id: papers-1",
        f"      title: Paper Session 1",
        f"      kind: papers",
        f"      start: '10:30'",
        f"      end: '12:00'",
        f"      chairs: [{q(chair)}]",
        f"      talks:",
        paper_talks(0, 630),
        f"    - {{id: lunch, title: Lunch, kind: break, start: '12:00', end: '13:30'}}",
        f"    - id: papers-2",
        f"      title: Paper Session 2",
        f"      kind: papers",
        f"      start: '13:30'",
        f"      end: '15:00'",
        f"      chairs: [{q(chair)}]",
        f"      talks:",
        paper_talks(PAPERS // 2, 810),
        f"    - {{id: break-pm, title: Afternoon Break, kind: break, start: '15:00', end: '15:30'}}",
        f"    - id: panel",
        f"      title: Panel",
        f"      kind: discussion",
        f"      start: '15:30'",
        f"      end: '17:00'",
        f"      chairs: [{q(chair)}]",
        f"      talks: [{{title: {q('Panel of Workshop ' + str(i + 1))}, kind: discussion, speakers: [{q(person(i * 40 + 38))}]}}]",
        f"    - {{id: closing, title: Closing, kind: closing, start: '17:00', end: '17:10'}}",
    ]
    paper_lines = ["papers:"]
    for pid, title, authors in papers:
        paper_lines.append(f"  - {{id: {pid}, title: {q(title)}, authors: [{', '.join(q(a) for a in authors)}]}}")
    return wid, "\n".join(lines) + "\n", "\n".join(paper_lines) + "\n"


def main(out, workshops=40, days=3, rooms=20):
    os.makedirs(out, exist_ok=True)
    folders = []
    for i in range(workshops):
        # Room i mod ROOMS; workshops sharing a room go to different days.
        day = FIRST_DAY + datetime.timedelta(days=(i // rooms + i % rooms) % days)
        wid, workshop_yaml, papers_yaml = workshop(i, day, f"Room {200 + i % rooms}")
        folder = os.path.join(out, wid)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "workshop.yaml"), "w", encoding="utf-8") as f:
            f.write(workshop_yaml)
        with open(os.path.join(folder, "papers.yaml"), "w", encoding="utf-8") as f:
            f.write(papers_yaml)
        folders.append(folder)
    os.makedirs(os.path.join(out, "volume"), exist_ok=True)
    with open(os.path.join(out, "volume", "volume.yaml"), "w", encoding="utf-8") as f:
        f.write(VOLUME + "".join(f"  - ../{os.path.basename(folder)}\n" for folder in folders))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], *(int(a) for a in sys.argv[2:5]))

#!/usr/bin/python3
"""Reads an iCalendar file with the `icalendar` library (Debian's python3-icalendar)
and checks what calendar apps rely on. Prints one line per event, then a summary;
exit status 1 on any problem.
usage: check_ics.py FILE.ics"""
import sys

import icalendar


def main(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    problems, uids, spans = [], set(), []
    events = list(cal.walk("VEVENT"))
    for ev in events:
        uid = str(ev.get("UID", ""))
        summary = str(ev.get("SUMMARY", ""))
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "LAST-MODIFIED", "SUMMARY"):
            if ev.get(prop) is None:
                problems.append(f"{summary!r}: no {prop}")
        if uid in uids:
            problems.append(f"{summary!r}: UID {uid} used twice")
        uids.add(uid)
        if ev.get("DTSTART") is None or ev.get("DTEND") is None:
            continue
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        if start.tzinfo is None:
            problems.append(f"{summary!r}: DTSTART without a time zone")
        if end <= start:
            problems.append(f"{summary!r}: zero-length or negative ({start} to {end})")
        spans.append((str(ev.get("LOCATION", "")), start, end, summary))
        print(f"{start.isoformat()} {end.isoformat()} {int(ev.get('SEQUENCE', -1))} {summary}")
    # Events in different rooms (LOCATION) may run at once: a program over several rooms.
    spans.sort(key=lambda s: (s[0], s[1]))
    for (l1, s1, e1, a), (l2, s2, e2, b) in zip(spans, spans[1:]):
        if l1 == l2 and s2 < e1:
            problems.append(f"{b!r} starts before {a!r} ends: stacked events")
    for p in problems:
        print("PROBLEM: " + p)
    print(f"{len(events)} events, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

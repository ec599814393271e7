#!/usr/bin/python3
"""Reads an iCalendar file with libical (the C library Evolution and GNOME
Calendar use, through its GObject bindings: Debian's gir1.2-ical-3.0 and
python3-gi), a second parser beside check_ics.py's python3-icalendar.
Prints one line per event, "UTC-START UTC-END LOCATION | SUMMARY", then a
summary; exit status 1 on any problem: what libical could not parse
(X-LIC-ERROR), a start without a time zone, an event of zero length, a UID
used twice, two events at once in one LOCATION.
usage: check_ics_libical.py FILE.ics"""
import datetime
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as ical  # noqa: E402


def parse_errors(component):
    found = []
    prop = component.get_first_property(ical.PropertyKind.XLICERROR_PROPERTY)
    while prop:
        found.append(prop.as_ical_string().strip())
        prop = component.get_next_property(ical.PropertyKind.XLICERROR_PROPERTY)
    sub = component.get_first_component(ical.ComponentKind.ANY_COMPONENT)
    while sub:
        found += parse_errors(sub)
        sub = component.get_next_component(ical.ComponentKind.ANY_COMPONENT)
    return found


def instant(time):
    zone = time.get_timezone()
    if zone is None:
        return None
    seconds = ical.Time.as_timet_with_zone(time, zone)
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)


def main(path):
    with open(path, encoding="utf-8") as f:
        calendar = ical.Component.new_from_string(f.read())
    if calendar is None:
        print("PROBLEM: libical cannot parse the file")
        print("0 events, 1 problems")
        return 1
    problems = ["libical: " + e for e in parse_errors(calendar)]
    uids, spans, count = set(), [], 0
    event = calendar.get_first_component(ical.ComponentKind.VEVENT_COMPONENT)
    while event:
        count += 1
        summary, location, uid = event.get_summary() or "", event.get_location() or "", event.get_uid() or ""
        if not uid or uid in uids:
            problems.append(f"{summary!r}: UID {uid!r} missing or used twice")
        uids.add(uid)
        start, end = instant(event.get_dtstart()), instant(event.get_dtend())
        if start is None or end is None:
            problems.append(f"{summary!r}: DTSTART or DTEND without a time zone")
        else:
            if end <= start:
                problems.append(f"{summary!r}: zero-length or negative ({start} to {end})")
            spans.append((location, start, end, summary))
            print(f"{start.isoformat()} {end.isoformat()} {location} | {summary}")
        event = calendar.get_next_component(ical.ComponentKind.VEVENT_COMPONENT)
    spans.sort()
    for (l1, s1, e1, a), (l2, s2, e2, b) in zip(spans, spans[1:]):
        if l1 == l2 and s2 < e1:
            problems.append(f"{b!r} starts before {a!r} ends in {l1!r}: stacked events")
    for p in problems:
        print("PROBLEM: " + p)
    print(f"{count} events, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

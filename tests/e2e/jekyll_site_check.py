#!/usr/bin/env python3
"""Checks a `jekyll build` of `booklet --format jekyll` against workshop.yaml,
read here with PyYAML (not with our reader): the program page lists every talk
with its speakers and its start time, every talk has its page under
/talks/<slug>, and every speaker's page under /speakers/<slug> links back to
each of the speaker's talks. usage: jekyll_site_check.py VENUE SITE"""
import html.parser
import os
import re
import sys
import unicodedata

import yaml


def slug(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]", "-", ascii_text.lower())).strip("-")


def clock(published):
    m = re.fullmatch(r"\s*(\d{1,2})(?::(\d\d))?\s*([AaPp][Mm])?\s*", published)
    hours, minutes = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3):
        hours = hours % 12 + (12 if m.group(3).lower() == "pm" else 0)
    return f"{hours}:{minutes:02d}"


def name(person):
    return person if isinstance(person, str) else person["name"]


class Items(html.parser.HTMLParser):
    """The text of each <li>, and the hrefs inside it."""

    def __init__(self):
        super().__init__()
        self.items, self.depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.items.append({"text": "", "hrefs": []})
            self.depth += 1
        elif tag == "a" and self.depth:
            self.items[-1]["hrefs"].append(dict(attrs).get("href", ""))

    def handle_endtag(self, tag):
        if tag == "li":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.items[-1]["text"] += data


def parse(path):
    with open(path, encoding="utf-8") as f:
        parser = Items()
        parser.feed(f.read())
    return parser.items


def main(venue, site):
    with open(os.path.join(venue, "workshop.yaml"), encoding="utf-8") as f:
        workshop = yaml.safe_load(f)
    papers = {}
    if os.path.exists(os.path.join(venue, "papers.yaml")):
        with open(os.path.join(venue, "papers.yaml"), encoding="utf-8") as f:
            papers = {p["id"]: p for p in yaml.safe_load(f)["papers"]}
    program = parse(os.path.join(site, "program", "index.html"))
    failures, talks_of = [], {}
    for session in workshop["program"]["sessions"]:
        for talk in session.get("talks", []):
            speakers = [name(p) for p in talk.get("speakers", [])] or \
                       [name(a) for a in papers.get(talk.get("paper"), {}).get("authors", [])]
            talk_slug = talk.get("slug") or slug(talk["title"])
            time = clock(talk.get("start", session["start"]))
            row = [i for i in program if f"/talks/{talk_slug}" in i["hrefs"]]
            if not row:
                failures.append(f"program page: no entry links /talks/{talk_slug}")
                continue
            text = " ".join(row[0]["text"].split())
            for want in [talk["title"], time] + speakers:
                if want not in text:
                    failures.append(f"program page: '{want}' missing from the entry of '{talk['title']}': {text}")
            if not os.path.exists(os.path.join(site, "talks", talk_slug + ".html")):
                failures.append(f"no page /talks/{talk_slug}")
            for s in speakers:
                talks_of.setdefault(slug(s), []).append(talk_slug)
    for speaker_slug, talk_slugs in talks_of.items():
        page = os.path.join(site, "speakers", speaker_slug + ".html")
        if not os.path.exists(page):
            failures.append(f"no page /speakers/{speaker_slug}")
            continue
        hrefs = [h for item in parse(page) for h in item["hrefs"]]
        for t in talk_slugs:
            if f"/talks/{t}" not in hrefs:
                failures.append(f"/speakers/{speaker_slug} does not link back to /talks/{t}")
    for f in failures:
        print("FAIL:", f)
    print(f"{len(talks_of)} speakers checked, {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

#!/usr/bin/env python3
"""How `proceedings meta` and `proceedings check` read real papers: a corpus
made by scripts/make-real-corpus.sh (acmart sources of published papers,
compiled here, the truth written by acmart itself; issue 28). Exit status 77
(ctest's skip) when CORPUS holds none.

  bench/score_real.py PROCEEDINGS CORPUS [--misses] [--floor FIELD=PERCENT ...]

Per field, % exact against the truth, from the PDFs (CORPUS/<paper>.pdf) and
from the sources (CORPUS/src/<paper>): titles and author lists once per
paper, institutions, countries and emails once per author (the list of the
author's affiliations', or emails, in order). Then `check`: body pages and
format against where acmart set the bibliography and the format it used, and
WATERMARK warnings on papers without a watermark. A --floor names a row and
field ("pdf:institutions=98", "source:author lists=100", "check:body pages=97",
"check:watermark false positives=0" is a ceiling) and makes the exit status 1
when the score is below it.
"""
import json, os, subprocess, sys

FIELDS = ['titles', 'author lists', 'institutions', 'countries', 'emails']


def run_json(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    try:
        return json.loads(r.stdout)
    except json.JSONDecodeError:
        return None


def meta_of(proceedings, path):
    j = run_json([proceedings, 'meta', '--json', path])
    return (j or {}).get('papers', [{}])[0] if j and j.get('papers') else {}


class Tally:
    def __init__(self):
        self.right = {f: 0 for f in FIELDS}
        self.total = {f: 0 for f in FIELDS}

    def count(self, field, ok):
        self.total[field] += 1
        self.right[field] += bool(ok)
        return ok

    def percent(self, field):
        return 100.0 * self.right[field] / self.total[field] if self.total[field] else 100.0


def score(got, truth, from_pdf, tally, misses, where):
    def miss(field, ok, what):
        if not tally.count(field, ok):
            misses.append(f"{truth['name']} ({where}): {field}: {what}")
    miss('titles', got.get('title', '') == truth['title'], f"{got.get('title', '')!r} for {truth['title']!r}")
    have = got.get('authors', [])
    # From a PDF of an anonymised build, no authors is the right list; its
    # source still names them.
    want = [] if from_pdf and truth.get('anonymous') else truth['authors']
    names = [a.get('name', '') for a in have]
    miss('author lists', names == [a['name'] for a in want], f"{names} for {[a['name'] for a in want]}")
    for i, w in enumerate(want):
        h = have[i] if i < len(have) else {}
        for field, part in (('institutions', 'institution'), ('countries', 'country')):
            a = [x.get(part, '') for x in h.get('affiliations', [])]
            b = [x.get(part, '') for x in w['affiliations']]
            miss(field, a == b, f"{w['name']}: {a} for {b}")
        # A journal paper with \authorsaddresses{} prints no email: none is right from its PDF.
        want_emails = [] if from_pdf and not truth.get('emails_printed', True) else w['emails']
        miss('emails', h.get('emails', []) == want_emails, f"{w['name']}: {h.get('emails', [])} for {want_emails}")


def main():
    args = sys.argv[1:]
    show_misses = '--misses' in args
    floors = []
    while '--floor' in args:
        i = args.index('--floor')
        floors.append(args[i + 1])
        del args[i:i + 2]
    args = [a for a in args if a != '--misses']
    proceedings, corpus = args[0], args[1]
    if not os.path.isdir(os.path.join(corpus, 'src')):
        print(f'no real-paper corpus at {corpus}: make one with scripts/make-real-corpus.sh (issue 28)')
        return 77
    names = sorted(d for d in os.listdir(os.path.join(corpus, 'src')) if os.path.exists(os.path.join(corpus, 'src', d, 'truth.json')))
    pdf, source = Tally(), Tally()
    misses = []
    check = {'body pages': [0, 0], 'format': [0, 0], 'watermark false positives': [0, 0]}
    verdicts = {}
    for name in names:
        truth = json.load(open(os.path.join(corpus, 'src', name, 'truth.json'), encoding='utf-8'))
        pdf_path = os.path.join(corpus, name + '.pdf')
        score(meta_of(proceedings, pdf_path), truth, True, pdf, misses, 'pdf')
        score(meta_of(proceedings, os.path.join(corpus, 'src', name)), truth, False, source, misses, 'source')
        if 'check' not in truth:
            continue  # a generated corpus: its truth says nothing of check
        j = run_json([proceedings, 'check', '--json', pdf_path]) or {}
        paper = (j.get('papers') or [{}])[0]
        want = truth['check']
        verdicts[paper.get('verdict', '?')] = verdicts.get(paper.get('verdict', '?'), 0) + 1
        ok = paper.get('body_pages') == want['body_pages']
        check['body pages'][0] += ok
        check['body pages'][1] += 1
        if not ok:
            misses.append(f"{name} (check): body pages {paper.get('body_pages')} for {want['body_pages']}")
        fmt = (paper.get('template') or {}).get('format', '')
        ok = fmt == want['format']
        check['format'][0] += ok
        check['format'][1] += 1
        if not ok:
            misses.append(f"{name} (check): format {fmt!r} for {want['format']!r}")
        codes = [p.get('code') for p in paper.get('problems', [])]
        if not want['watermark']:
            check['watermark false positives'][1] += 1
            if 'WATERMARK' in codes:
                check['watermark false positives'][0] += 1
                misses.append(f"{name} (check): WATERMARK on a paper without one")
    print(f"meta on the real-paper corpus ({len(names)} papers): % exact, against what acmart stored")
    print(f"{'from':8}" + ''.join(f" {f:>13}" for f in FIELDS))
    rows = {'pdf': pdf, 'source': source}
    for label, t in rows.items():
        print(f"{label:8}" + ''.join(f" {t.percent(f):13.1f}" for f in FIELDS))
    print(f"(titles and author lists per paper; the other fields per author: {pdf.total['institutions']})")
    got = {f'{k}:{f}': t.percent(f) for k, t in rows.items() for f in FIELDS}
    for k, (n, total) in check.items():
        got[f'check:{k}'] = (100.0 * n / total if total else 100.0) if k != 'watermark false positives' else n
    print(f"check: body pages right {check['body pages'][0]}/{check['body pages'][1]}, "
          f"format right {check['format'][0]}/{check['format'][1]}, "
          f"WATERMARK on {check['watermark false positives'][0]} of {check['watermark false positives'][1]} papers without one; "
          f"verdicts {dict(sorted(verdicts.items()))}")
    if show_misses:
        for m in misses:
            print('  miss:', m)
    failed = False
    for floor in floors:
        key, _, value = floor.rpartition('=')
        if key not in got:
            print(f'unknown floor {key!r}', file=sys.stderr)
            return 2
        below = got[key] > float(value) if key.endswith('false positives') else got[key] < float(value)
        if below:
            print(f'FLOOR {key}: {got[key]:.1f} (floor {value})')
            failed = True
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

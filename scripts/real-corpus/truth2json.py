#!/usr/bin/env python3
"""Turns the .truth file the truthhook package writes (what acmart stored in
\\@title and \\addresses) into truth.json in the schema of
tools/meta/accuracy.hpp."""
import json, re, sys

PDFDOC = {0x18: '\u02d8', 0x19: '\u02c7', 0x1a: '\u02c6', 0x1b: '\u02d9', 0x1c: '\u02dd', 0x1d: '\u02db', 0x1e: '\u02da', 0x1f: '\u02dc',
          0x80: '\u2022', 0x81: '\u2020', 0x82: '\u2021', 0x83: '\u2026', 0x84: '\u2014', 0x85: '\u2013', 0x86: '\u0192', 0x87: '\u2044',
          0x88: '\u2039', 0x89: '\u203a', 0x8a: '\u2212', 0x8b: '\u2030', 0x8c: '\u201e', 0x8d: '\u201c', 0x8e: '\u201d', 0x8f: '\u2018',
          0x90: '\u2019', 0x91: '\u201a', 0x92: '\u2122', 0x93: '\ufb01', 0x94: '\ufb02', 0x95: '\u0141', 0x96: '\u0152', 0x97: '\u0160',
          0x98: '\u0178', 0x99: '\u017d', 0x9a: '\u0131', 0x9b: '\u0142', 0x9c: '\u0153', 0x9d: '\u0161', 0x9e: '\u017e', 0xa0: '\u20ac'}


def pdf_string(s):
    """Decodes a PDF string as \\pdfstringdef writes it."""
    out = bytearray()
    i = 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            m = re.match(r'[0-7]{1,3}', s[i + 1:])
            if m:
                out.append(int(m.group(0), 8) & 0xff)
                i += 1 + len(m.group(0))
                continue
            nxt = s[i + 1]
            out += {'n': b'\n', 'r': b'\r', 't': b'\t', 'b': b'\b', 'f': b'\f'}.get(nxt, nxt.encode('latin-1', 'replace'))
            i += 2
            continue
        out += c.encode('utf-8') if ord(c) > 0xff else bytes([ord(c)])
        i += 1
    if out[:2] == b'\xfe\xff':
        text = out[2:].decode('utf-16-be', 'replace')
    else:
        text = ''.join(PDFDOC.get(b, chr(b)) for b in out)
    return ' '.join(text.split())


def parse(lines):
    t = {'title': '', 'subtitle': '', 'anonymous': False, 'format': '', 'authors': [], 'flags': {}}
    author = affiliation = None
    for line in lines:
        key, _, value = line.rstrip('\n').partition('|')
        if key.endswith('-raw'):
            continue
        if key in ('title', 'subtitle'):
            t[key] = pdf_string(value)
        elif key == 'anonymous':
            t['anonymous'] = True
        elif key == 'format':
            t['format'] = value.strip()
        elif key in ('fontsize', 'review', 'authordraft', 'screen', 'nonacm', 'watermark', 'class', 'journal', 'addresses'):
            t['flags'][key] = value.strip()
        elif key == 'author':
            author = {'name': pdf_string(value), 'affiliations': [], 'emails': []}
            affiliation = None
            t['authors'].append(author)
        elif key == 'affiliation' and author is not None:
            affiliation = {'institution': '', 'departments': [], 'country': '', 'text': ''}
            author['affiliations'].append(affiliation)
        elif key == 'email' and author is not None:
            author['emails'].append(pdf_string(value))
        elif affiliation is not None:
            v = pdf_string(value)
            if key == 'affiliation-text':
                affiliation['text'] = v
            elif key == 'department':
                affiliation['departments'].append(v)
            elif key == 'institution':
                affiliation['institution'] = affiliation['institution'] + ' and ' + v if affiliation['institution'] else v
            elif key in ('country', 'city', 'state', 'postcode', 'street', 'position'):
                affiliation[key] = v
    return t


def share_affiliations(authors):
    """acmart's rule: authors written one after another without their own
    \\affiliation share the next one."""
    pending = []
    for a in authors:
        pending.append(a)
        if a['affiliations']:
            for p in pending[:-1]:
                if not p['affiliations']:
                    p['affiliations'] = [dict(x) for x in a['affiliations']]
            pending = []


def free_text_institutions(authors):
    """\\affiliation{Huawei Technologies}: acmart prints the loose text; a
    reader takes it for the institution."""
    for a in authors:
        for x in a['affiliations']:
            loose = x.pop('text', '')
            if not x['institution'] and loose:
                x['institution'] = loose


def body_pages(pages, marks):
    """Pages carrying anything but the bibliography, from where acmart set
    the bibliography: its first page counts unless the bibliography opens
    it (top of the first column); its last page counts when a section
    (an appendix) follows on it; pages after it count."""
    start = next((m for m in marks if m[0] == 'bib-start'), None)
    end = next((m for m in marks if m[0] == 'bib-end'), None)
    if not start or not end:
        return pages, 0
    s, e = start[1], end[1]
    only = set(range(s, e + 1))
    if not (start[2] < 1.0 and start[3] == 1):
        only.discard(s)
    after = next((m for m in marks if m[0] == 'after-bib'), None)
    if after and after[1] == e:
        only.discard(e)
    return pages - len(only), len(only)


def marks_of(path):
    out = []
    try:
        for line in open(path, encoding='latin-1'):
            key, page, total, first = line.strip().split('|')
            out.append((key, int(page), float(total.rstrip('pt')), int(first)))
    except FileNotFoundError:
        pass
    return out


def main():
    """truth2json.py NAME DUMP.truth DUMP.truthpages PAGES [READINGS.json]"""
    name, dump, pages_dump, pages = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    raw = parse(open(dump, encoding='latin-1'))
    free_text_institutions(raw['authors'])
    share_affiliations(raw['authors'])
    body, bib = body_pages(pages, marks_of(pages_dump))
    flags = raw.pop('flags')
    t = {'name': name, 'title': raw['title'], 'subtitle': raw['subtitle'], 'anonymous': raw['anonymous'],
         'authors': raw['authors'],
         'check': {'format': raw['format'], 'pages': pages, 'body_pages': body, 'bibliography_pages': bib,
                   'watermark': flags.get('watermark') == '1', 'review': flags.get('review') == '1',
                   'authordraft': flags.get('authordraft') == '1', 'fontsize': flags.get('fontsize', ''),
                   'acmart': flags.get('class', '')},
         # \authorsaddresses{} in a journal format: the page shows no email
         'emails_printed': not (flags.get('journal') == '1' and flags.get('addresses') == '0')}
    if len(sys.argv) > 5:
        readings = json.load(open(sys.argv[5], encoding='utf-8'))
        for key, value in readings.items():
            if key != 'why':
                t[key] = value
        t['readings'] = readings.get('why', '')
    json.dump(t, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == '__main__':
    main()

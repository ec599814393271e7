#!/usr/bin/env python3
"""make-word-interim.py VARIANT OUT.fodt

Writes a stand-in paper in the page layout of ACM's Word "Interim Layout"
as a flat OpenDocument text file, for LibreOffice to turn into a PDF: no
LaTeX involved, as a Word author's upload would be. The layout follows the
two-column ACM proceedings page: US letter, 0.75 in side margins, two
columns 0.33 in apart, Linux Libertine 9 pt body text, Linux Biolinum
headings, the ACM front matter (CCS Concepts, Keywords, ACM Reference
Format) and a numbered reference list in 7 pt.

Variants (the truth the tests check):
  pass     5 body pages and references: passes ExHetAI'25's rules
  long     8 body pages: over the 6-page limit
  margins  0.5 in side margins: a wider text block than the layout's
  one-column  the page in one column, as ACM's Word submission template
           sets it: not the Interim Layout
  gutter   the layout's margins, but the columns 0.75 in apart: narrower
           columns than the layout's
"""
import sys
from xml.sax.saxutils import escape

VARIANTS = {
    "pass": {"body_paragraphs": 70, "side_margin": "0.75in"},
    "long": {"body_paragraphs": 118, "side_margin": "0.75in"},
    "margins": {"body_paragraphs": 70, "side_margin": "0.5in"},
    "one-column": {"body_paragraphs": 66, "side_margin": "0.75in", "columns": 1},
    "gutter": {"body_paragraphs": 70, "side_margin": "0.75in", "column_gap": "0.75in"},
}

PARAGRAPH = (
    "This paragraph is synthetic stand-in text, written by the proceedings project so that its "
    "checker can be tested on a paper made with a word processor instead of LaTeX. It reports no "
    "experiment and makes no claim; it occupies the page the way the prose of a short workshop paper "
    "would, with sentences of ordinary length, an occasional number such as 42 or 3.14, and words "
    "long enough to exercise hyphenation, like heterogeneous, accelerator-aware and performance-portable."
)


def styles(side_margin, columns, column_gap):
    return f"""
 <office:font-face-decls>
  <style:font-face style:name="Linux Libertine O" svg:font-family="'Linux Libertine O'"/>
  <style:font-face style:name="Linux Biolinum O" svg:font-family="'Linux Biolinum O'"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
   <style:text-properties style:font-name="Linux Libertine O" fo:font-size="9pt" fo:language="en" fo:country="US"
     fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
  </style:default-style>
  <style:style style:name="Body" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:line-height="10.5pt" fo:text-indent="10pt"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/>
   <style:text-properties style:font-name="Linux Biolinum O" fo:font-size="14.4pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Author" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="11pt"/>
  </style:style>
  <style:style style:name="Affiliation" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="10pt"/>
   <style:text-properties fo:font-size="10pt"/>
  </style:style>
  <style:style style:name="FrontMatter" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="4pt"/>
   <style:text-properties fo:font-size="8pt"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="9pt" fo:margin-bottom="4pt" fo:keep-with-next="always"/>
   <style:text-properties style:font-name="Linux Biolinum O" fo:font-size="9pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Reference" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:margin-left="18pt" fo:text-indent="-18pt"/>
   <style:text-properties fo:font-size="7pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="Letter">
   <style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" fo:margin-top="0.79in"
     fo:margin-bottom="1in" fo:margin-left="{side_margin}" fo:margin-right="{side_margin}"/>
  </style:page-layout>
  <style:style style:name="TwoColumns" style:family="section">
   <style:section-properties>
    <style:columns fo:column-count="{columns}" fo:column-gap="{column_gap}"/>
   </style:section-properties>
  </style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="Letter"/>
 </office:master-styles>"""


def para(style, text):
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>\n'


def document(body_paragraphs, side_margin, columns=2, column_gap="0.333in"):
    authors = [("Zoë Ångström", "Stand-in University, Springfield, USA"),
               ("Bruno Keller", "Example Laboratory, Torino, Italy")]
    front = para("Title", "A Word-Processed Stand-in Paper in the Interim Layout")
    for name, affiliation in authors:
        front += para("Author", name) + para("Affiliation", affiliation)
    body = para("Heading", "ABSTRACT")
    body += para("Body", "This is synthetic stand-in text made by the proceedings project to test its format "
                         "checker on papers written in a word processor; it reports no research.")
    body += para("FrontMatter", "CCS Concepts: • Computing methodologies → Parallel computing methodologies.")
    body += para("FrontMatter", "Keywords: stand-in text, format checking, word processors")
    body += para("FrontMatter", "ACM Reference Format: Zoë Ångström and Bruno Keller. 2025. A Word-Processed "
                                "Stand-in Paper in the Interim Layout. In Proceedings of the Synthetic Workshop "
                                "(SYN'25). ACM, New York, NY, USA, 6 pages.")
    sections = ["INTRODUCTION", "BACKGROUND", "APPROACH", "EVALUATION", "DISCUSSION", "CONCLUSION"]
    per_section = max(1, body_paragraphs // len(sections))
    written = 0
    for number, title in enumerate(sections, 1):
        body += para("Heading", f"{number} {title}")
        count = per_section if number < len(sections) else body_paragraphs - written
        for _ in range(count):
            body += para("Body", PARAGRAPH)
        written += count
    body += para("Heading", "REFERENCES")
    for n in range(1, 21):
        body += para("Reference", f"[{n}] Stand-in Author {n}, Second Author, and Third Author. 2024. A synthetic "
                                  f"reference entry, number {n}, that exists only to occupy the bibliography. "
                                  "In Proceedings of a Stand-in Workshop. 1–10.")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
{styles(side_margin, columns, column_gap)}
 <office:body>
  <office:text>
{front}<text:section text:style-name="TwoColumns" text:name="Body">
{body}</text:section>
  </office:text>
 </office:body>
</office:document>
"""


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in VARIANTS:
        sys.exit("usage: make-word-interim.py pass|long|margins OUT.fodt")
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write(document(**VARIANTS[sys.argv[1]]))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Small PDFs that cost a reader much, or whose page tree lies, written by hand.

usage:
  hostile_pdf.py shared-pages N OUT       N pages that all name one page object
  hostile_pdf.py big-pages N POINTS OUT   N square pages POINTS pt wide, a line of text on each
  hostile_pdf.py count-off DELTA IN OUT   IN with the root page tree's /Count changed by DELTA
                                          (IN as qpdf --qdf writes it: no object streams)
"""
import re
import sys


def pdf_of(objects):
    """A classic PDF from object bodies 1..n (1 is the catalog), with its xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for at in offsets:
        out += b"%010d 00000 n \n" % at
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def shared_pages(count):
    kids = b" ".join([b"3 0 R"] * count)
    return pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(b"BT /F1 10 Tf 72 720 Td (One page object, many pages.) Tj ET"),
        FONT,
    ])


def big_pages(count, points):
    first_page = 3
    pages = [b"<< /Type /Page /Parent 2 0 R /Contents %d 0 R >>" % (first_page + count)] * count
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(count))
    return pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d /MediaBox [0 0 %d %d]"
        b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (count, points, points, first_page + count + 1),
    ] + pages + [
        stream(b"BT /F1 10 Tf 72 72 Td (A very large page.) Tj ET"),
        FONT,
    ])


def count_off(delta, data):
    root = int(re.search(rb"/Root (\d+) 0 R", data).group(1))
    catalog = re.search(rb"\n%d 0 obj\n(.*?)endobj" % root, data, re.S).group(1)
    pages = int(re.search(rb"/Pages (\d+) 0 R", catalog).group(1))
    start = re.search(rb"\n%d 0 obj\n" % pages, data).end()
    found = re.compile(rb"/Count (\d+)").search(data, start)
    told = int(found.group(1)) + delta
    # The same number of digits keeps every offset in the xref table right.
    assert len(str(told)) == len(found.group(1)), "the changed /Count must keep its width"
    return data[:found.start(1)] + str(told).encode() + data[found.end(1):]


def main(args):
    if args[:1] == ["shared-pages"] and len(args) == 3:
        data, out = shared_pages(int(args[1])), args[2]
    elif args[:1] == ["big-pages"] and len(args) == 4:
        data, out = big_pages(int(args[1]), int(args[2])), args[3]
    elif args[:1] == ["count-off"] and len(args) == 4:
        with open(args[2], "rb") as f:
            data = count_off(int(args[1]), f.read())
        out = args[3]
    else:
        sys.exit(__doc__)
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/env bash
# Start-up loads only what every command needs (issue 29, speed): OpenSSL's
# libcrypto (digests), MuJS, Gumbo, OpenJPEG and jbig2dec (MuPDF's JavaScript,
# HTML, JPX and JBIG2) and FreeType (glyphs drawn, fonts without widths or
# Unicode) are not needed by the program, not loaded by `check --format banal`
# as HotCRP runs it, and opened when first called: a paper's pages are still
# drawn with their text and a page with a JPEG 2000 image with its image
# (core/src/lazy/lazy_mupdf_optional.hpp, lazy_freetype.cpp).
# usage: lazy_libraries.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 build=$3
lazy='libcrypto\.so|libmujs\.so|libgumbo\.so|libopenjp2\.so|libjbig2dec\.so|libfreetype\.so|libpng16\.so|libbrotli'

needed=$(readelf -d "$bin" | grep -oE 'Shared library: \[[^]]+\]' | grep -E "$lazy")
[ -z "$needed" ] && ok || bad "the program needs at start: $(echo $needed)"

# loaded COMMAND...: the shared objects the dynamic loader opens for one run, "needed" or "dynamically loaded".
loaded() { LD_DEBUG=files "$@" 2>&1 > /dev/null | grep -oE 'file=[^ ]+ \[0\]; +(needed|dynamically loaded)' | sort -u; }

paper=$build/manuscripts/exhetai-2025/wages.pdf
if [ -s "$paper" ]; then
  at_banal=$(cd "$scratch" && env -i PATH="$PATH" LD_DEBUG=files "$bin" check --format banal "$paper" 2>&1 > /dev/null |
    grep -oE 'file=[^ ]+' | grep -E "$lazy")
  [ -z "$at_banal" ] && ok || bad "check --format banal loads $(echo $at_banal)"
  opened=$(loaded "$bin" check --html "$scratch/paper.html" "$paper")
  grep -qE 'libfreetype\.so\.6 \[0\]; +dynamically loaded' <<< "$opened" && ok ||
    bad "drawing a paper's pages did not open FreeType on first use: $(echo $opened)"
  [ "$(grep -c 'data:image/png;base64' "$scratch/paper.html")" -ge 1 ] && ok || bad "check --html drew no page of $paper"
else
  bad "no $paper: build the manuscripts (make unit_tests does)"
fi

# A letter page covered by a 64x64 JPEG 2000 image of grey 60, drawn by `check --html`.
if command -v opj_compress > /dev/null; then
  { printf 'P5\n64 64\n255\n'; head -c 4096 /dev/zero | tr '\0' '\074'; } > "$scratch/grey.pgm"
  opj_compress -i "$scratch/grey.pgm" -o "$scratch/grey.jp2" > /dev/null
  python3 - "$scratch/grey.jp2" "$scratch/jpx.pdf" << 'PY'
import sys
jp2 = open(sys.argv[1], "rb").read()
content = b"q 612 0 0 792 0 0 cm /Im0 Do Q"
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /Filter /JPXDecode /Length %d >>\nstream\n" % len(jp2) + jp2 + b"\nendstream",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
]
out, offsets = bytearray(b"%PDF-1.5\n"), []
for number, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(sys.argv[2], "wb").write(out)
PY
  opened=$(loaded "$bin" check --html "$scratch/jpx.html" "$scratch/jpx.pdf")
  grep -qE 'libopenjp2\.so\.7 \[0\]; +dynamically loaded' <<< "$opened" && ok ||
    bad "drawing a JPX image did not open OpenJPEG on first use: $(echo $opened)"
  # The page image's middle pixel: grey 60 when the JPX was decoded, white when it was not.
  middle=$(python3 - "$scratch/jpx.html" << 'PY'
import base64, re, sys, zlib
html = open(sys.argv[1]).read()
found = re.search(r"data:image/png;base64,([A-Za-z0-9+/=]+)", html)
if not found:
    print("no page image"); sys.exit()
png = base64.b64decode(found.group(1))
pos, idat, width, height, channels = 8, b"", 0, 0, 3
while pos < len(png):
    size = int.from_bytes(png[pos:pos + 4], "big"); kind = png[pos + 4:pos + 8]; data = png[pos + 8:pos + 8 + size]
    if kind == b"IHDR":
        width, height = int.from_bytes(data[0:4], "big"), int.from_bytes(data[4:8], "big")
        channels = {0: 1, 2: 3, 4: 2, 6: 4}[data[9]]
    elif kind == b"IDAT":
        idat += data
    pos += 12 + size
raw, stride, rows, prior = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
for y in range(height):
    kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - channels] if i >= channels else 0
        b, c = prior[i], prior[i - channels] if i >= channels else 0
        p = a + b - c
        pred = [0, a, b, (a + b) // 2, a if abs(p - a) <= min(abs(p - b), abs(p - c)) else b if abs(p - b) <= abs(p - c) else c][kind]
        line[i] = (line[i] + pred) & 255
    rows.append(line); prior = line
print(rows[height // 2][(width // 2) * channels])
PY
)
  [ "$middle" -ge 50 ] 2> /dev/null && [ "$middle" -le 70 ] && ok || bad "the JPX page is drawn without its image: middle pixel $middle, wanted grey 60"
else
  echo "skipped the JPX drawing: opj_compress missing (Debian package libopenjp2-tools)"
fi

finish

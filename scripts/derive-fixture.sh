#!/usr/bin/env bash
# derive-fixture.sh KIND IN.pdf OUT.pdf
# Makes the damaged and protected fixtures from a good PDF:
#   encrypted  AES-256, no password to open (owner password only)
#   locked     needs a password to open
#   truncated  the first half of the file, as an interrupted upload
#   empty      zero bytes
#   not-pdf    an HTML error page saved under a .pdf name
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: derive-fixture.sh KIND IN.pdf OUT.pdf" >&2; exit 2; }
kind=$1 in=$2 out=$3
tmp="$out.tmp.$$"
case "$kind" in
  encrypted) qpdf --encrypt "" owner-secret 256 -- "$in" "$tmp" ;;
  locked) qpdf --encrypt user-secret owner-secret 256 -- "$in" "$tmp" ;;
  truncated) head -c $(( $(stat -c %s "$in") / 2 )) "$in" > "$tmp" ;;
  empty) : > "$tmp" ;;
  not-pdf) printf '<!DOCTYPE html>\n<html><body><h1>502 Bad Gateway</h1></body></html>\n' > "$tmp" ;;
  *) echo "derive-fixture.sh: unknown kind '$kind'" >&2; exit 2 ;;
esac
mv "$tmp" "$out"

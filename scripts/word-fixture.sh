#!/usr/bin/env bash
# word-fixture.sh OUTDIR VARIANT...
# Papers in ACM's Word interim layout, made without LaTeX: the documents
# written by make-word-interim.py, converted in one LibreOffice headless run
# (with its own scratch profile) to OUTDIR/word-interim-VARIANT.pdf.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: word-fixture.sh OUTDIR VARIANT..." >&2; exit 2; }
outdir=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
docs=()
for variant in "$@"; do
  python3 "$here/make-word-interim.py" "$variant" "$work/word-interim-$variant.fodt"
  docs+=("$work/word-interim-$variant.fodt")
done
timeout 300 soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
  --convert-to pdf --outdir "$work" "${docs[@]}" > "$work/soffice.out" 2>&1 || {
  echo "word-fixture: LibreOffice failed:" >&2; cat "$work/soffice.out" >&2; exit 1; }
mkdir -p "$outdir"
for variant in "$@"; do
  pdf="$work/word-interim-$variant.pdf"
  [ -s "$pdf" ] || { echo "word-fixture: LibreOffice wrote no PDF for $variant" >&2; exit 1; }
  cp "$pdf" "$outdir/word-interim-$variant.pdf.tmp.$$"
  mv "$outdir/word-interim-$variant.pdf.tmp.$$" "$outdir/word-interim-$variant.pdf"
done

#!/usr/bin/env bash
# Same behaviour before and after a refactoring: runs two builds of the
# program (OLD and NEW, each a command such as "env PROCEEDINGS_TEMPLATES=T
# path/to/proceedings") over every fixture and manuscript, and compares
# byte for byte: `check --json` and `meta --json` of every PDF, `check
# --venue` of the bundled venue, `meta --json` of every LaTeX source folder,
# and every file of the bundle `build` makes of the bundled venue.
# usage: scripts/compare-outputs.sh OLD NEW [BUILD_DIR]   (exit 1 when any differs)
set -u
old=$1 new=$2
src=$(cd "$(dirname "$0")/.." && pwd)
build=${3:-$src/build}
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
mkdir -p "$work/old" "$work/new"
export SOURCE_DATE_EPOCH=1763251200
compared=0 differ=0
same() {  # NAME: compares old/NAME and new/NAME
  compared=$((compared + 1))
  cmp -s "$work/old/$1" "$work/new/$1" || { echo "differs: $1"; differ=$((differ + 1)); }
}
both() {  # NAME ARGS...: runs both programs, output and exit status into NAME
  local name=$1; shift
  $old "$@" > "$work/old/$name" 2>&1; echo "exit $?" >> "$work/old/$name"
  $new "$@" > "$work/new/$name" 2>&1; echo "exit $?" >> "$work/new/$name"
  same "$name"
}
for pdf in "$build"/fixtures/*.pdf "$build"/manuscripts/exhetai-2025/*.pdf; do
  stem=$(basename "$pdf" .pdf)
  both "$stem.check.json" check --json "$pdf"
  both "$stem.meta.json" meta --json "$pdf"
done
both venue.check.json check --json --venue "$src/metadata/exhetai-2025" "$build/manuscripts/exhetai-2025"
for source in "$src"/tests/fixtures/meta/*/ "$src"/manuscripts/exhetai-2025/*/; do
  both "source-$(basename "$source").meta.json" meta --json "$source"
done
cp -r "$src/metadata/exhetai-2025" "$work/venue"
for side in old new; do
  program=${!side}
  (cd "$work" && $program build --venue venue --papers "$build/manuscripts/exhetai-2025" --out "$side/book" > /dev/null 2>&1)
done
for file in $(cd "$work/old/book/bundle" && find . -type f | sort); do same "book/bundle/$file"; done
echo "compared $compared outputs: $differ differ"
[ "$differ" = 0 ]

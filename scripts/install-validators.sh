#!/usr/bin/env bash
# Installs the test-only validators pinned in tests/validators/package-lock.json
# (html-validate) into BUILD/validators with `npm ci`; quick when already there.
# usage: install-validators.sh BUILD_DIR
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)/tests/validators"
dest="$1/validators"
mkdir -p "$dest"
if cmp -s "$src/package-lock.json" "$dest/package-lock.json" && [ -x "$dest/node_modules/.bin/html-validate" ]; then
  exit 0
fi
if ! command -v npm > /dev/null; then
  echo "install-validators: npm is missing; scripts/install-deps.sh installs it" >&2
  exit 1
fi
cp "$src/package.json" "$src/package-lock.json" "$dest/"
echo "install-validators: npm ci in $dest"
(cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

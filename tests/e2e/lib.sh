# Helpers shared by the end-to-end scripts; sourced, not run.
# Each script counts its checks and ends with "N passed, N failed".
passed=0 failed=0
scratch=$(mktemp -d)
cleanup_hooks=()
trap 'for hook in "${cleanup_hooks[@]}"; do eval "$hook"; done; rm -rf "$scratch"' EXIT

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect_exit CODE DESCRIPTION -- COMMAND...: stdout to $scratch/out, stderr to $scratch/err
expect_exit() {
  local want=$1 what=$2; shift 3
  "$@" > "$scratch/out" 2> "$scratch/err"; local got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, wanted $want; stderr: $(tail -c 300 "$scratch/err")"; fi
}

# expect_text FILE TEXT DESCRIPTION
expect_text() { if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' not in: $(head -c 400 "$1")"; fi; }

# expect_valid_html FILE DESCRIPTION: html-validate (which make test installs
# into $build/validators) passes FILE. Needs $src and $build.
expect_valid_html() {
  local validator=$build/validators/node_modules/.bin/html-validate
  if [ ! -x "$validator" ]; then
    bad "html-validate is not installed in $build/validators: run scripts/install-validators.sh $build (make test does)"
    return
  fi
  "$validator" --config "$src/tests/validators/htmlvalidate.json" "$1" > "$scratch/hv.txt" 2>&1 && ok ||
    bad "$2: $(head -c 800 "$scratch/hv.txt")"
}

# expect_renders FILE DESCRIPTION WIDTH,HEIGHT...: headless Chromium draws FILE
# at each size (nothing is checked where Chromium is not installed).
expect_renders() {
  local file=$1 what=$2 size; shift 2
  command -v chromium > /dev/null || return 0
  for size in "$@"; do
    rm -f "$scratch/shot.png"
    timeout 90 chromium --headless --no-sandbox --disable-gpu --window-size="$size" --screenshot="$scratch/shot.png" \
      "file://$file" > /dev/null 2>&1
    [ -s "$scratch/shot.png" ] && ok || bad "headless Chromium renders $what at $size"
  done
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

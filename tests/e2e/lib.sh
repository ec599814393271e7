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

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

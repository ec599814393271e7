#!/usr/bin/env bash
# HotCRP's own format-checker tests with `proceedings check --format banal`
# as its $Opt["banalCommand"] (docs/hotcrp.md).
# usage: HOTCRP_DIR=/path/to/hotcrp hotcrp.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
# The HotCRP tree is copied to a scratch folder (HOTCRP_DIR is not written);
# a private MariaDB runs on a socket in that folder, without networking, and
# is stopped by its PID. Without HOTCRP_DIR, php or MariaDB the test is
# skipped (exit 77, ctest's SKIP_RETURN_CODE) and says why;
# `make hotcrp-test HOTCRP_DIR=...` installs what it needs.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$(realpath "$1") src=$2

skip() { echo "SKIPPED: $*"; exit 77; }
[ -n "${HOTCRP_DIR:-}" ] || skip "HOTCRP_DIR is not set; give it a HotCRP source tree (a snapshot of kohler/hotcrp): make hotcrp-test HOTCRP_DIR=/path/to/hotcrp"
[ -f "$HOTCRP_DIR/src/checkformat.php" ] && [ -f "$HOTCRP_DIR/test/run.php" ] ||
  skip "HOTCRP_DIR=$HOTCRP_DIR is not a HotCRP source tree (no src/checkformat.php or test/run.php)"
for program in php mariadbd mariadb-install-db mariadb-admin mysql mysqladmin; do
  command -v "$program" > /dev/null || skip "$program is not installed (make hotcrp-test installs scripts/hotcrp-packages.txt)"
done
php -m | grep -x mysqli > /dev/null || skip "php has no mysqli extension (php-mysql; make hotcrp-test installs it)"

# A copy of the binary, so that a rebuild of build/proceedings during the run
# (a shared build folder) does not take the checker away under HotCRP.
cp "$bin" "$scratch/proceedings"
bin=$scratch/proceedings

# HotCRP ignores a banalCommand holding any of !#$*?[]\(){}<>|&;`"' and silently runs its own banal.
case "$bin" in *[\!\#\$\*\?\[\]\\\(\)\{\}\<\>\|\&\;\`\"\']* | *' '*)
  skip "the binary's path '$bin' holds a character HotCRP refuses in banalCommand" ;;
esac

tree=$scratch/hotcrp db=$scratch/db
cp -a "$HOTCRP_DIR" "$tree"
rm -f "$tree/test/localoptions.php"
mkdir -p "$db"

# A private MariaDB: its own datadir and socket, no TCP port, stopped by PID.
user=$(id -un)
mariadb-install-db --no-defaults --datadir="$db/data" --user="$user" --auth-root-authentication-method=normal \
  --skip-test-db > "$db/install.log" 2>&1 || { echo "mariadb-install-db failed: $(tail -3 "$db/install.log")"; exit 1; }
mariadbd --no-defaults --datadir="$db/data" --socket="$db/sock" --skip-networking --user="$user" \
  --pid-file="$db/mariadb.pid" --log-error="$db/error.log" > /dev/null 2>&1 &
db_pid=$!
cleanup_hooks+=('kill "$db_pid" 2> /dev/null; wait "$db_pid" 2> /dev/null')
for _ in $(seq 1 120); do
  mariadb-admin --no-defaults --socket="$db/sock" -uroot ping > /dev/null 2>&1 && break
  kill -0 "$db_pid" 2> /dev/null || break
  sleep 0.25
done
mariadb-admin --no-defaults --socket="$db/sock" -uroot ping > /dev/null 2>&1 || {
  echo "MariaDB did not start: $(tail -5 "$db/error.log")"; exit 1; }

# HotCRP's test databases, as its CI makes them.
(cd "$tree" && lib/createdb.sh --socket="$db/sock" -u root -c test/options.php --batch > "$db/createdb.log" 2>&1 &&
  lib/createdb.sh --socket="$db/sock" -u root -c test/cdb-options.php --no-dbuser --no-schema --batch \
    >> "$db/createdb.log" 2>&1) || { echo "createdb.sh failed: $(tail -5 "$db/createdb.log")"; exit 1; }

# test_banal_concurrent_lease holds the document's lease in a background
# batch/checkformat.php while it checks that a second run is refused; it
# slows HotCRP's own banal with a slow pdftohtml (opt.pdftohtmlCommand, which
# HotCRP gives to its default command only). That process alone runs the
# checker with --hold 2 so the lease is still held when the test looks.
cat > "$tree/test/localoptions.php" << EOF
<?php
global \$Opt;
\$Opt["dbSocket"] = "$db/sock";
\$Opt["banalCommand"] = "$bin check --format banal";
if (PHP_SAPI === "cli" && str_ends_with(\$_SERVER["argv"][0] ?? "", "batch/checkformat.php")) {
    \$Opt["banalCommand"] = "$bin check --format banal --hold 2";
}
EOF

# run_hotcrp_test PATTERN: HotCRP's runner, one test method; it passes when HotCRP prints it OK.
run_hotcrp_test() {
  local pattern=$1 name
  name=${pattern/::/_Tester::}
  (cd "$tree" && php -d error_reporting=E_ALL test/run.php -V "$pattern") > "$scratch/run.log" 2>&1
  if grep -qE "^$name \.+ +OK\$" "$scratch/run.log"; then
    ok
    echo "ok: HotCRP $pattern"
  else
    bad "HotCRP $pattern: $(grep -E "FAIL|assert|rror" "$scratch/run.log" | head -5)"
  fi
}

run_hotcrp_test 'PaperStatus::test_banal'
for _ in 1 2 3; do run_hotcrp_test 'PaperStatus::test_banal_concurrent_lease'; done
run_hotcrp_test 'Settings::test_format_checker'
run_hotcrp_test 'Settings::test_format_checker_opt_spec'
run_hotcrp_test 'Formulas::test_pagecount_respects_option_visibility'

# HotCRP's own results were made by our command, not by the banal it falls back to.
stored=$(mysql --no-defaults --socket="$db/sock" -uroot -N hotcrp_testdb \
  -e "select count(*) from PaperStorage where infoJson like '%--format%banal%'")
if [ "${stored:-0}" -gt 0 ]; then ok; else bad "no PaperStorage row holds a banal result made by 'check --format banal'"; fi

# The settings self-check a chair triggers by turning a format check on.
selfcheck=$src/tests/e2e/hotcrp_selfcheck.php
expect_exit 0 "HotCRP's settings self-check on etc/sample.pdf" -- php "$selfcheck" "$tree"
cat "$scratch/out"
expect_text "$scratch/out" "letter;2;;6.5inx9in;12;14: ok []" "the passing spec gives no problem"
expect_text "$scratch/out" "a4;1;;3inx3in;14;15: error [papersize,pagelimit,textblock,bodyfontsize,bodylineheight]" \
  "the failing spec gives problems in all five fields"
expect_text "$scratch/out" '"m":[' "the self-check ran check --format banal (banal prints \"margin\")"
# The self-check is not vacuous: a checker printing no JSON fails it.
expect_exit 1 "the self-check refuses a checker that prints no JSON" -- php "$selfcheck" "$tree" /bin/echo
finish

#!/usr/bin/env bash
# The program installed like any other: `cmake --install` into a prefix and
# the .deb that `cpack -G DEB` makes, each run from a folder far from the
# source tree; templates found beside the executable or where the user says.
# usage: install.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
ex=$src/metadata/exhetai-2025
prefix=$scratch/prefix elsewhere=$scratch/elsewhere
mkdir -p "$elsewhere"

cmake --install "$build" --prefix "$prefix" > "$scratch/install.log" 2>&1 && ok || bad "cmake --install: $(tail -3 "$scratch/install.log")"
installed=$prefix/bin/proceedings
[ -x "$installed" ] && ok || bad "no bin/proceedings in the prefix"
for f in booklet/program.html booklet/booklet.tex proceedings/preamble.tex report/report.tex; do
  [ -s "$prefix/share/proceedings/templates/$f" ] && ok || bad "template $f not installed"
done

# The installed templates are the ones used: a marker put into the installed style sheet shows in the page.
printf '\n/* installed-copy-marker */\n' >> "$prefix/share/proceedings/templates/booklet/style.css"
cd "$elsewhere" || exit 1
expect_exit 0 "installed booklet from another folder" -- "$installed" booklet --venue "$ex" --out "$scratch/o" --format html,ics
expect_text "$scratch/o/booklet/exhetai-2025-program.html" "installed-copy-marker" "installed templates used"
[ -s "$scratch/o/booklet/exhetai-2025-program.ics" ] && ok || bad "no calendar written"

# PROCEEDINGS_TEMPLATES and --templates override the installed folder, --templates first.
cp -r "$prefix/share/proceedings/templates" "$scratch/env-templates"
cp -r "$prefix/share/proceedings/templates" "$scratch/opt-templates"
printf '\n/* env-marker */\n' >> "$scratch/env-templates/booklet/style.css"
printf '\n/* option-marker */\n' >> "$scratch/opt-templates/booklet/style.css"
expect_exit 0 "PROCEEDINGS_TEMPLATES" -- env PROCEEDINGS_TEMPLATES="$scratch/env-templates" \
  "$installed" booklet --venue "$ex" --out "$scratch/o-env" --format html
expect_text "$scratch/o-env/booklet/exhetai-2025-program.html" "env-marker" "PROCEEDINGS_TEMPLATES used"
expect_exit 0 "--templates" -- env PROCEEDINGS_TEMPLATES="$scratch/env-templates" \
  "$installed" booklet --venue "$ex" --out "$scratch/o-opt" --format html --templates "$scratch/opt-templates"
expect_text "$scratch/o-opt/booklet/exhetai-2025-program.html" "option-marker" "--templates wins"
expect_exit 2 "missing templates folder" -- env PROCEEDINGS_TEMPLATES="$scratch/nowhere" \
  "$installed" booklet --venue "$ex" --out "$scratch/o-bad" --format html
expect_text "$scratch/err" "PROCEEDINGS_TEMPLATES: '$scratch/nowhere' is not a folder" "bad PROCEEDINGS_TEMPLATES named"
# Installed without its templates and no override: a clear error, not a path into someone's checkout.
mkdir -p "$scratch/bare/bin" && cp "$installed" "$scratch/bare/bin/"
expect_exit 2 "no templates anywhere" -- "$scratch/bare/bin/proceedings" booklet --venue "$ex" --out "$scratch/o-bare" --format html
expect_text "$scratch/err" "share/proceedings/templates" "where templates were looked for"

# --venue defaults to the current folder when it holds workshop.yaml, else it is a usage error.
cp -r "$ex" "$scratch/venue"
cd "$scratch/venue" || exit 1
expect_exit 0 "venue from the current folder" -- "$installed" booklet --out "$scratch/o-cwd" --format ics
[ -s "$scratch/o-cwd/booklet/exhetai-2025-program.ics" ] && ok || bad "current folder not taken as the venue"
cd "$elsewhere" || exit 1
for cmd in "booklet --check" "report" "arxiv lookup"; do
  # shellcheck disable=SC2086
  expect_exit 2 "$cmd without a venue" -- "$installed" $cmd
  expect_text "$scratch/err" "proceedings: --venue: not given, and the current folder has no workshop.yaml" "$cmd names --venue"
done
[ -z "$(ls -A "$elsewhere")" ] && ok || bad "a failed run wrote into the current folder: $(ls -A "$elsewhere")"

# The Debian package: built by cpack, unpacked (not installed system-wide) and run the same way.
(cd "$build" && cpack -G DEB -B "$scratch/deb" > "$scratch/cpack.log" 2>&1) && ok || bad "cpack: $(tail -5 "$scratch/cpack.log")"
deb=$(ls "$scratch"/deb/proceedings_*.deb 2> /dev/null | head -1)
[ -n "$deb" ] && ok || bad "no proceedings_*.deb"
if [ -n "$deb" ]; then
  dpkg-deb -f "$deb" Package Version Architecture Depends > "$scratch/control"
  expect_text "$scratch/control" "Package: proceedings" "package name"
  expect_text "$scratch/control" "libc6" "shared-library dependencies computed"
  expect_text "$scratch/control" "libgnutls30" "a library opened on first use declared"
  expect_text "$scratch/control" "latexmk" "LaTeX dependency declared"
  dpkg-deb -x "$deb" "$scratch/root"
  [ -x "$scratch/root/usr/bin/proceedings" ] && ok || bad "deb has no usr/bin/proceedings"
  [ -s "$scratch/root/usr/share/proceedings/templates/booklet/program.html" ] && ok || bad "deb has no templates"
  expect_exit 0 "the packaged binary" -- "$scratch/root/usr/bin/proceedings" booklet --venue "$ex" --out "$scratch/o-deb" --format html,xml
  [ -s "$scratch/o-deb/booklet/exhetai-2025-program.xml" ] && ok || bad "packaged binary wrote no frab XML"
fi

# Installed system-wide with apt-get, as a user would, run from another folder, then removed. It needs
# root, and is left out where a proceedings package is already installed (it would be replaced).
if [ -n "$deb" ] && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null && ! dpkg -s proceedings > /dev/null 2>&1; then
  apt-get install -y -o DPkg::Lock::Timeout=120 "$deb" > "$scratch/apt.log" 2>&1 && ok ||
    bad "apt-get install $deb: $(tail -3 "$scratch/apt.log")"
  cd "$elsewhere" || exit 1
  expect_exit 0 "the apt-installed program" -- /usr/bin/proceedings booklet --venue "$ex" --out "$scratch/o-apt" --format html,xml
  [ -s "$scratch/o-apt/booklet/exhetai-2025-program.xml" ] && ok || bad "apt-installed program wrote no frab XML"
  expect_exit 0 "the apt-installed program checks a paper" -- /usr/bin/proceedings check --venue "$ex" \
    "$build/manuscripts/exhetai-2025/wages.pdf"
  apt-get remove -y -o DPkg::Lock::Timeout=120 proceedings > "$scratch/apt-remove.log" 2>&1 && ok ||
    bad "apt-get remove proceedings: $(tail -3 "$scratch/apt-remove.log")"
  [ ! -e /usr/bin/proceedings ] && ok || bad "/usr/bin/proceedings left after apt-get remove"
else
  echo "install.sh: apt-get install of the .deb left out (needs root and no installed proceedings package)"
fi
finish

#!/usr/bin/env bash
# Layers: a tool folder includes core and its own files only. The grep finds
# the includes that are there; the compiler, with the include roots the build
# gives each tool (cmake/ToolLayers.cmake), shows that a new one would fail.
# usage: layers.sh CXX SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cxx=$1 src=$2 build=$3
tools=$(cd "$src/tools" && ls -d */ | tr -d / | grep -vx cli)

for tool in $tools; do
  crossing=$(grep -Hn '^#include "' "$src/tools/$tool"/*.[ch]pp | grep -v "#include \"proceedings/\|#include \"$tool/")
  [ -z "$crossing" ] && ok || bad "tools/$tool includes another tool: $crossing"
done

# A probe compiled as a file of tools/booklet: its own header compiles, check's does not.
probe_dir=$scratch/tools/booklet && mkdir -p "$probe_dir"
flags=(-std=c++20 -fsyntax-only -I"$src/core/include" -I"$build/tool-include/booklet")
[ -d "$build/tool-include/booklet" ] && ok || bad "no include root for tools/booklet in $build/tool-include"
echo '#include "booklet/schedule.hpp"' > "$probe_dir/own.cpp"
"$cxx" "${flags[@]}" "$probe_dir/own.cpp" 2> "$scratch/own.err" && ok || bad "a tool's own header does not compile: $(head -3 "$scratch/own.err")"
for other in "check/rules.hpp" "build/plan.hpp" "meta/crosscheck.hpp"; do
  echo "#include \"$other\"" > "$probe_dir/cross.cpp"
  if "$cxx" "${flags[@]}" "$probe_dir/cross.cpp" 2> "$scratch/cross.err"; then bad "booklet can include $other"
  else expect_text "$scratch/cross.err" "$other: No such file or directory" "include of $other refused"; fi
done
# The CMake target compiles the tools' sources with exactly these roots.
grep -rq "tool-include/booklet" "$build/CMakeFiles/tool_booklet.dir/" && ok || bad "the build does not use the include roots"
grep -rq -- "-I$src/tools " "$build/CMakeFiles/tool_booklet.dir/flags.make" && bad "tools/ is on a tool's include path" || ok

# The floor plan (issue 26): what two commands share is in the library, each
# command has the same three rooms, and core's sources are sorted by concern.
[ ! -e "$src/core/include/proceedings/jobs.hpp" ] && ok || bad "core declares the tools' jobs (jobs.hpp)"
for tool in $tools; do
  for room in job.hpp job.cpp command.cpp; do
    [ -f "$src/tools/$tool/$room" ] && ok || bad "tools/$tool has no $room"
  done
  printing=$(grep -Hn 'std::cout\|std::cerr\|std::clog\|[^sn]printf(\|[^a-z_]puts(' "$src/tools/$tool"/*.[ch]pp | grep -v "/command.cpp:")
  [ -z "$printing" ] && ok || bad "tools/$tool prints outside command.cpp: $(head -3 <<< "$printing")"
  grep -q 'std::\(cout\|cerr\|ostream\|ifstream\|ofstream\)\|#include <iostream>\|#include <fstream>' "$src/tools/$tool/job.hpp" 2> /dev/null &&
    bad "tools/$tool/job.hpp does I/O" || ok
done
flat=$(find "$src/core/src" -maxdepth 1 -type f)
[ -z "$flat" ] && ok || bad "core/src has files outside its subfolders: $flat"
for room in system text tex model pdf net lazy check season; do
  [ -d "$src/core/src/$room" ] && ok || bad "no core/src/$room"
done
grep -rln 'curl_easy_init\|curl_multi_init\|curl_global_init' "$src/tools" > "$scratch/curl_users"
[ ! -s "$scratch/curl_users" ] && ok || bad "libcurl driven outside core/src/net: $(tr '\n' ' ' < "$scratch/curl_users")"

# No std::regex in the program (issue 24 item 17): libstdc++'s recurses once per
# character and overflows the stack on a long line of a hostile file. Text from
# outside goes through core's proceedings/regex.hpp (PCRE2, bounded) or a hand
# matcher. tests/ may use <regex> (test_regex.cpp compares meanings with it).
# Comments may name it; code may not.
uses=$(find "$src/core" "$src/tools" "$src/fuzz" "$src/bench" -type f \( -name '*.[ch]pp' -o -name '*.[ch]' -o -name '*.cc' \) -print0 |
  xargs -0 awk '{ code = $0; sub(/(^|[ \t])\/\/([ \t].*|$)/, "", code) }
    code ~ /^[ \t]*#[ \t]*include[ \t]*<regex>/ || code ~ /std::(w?regex|w?[cs]match|w?[cs]regex_|regex_)/ { print FILENAME ":" FNR ": " $0 }')
[ -z "$uses" ] && ok || bad "std::regex in the program's sources (use proceedings/regex.hpp): $uses"
# The compiled objects too (a header may bring <regex> in): the project's own
# libraries, not the final program: Debian's libqpdf.a has std::regex inside
# (QPDF.cc, QUtil.cc), which is not this project's code.
ls "$build"/lib*.a > /dev/null 2>&1 && ok || bad "no libraries of the project in $build"
for lib in "$build"/lib*.a; do
  nm -C "$lib" 2> /dev/null | grep -m3 -E 'std::__cxx11::basic_regex|std::__detail::_Executor' > "$scratch/regex_symbols"
  [ ! -s "$scratch/regex_symbols" ] && ok || bad "$(basename "$lib") links std::regex: $(head -c 300 "$scratch/regex_symbols")"
done
finish

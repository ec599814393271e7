#!/usr/bin/env bash
# The command line behaves the same everywhere (issue 27 item 9): --venue
# defaults to the current folder, a command without a venue says which rules
# it applied, "did you mean" for a misspelt subcommand, option or YAML field,
# `proceedings help CMD`, bash and zsh completion and the manual pages, all
# made from the one command table --help is made from.
# usage: cli.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
ex=$src/metadata/exhetai-2025 wages=$build/manuscripts/exhetai-2025/wages.pdf
cd "$scratch" || exit 1
commands=$("$bin" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }')
[ "$(echo "$commands" | wc -w)" -ge 12 ] && ok || bad "the subcommands listed by --help: $commands"

# --- proceedings help CMD is proceedings CMD --help ---------------------------------------------------
for cmd in $commands; do
  "$bin" "$cmd" --help > "$scratch/want" 2>&1
  expect_exit 0 "help $cmd" -- "$bin" help "$cmd"
  cmp -s "$scratch/out" "$scratch/want" && ok || bad "help $cmd differs from $cmd --help: $(diff "$scratch/out" "$scratch/want" | head -5)"
done
"$bin" import web --help > "$scratch/want" 2>&1
expect_exit 0 "help import web" -- "$bin" help import web
cmp -s "$scratch/out" "$scratch/want" && ok || bad "help import web differs from import web --help"
"$bin" --help > "$scratch/want" 2>&1
expect_exit 0 "help alone" -- "$bin" help
cmp -s "$scratch/out" "$scratch/want" && ok || bad "help differs from --help"

# --- did you mean -------------------------------------------------------------------------------------
expect_exit 2 "a misspelt subcommand" -- "$bin" chekc "$wages"
expect_text "$scratch/err" "proceedings: unknown subcommand 'chekc'; did you mean 'check'?" "subcommand suggested"
expect_exit 2 "help of a misspelt subcommand" -- "$bin" help biuld
expect_text "$scratch/err" "did you mean 'build'?" "help's subcommand suggested"
expect_exit 2 "a misspelt option" -- "$bin" check --venu "$ex" "$wages"
expect_text "$scratch/err" "proceedings: unknown option '--venu' for \`proceedings check\`; did you mean '--venue'?" "option suggested"
expect_exit 2 "a misspelt option of a subcommand's subcommand" -- "$bin" import web --venu x --write page.html
expect_text "$scratch/err" "unknown option '--venu' for \`proceedings import web\`; did you mean '--venue'?" "import web's option suggested"
expect_exit 2 "a misspelt subcommand of a subcommand" -- "$bin" export acm-cvs --out x.csv
expect_text "$scratch/err" "unknown subcommand 'acm-cvs' of \`proceedings export\`; did you mean 'acm-csv'?" "export's acm-csv suggested"
expect_exit 2 "a misspelt subcommand of report" -- "$bin" report lnit pkg
expect_text "$scratch/err" "did you mean 'lint'?" "report's lint suggested"
expect_exit 2 "a misspelt option with its value" -- "$bin" booklet --fromat=html --venue "$ex"
expect_text "$scratch/err" "did you mean '--format'?" "--fromat=html suggested"
expect_exit 2 "an option nothing is close to" -- "$bin" check --zzzzzz "$wages"
expect_text "$scratch/err" "unknown option '--zzzzzz'" "the unknown option named"
grep -q "did you mean" "$scratch/err" && bad "a far option got a suggestion: $(cat "$scratch/err")" || ok
mkdir typo && sed 's/^timezone:/timezon:/' "$ex/workshop.yaml" > typo/workshop.yaml && cp "$ex/papers.yaml" typo/
expect_exit 2 "a misspelt field of workshop.yaml" -- "$bin" booklet --check --venue typo
expect_text "$scratch/err" "field 'timezon' is not a known field; did you mean 'timezone'?" "field suggested"

# --- --venue defaults to the current folder; without a venue, check says which rules it applied ----------
mkdir -p novenue && cd novenue || exit 1
expect_exit 0 "check without a venue" -- "$bin" check "$wages"
expect_text "$scratch/out" "no venue: generic rules" "check says it applied generic rules"
cd "$scratch" && cp -r "$ex" venue && cd venue || exit 1
expect_exit 0 "check in the venue's folder" -- "$bin" check "$wages"
grep -q "no venue" "$scratch/out" && bad "check in a venue's folder used generic rules: $(head -3 "$scratch/out")" || ok
expect_text "$scratch/out" "Rules: ./workshop.yaml" "check names the venue it applied"
expect_exit 0 "import in the venue's folder" -- "$bin" import submissions-hotcrp.json
expect_text "$scratch/out" "0 conflict(s)" "import read the current folder's papers.yaml"
sed -i -E 's/authors: \[([^,]+),/authors: [{name: \1, email: contact@example.org},/' papers.yaml
expect_exit 0 "meta in the venue's folder cross-checks with its papers.yaml" -- "$bin" meta "$wages"
expect_text "$scratch/out" "cross-check with 'wages': title and authors match" "meta cross-checked with the current folder's papers.yaml"
expect_exit 0 "export acm-csv in the venue's folder" -- "$bin" export acm-csv --out "$scratch/acm.csv"
[ -s "$scratch/acm.csv" ] && ok || bad "export wrote no CSV"
cd "$scratch/novenue" || exit 1
for cmd in "import $ex/submissions-hotcrp.json" "export acm-csv --out x.csv" "notify --results r.json" "build --papers ."; do
  # shellcheck disable=SC2086
  expect_exit 2 "$cmd without a venue" -- "$bin" $cmd
  expect_text "$scratch/err" "proceedings: --venue: not given, and the current folder has no workshop.yaml" "$cmd names --venue"
done
cd "$scratch" || exit 1

# --- completion, from the command table ------------------------------------------------------------------
expect_exit 0 "completion bash" -- "$bin" completion bash
cp "$scratch/out" completion.bash
complete_words() {  # complete_words WORD... : what bash completes for the last word
  bash -c 'source ./completion.bash; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _proceedings; printf "%s\n" "${COMPREPLY[@]}"' _ proceedings "$@"
}
[ "$(complete_words ch)" = check ] && ok || bad "bash completes 'ch' to check: $(complete_words ch)"
[ "$(complete_words check --ve)" = --venue ] && ok || bad "bash completes check's --ve: $(complete_words check --ve)"
[ "$(complete_words check --paper "")" = "$(printf 'letter\na4')" ] && ok || bad "check --paper's choices: $(complete_words check --paper "")"
[ "$(complete_words import w)" = web ] && ok || bad "import's subcommand web: $(complete_words import w)"
[ "$(complete_words import web --ti)" = --timezone ] && ok || bad "import web's options: $(complete_words import web --ti)"
[ "$(complete_words help boo)" = booklet ] && ok || bad "help's subcommands: $(complete_words help boo)"
mkdir -p dirs/sub && touch dirs/file.pdf
[ "$(complete_words build --venue dirs/)" = dirs/sub ] && ok || bad "--venue completes folders: $(complete_words build --venue dirs/)"
for cmd in $commands; do grep -q "\"$cmd\")" completion.bash && ok || bad "bash completion lacks $cmd"; done
"$bin" check --help | grep -oE -- '--[a-z][a-z-]+' | sort -u > check-options
while read -r opt; do grep -qE -- "[\" ]$opt[\" ]" <(grep '^    "check")' completion.bash) && ok || bad "bash completion lacks check $opt"; done < check-options
expect_exit 0 "completion zsh" -- "$bin" completion zsh
cp "$scratch/out" _proceedings
expect_text _proceedings "#compdef proceedings" "zsh's compdef line"
while read -r opt; do grep -q -- "'$opt\[" _proceedings && ok || bad "zsh completion lacks check $opt"; done < check-options
if command -v zsh > /dev/null; then
  zsh -n _proceedings && ok || bad "zsh does not parse the completion"
  zsh -c 'autoload -Uz compinit && compinit -u -d ./zcompdump && fpath=(. $fpath) && autoload -Uz _proceedings && whence -w _proceedings' > zsh.out 2>&1 &&
    ok || bad "zsh cannot load the completion: $(cat zsh.out)"
  # zsh runs the function; the completion system's builtins print what they were given
  cat > zsh-run.zsh <<'ZSH'
_describe() { local name=$4; print -l -- "${(@P)name}"; }
_arguments() { shift; print -l -- "$@"; }
compadd() { shift; print -l -- "$@"; }
_files() { print -- "(files $*)"; }
source ./_proceedings > /dev/null
words=("$@"); CURRENT=$#; PREFIX=${words[-1]}
_proceedings
ZSH
  zsh_complete() { zsh zsh-run.zsh proceedings "$@" 2>&1; }
  zsh_complete ch | grep -q "^check:Check uploaded papers" && ok || bad "zsh lists the subcommands: $(zsh_complete ch | head -3)"
  zsh_complete import w | grep -q "^web:" && ok || bad "zsh lists import's web: $(zsh_complete import w)"
  zsh_complete import web --ti | grep -q "^--timezone\[" && ok || bad "zsh lists import web's options: $(zsh_complete import web --ti | head -3)"
  [ "$(zsh_complete check --paper '')" = "$(printf 'letter\na4')" ] && ok || bad "zsh: check --paper's choices: $(zsh_complete check --paper '')"
  [ "$(zsh_complete build --venue '')" = "(files -/)" ] && ok || bad "zsh: --venue completes folders: $(zsh_complete build --venue '')"
else
  echo "cli.sh: zsh not installed (scripts/debian-packages.txt lists it); the zsh script is checked by grep only"
fi
expect_exit 2 "completion of another shell" -- "$bin" completion fish
expect_text "$scratch/err" "bash, zsh" "the shells named"

# --- manual pages: what --help says, in man(7) --------------------------------------------------------------
for cmd in $commands; do
  expect_exit 0 "man $cmd" -- "$bin" man "$cmd"
  cp "$scratch/out" "proceedings-$cmd.1"
  MANWIDTH=200 man -l "proceedings-$cmd.1" 2> "man.err" | col -b > "man-$cmd.txt"
  [ -s "man-$cmd.txt" ] && [ ! -s man.err ] && ok || bad "man -l proceedings-$cmd.1: $(cat man.err)"
  "$bin" "$cmd" --help > "help-$cmd.txt"
  python3 "$src/tests/e2e/man_matches_help.py" "help-$cmd.txt" "man-$cmd.txt" > "diff-$cmd.txt" 2>&1 && ok ||
    bad "proceedings-$cmd.1 disagrees with $cmd --help: $(head -c 600 "diff-$cmd.txt")"
done
expect_exit 2 "man of an unknown command" -- "$bin" man chekc
expect_text "$scratch/err" "did you mean 'check'?" "man's subcommand suggested"
finish

#!/usr/bin/env bash
# End-to-end tests of `proceedings collect` (issue 27 item 3): a HotCRP-style
# zip of final versions, a folder, fetch's output; every file matched by the
# one matcher and installed as papers/<id>.pdf, replaced versions kept.
# usage: collect.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
ms=$build/manuscripts/exhetai-2025 fx=$build/fixtures

# A venue whose papers carry HotCRP numbers, as `import` writes them.
venue=$scratch/venue
cp -r "$src/metadata/exhetai-2025" "$venue"
rm -rf "$venue/papers" "$venue/.proceedings"
python3 - "$venue/papers.yaml" <<'PY'
import sys
path = sys.argv[1]
numbers = {"sparse-wse": 9, "wages": 12, "omnifed": 7, "chatport": 3}
out = []
for line in open(path, encoding="utf-8"):
    out.append(line)
    for pid, n in numbers.items():
        if line.strip() == f"- id: {pid}":
            out.append(f'    submission: "hotcrp:{n}"\n')
open(path, "w", encoding="utf-8").write("".join(out))
PY

# HotCRP's "download all final versions": <downloadPrefix>final<N>.pdf; one
# file named by its author, one that is no paper, and a note that is no PDF.
mkzip() {  # mkzip ZIP NAME=FILE...
  python3 - "$@" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for spec in sys.argv[2:]:
        name, _, path = spec.partition("=")
        if path: z.write(path, name)
        else: z.writestr(name, "a note\n")
PY
}
zip1=$scratch/exhetai25-final.zip
mkzip "$zip1" "exhetai25-final12.pdf=$ms/wages.pdf" "exhetai25-final7.pdf=$ms/omnifed.pdf" \
  "exhetai25-final9.pdf=$ms/sparse-wse.pdf" "chatport-camera.pdf=$ms/chatport.pdf" "notes.pdf=$fx/body5.pdf" "README.txt="

expect_exit 1 "a zip with a file that is no paper" -- "$bin" collect --venue "$venue" "$zip1"
expect_text "$scratch/out" "exhetai25-final12.pdf  -> wages (by submission number 12): installed" "HotCRP's final<N> by its number"
expect_text "$scratch/out" "chatport-camera.pdf    -> chatport (by title): installed" "a file named by its author, by its title"
expect_text "$scratch/out" "notes.pdf              not taken: matches no paper of papers.yaml" "the unmatched file is listed"
expect_text "$scratch/out" "ignored (not PDFs): README.txt" "a note that is no PDF is ignored"
expect_text "$scratch/out" "4 installed, 0 replaced, 0 unchanged, 1 not taken" "the summary"
for pair in wages:wages omnifed:omnifed sparse-wse:sparse-wse chatport:chatport; do
  cmp -s "$venue/papers/${pair%%:*}.pdf" "$ms/${pair##*:}.pdf" && ok || bad "papers/${pair%%:*}.pdf holds its upload"
done
[ "$(ls "$venue/papers" | wc -l)" -eq 4 ] && ok || bad "only the four papers are installed: $(ls "$venue/papers")"

# The same zip again: nothing changes; --json says which paper and how
expect_exit 1 "the same zip again (notes.pdf still no paper)" -- "$bin" collect --venue "$venue" --json "$zip1"
jq -e '[.files[] | select(.paper != null) | .action] | unique == ["unchanged"]' "$scratch/out" > /dev/null && ok || bad "json: unchanged"
jq -e '.files[] | select(.file == "exhetai25-final7.pdf") | .paper == "omnifed" and .how == "submission number 7"' \
  "$scratch/out" > /dev/null && ok || bad "json: paper and how"
jq -e '.files[] | select(.file == "notes.pdf") | .paper == null and .action == "not taken" and (.problem | length > 0)' \
  "$scratch/out" > /dev/null && ok || bad "json: the unmatched file"
jq -e '.not_taken == 1 and .ignored == ["README.txt"]' "$scratch/out" > /dev/null && ok || bad "json: counts"
[ ! -d "$venue/papers/.versions" ] && ok || bad "an unchanged paper keeps no version"

# An author fixes a paper: the new upload replaces it, the old one is kept with its date
mkdir -p "$scratch/fixed"
cp "$ms/omnifed.pdf" "$scratch/fixed/omnifed.pdf" && printf '%% fixed\n' >> "$scratch/fixed/omnifed.pdf"
touch -d "2026-11-03 10:15:02 UTC" "$venue/papers/omnifed.pdf"
expect_exit 0 "a folder with one fixed paper" -- "$bin" collect --venue "$venue" "$scratch/fixed"
expect_text "$scratch/out" "omnifed.pdf  -> omnifed (by file name): replaced, the previous version kept as $venue/papers/.versions/omnifed.2026-11-03T101502Z.pdf" "the replaced version is kept under its date"
cmp -s "$venue/papers/.versions/omnifed.2026-11-03T101502Z.pdf" "$ms/omnifed.pdf" && ok || bad "the kept version is the old upload"
cmp -s "$venue/papers/omnifed.pdf" "$scratch/fixed/omnifed.pdf" && ok || bad "the new upload is installed"
ls "$venue/papers" | grep -q -v '\.pdf$' && bad "a temporary file is left in papers/: $(ls -a "$venue/papers")" || ok

# Two files for one paper: neither is taken, the line names both
mkdir -p "$scratch/two"
cp "$ms/sparse-wse.pdf" "$scratch/two/exhetai25-final12.pdf"
cp "$ms/wages.pdf" "$scratch/two/wages.pdf"
expect_exit 1 "two files for one paper" -- "$bin" collect --venue "$venue" "$scratch/two"
expect_text "$scratch/out" "is one of 2 files for paper 'wages': exhetai25-final12.pdf (submission number 12), wages.pdf (file name)" "the candidates are named"
cmp -s "$venue/papers/wages.pdf" "$ms/wages.pdf" && ok || bad "neither file replaced papers/wages.pdf"

# fetch's output folder: OUT/<id>.pdf beside its hidden .partial/
mkdir -p "$scratch/uploads/.partial"
cp "$ms/chatport.pdf" "$scratch/uploads/chatport.pdf"
cp "$fx/body5.pdf" "$scratch/uploads/.partial/wages.part.pdf"
expect_exit 0 "fetch's output folder" -- "$bin" collect --venue "$venue" "$scratch/uploads"
expect_text "$scratch/out" "chatport.pdf  -> chatport (by file name): unchanged" "fetch's <id>.pdf by its name"
expect_text "$scratch/out" "collect: 1 PDF(s)" "the partial download is left out"

# --dry-run installs nothing
mkdir -p "$scratch/dry" && cp "$fx/body5.pdf" "$scratch/dry/wages.pdf"
expect_exit 0 "dry run" -- "$bin" collect --venue "$venue" --dry-run "$scratch/dry"
expect_text "$scratch/out" "wages (by file name): would install" "a dry run says what it would do"
cmp -s "$venue/papers/wages.pdf" "$ms/wages.pdf" && ok || bad "a dry run changes nothing"

# A zip member keeps its date: the upload's time in the submission system, which a replaced version is named by
mkdir -p "$scratch/dated" && cp "$ms/chatport.pdf" "$scratch/dated/chatport-v3.pdf" && printf '%% v3\n' >> "$scratch/dated/chatport-v3.pdf"
touch -d "2026-11-05 09:30:00 UTC" "$scratch/dated/chatport-v3.pdf"
(cd "$scratch/dated" && python3 -c 'import sys, zipfile; zipfile.ZipFile("v3.zip", "w").write("chatport-v3.pdf")')
expect_exit 0 "a dated zip member" -- "$bin" collect --venue "$venue" "$scratch/dated/v3.zip"
[ "$(TZ=UTC date -r "$venue/papers/chatport.pdf" +%FT%H%M)" = "2026-11-05T0930" ] && ok || bad "the installed upload keeps the member's date: $(TZ=UTC date -r "$venue/papers/chatport.pdf")"
mkdir -p "$scratch/dated/next" && cp "$ms/chatport.pdf" "$scratch/dated/next/chatport.pdf"
expect_exit 0 "the next version replaces it" -- "$bin" collect --venue "$venue" "$scratch/dated/next"
[ -f "$venue/papers/.versions/chatport.2026-11-05T093000Z.pdf" ] && ok || bad "the version of Nov 5 is kept under its date: $(ls "$venue/papers/.versions")"

# A "download all" zip that holds one numbered folder per submission (HotCRP's
# <prefix>-<N>/, submission_<N>/, <N>/, EasyChair's <ACRONYM>_paper_<N>/): the
# nearest folder's number decides when the file's own name has none; a
# second file in one paper's folder makes both not taken.
folders=$scratch/folders-venue
cp -r "$venue" "$folders" && rm -rf "$folders/papers" "$folders/.proceedings"
zip3=$scratch/exhetai25-all.zip
mkzip "$zip3" "exhetai25-12/paper.pdf=$ms/wages.pdf" "all/submission_7/final.pdf=$ms/omnifed.pdf" \
  "9/camera-ready.pdf=$ms/sparse-wse.pdf" "EXHETAI25_paper_3/camera.pdf=$fx/body5.pdf"
expect_exit 0 "a zip of numbered folders" -- "$bin" collect --venue "$folders" "$zip3"
expect_text "$scratch/out" "exhetai25-12/paper.pdf        -> wages (by submission number 12 (folder exhetai25-12)): installed" "<prefix>-<N>/ by the folder's number"
expect_text "$scratch/out" "all/submission_7/final.pdf    -> omnifed (by submission number 7 (folder submission_7))" "the nearest folder's number"
expect_text "$scratch/out" "9/camera-ready.pdf            -> sparse-wse (by submission number 9 (folder 9))" "<N>/ by the folder's number"
expect_text "$scratch/out" "EXHETAI25_paper_3/camera.pdf  -> chatport (by submission number 3 (folder EXHETAI25_paper_3))" "the folder's number decides where the title fits no paper"
cmp -s "$folders/papers/chatport.pdf" "$fx/body5.pdf" && ok || bad "papers/chatport.pdf holds the upload of folder EXHETAI25_paper_3"
cmp -s "$folders/papers/omnifed.pdf" "$ms/omnifed.pdf" && ok || bad "papers/omnifed.pdf holds the upload of folder submission_7"
mkzip "$scratch/twice.zip" "exhetai25-12/paper.pdf=$ms/wages.pdf" "12/paper-v2.pdf=$ms/omnifed.pdf"
expect_exit 1 "two numbered folders for one paper" -- "$bin" collect --venue "$folders" "$scratch/twice.zip"
expect_text "$scratch/out" "is one of 2 files for paper 'wages': paper.pdf (submission number 12 (folder exhetai25-12)), paper-v2.pdf (submission number 12 (folder 12))" "both folders are named"
cmp -s "$folders/papers/wages.pdf" "$ms/wages.pdf" && ok || bad "neither file of the two folders replaced papers/wages.pdf"

# Hostile and wrong inputs
python3 - "$scratch/evil.zip" "$ms/wages.pdf" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.write(sys.argv[2], "../../wages.pdf")
PY
expect_exit 3 "a zip member that climbs out" -- "$bin" collect --venue "$venue" "$scratch/evil.zip"
[ "$(wc -l < "$scratch/err")" -eq 1 ] && ok || bad "one line for the refused zip"
expect_exit 2 "a source that is neither folder nor archive" -- "$bin" collect --venue "$venue" "$ms/wages.pdf"
expect_exit 2 "collecting the papers folder into itself" -- "$bin" collect --venue "$venue" "$venue/papers"
expect_exit 2 "no venue" -- "$bin" collect --venue "$scratch/nowhere" "$scratch/fixed"

finish

#!/usr/bin/env bash
# End-to-end tests of check's stages and of the one upload matcher in check
# (issue 27 items 1 and 2): a double-blind venue passes its correct
# camera-ready papers, fails them at submission, and every report names the
# stage and the paper each file was taken for.
# usage: stages.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
ms=$build/manuscripts/exhetai-2025 fx=$build/fixtures

# ExHetAI'25 as a double-blind venue, in the old form: one `submission:` block
venue=$scratch/venue
cp -r "$src/metadata/exhetai-2025" "$venue"
sed -i 's/^  review: single-blind$/  review: double-blind/' "$venue/workshop.yaml"
grep -q '^  review: double-blind$' "$venue/workshop.yaml" && ok || bad "the venue is double-blind"

expect_exit 0 "camera-ready papers pass at a double-blind venue (the default stage)" -- "$bin" check --venue "$venue" "$ms"
grep -q AUTHORS_SHOWN "$scratch/out" && bad "AUTHORS_SHOWN at camera-ready" || ok
expect_text "$scratch/out" "Checked at the camera-ready stage." "the text report names its stage"
expect_text "$scratch/out" "wages.pdf: taken for paper 'wages' (by file name)" "the report says which paper and how"
expect_exit 1 "the same papers at submission show their authors" -- "$bin" check --venue "$venue" --stage submission "$ms"
expect_text "$scratch/out" "AUTHORS_SHOWN (error) The paper shows its authors; the venue is double-blind." "AUTHORS_SHOWN at submission"
expect_text "$scratch/out" "Checked at the submission stage." "the submission stage is named"
expect_exit 1 "--review alone is the submission's" -- "$bin" check --review double-blind "$ms/wages.pdf"
expect_text "$scratch/out" "Checked at the submission stage." "--review implies the submission stage"
expect_exit 2 "--review with --stage camera-ready" -- "$bin" check --review double-blind --stage camera-ready "$ms/wages.pdf"
expect_text "$scratch/err" "--review: applies to the submission stage" "the conflict is named"
expect_exit 2 "an unknown stage" -- "$bin" check --stage final "$ms/wages.pdf"

# An anonymous review copy with line numbers: fine at submission, not at camera-ready
expect_exit 0 "a review copy at submission" -- "$bin" check --venue "$venue" --stage submission --pages 5-8 "$fx/review.pdf"
expect_exit 1 "the review copy at camera-ready" -- "$bin" check --venue "$venue" "$fx/review.pdf"
expect_text "$scratch/out" "ANONYMOUS (error) The paper is anonymised ('Anonymous Author(s)'); the camera-ready version must show the authors." "ANONYMOUS at camera-ready"
expect_text "$scratch/out" "REVIEW_MODE" "line numbers at camera-ready"

# acmart's placeholders: allowed at submission, an error at camera-ready
expect_exit 1 "acmart's sample block at camera-ready" -- "$bin" check --venue "$venue" "$fx/acm-sample.pdf"
expect_text "$scratch/out" "ACM_PLACEHOLDER" "placeholders at camera-ready"
"$bin" check --venue "$venue" --stage submission "$fx/acm-sample.pdf" > "$scratch/out" 2>&1
grep -q ACM_PLACEHOLDER "$scratch/out" && bad "ACM_PLACEHOLDER at submission" || ok

# The JSON and the HTML name the stage; the JSON the paper each file was taken for
expect_exit 0 "json" -- "$bin" check --venue "$venue" --json "$ms"
jq -e '.stage == "camera-ready" and ([.papers[] | .paper_id] | sort) == ["chatport","omnifed","sparse-wse","wages"]' "$scratch/out" > /dev/null \
  && ok || bad "json: stage and paper ids: $(head -c 300 "$scratch/out")"
jq -e '[.papers[].taken_for] | all(endswith("(by file name)"))' "$scratch/out" > /dev/null && ok || bad "json: how each was taken"
expect_exit 0 "html" -- "$bin" check --venue "$venue" --html "$scratch/report.html" "$ms/wages.pdf"
grep -q "checked at the camera-ready stage" "$scratch/report.html" && ok || bad "the HTML report names its stage"

# A camera_ready: block grants an extra page; `review:` there is refused
cat >> "$venue/workshop.yaml" <<'YAML'
camera_ready:
  pages: {min: 5, max: 7, excluding: bibliography}
YAML
expect_exit 1 "7 body pages at submission" -- "$bin" check --venue "$venue" --stage submission "$fx/body7.pdf"
expect_text "$scratch/out" "PAGES_OVER" "over the submission's 6 pages"
"$bin" check --venue "$venue" "$fx/body7.pdf" > "$scratch/out" 2>&1
grep -q PAGES_OVER "$scratch/out" && bad "PAGES_OVER within the camera-ready's extra page" || ok
printf '  review: double-blind\n' >> "$venue/workshop.yaml"
expect_exit 2 "review under camera_ready" -- "$bin" check --venue "$venue" "$ms/wages.pdf"
expect_text "$scratch/err" "camera_ready.review' belongs under 'submission:'" "the misplaced field is named"

# The matcher in check: a file taken by its title says so; two files for one paper are named
mkdir -p "$scratch/two"
cp "$ms/wages.pdf" "$scratch/two/wages.pdf"
cp "$ms/wages.pdf" "$scratch/two/wages-camera-ready.pdf"
sed -i '$d' "$venue/workshop.yaml"
expect_exit 1 "two files for one paper" -- "$bin" check --venue "$venue" "$scratch/two"
expect_text "$scratch/out" "wages-camera-ready.pdf: taken for paper 'wages' (by title)" "a file taken by its title"
expect_text "$scratch/err" "check: 2 files were taken for paper 'wages': wages-camera-ready.pdf, wages.pdf" "both files are named"

finish

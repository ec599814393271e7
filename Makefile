# proceedings: the two commands a fresh Debian 12 machine needs, run as root:
#   make demo   install what is missing, build, run the tools on the bundled workshops
#   make test   install what is missing, build, run every test
BUILD ?= build
JOBS ?= $(shell nproc)
VENUE ?= metadata/exhetai-2025

FUZZ_SECONDS ?= 30

.PHONY: all deps configure build test demo bench fuzz clean hotcrp-test

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release > /dev/null

# The tools; the papers are typeset only where a target below needs them.
build: configure
	@cmake --build $(BUILD) -j$(JOBS)

# unit_tests brings every test paper (test-papers) with it.
test: build
	@cmake --build $(BUILD) -j$(JOBS) --target unit_tests test-papers
	@scripts/install-validators.sh $(BUILD)
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The tool and the papers the demo runs it on (demo-papers: the bundled
# ExHetAI'25 manuscripts and four check fixtures), no test paper.
demo: configure
	@cmake --build $(BUILD) -j$(JOBS) --target proceedings demo-papers
	@echo "== proceedings import: the accepted papers of a HotCRP JSON export, merged into a copy of $(VENUE),"
	@echo "   whose hand-typed papers.yaml it matches by title: the submission numbers are recorded, nothing else changes."
	@echo "   (ExHetAI'25 took papers at submissions.supercomputing.org; this export of its four accepted papers is"
	@echo "   written in HotCRP's format with the public program's titles and names; the numbers are stand-ins)"
	@rm -rf out/import && mkdir -p out/import && cp -r $(VENUE) out/import/
	$(BUILD)/proceedings import --venue out/import/$(notdir $(VENUE)) --write $(VENUE)/submissions-hotcrp.json
	$(BUILD)/proceedings import --venue out/import/$(notdir $(VENUE)) $(VENUE)/submissions-hotcrp.json
	@echo "== proceedings export acm-csv: ACM's enhanced proceedings CSV (31 columns, one row per author) in out/acm/"
	@echo "   ACM mails each rights form to the paper's contact author, and the public program gives no addresses:"
	@echo "   the bundled venue is refused, naming each paper (exit 1 expected); a copy with stand-in addresses is exported"
	@rm -rf out/acm && mkdir -p out/acm && cp -r $(VENUE) out/acm/venue
	-$(BUILD)/proceedings export acm-csv --venue $(VENUE) --out out/acm/exhetai-2025-acm.csv
	@sed -i -E 's/authors: \[([^,]+),/authors: [{name: \1, email: contact@example.org},/' out/acm/venue/papers.yaml
	$(BUILD)/proceedings export acm-csv --venue out/acm/venue --out out/acm/exhetai-2025-acm.csv
	@head -3 out/acm/exhetai-2025-acm.csv
	@echo "== proceedings check: the bundled ExHetAI'25 camera-ready papers"
	$(BUILD)/proceedings check --venue $(VENUE) $(BUILD)/manuscripts/exhetai-2025
	@echo "== proceedings check --html --annotate: the evidence page and annotated PDFs, with four fixtures, three failing (exit 1 expected)"
	-$(BUILD)/proceedings check --venue $(VENUE) --html out/check/report.html --annotate out/check/annotated \
	  $(BUILD)/manuscripts/exhetai-2025 $(BUILD)/fixtures/geometry.pdf $(BUILD)/fixtures/overfull-lines.pdf \
	  $(BUILD)/fixtures/word-interim-margins.pdf $(BUILD)/fixtures/body7.pdf > /dev/null
	@echo "== proceedings meta: their metadata from the PDFs, cross-checked with $(VENUE)/papers.yaml"
	$(BUILD)/proceedings meta --venue $(VENUE) $(BUILD)/manuscripts/exhetai-2025
	@echo "== proceedings build: the ExHetAI'25 proceedings book and bundle in out/bundle"
	$(BUILD)/proceedings build --venue $(VENUE) --papers $(BUILD)/manuscripts/exhetai-2025 --out out
	@echo "== proceedings export acm-csv --book: the same CSV with each paper's pages in the book"
	$(BUILD)/proceedings export acm-csv --venue out/acm/venue --book out/bundle --out out/acm/exhetai-2025-acm.csv
	@echo "== proceedings build --volume: the SC25 workshops as one volume (metadata/sc25-workshops/volume.yaml, docs/volume.md):"
	@echo "   ExHetAI'25, a stand-in workshop on the 17th in Room 275, and AIExScale'25 (no papers: its own pages only), in out/volume"
	@rm -rf out/volume && mkdir -p out/volume/papers/exhetai-2025 out/volume/papers/sc25-standin
	@cp -r metadata/sc25-workshops metadata/exhetai-2025 metadata/sc25-standin metadata/aiexscale-2025 out/volume/
	@sed -i -E 's/authors: \[([^,]+),/authors: [{name: \1, email: contact@example.org},/' out/volume/exhetai-2025/papers.yaml
	@cp $(BUILD)/manuscripts/exhetai-2025/*.pdf out/volume/papers/exhetai-2025/
	@cp $(BUILD)/manuscripts/exhetai-2025/sparse-wse.pdf out/volume/papers/sc25-standin/siw-sparse.pdf
	@cp $(BUILD)/manuscripts/exhetai-2025/chatport.pdf out/volume/papers/sc25-standin/siw-kernels.pdf
	$(BUILD)/proceedings check --volume out/volume/sc25-workshops out/volume/papers
	$(BUILD)/proceedings build --volume out/volume/sc25-workshops --papers out/volume/papers --out out/volume/out
	$(BUILD)/proceedings export acm-csv --volume out/volume/sc25-workshops --book out/volume/out/bundle --out out/volume/sc25-workshops-acm.csv
	$(BUILD)/proceedings status --volume out/volume/sc25-workshops --papers out/volume/papers --book out/volume/out
	@echo "== proceedings booklet: both programs as PDF, web page, iCalendar and frab XML in out/booklet"
	$(BUILD)/proceedings booklet --venue $(VENUE) --out out
	@echo "   (AIExScale'25 publishes '12:20 AM' for its closing; it is kept as published, reported, and --force publishes it)"
	$(BUILD)/proceedings booklet --venue metadata/aiexscale-2025 --out out --force
	@echo "== proceedings booklet --volume: the volume's one program over its days and rooms (a grid per day) in out/volume/out/booklet"
	$(BUILD)/proceedings booklet --volume out/volume/sc25-workshops --out out/volume/out --force
	@echo "== proceedings report: the AIExScale'25 report draft and its arXiv package in out/report and out/arxiv"
	@echo "   (its notes hold only what the public page says: lint reports each missing part as PLACEHOLDER and exits 1)"
	-$(BUILD)/proceedings report --venue metadata/aiexscale-2025 --out out

bench: build
	@cmake --build $(BUILD) --target bench-tools test-papers -j$(JOBS) | grep -E "error|warning" || true
	$(BUILD)/bench/bench_check $(BUILD)/fixtures $(BUILD)/manuscripts/exhetai-2025
	$(BUILD)/bench/bench_readers $(BUILD)/fixtures
	$(BUILD)/bench/bench_meta . $(BUILD)
	-python3 bench/score_real.py $(BUILD)/proceedings $${REAL_PAPERS:-/work/real-papers}
	bench/bench_build.sh $(BUILD)/proceedings . $(BUILD)
	bench/bench_booklet_volume.sh $(BUILD)/proceedings
	bench/bench_volume.sh $(BUILD)/proceedings . $(BUILD)
	bench/bench_startup.sh $(BUILD)/proceedings $(BUILD)
	bench/bench_banal.sh $(BUILD)/proceedings $(BUILD)

# HotCRP's own format-checker tests with `proceedings check --format banal` as
# its banalCommand (docs/hotcrp.md): installs PHP and MariaDB
# (scripts/hotcrp-packages.txt, kept out of `make test`), then runs
# tests/e2e/hotcrp.sh on the HotCRP tree in HOTCRP_DIR.
hotcrp-test: build
	@test -n "$(HOTCRP_DIR)" || { echo "make hotcrp-test HOTCRP_DIR=/path/to/hotcrp (a HotCRP source tree)"; exit 2; }
	@scripts/install-deps.sh scripts/hotcrp-packages.txt
	cd $(BUILD) && HOTCRP_DIR="$(abspath $(HOTCRP_DIR))" ctest --output-on-failure -R '^cli_hotcrp$$'

# libFuzzer on every reader of outside input, FUZZ_SECONDS each (clang build in build-fuzz/).
fuzz: deps
	@scripts/install-deps.sh scripts/fuzz-packages.txt
	@CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPROCEEDINGS_FUZZ=ON > /dev/null
	@cmake --build build-fuzz -j$(JOBS)
	scripts/run-fuzz.sh build-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) build-fuzz

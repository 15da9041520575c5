# stegvis: every target does its own set-up.
#   make demo   demo cohort -> DuckDB -> every notebook executed -> build/seminar/ (HTML + charts)
#   make test   all tests (what CI runs)
#   make bench  benchmark against pandas and bare DuckDB -> bench/results/, README (SIZES="10000 100000" for a quick run)
SHELL := /bin/bash
MVN   ?= mvn -B -q
PY    ?= python3
VENV  := .venv
JAR   := target/stegvis.jar
DEMO  := build/demo
EPISODES ?= 3000
SEED  ?= 42

.PHONY: all build demo demo-db test fuzz venv kernel notebooks seminar lab golden clean bench bench-smoke bench-classes

all: demo

$(VENV)/.installed: requirements.txt
	$(PY) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

# The "Java (stegvis)" Jupyter kernel: JJava with target/stegvis.jar + target/lib on its classpath.
KERNELSPEC := $(VENV)/share/jupyter/kernels/stegvis/kernel.json
$(KERNELSPEC): $(VENV)/.installed kernel/kernel.json kernel/startup.jshell scripts/install_kernel.py
	$(VENV)/bin/python scripts/install_kernel.py

venv: $(VENV)/.installed $(KERNELSPEC)
kernel: $(KERNELSPEC)

# Notebooks need the jar (make build) and the demo store (make demo); these targets do not rebuild them.
NB_NEEDS = @test -f $(JAR) || { echo "$(JAR) missing: run 'make build'" >&2; exit 2; }; \
	test -f $(DEMO)/stegvis.duckdb || { echo "$(DEMO)/stegvis.duckdb missing: run 'make demo'" >&2; exit 2; }

# Executes every notebook with the real kernel; fails on any cell error (for make test).
notebooks: venv
	$(NB_NEEDS)
	$(VENV)/bin/python scripts/run_notebooks.py --check

# The seminar pack: build/seminar/*.html (code hidden), index.html, charts/*/*.png|svg.
# Parameterised run (06-seminarium reads these):
#   make seminar MUNICIPALITY=Smedjebacken PROGRAMME=evi FROM=2023-01-01 TO=2024-12-31 SEMINAR_OUT=build/seminar-smedjebacken
SEMINAR_OUT ?= build/seminar
seminar: venv
	$(NB_NEEDS)
	STEGVIS_MUNICIPALITY='$(MUNICIPALITY)' STEGVIS_PROGRAMME='$(PROGRAMME)' STEGVIS_FROM='$(FROM)' STEGVIS_TO='$(TO)' \
	  $(VENV)/bin/python scripts/run_notebooks.py --out $(SEMINAR_OUT)

# JupyterLab on notebooks/ with the kernel (root, as on this project's machines, needs --allow-root).
lab: venv
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)

build:
	$(MVN) package -DskipTests

# The demo cohort as CSV and as a DuckDB store.
demo-db: build
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	./stegvis demo --out $(DEMO)/csv --episodes $(EPISODES) --seed $(SEED)
	./stegvis import --db $(DEMO)/stegvis.duckdb $(DEMO)/csv
	cp $(DEMO)/csv/stegvis.properties $(DEMO)/stegvis.properties
	./stegvis dictionary glossary --out build/glossary.md

demo: demo-db venv
	$(MAKE) --no-print-directory seminar

# Unit, golden and property tests (Maven; the Jazzer fuzz tests replay their committed inputs, no random
# exploration), then every notebook executed with the real kernel on a fresh demo store. Same result every run.
test: venv
	$(MVN) verify
	$(MAKE) --no-print-directory demo-db seminar SEMINAR_OUT=build/test-seminar
	$(MVN) surefire:test -Dtest='PrivacyOfOutputsTest#executedNotebooks*' -Dstegvis.seminar=build/test-seminar
	$(MAKE) --no-print-directory bench-smoke
	@$(PY) scripts/test_summary.py

# Exploratory fuzzing, outside the gate: each Jazzer fuzz test in its own JVM for its time budget
# (IngestFuzzTest.BUDGET, 10 minutes). A finding is written into src/test/resources/se/stegvis/ingest/
# IngestFuzzTestInputs/<test>/ and fails the run; fix it and commit the input, and make test replays it.
FUZZ_TESTS ?= csvReaderReadsToTheEndOrRefusesARow xlsxReaderReadsToTheEndOrRefuses validatorParsesOrRefusesInWords
fuzz:
	$(MVN) test-compile
	@for t in $(FUZZ_TESTS); do echo "fuzzing IngestFuzzTest#$$t"; \
	  $(MVN) surefire:test@fuzz -Pfuzz -Dtest="IngestFuzzTest#$$t" || exit 1; done

# Regenerates the R golden files the statistics tests compare against (installs Debian's R packages),
# first exporting the default demo's per-episode lead times that R checks the whole path on.
golden: demo-db
	command -v Rscript >/dev/null || (apt-get update -q && apt-get install -y -q r-base-core r-cran-survival r-cran-etm r-cran-msm r-cran-cmprsk r-cran-boot r-cran-expm)
	for pair in first_meeting:municipality exit:programme; do to=$${pair%%:*}; by=$${pair##*:}; \
	  ./stegvis metrics leadtime --db $(DEMO)/stegvis.duckdb --from referral --to $$to --by $$by \
	    --unsuppressed --episodes-csv $(DEMO)/leadtime_$$to.csv >/dev/null 2>&1; \
	  cut -d, -f1-3 $(DEMO)/leadtime_$$to.csv > src/test/resources/stats/demo_leadtime_$$to.csv; done
	Rscript r/golden.R src/test/resources/golden

# Benchmark (bench/): its own venv with pandas, the harness compiled against the jar, demo cohorts in bench/work/.
SIZES ?= 10000 100000 1000000
BENCH_VENV := bench/work/venv

$(BENCH_VENV)/.installed: bench/requirements.txt
	$(PY) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q --disable-pip-version-check -r bench/requirements.txt
	touch $@

# The harness, compiled against the jar (make bench rebuilds the jar; the smoke run uses the one there is).
bench-classes: $(BENCH_VENV)/.installed
	@test -f $(JAR) || $(MVN) package -DskipTests
	mkdir -p bench/work/classes
	javac -d bench/work/classes -cp 'target/classes:target/lib/*' bench/java/Bench.java

bench: build venv
	$(MAKE) bench-classes
	$(BENCH_VENV)/bin/python bench/run.py --sizes $(SIZES)
	$(BENCH_VENV)/bin/python bench/run.py --cli
	$(BENCH_VENV)/bin/python bench/run.py --kernel $(VENV)/bin/python
	$(BENCH_VENV)/bin/python bench/report.py

# One round on 2,000 episodes (results to bench/work/smoke) and the pandas suite checked against
# stegvis on them: keeps the harness honest; what make test runs.
bench-smoke: bench-classes
	$(BENCH_VENV)/bin/python bench/run.py --smoke --sizes 2000
	$(BENCH_VENV)/bin/python bench/check_pandas.py 2000

clean:
	rm -rf target build

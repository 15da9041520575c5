# stegvis: every target does its own set-up.
#   make demo   demo cohort -> DuckDB -> every notebook executed -> build/seminar/ (HTML + charts)
#   make test   all tests (what CI runs)
SHELL := /bin/bash
MVN   ?= mvn -B -q
PY    ?= python3
VENV  := .venv
JAR   := target/stegvis.jar
DEMO  := build/demo
EPISODES ?= 3000
SEED  ?= 42

.PHONY: all build demo demo-db test venv kernel notebooks seminar lab golden clean

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
	./stegvis dictionary glossary --out build/glossary.md

demo: demo-db venv
	$(MAKE) --no-print-directory seminar

# Unit, golden and property tests (Maven; -Pfuzz also fuzzes the readers and the validator with Jazzer
# for a bounded time, IngestFuzzTest), then every notebook executed with the real kernel on a fresh demo store.
test: venv
	$(MVN) verify -Pfuzz
	$(MAKE) --no-print-directory demo-db seminar SEMINAR_OUT=build/test-seminar
	$(MVN) surefire:test -Dtest='PrivacyOfOutputsTest#executedNotebooks*' -Dstegvis.seminar=build/test-seminar
	@$(PY) scripts/test_summary.py

# Regenerates the R golden files the statistics tests compare against (installs Debian's R packages),
# first exporting the default demo's per-episode lead times that R checks the whole path on.
golden: demo-db
	command -v Rscript >/dev/null || (apt-get update -q && apt-get install -y -q r-base-core r-cran-survival r-cran-etm r-cran-msm r-cran-cmprsk r-cran-boot r-cran-expm)
	for pair in first_meeting:municipality exit:programme; do to=$${pair%%:*}; by=$${pair##*:}; \
	  ./stegvis metrics leadtime --db $(DEMO)/stegvis.duckdb --from referral --to $$to --by $$by \
	    --unsuppressed --episodes-csv $(DEMO)/leadtime_$$to.csv >/dev/null 2>&1; \
	  cut -d, -f1-3 $(DEMO)/leadtime_$$to.csv > src/test/resources/stats/demo_leadtime_$$to.csv; done
	Rscript r/golden.R src/test/resources/golden

clean:
	rm -rf target build

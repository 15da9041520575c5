# stegvis: every target does its own set-up.
#   make demo   demo cohort -> DuckDB -> notebooks executed -> build/seminar/
#   make test   all tests (what CI runs)
SHELL := /bin/bash
MVN   ?= mvn -B -q
PY    ?= python3
VENV  := .venv
JAR   := target/stegvis.jar
DEMO  := build/demo
EPISODES ?= 3000
SEED  ?= 42

.PHONY: all build demo test venv kernel notebooks seminar lab golden clean

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

lab: venv
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

build:
	$(MVN) package -DskipTests

demo: build
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	./stegvis demo --out $(DEMO)/csv --episodes $(EPISODES) --seed $(SEED)
	./stegvis import --db $(DEMO)/stegvis.duckdb $(DEMO)/csv
	./stegvis dictionary glossary --out build/glossary.md

test: venv
	$(MVN) verify

# Regenerates the R golden files the statistics tests compare against (needs Debian's R packages).
golden:
	command -v Rscript >/dev/null || (apt-get update -q && apt-get install -y -q r-base-core r-cran-survival r-cran-etm r-cran-msm r-cran-cmprsk)
	Rscript r/golden.R src/test/resources/golden

clean:
	rm -rf target build

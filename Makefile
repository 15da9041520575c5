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

.PHONY: all build demo test venv golden clean

all: demo

$(VENV)/.installed: requirements.txt
	$(PY) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

venv: $(VENV)/.installed

build:
	$(MVN) package -DskipTests

demo: build
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	./stegvis demo --out $(DEMO)/csv --episodes $(EPISODES) --seed $(SEED)
	./stegvis import --db $(DEMO)/stegvis.duckdb $(DEMO)/csv
	./stegvis dictionary glossary --out build/glossary.md

# -Pfuzz: the readers and the validator are also fuzzed with Jazzer for a bounded time (IngestFuzzTest).
test: venv
	$(MVN) verify -Pfuzz

# Regenerates the R golden files the statistics tests compare against (needs Debian's R packages).
golden:
	command -v Rscript >/dev/null || (apt-get update -q && apt-get install -y -q r-base-core r-cran-survival r-cran-etm r-cran-msm r-cran-cmprsk)
	Rscript r/golden.R src/test/resources/golden

clean:
	rm -rf target build

# stegvis: every target does its own set-up.
#   make demo   demo cohort -> DuckDB -> notebooks executed -> build/seminar/
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

.PHONY: all build demo test venv golden clean bench bench-smoke bench-classes

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

test: venv
	$(MVN) verify

# Regenerates the R golden files the statistics tests compare against (needs Debian's R packages).
golden:
	command -v Rscript >/dev/null || (apt-get update -q && apt-get install -y -q r-base-core r-cran-survival r-cran-etm r-cran-msm r-cran-cmprsk)
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
	javac -d bench/work/classes -cp 'target/stegvis.jar:target/lib/*' bench/java/Bench.java

bench: build
	$(MAKE) bench-classes
	$(BENCH_VENV)/bin/python bench/run.py --sizes $(SIZES)
	$(BENCH_VENV)/bin/python bench/report.py

# One round on 2,000 episodes (results to bench/work/smoke) and the pandas suite checked against
# stegvis on them: keeps the harness honest; what make test runs.
bench-smoke: bench-classes
	$(BENCH_VENV)/bin/python bench/run.py --smoke --sizes 2000
	$(BENCH_VENV)/bin/python bench/check_pandas.py 2000

clean:
	rm -rf target build

# Two entry points: `make demo` and `make test`. Both build .venv/ from nothing.
# The interpreter .venv/ is built from: the system's /usr/bin/python3 when it is 3.11 or newer with
# venv (a distribution's build: on Debian it spends ~7% less CPU per ingested document than a
# default pyenv build of the same version, `bench/ingest.py`), else python3 from PATH.
# `make PYTHON=python3.12 setup` (after `make clean`) picks another.
FOUND_PYTHON := $(shell for p in /usr/bin/python3 python3; do \
	$$p -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 \
	&& { echo $$p; break; }; done)
PYTHON ?= $(or $(FOUND_PYTHON),python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= legation.db
PORT ?= 8000
# `make demo SERVE=0` stops after printing the dossier and the timeline.
SERVE ?= 1
SAMPLE := examples/seeds examples/cables examples/news examples/foia

.PHONY: setup browser demo test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,full,web]'
	@# Bytecode up front, as a wheel install does: every ingest worker then starts without compiling.
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

setup: $(STAMP)

# Debian's Chromium for the browser tests (Playwright drives it; no browser is downloaded).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "note: /usr/bin/chromium is missing; browser tests will be skipped (apt-get install chromium)"; fi

demo: $(STAMP)
	$(BIN)/legation ingest $(SAMPLE) --db $(DB)
	$(BIN)/legation entity Baikonur --db $(DB)
	$(BIN)/legation timeline Baikonur --db $(DB)
	@if [ "$(SERVE)" = 1 ]; then $(BIN)/legation serve --db $(DB) --port $(PORT); fi

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache

# Quickstart: `make demo` (set up, run on the bundled sample articles) and `make test` (set up, run the tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/qala: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev: $(BIN)/qala
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

demo: $(BIN)/qala
	$(BIN)/qala demo

test: $(VENV)/.dev
	bash scripts/test.sh

lint: $(VENV)/.dev
	$(BIN)/ruff check qala tests benchmarks scripts

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= oxigraph:out/store
KG     := $(BIN)/kg --store $(STORE)

.PHONY: run test setup setup-test lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

run: setup
	@mkdir -p out
	$(KG) build data/corpus
	$(KG) facts --format json -o out/facts.json
	$(KG) export --format ttl -o out/anode.ttl
	$(KG) map -o out/map.html

test: setup-test
	$(BIN)/pytest -q

lint: setup-test
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/mypy

bench: setup-test
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf out .pytest_cache

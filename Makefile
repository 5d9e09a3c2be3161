# tolltrace: two commands for a newcomer.
#   make report   build data/processed/ and reports/ from data/raw/
#   make test     run the whole test suite (unit tests + notebook checks)
PYTHON ?= python3.11
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.tolltrace-installed
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
export PYTHONHASHSEED := 0
# Install bytecode with the packages: where PYTHONDONTWRITEBYTECODE is set (some CI
# machines) Python would otherwise recompile pandas and friends at every start (seconds).
export UV_COMPILE_BYTECODE := 1

.PHONY: setup process report test unit nbval refresh lab lint format docs bench clean

setup: $(STAMP)

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --all-extras --quiet
	$(BIN)/python -m compileall -q src
	$(BIN)/python -m ipykernel install --sys-prefix --name tolltrace --display-name "tolltrace (Python 3.11)" >/dev/null
	touch $@

process: $(STAMP)
	$(BIN)/tolltrace process data/raw --out-dir data/processed

report: $(STAMP)
	$(BIN)/tolltrace report

test: $(STAMP)
	$(BIN)/pytest tests -n auto
	$(BIN)/pytest --nbval notebooks

unit: $(STAMP)
	$(BIN)/pytest tests -n auto

nbval: $(STAMP)
	$(BIN)/pytest --nbval notebooks

refresh: $(STAMP)
	$(BIN)/tolltrace report --refresh-notebooks

# JupyterLab refuses to start as root (common in containers) unless told it may.
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks eval
	$(BIN)/ruff format --check src tests benchmarks eval

format: $(STAMP)
	$(BIN)/ruff check --fix src tests benchmarks eval
	$(BIN)/ruff format src tests benchmarks eval

# The data dictionary, generated from the column definitions (src/tolltrace/model/columns.py).
docs: $(STAMP)
	$(BIN)/python -m tolltrace.tables.dictionary > docs/data-dictionary.md.tmp
	mv docs/data-dictionary.md.tmp docs/data-dictionary.md

# Benchmark on synthetic corpora (1k and 10k articles; more with BENCH_ARGS="--sizes 1000 10000 100000 --repeat 1").
BENCH_ARGS ?=
bench: $(STAMP)
	$(BIN)/python benchmarks/run_benchmark.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(TOOLS)

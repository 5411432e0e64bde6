# Two commands on a fresh machine with only python3: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run serve test lint format bench load clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.run
	@$(BIN)/python -c "import access, os, sys; p = access.exposure_problem('$(HOST)', os.environ.get('FLASK_AUTH_MODE', 'none')); p and sys.exit('credcheck: ' + p)"
	$(BIN)/flask --app app run --host $(HOST) --port $(PORT)

# production: gunicorn with threaded workers (CREDCHECK_BIND, CREDCHECK_WORKERS, CREDCHECK_THREADS)
serve: $(VENV)/.run
	$(BIN)/gunicorn -c gunicorn.conf.py

test: $(VENV)/.test
	@command -v chromium >/dev/null 2>&1 || echo "make test: no chromium on this machine, so the browser tests will be SKIPPED (apt-get install chromium; .ci/run does)"
	$(BIN)/python -m pytest

lint: $(VENV)/.test
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(VENV)/.test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# prints a Markdown table of figures; uses wrk for throughput when it is installed
bench: $(VENV)/.test
	@command -v wrk >/dev/null 2>&1 || echo "make bench: no wrk, so no throughput row (apt-get install wrk)"
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache *.egg-info

# Two commands on a fresh machine with only python3: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run serve test lint format bench messages clean
# the Korean catalogue, compiled from its .po at build time (the .mo is not committed)
MO := translations/ko/LC_MESSAGES/messages.mo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(MO): translations/ko/LC_MESSAGES/messages.po | $(VENV)/.run
	$(BIN)/pybabel compile -d translations

run: $(VENV)/.run $(MO)
	$(BIN)/flask --app app run --host $(HOST) --port $(PORT)

# production: gunicorn with threaded workers (CREDCHECK_BIND, CREDCHECK_WORKERS, CREDCHECK_THREADS)
serve: $(VENV)/.run $(MO)
	$(BIN)/gunicorn -c gunicorn.conf.py

# axe-core for the accessibility tests, from the npm registry (pinned)
AXE := $(VENV)/axe/node_modules/axe-core/axe.min.js
$(AXE):
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-save --no-audit --no-fund --prefix $(VENV)/axe axe-core@4.14.1; \
	else echo "make test: no npm, so no axe-core: the accessibility tests will be SKIPPED"; fi

test: $(VENV)/.test $(MO) $(AXE)
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

# after changing user-facing words: extract them, merge into the Korean .po, then translate
messages: $(VENV)/.run
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-location --omit-header \
		--ignore-dirs=".* _* tests bench translations static docs" -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching

clean:
	rm -rf $(VENV) .pytest_cache *.egg-info $(MO)

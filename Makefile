# Penata — the commands a developer needs. Each works from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Parallel test workers (pytest-xdist); "auto" = one per core.
WORKERS ?= auto

.PHONY: install demo serve test e2e lint format bench lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Reinstall only when the dependency list or the lock changes.
$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install -q -c requirements.lock -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/penata migrate --noinput
	$(BIN)/penata demo --if-empty
	$(BIN)/penata serve --port $(PORT)

serve: install
	$(BIN)/penata serve --port $(PORT)

test: install
	$(BIN)/pytest -n $(WORKERS)

e2e: install
	$(BIN)/pytest -n 0 tests/e2e

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src
	$(BIN)/penata makemigrations --check --dry-run
	$(BIN)/bandit -q -c pyproject.toml -r src

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

bench: install
	$(BIN)/python bench/run.py

# Refresh the lock after changing dependencies in pyproject.toml.
lock: | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"
	$(BIN)/pip freeze --exclude-editable | grep -v '^penata' > requirements.lock

clean:
	rm -rf $(VENV) var/penata.sqlite3* var/static

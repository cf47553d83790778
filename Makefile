# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes (pytest-xdist); each has its own test database.
TEST_WORKERS ?= 2

.PHONY: install run test test-postgres e2e browser browser-if-possible bench-tools imports lint format check messages bench worker clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	PORT=$(PORT) $(BIN)/python manage.py load_demo_content --if-empty
	@echo "Site: http://127.0.0.1:$(PORT)/  Admin: http://127.0.0.1:$(PORT)/admin/ (admin / stgm-demo)"
	PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The whole suite on the embedded SQLite database: the tests in parallel, then the browser
# tests (Chromium and axe-core installed first where this machine allows; otherwise they are
# skipped and the run says why). `make test-postgres` runs the first part on PostgreSQL.
test: install browser-if-possible
	$(BIN)/pytest -n $(TEST_WORKERS) -m 'not e2e' $(PYTEST_ARGS)
	$(BIN)/pytest -m e2e tests/e2e $(PYTEST_ARGS)

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/stgm} $(BIN)/pytest -n $(TEST_WORKERS) -m 'not e2e' $(PYTEST_ARGS)

# Debian's Chromium and axe-core (package-lock.json) for the browser tests; Playwright cannot
# download its own browser here. Installs only what is missing or out of date.
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	@test node_modules/.package-lock.json -nt package-lock.json || npm ci --no-audit --no-fund --silent

browser-if-possible:
	@$(MAKE) --no-print-directory browser || echo "Chromium or axe-core could not be installed here (apt-get needs root, npm the registry): the browser tests will be skipped, and say so."

# wrk (Debian's package) drives the benchmark's load; tests/test_bench.py runs it too.
bench-tools:
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

# STGM_E2E_REQUIRED=1: a missing browser or axe-core fails the run instead of skipping it.
e2e: install browser
	STGM_E2E_REQUIRED=1 $(BIN)/pytest -m e2e tests/e2e $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# The floors of the house (pyproject.toml [tool.importlinter]).
imports: install
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install
	for app in $$(ls -d */locale | cut -d/ -f1 | grep -vx site); do (cd $$app && ../$(BIN)/django-admin makemessages -l tr --no-obsolete --add-location=file); done
	cd site && ../$(BIN)/django-admin makemessages -l tr --no-obsolete --add-location=file -i 'static/*'
	$(BIN)/python manage.py compilemessages --ignore=.venv

# The worker waits out database and Redis outages itself; this loop restarts it should it
# ever exit (Ctrl-C stops both).
worker: install
	@trap 'exit 0' INT TERM; while :; do $(BIN)/python manage.py db_worker; \
	echo "db_worker exited ($$?); restarting in 5 s" >&2; sleep 5; done

bench: install bench-tools
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var node_modules

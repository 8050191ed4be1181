# One task runner for Twinning. Needs only Python 3.11+ and make on the machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEV_STAMP := $(VENV)/.dev-installed-stamp
MANAGE := $(BIN)/python manage.py
LOCALE := src/twinning/locale
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in e-mails and calendar feeds point at the server `make run` starts, unless SITE_URL says.
SITE := SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)}

.PHONY: help install install-dev messages makemessages migrate demo run serve worker test lint format check-contracts unit e2e bench clean

help:
	@echo "make run    install, migrate, load the demo programme and serve on http://$(HOST):$(PORT)"
	@echo "make test   the whole suite: lint, import contracts, unit, integration and browser tests"

# `make run` installs only what the server needs; the test tools come with the first `make test`.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(DEV_STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

# .po files are kept in the repository; .mo files are built here (Babel: no system gettext needed).
messages: install
	@for po in $(LOCALE)/*/LC_MESSAGES/*.po src/twinning/*/locale/*/LC_MESSAGES/*.po; do \
		$(BIN)/pybabel compile -i $$po -o $${po%.po}.mo >/dev/null || exit 1; \
	done

makemessages: install-dev
	cd src/twinning && ../../$(BIN)/django-admin makemessages -l ru -l kk --no-obsolete --ignore=locale --ignore="migrations/*" --settings=twinning.settings --pythonpath=..

migrate: messages
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) load_demo

run: demo
	@mkdir -p var
	@$(SITE) $(MANAGE) db_worker --queue-name '*' > var/worker.log 2>&1 & echo $$! > var/worker.pid
	@echo "Background worker started (log: var/worker.log)."
	$(SITE) $(MANAGE) runserver $(HOST):$(PORT); kill `cat var/worker.pid` 2>/dev/null || true

# The worker of the configured queue: the database's (default) or Redis's (TASKS_QUEUE=rq).
WORKER = $(if $(filter rq,$(TASKS_QUEUE)),$(MANAGE) rqworker default --job-class django_tasks_rq.Job,$(MANAGE) db_worker --queue-name '*')
WEB_WORKERS ?= 3

worker: migrate
	$(WORKER)

# Production server: gunicorn (WEB_WORKERS processes) with the task worker beside it, on whatever
# DATABASE_URL names (SQLite by default, PostgreSQL in production). docs/deploy.md has the rest.
serve: migrate
	$(MANAGE) collectstatic --no-input -v 0
	@$(WORKER) > var/worker.log 2>&1 & echo $$! > var/worker.pid
	@echo "Background worker started (log: var/worker.log)."
	$(BIN)/gunicorn -c python:twinning.gunicorn_conf twinning.wsgi --workers $(WEB_WORKERS) --bind $(HOST):$(PORT) \
		--access-logfile - --forwarded-allow-ips '127.0.0.1' --max-requests 2000 \
		--max-requests-jitter 200; kill `cat var/worker.pid` 2>/dev/null || true

lint: install-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src/twinning/scheduling src/twinning/matching/engine.py src/twinning/film/estimator.py src/twinning/*/services.py src/twinning/*/selectors.py src/twinning/visits/services src/twinning/visits/warnings.py
	$(BIN)/lint-imports

format: install-dev
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

test: install-dev lint messages
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

unit: install-dev messages
	$(BIN)/pytest -m unit $(PYTEST_ARGS)

e2e: install-dev messages
	$(BIN)/pytest -m e2e $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/scheduling.py
	$(BIN)/python bench/matching.py

clean:
	# var/ itself (and its .gitkeep) stays: `make run` writes the worker's log there.
	rm -rf $(VENV) var/* db.sqlite3 .pytest_cache .mypy_cache .ruff_cache

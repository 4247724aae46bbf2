# One command to a running site (`make run`) and one to the whole test suite (`make test`).
# Needs Python 3.11 and Node.js; everything else is installed from the lock files.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
UV_VERSION := 0.13.9
MANAGE := $(PY) manage.py

.PHONY: setup run serve worker test test-fast lint typecheck format migrations-check bench demo superuser clean smoke api-fuzz

# The database that DATABASE_URL names (from the environment or .env; SQLite in var/ when unset).
# The migration stamp is kept per database, so switching DATABASE_URL migrates the new one.
DB_KEY := $(shell url="$${DATABASE_URL:-$$(sed -n 's/^DATABASE_URL=//p' .env 2>/dev/null | tail -n 1)}"; printf '%s' "$${url:-sqlite}" | cksum | cut -d' ' -f1)
DB_READY := var/.db-ready-$(DB_KEY)

$(VENV)/.installed: pyproject.toml uv.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/uv --version 2>/dev/null | grep -q $(UV_VERSION) || $(VENV)/bin/python -m pip install --quiet uv==$(UV_VERSION)
	$(VENV)/bin/uv sync --locked --quiet
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

distrikt/static/vendor/.copied: node_modules/.installed scripts/vendor.mjs
	npm run --silent vendor
	@touch $@

setup: $(VENV)/.installed distrikt/static/vendor/.copied
	@mkdir -p var
	@$(MANAGE) compile_translations

$(DB_READY): $(VENV)/.installed $(wildcard distrikt/*/migrations/*.py)
	@mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	@touch $@

run: setup $(DB_READY)
	$(MANAGE) load_bundled_data --demo
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Production-like: gunicorn with production settings (needs SECRET_KEY, see .env.example).
serve: setup $(DB_READY)
	DJANGO_SETTINGS_MODULE=distrikt.settings.production $(MANAGE) collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=distrikt.settings.production $(VENV)/bin/gunicorn distrikt.wsgi --bind 127.0.0.1:$(PORT) --workers 2

# The task worker for TASKS_BACKEND=database (e-mail, imports, recomputations, enqueued
# scheduled commands). Run one or more next to the app servers, with the same environment.
worker: setup $(DB_READY)
	TASKS_BACKEND=database $(MANAGE) db_worker --queue-name '*'

demo: setup $(DB_READY)
	$(MANAGE) load_bundled_data --demo

superuser: setup $(DB_READY)
	$(MANAGE) createsuperuser

# The suite runs in parallel processes, one per core (TEST_WORKERS=0 runs it in one);
# a module's tests stay in one process, so module-scoped data loads once.
TEST_WORKERS ?= auto
test: setup
	$(VENV)/bin/pytest --create-db -n $(TEST_WORKERS) --dist loadfile

test-fast: setup
	$(VENV)/bin/pytest -m "not browser and not slow"

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(MANAGE) makemigrations --check --dry-run

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Type hints are required in services, importers, API clients, QuerySet methods and template tags.
TYPED := $(wildcard distrikt/*/services.py distrikt/merkur/workflow.py distrikt/merkur/eligibility.py distrikt/merkur/enhetsregisteret.py distrikt/merkur/deadlines.py distrikt/merkur/archive.py distrikt/merkur/grant_statistics.py distrikt/merkur/idporten.py distrikt/*/importers distrikt/*/templatetags distrikt/core/cache.py distrikt/core/derived.py distrikt/core/clientip.py distrikt/core/ratelimit.py distrikt/core/exports.py distrikt/core/health.py distrikt/core/language_share.py distrikt/core/navigation.py distrikt/core/outbox.py distrikt/core/retention.py distrikt/core/home_sections.py distrikt/knowledge/newsletter.py distrikt/knowledge/guide_pdfs.py distrikt/knowledge/guide_pdf_rendering.py)
typecheck: setup
	$(VENV)/bin/mypy $(TYPED)

migrations-check: setup
	$(MANAGE) makemigrations --check --dry-run

bench: setup
	$(PY) bench/run_all.py

smoke:
	bash scripts/smoke_first_run.sh

# schemathesis against a running test server: no server errors, no undocumented answers.
api-fuzz: setup
	bash scripts/api_fuzz.sh

clean:
	rm -rf var/db.sqlite3* var/.db-ready* var/static

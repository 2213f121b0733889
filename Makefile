# Meedoen. The two commands a new machine needs: `make run` and `make test` (see README).
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app meedoen
PYTEST_ARGS ?=
export PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?= /usr/bin/chromium

.PHONY: run test test-only install python node pwa translations chromium i18n lint bench serve worker clean prodlike

run: install
	$(FLASK) db upgrade
	$(FLASK) vapid-keys
	$(FLASK) demo $(if $(DEMO_PASSWORD),--password "$(DEMO_PASSWORD)")
	$(MAKE) --no-print-directory serve

# With REDIS_URL set, background work runs in an RQ worker started beside the web servers.
serve:
	@if [ -n "$$REDIS_URL" ]; then $(FLASK) worker & trap "kill $$! 2>/dev/null" EXIT; fi; \
	$(VENV)/bin/gunicorn --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 \
	  --access-logfile - 'meedoen:create_app()'

test: install chromium test-only

test-only:
	$(VENV)/bin/ruff check backend tests translations
	$(PY) -m pytest $(PYTEST_ARGS)

install: python node translations pwa

python: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

node: node_modules/.installed
node_modules/.installed: package.json $(wildcard package-lock.json)
	if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	touch $@

translations: python
	$(PY) translations/translate.py compile

pwa: node translations
	npm run build

chromium:
	@command -v chromium >/dev/null && fc-list | grep -qi "Noto Sans Ethiopic" || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core)

# nginx (TLS), two gunicorn servers, PostgreSQL, Redis and an RQ worker of its own, and the
# faults (backend/meedoen/ops/README.md); the shared PostgreSQL and Redis are not touched.
prodlike: python translations
	@command -v nginx >/dev/null && command -v redis-server >/dev/null && \
	  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	   nginx redis-server postgresql)
	$(PY) -m tests.ops.prodlike

i18n: python
	$(PY) translations/translate.py extract
	$(PY) translations/translate.py review

lint: python
	$(VENV)/bin/ruff check backend tests translations

bench: install chromium
	@for bench in tests/bench/bench_*.py tests/bench/audit_*.py; do \
	  [ -f "$$bench" ] || continue; echo "== $$bench"; $(PY) "$$bench" || exit 1; done

clean:
	rm -rf $(VENV) node_modules backend/meedoen/static/app

# Parkregie — `make run` sets up and serves everything; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= $(or $(PARKREGIE_PORT),8000)
FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/tsconfig*.json -type f 2>/dev/null)

.PHONY: help install frontend run serve migrate seed openapi lint typecheck test test-backend \
        test-frontend test-e2e bench screenshots clean

help:
	@echo "make run    set up everything (venv, packages, web app, database, demo data) and serve on http://localhost:$(PORT)"
	@echo "make test   install what tests need and run every test (lint, types, contract, backend on SQLite and PostgreSQL, web app, browser)"
	@echo "make bench  run the benchmark (bench/)"
	@echo "make screenshots  take the screenshots of every screen (frontend/test-results/screenshots/)"
	@echo "make openapi  regenerate openapi/openapi.json and the typed web client"

# --- setup ------------------------------------------------------------------------------------

$(BIN)/.installed: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Parkregie needs Python 3.11 or newer (found " + sys.version.split()[0] + "); set PYTHON=python3.12 for example")'
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	@touch $@

install: $(BIN)/.installed

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	@command -v npm >/dev/null || { echo "Parkregie's web app needs Node.js 20 and npm"; exit 1; }
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SOURCES)
	cd frontend && npm run --silent build

frontend: frontend/dist/index.html

migrate: install
	$(BIN)/parkregie migrate

seed: migrate
	$(BIN)/parkregie seed-demo

run: install frontend seed
	PARKREGIE_PORT=$(PORT) $(BIN)/parkregie serve

serve: install
	$(BIN)/parkregie serve

openapi: install frontend/node_modules/.installed
	$(BIN)/parkregie export-openapi
	cd frontend && npm run --silent gen:api

# --- checks and tests -------------------------------------------------------------------------

lint: install
	$(BIN)/ruff check backend tests migrations bench examples
	$(BIN)/ruff format --check backend tests migrations bench examples

typecheck: install
	$(BIN)/mypy

test-frontend: frontend/node_modules/.installed
	cd frontend && npm run --silent check:api
	cd frontend && npm run --silent typecheck
	cd frontend && npm test --silent
	$(MAKE) --no-print-directory frontend && cd frontend && node scripts/check-bundle-size.mjs

test-e2e: install frontend
	@scripts/test-e2e.sh

test-backend: install
	@scripts/test-backend.sh

test: install frontend/node_modules/.installed
	@rm -f .make-skipped
	$(MAKE) --no-print-directory lint typecheck test-frontend test-e2e test-backend
	@scripts/report-skipped.sh

screenshots: install frontend
	cd frontend && PARKREGIE_SCREENSHOTS=all PARKREGIE_CHROMIUM="$${PARKREGIE_CHROMIUM:-/usr/bin/chromium}" npx vitest run --config vitest.e2e.config.ts e2e/screenshots.e2e.ts
	@echo "screenshots: frontend/test-results/screenshots/ (every screen at 390, 1024 and 1366 px)"

bench: install
	@command -v wrk >/dev/null || { test "$$(id -u)" = 0 && echo "installing wrk (Debian) for make bench" && { apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }; } || { echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; }
	$(BIN)/python -m bench.load

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist .pytest_cache .mypy_cache .ruff_cache .make-skipped

# Two entry points: `make demo` (set up, ingest the bundled reports, serve the chat) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
DATA ?= data
PORT ?= 7860
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: setup demo test lint browser-deps server-deps

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[st,llm,dev]'
	touch $@

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else echo "browser tests need: sudo apt-get install -y chromium fonts-noto-cjk"; fi; }

# PostgreSQL's server binaries for the fact-store tests (the tests start their own server on loopback)
server-deps:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; \
	  else echo "store tests need: sudo apt-get install -y postgresql"; fi; }

demo: setup
	$(VENV)/bin/reportqa --data-dir $(DATA) ingest samples
	$(VENV)/bin/reportqa --data-dir $(DATA) serve --port $(PORT)

test: setup browser-deps server-deps
	OMP_WAIT_POLICY=PASSIVE $(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .

# graphreg: two commands do all set-up on a fresh machine (Python 3.11+, Java 17 and Maven,
# or NEO4J_URI pointing at an existing Neo4j 5).
#   make demo   the main job end to end on real division data, into out/
#   make test   the whole test suite (starts its own Neo4j; installs Chromium if missing)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PROVINCE ?= 52
HOUSEHOLDS ?= 100000
SEED ?= 1
OUT ?= out
PYTEST_ARGS ?=

.PHONY: demo test setup browser stop clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(BIN)/graphreg demo --province $(PROVINCE) --households $(HOUSEHOLDS) --seed $(SEED) --out $(OUT)

test: setup browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

browser:
	@bash scripts/ensure-browser

stop:
	-$(BIN)/graphreg server stop

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache

# Kinerja Desktop — every target sets itself up in a local virtual environment (.venv).
#   make run    install, create the demo database once, open the app on it
#   make test   install and run the whole test suite headless
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := demo/kinerja-demo.sqlite

.PHONY: run test demo forms lint bundle installer benchmarks clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,bundle]"
	touch $(STAMP)

$(DEMO_DB): | $(STAMP)
	$(BIN)/kinerja-desktop demo --db $(DEMO_DB)

run: $(STAMP) $(DEMO_DB)
	$(BIN)/kinerja-desktop --db $(DEMO_DB)

demo: $(STAMP)
	$(BIN)/kinerja-desktop demo --db $(DEMO_DB) --force

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

forms: $(STAMP)
	$(BIN)/python -m kinerja_desktop.gui.compile_forms

lint: $(STAMP)
	$(BIN)/ruff check kinerja_desktop tests benchmarks
	$(BIN)/mypy kinerja_desktop/domain kinerja_desktop/services

benchmarks: $(STAMP)
	for script in benchmarks/*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$script || exit 1; done

clean:
	rm -rf build dist .pytest_cache

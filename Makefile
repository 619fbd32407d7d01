# Kinerja Desktop — every target sets itself up in a local virtual environment (.venv).
#   make run    install, create the demo database once, open the app on it
#   make test   install and run the whole test suite headless: every database test on SQLite and on PostgreSQL
#               (a throw-away cluster when Debian's postgresql is installed, else that half is said to be skipped);
#               make test-sqlite runs the SQLite half only
#   make bundle the PyInstaller bundle for this operating system in dist/kinerja-desktop/ (Windows: see
#               README, "Membangun installer Windows"); make selftest-bundle checks it headless
#   make windows the real Windows program and installer, built and smoke-tested under Wine (root, Debian; as CI)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := demo/kinerja-demo.sqlite

.PHONY: run test test-sqlite demo forms lint bundle selftest-bundle installer windows benchmarks clean

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

test-sqlite: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --no-pg

forms: $(STAMP)
	$(BIN)/python -m kinerja_desktop.gui.compile_forms

lint: $(STAMP)
	$(BIN)/ruff check kinerja_desktop tests benchmarks
	$(BIN)/mypy kinerja_desktop/domain kinerja_desktop/services kinerja_desktop/interchange kinerja_desktop/demo

# --- the installable app (packaging/) ---------------------------------------------------------------
DIST := dist/kinerja-desktop
VERSION = $(shell $(BIN)/python packaging/version_info.py --version)
VERSION4 = $(shell $(BIN)/python packaging/version_info.py --numeric)

bundle: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build \
		packaging/kinerja-desktop.spec
	@echo "Bundle: $(DIST)/ ($$(du -sh $(DIST) | cut -f1))"

selftest-bundle:
	QT_QPA_PLATFORM=offscreen $(DIST)/kinerja-desktop self-test

# The real installer is built on Windows (packaging/build-windows.ps1). Here makensis compiles the script
# against this platform's bundle, uncompressed: a check of the script, not an installer to ship.
installer: $(STAMP)
	test -d $(DIST) || $(MAKE) bundle
	cd packaging && makensis -V2 -WX -DFAST -DVERSION=$(VERSION) -DVERSION4=$(VERSION4) \
		-DDIST_DIR=../$(DIST) -DOUT_FILE=../dist/installer-script-check-only.exe installer.nsi
	@echo "Installer script compiled: dist/installer-script-check-only.exe (a check only, not for Windows)"

# The Windows bundle and installer built with a Windows CPython under Wine, their self-tests, silent install and
# uninstall, screenshots: dist/windows/, build/windows-*.png (packaging/windows-under-wine.sh; ≈ 6-8 min).
windows: $(STAMP)
	bash packaging/windows-under-wine.sh

benchmarks: $(STAMP)
	for script in benchmarks/*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$script || exit 1; done

clean:
	rm -rf build dist .pytest_cache

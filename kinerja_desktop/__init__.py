"""Kinerja Desktop: performance agreements (Perjanjian Kinerja) and quarterly SAKIP evaluation, offline."""

import os

__version__ = "0.1.0"
APP_NAME = "Kinerja Desktop"

# openpyxl parses with lxml whenever lxml is installed (python-docx brings it, for the LKjIP), and then not with
# defusedxml, which is what refuses XML bombs in a workbook from outside (interchange/xlsx_file.py). Decided at
# openpyxl's import, so before any: this package is imported first by the app, the CLI and the tests.
os.environ["OPENPYXL_LXML"] = "False"

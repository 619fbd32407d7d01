"""Kinerja Desktop: performance agreements (Perjanjian Kinerja) and quarterly SAKIP evaluation, offline."""

__version__ = "0.1.0"
APP_NAME = "Kinerja Desktop"

"""The Qt user interface.

Importing it changes nothing in Qt for Python: the work-around for the installed release
(:mod:`.qt_fixes`) is applied on purpose by :func:`.app.create_application` and by the test configuration.
"""

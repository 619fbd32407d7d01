"""The main window's screens, one module each (later issues replace them one by one)."""

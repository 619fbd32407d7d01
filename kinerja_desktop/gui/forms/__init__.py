"""Generated from ../../../ui/*.ui by compile_forms; never edit by hand."""

"""Spreadsheet import and export of units, positions, duties and employees (docs/import.md).

`engine.run_import` is the one entry point for every face (CLI, web task); `exporting`
writes the same columns back out, so an export re-imports unchanged.
"""

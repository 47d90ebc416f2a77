"""Downhill Confidence: drills, calculators and the HTML they render.

Pure Python, standard library only: the same code runs at build time (CPython)
and in the reader's browser (Pyodide).
"""

__version__ = "0.1.0"

"""Fuzz harness of stage 1: arbitrary bytes as a file of every kind ingest reads.

The first byte picks the file's name (its extension decides the reader, or sniffing does);
the rest is the file. `read_one` must never raise: every bad input becomes a `Skipped`, and
every article it yields has text, an id and a language. Run through `fuzz/run.py`.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["hadath", "checks"]):
    import checks


if __name__ == "__main__":
    checks.warm_ingest()
    atheris.Setup(sys.argv, checks.ingest_input)
    atheris.Fuzz()

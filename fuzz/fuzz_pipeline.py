"""Fuzz harness of the whole pipeline: arbitrary text through ingest's cleaning
(`build_article`) and every stage (`process`), checking the article invariants.

The first byte chooses the tagger and a publication date; the rest is the article as a text
file would give it. Whether ingest keeps the text or not, the pipeline also reads it raw, as
a library caller may pass it. Run through `fuzz/run.py`.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["hadath", "checks"]):
    import checks


if __name__ == "__main__":
    checks.load_models()
    atheris.Setup(sys.argv, checks.pipeline_input)
    atheris.Fuzz()

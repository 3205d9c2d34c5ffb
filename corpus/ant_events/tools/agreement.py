"""Agreement between two independent codings of the same sentences.

    python corpus/ant_events/tools/agreement.py            # work/ against work/double/

Pairs each `work/double/batch_NNN.coded.jsonl` with `work/batch_NNN.coded.jsonl` and prints
Cohen's kappa for event types (every sentence × type: present or not; and the sentence's first
type, or none, as one category), trigger F1 (same type, overlapping span), span F1 for each
role of the events both coders found (exact and overlapping), and modality kappa.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import HERE, ROLES, TYPES, build_batch, todo_for


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    if not n:
        return 0.0
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[k] * right[k] for k in left) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def compare(first: list[dict], second: list[dict]) -> dict:
    presence, leading, modality = [], [], []
    trig = Counter()
    roles = {r: Counter() for r in ROLES if r != "trigger"}
    for a, b in zip(first, second, strict=True):
        types_a = {e["type"] for e in a["events"]}
        types_b = {e["type"] for e in b["events"]}
        presence.extend((str(t in types_a), str(t in types_b)) for t in sorted(TYPES))
        leading.append((a["events"][0]["type"] if a["events"] else "none",
                        b["events"][0]["type"] if b["events"] else "none"))
        used: set[int] = set()
        for ea in a["events"]:
            hit = next((i for i, eb in enumerate(b["events"]) if i not in used
                        and eb["type"] == ea["type"] and _overlap(ea["trigger"], eb["trigger"])),
                       None)
            if hit is None:
                trig["only_first"] += 1
                continue
            used.add(hit)
            trig["both"] += 1
            eb = b["events"][hit]
            modality.append((ea["modality"], eb["modality"]))
            for role, tally in roles.items():
                ra, rb = ea.get(role), eb.get(role)
                if ra and rb:
                    tally["exact"] += ra["start"] == rb["start"] and ra["end"] == rb["end"]
                    tally["overlap"] += _overlap(ra, rb)
                tally["first"] += bool(ra)
                tally["second"] += bool(rb)
        trig["only_second"] += len(b["events"]) - len(used)
    return {"presence": presence, "leading": leading, "modality": modality, "trig": trig,
            "roles": roles, "sentences": len(first)}


def f1(both: int, first: int, second: int) -> float:
    return 2 * both / (first + second) if first + second else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--second", type=Path, default=HERE / "work" / "double")
    args = parser.parse_args()
    first_rows, second_rows = [], []
    for coded in sorted(args.second.glob("batch_*.coded.jsonl")):
        primary = HERE / "work" / coded.name
        if not primary.exists():
            continue
        todo = todo_for(coded)
        first_rows += build_batch(todo, primary)
        second_rows += build_batch(todo, coded)
    r = compare(first_rows, second_rows)
    t = r["trig"]
    print(f"{r['sentences']} sentences coded twice")
    print(f"type kappa (sentence × type, present or not): {kappa(r['presence']):.3f}")
    print(f"type kappa (first type or none):              {kappa(r['leading']):.3f}")
    print(f"sentences with an event: first {sum(a != 'none' for a, _ in r['leading'])}, "
          f"second {sum(b != 'none' for _, b in r['leading'])}")
    print(f"trigger F1 (same type, overlapping): "
          f"{f1(t['both'], t['both'] + t['only_first'], t['both'] + t['only_second']):.3f} "
          f"({t['both']} both, {t['only_first']} first only, {t['only_second']} second only)")
    print(f"modality kappa on events both found: {kappa(r['modality']):.3f} "
          f"(raw agreement {sum(a == b for a, b in r['modality']) / max(1, len(r['modality'])):.3f})")
    print("role span F1 on events both found:  exact  overlap")
    for role, tally in r["roles"].items():
        print(f"  {role:8} {f1(tally['exact'], tally['first'], tally['second']):.3f}  "
              f"{f1(tally['overlap'], tally['first'], tally['second']):.3f}   "
              f"(first {tally['first']}, second {tally['second']})")


if __name__ == "__main__":
    main()

"""When an event happened: the time expression its clause ties to its trigger.

`assign_times(text, clauses, triggers, times, since)` gives every trigger the time expression
that follows it in its clause (or precedes it, when no trigger comes between), skipping "منذ X"
anchors ("the first time since 2016" does not date the event); `compare_to(value, published)`
says whether a date lies well before or after publication.
"""
from __future__ import annotations

from datetime import date, timedelta

from hadath.events.cues import Cue
from hadath.record import Sentence, TimeExpr
from hadath.text.normalize import normalize_key

# Older than this, an event is background to the report (an attack "last month" recalled in a
# follow-up), not news; a raid "on Friday and Saturday" three days back is still news.
WELL_BEFORE = timedelta(days=7)
_WHEN_OPENERS = ("عندما", "حين", "حينما", "يوم")


def _since_anchor(text: str, time: TimeExpr, since: list[Cue]) -> bool:
    if normalize_key(time.surface).startswith("منذ"):
        return True  # "مسروقة منذ أيام": how long a state has lasted, not when the event was
    return any(c.end <= time.start and not text[c.end:time.start].strip(" عام") for c in since)


def assign_times(text: str, clauses: list[Sentence], triggers: list[Cue],
                 times: list[TimeExpr], since: list[Cue], published: date | None = None
                 ) -> dict[int, TimeExpr]:
    """Trigger start → its time expression, one time per trigger, by clause."""
    owned: dict[int, TimeExpr] = {}
    free: list[TimeExpr] = []
    previous_since: TimeExpr | None = None
    for clause in clauses:
        inside = [t for t in triggers if clause.start <= t.start < clause.end]
        clause_times = [t for t in times if clause.start <= t.start < clause.end]
        opener = text[clause.start:clause.end].lstrip("و ").startswith(_WHEN_OPENERS)
        for time in clause_times:
            if _since_anchor(text, time, since):
                previous_since = time
                continue
            before = [t for t in inside if t.start < time.start]
            owner = before[-1] if before else (inside[0] if inside else None)
            if owner is None:
                free.append(time)
            else:
                owned.setdefault(owner.start, time)
        if opener and previous_since is not None:
            # "منذ مارس 2020، عندما توصلت روسيا وتركيا إلى اتفاق": the anchor dates this clause
            for t in inside:
                owned.setdefault(t.start, previous_since)
    anchored = [t for t in times if not _since_anchor(text, t, since)]
    for t in triggers:
        if t.start in owned:
            continue
        # a day named earlier in the sentence frames what follows ("وفي فبراير خطف ... في
        # هجمات على قرى"); one named after it only if recent: "the offensive that began in
        # late April" or "the trial resumes on 18 October" does not date today's attack. A
        # clause with no act of its own ("، اليوم السبت،") dates them first.
        pool = [x for x in free if x.end <= t.start or compare_to(x.value, published) == "now"]
        earlier = [x for x in anchored if x.end <= t.start]
        later = [x for x in anchored if x.start >= t.end
                 and compare_to(x.value, published) == "now"]
        choice = pool[0] if pool else (earlier[-1] if earlier else (later[0] if later else None))
        if choice is not None:
            owned[t.start] = choice
    return owned


def _bounds(value: str) -> tuple[date, date] | None:
    """First and last day a time value covers ("2016" → 2016-01-01..2016-12-31)."""
    first = value.split("/")[0]
    last = value.split("/")[-1]
    try:
        start = _first_day(first)
        end = _last_day(last)
    except ValueError:
        return None
    return start, end


def _first_day(value: str) -> date:
    parts = [int(p) for p in value[:10].split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> date:
    parts = [int(p) for p in value[:10].split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(parts[0], 12, 31)


def compare_to(value: str, published: date | None) -> str:
    """"past" when `value` ends well before `published`, "future" when it starts after it."""
    bounds = _bounds(value)
    if bounds is None or published is None:
        return "now"
    if bounds[1] < published - WELL_BEFORE:
        return "past"
    if bounds[0] > published:
        return "future"
    return "now"


def split_value(value: str) -> tuple[str, str | None]:
    """(date, date_end) of a time value; an interval "a/b" gives both."""
    if "/" in value:
        first, last = value.split("/", 1)
        return first, last
    return value, None

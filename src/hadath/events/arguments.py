"""Who did it and to whom: actor arguments of a trigger by light syntax over its clause.

`pick_actors(text, trigger, span, mentions, speaker)` returns (actor1, actor2, associates)
from the actor mentions of the clause: "بين X و Y", "من قبل X"/"على يد X", verb–subject and
subject–verb order, "مع/ضد/على X" for the side attacked, "X تلقت ..." for a recipient.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from hadath.claims.lexicon import table
from hadath.claims.sources import words_between
from hadath.countries import alpha3, fill_country
from hadath.events.cues import Cue, find_triggers
from hadath.events.governing import role_of
from hadath.events.places import prayer_name
from hadath.mentions import lookup_actor
from hadath.record import Mention
from hadath.spans import starting_in
from hadath.text.normalize import normalize, normalize_key

ACTOR_LABELS = frozenset({"actor", "person", "org"})
# Speakers whose "it" is themselves: an army announcing "its withdrawal"; a monitor or an
# agency reporting an act is never the one who did it.
_SELF_REPORTING_KINDS = frozenset({"state_forces", "armed_group", "external_forces", "government",
                                   "police", "external_state_forces", "party", "protesters"})
_NOT_ACTORS = frozenset({"media"})
# A ministry reporting a bombing or a killing of civilians is not taken to have done it.
_NEVER_SELF_REPORTED = frozenset({"explosion", "attack_on_civilians", "abduction"})
_STATE_AGENT_KINDS = frozenset({"state_forces", "police", "government", "external_forces",
                                "external_state_forces"})
_SYMMETRIC_TYPES = frozenset({"armed_clash", "agreement", "meeting"})
_NEAR_WORDS = 2  # a subject or possessor sits this close to its trigger
_LONE_CLITICS = frozenset({"ل", "ب", "و", "لل", "بال", "وال"})
_SIDE_REACH = 8  # "اشتباكات عنيفة اندلعت أمس في ريف المدينة مع الحوثيين"
_BETWEEN_WORDS = 4  # "اشتباكات عنيفة اندلعت بين قبيلتي X و Y"


@dataclass(frozen=True, slots=True)
class Actors:
    actor1: Mention | None
    actor2: Mention | None
    associates: tuple[Mention, ...] = ()


def actor_mentions(text: str, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Actors (not outlets) inside [start, end) of `mentions` (sorted by start), in text order; a
    country named where an actor stands ("توصلت روسيا وتركيا إلى اتفاق") is its government."""
    found = []
    for m in starting_in(mentions, start, end):
        if m.end > end:
            continue
        if m.label in ACTOR_LABELS and m.kind not in _NOT_ACTORS and (m.kind or m.canonical):
            found.append(m)
        elif m.label == "place" and m.kind == "country" and not _locative(text, m) \
                and not prayer_name(text, m) and not _topic_label(text, m) \
                and not _genitive_of_act(text, m):
            government = government_of(m)
            if government is not None:
                found.append(government)
    return [m for i, m in enumerate(found) if not _in_title(text, m, found[i + 1:i + 2])]


def _in_title(text: str, m: Mention, following: list[Mention]) -> bool:
    """"القائد العام للجيش الليبي المشير خليفة حفتر": a body named with ل inside the title of
    the person named next is part of the title, not an actor of its own."""
    return (m.kind != "person" and (m.surface[:1] == "ل" or text[m.start - 1:m.start] == "ل")
            and any(n.kind == "person" and words_between(text, m.end, n.start) <= 1
                    for n in following))


# "في فلسطين", "إلى سوريا", "وسط اليمن", "أنحاء العراق", "شمال سوريا": a place, not its state
_LOCATIVE_WORDS = ("في", "فى", "من", "الى", "إلى", "على", "داخل", "عن", "وسط", "أنحاء", "انحاء",
                   "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "أراضي",
                   "اراضي")


def _locative(text: str, m: Mention) -> bool:
    """"في فلسطين", "بسوريا": a country after a preposition is a place, not an actor."""
    before = text[max(0, m.start - 12):m.start]
    if before.endswith(("ب", "بـ")):
        return True
    words = before.split()
    # a whole word: "ضمن" ends in من but is not من
    return bool(words) and (words[-1] in _LOCATIVE_WORDS or (
        words[-1][:1] == "و" and words[-1][1:] in _LOCATIVE_WORDS))


def _genitive_of_act(text: str, m: Mention) -> bool:
    """"هجوم ألمانيا", "تفجيرات العراق": a country right after an act noun is where it happened."""
    before = text[max(0, m.start - 16):m.start]
    words = before.split()
    if not words or not before.endswith(" "):
        return False
    last = words[-1]
    return any(c.pos == "noun" and c.end == len(last) and c.value != "none"
               for c in find_triggers(last))


def _topic_label(text: str, m: Mention) -> bool:
    """"الجزائر : احتجاجات وأعمال شغب": a country before a colon labels the story's place."""
    return text[m.end:m.end + 3].lstrip(" ").startswith(":")


def government_of(place: Mention) -> Mention | None:
    """The government of a country mention, as an actor at the same span."""
    code = alpha3(place.country)
    if code is None:
        return None
    entry = lookup_actor(fill_country("Government of {en}", code))
    if entry is None:
        return None
    return Mention(place.start, place.end, place.surface, "actor", entry.canonical, entry.kind,
                   entry.country, source=place.source, score=place.score)


# Words that open a relative or adverbial clause: a subject before them is not the subject of
# a verb after them ("استعادة الجيش السيطرة على المدينة التي تدخل فيها مجموعات مسلحة").
# ... and مما, which opens what an act led to ("قتل مستوطنون فتى مما أثار موجة احتجاج").
_CLAUSE_OPENERS = re.compile(
    r"(?<!\w)(?:التي|الذي|الذين|اللذين|اللتين|حيث|عندما|بعدما|حين|مما)(?!\w)")


def clause_floor(text: str, start: int, pos: int) -> int:
    """Start of the innermost relative clause that `pos` sits in, within [start, pos)."""
    last = None
    for match in _CLAUSE_OPENERS.finditer(normalize(text[start:pos]).text):
        last = match
    if last is None:
        return start
    norm = normalize(text[start:pos])
    return start + norm.original_span(last.start(), last.end())[1]


_CAUSE_GAP = 1  # "بعد هجوم", "نتيجة وقوع مواجهات"


def cause_floor(text: str, start: int, pos: int, gap: int = _CAUSE_GAP) -> int:
    """"والقوات التونسية في حالة تأهب بعد هجوم الشهر الماضي": the subject before بعد/إثر/جراء
    is not the doer of the act that phrase names; its actors come after the word, which sits at
    most `gap` words before `pos`."""
    roles = table("events", "roles.tsv")
    words = list(re.finditer(r"\w+", text[start:pos]))
    for i in range(len(words) - 1, max(-1, len(words) - 2 - gap), -1):
        key = normalize_key(words[i].group())
        row = roles.get(key) or (roles.get(key[1:]) if key[:1] in "وف" else None)
        if row is not None and row["role"] == "cause_link":
            return start + words[i].end()
    return start


def _role_before(text: str, pos: int, floor: int) -> str | None:
    """The role word right before `pos`, or one noun before it ("مع X", "من قبل X",
    "على مواقع X")."""
    roles = table("events", "roles.tsv")
    words = normalize_key(text[floor:pos]).split()
    if words and words[-1] in _LONE_CLITICS:
        words.pop()  # "على موقع للجيش" where the name starts after its article's ل
    if len(words) >= 2 and words[-1] == "من" and role_of(roles, words[-2]) == "member_noun":
        return "member"  # "مسلحون من جماعة بوكو حرام": the group's own fighters
    for i in (len(words), len(words) - 1):
        for n in (2, 1):
            if i - n >= 0 and " ".join(words[i - n:i]) in roles:
                return roles[" ".join(words[i - n:i])]["role"]
    return None


# A trigger that ends in its preposition ("القبض على") is followed by its object, not its subject.
_OBJECT_PREPOSITIONS = frozenset({"علي", "عن", "ب", "ل", "الي"})


def _subject_after(text: str, trigger: Cue, m: Mention, reach: int) -> bool:
    """Verb–subject order: `m` is the subject of `trigger` ("قصفت الطائرات", "هجوم لداعش",
    "اختطف مسلحون من جماعة بوكو حرام")."""
    if m.kind == "civilians" or trigger.form.split()[-1] in _OBJECT_PREPOSITIONS:
        return False
    if role_of(table("events", "roles.tsv"), trigger.form) == "object_first":
        return False
    if trigger.pos == "noun" and trigger.value in ("arrest", "abduction") and \
            m.kind not in _STATE_AGENT_KINDS and not _opens_clause(text, trigger):
        # "اعتقال رجل مسلح", "اختطاف عمال": the name after is the one held; "اعتقال قوات
        # الاحتلال 480 فلسطينيا" names the force that held them
        return False
    gap = words_between(text, trigger.end, m.start)
    role = _role_before(text, m.start, trigger.end)
    if role == "member":
        return gap <= reach + 2
    return gap <= reach and role is None


def _opens_clause(text: str, trigger: Cue) -> bool:
    """"خطف مسلحون عمالا": a word that opens its sentence or clause (after و) is read as the
    verb it can also be, so the name after it is its subject."""
    before = text[max(0, trigger.start - 3):trigger.start + len(trigger.prefix)]
    lead = before[:len(before) - len(trigger.prefix)].rstrip(" ")
    return not lead or lead[-1] in ".!؟?\n،,:\"" or trigger.prefix in ("و", "ف")


def passive_before(text: str, pos: int) -> bool:
    """"تم قتل", "وجرى اعتقال": an auxiliary right before the act word hides its doer."""
    roles = table("events", "roles.tsv")
    words = normalize_key(text[max(0, pos - 8):pos]).split()
    if not words or not text[:pos].endswith(" "):
        return False
    word = words[-1]
    row = roles.get(word) or (roles.get(word[1:]) if word[:1] == "و" else None)
    return row is not None and row["role"] == "passive_aux"


def _same(a: Mention | None, b: Mention | None) -> bool:
    if a is None or b is None:
        return False
    return (a.canonical or a.surface) == (b.canonical or b.surface)


def _between(text: str, inside: list[Mention], trigger: Cue) -> Actors | None:
    """"اشتباكات بين الجيش والمعارضة": both sides named after بين."""
    after = [m for m in inside if m.start >= trigger.end]
    for i, m in enumerate(after[:-1]):
        if words_between(text, trigger.end, m.start) > _BETWEEN_WORDS:
            break  # "دعا ... بعد وقوع مواجهات بين X و Y": بين belongs to a later word
        if _role_before(text, m.start, trigger.end) == "between":
            other = after[i + 1]
            # "بين الجيش والمعارضة", "بين القوات الأمنية والمتظاهرين": an adjective may
            # follow the first side before و
            words = normalize_key(text[m.end:other.start]).split()
            if words and (words[0].startswith("و") or (len(words) <= _NEAR_WORDS
                                                       and words[-1] == "و")):
                return Actors(m, other)
    return None


def _agent(text: str, inside: list[Mention], trigger: Cue) -> Mention | None:
    """"غارة نفذها الطيران", "لهجوم من قبل 3 زوارق تابعة للحوثيين": the agent phrase."""
    for m in inside:
        if m.start >= trigger.end and _role_before(text, m.start, trigger.end) == "agent_after":
            return m
    return None


_IN_WORDS = frozenset({"في", "خلال"})


def _undergoes(text: str, m: Mention, trigger: Cue) -> bool:
    """"تعرضت فرقاطة سعودية ... لهجوم": the subject of "suffered" is the target."""
    roles = table("events", "roles.tsv")
    words = normalize_key(text[m.end:trigger.start]).split()
    lead = normalize_key(text[max(0, m.start - 12):m.start]).split()[-1:]
    if any(roles.get(w, {}).get("role") == "undergo_subject" for w in words + lead):
        return True
    # "ستة من رجال الجيش قتلوا في هجوم": no object between the verb and في, so it is passive
    return (len(words) >= 2 and words[-1] in _IN_WORDS
            and roles.get(words[-2].lstrip("و"), {}).get("role") == "killed_in")


def light_verb_subject(text: str, inside: list[Mention], start: int, trigger: Cue
                        ) -> Mention | None:
    """"قام الحوثيون الذين يواجهون ... بقصف": the subject of قام/شن/نفذ did the act."""
    roles = table("events", "roles.tsv")
    for verb in re.finditer(r"\w+", text[start:trigger.start]):
        if roles.get(normalize_key(verb.group()).lstrip("و"), {}).get("role") != "agent_verb":
            continue
        end = start + verb.end()
        subject = next((m for m in inside if m.start >= end), None)
        if subject is not None and subject.end <= trigger.start and \
                words_between(text, end, subject.start) <= 1:
            return subject
    return None


def _recipient_first(text: str, trigger: Cue, span_start: int) -> bool:
    words = normalize_key(text[span_start:trigger.start]).split()
    roles = table("events", "roles.tsv")
    return any(roles.get(w, {}).get("role") == "recipient_subject" for w in words[-4:])


def pick_actors(text: str, trigger: Cue, start: int, end: int, mentions: list[Mention],
                speaker: Mention | None) -> Actors:
    """actor1 (who acts), actor2 (the other side) and associates for `trigger` in [start, end)."""
    inside = [m for m in actor_mentions(text, mentions, start, end)
              if speaker is None or m.start != speaker.start]
    both = _between(text, inside, trigger)
    if both is not None:
        return both
    agent = _agent(text, inside, trigger) or light_verb_subject(text, inside, start, trigger)
    floor = max(clause_floor(text, start, trigger.start), cause_floor(text, start, trigger.start))
    # civilians are the victims of violence, never its actor1 (ACLED)
    before = [m for m in inside if floor <= m.start and m.end <= trigger.start
              and m.kind != "civilians"]
    undergone = [m for m in before if _undergoes(text, m, trigger)]
    before = [m for m in before if m not in undergone]
    after = [m for m in inside if m.start >= trigger.end]
    # a name that starts with the trigger says who acted: "هجوما روسيا", "قصف مصري"
    named_by_trigger = [m for m in inside if m.start == trigger.start and m.kind != "civilians"]
    actor1 = agent or (named_by_trigger[0] if named_by_trigger else None)
    # verb–subject order puts the subject right after the verb; with a subject before the verb
    # ("إن السلطات اعتقلت أحد أقارب الرئيس") a name two words on is the object
    reach = 0 if before else _NEAR_WORDS
    if before and trigger.pos == "verb" and trigger.form[:1] in "يت":
        reach = -1  # a present-tense verb after its subject: "نصر الله يهدد إسرائيل"
    if actor1 is None and after and _subject_after(text, trigger, after[0], reach):
        actor1 = after[0]  # verb–subject ("قصفت الطائرات") or possessor ("هجوم لداعش")
    if actor1 is None and before and not passive_before(text, trigger.start):
        # subject–verb: the clause's first actor is its subject ("قوات الأمن قتلت مسلحا
        # واعتقلت 16 آخرين": the police arrested, not the gunman); "مهربون تم توقيفهم"
        # names who was held, not who held them
        actor1 = before[0]
    state = _gentilic_after(text, trigger, end) if trigger.pos == "noun" else None
    if state is not None and (actor1 is None or actor1 in before):
        # "دمشق تلقت تعهدا بتقديم مساعدات عسكرية روسية": Russia gives, Damascus receives
        before = [m for m in before if m is not state]
        actor1 = state
    if (actor1 is None and speaker is not None and speaker.kind in _SELF_REPORTING_KINDS
            and trigger.value not in _NEVER_SELF_REPORTED):
        actor1 = speaker  # the speaker talks of itself: "أعلن الجيش انسحابه"
    victims = [m for m in inside if m.kind == "civilians" and m not in after] + undergone
    others = [m for m in after + before[::-1] + victims if not _same(m, actor1)]
    actor2 = others[0] if others else None
    if state is not None and actor1 is state and before and _recipient_first(text, trigger, start):
        actor2 = before[0]
    elif _recipient_first(text, trigger, start) and actor1 in before and actor2 is not None:
        actor1, actor2 = actor2, actor1
    if actor1 is None and actor2 is not None and trigger.value in _SYMMETRIC_TYPES and (
            actor2.start < trigger.start
            or (_role_before(text, actor2.start, trigger.end) != "target_after"
                and words_between(text, trigger.end, actor2.start) <= _SIDE_REACH)):
        # "اشتباكات مع الحوثيين": a clash has two first sides; "هجوم على موقع للجيش" names
        # only the side attacked, and a name far after the word is in another phrase
        actor1, actor2 = actor2, None
    associates = tuple(m for m in inside if m not in (actor1, actor2) and _allied(text, m, actor1))
    return Actors(actor1, actor2, associates)


def _gentilic_after(text: str, trigger: Cue, end: int) -> Mention | None:
    """A nisba adjective within two words after a noun trigger names the state behind it."""
    gentilics = table("events", "gentilics.tsv")
    for i, word in enumerate(re.finditer(r"\w+", text[trigger.end:end])):
        if i >= _NEAR_WORDS + 1:
            break
        key = normalize_key(word.group())
        row = gentilics.get(key) or (gentilics.get(key[2:]) if key.startswith("ال") else None)
        if row is None and (key in _IN_WORDS or (key[:1] in "بل" and key[1:2] != "ا")
                            or not key.endswith(("ي", "يه", "يا"))):
            # "عملية طعن بجامعة تكساس الأمريكية", "اقتحام السفارة الأمريكية": an adjective
            # after a place or a target describes it; only nisba adjectives ("غارة جوية
            # روسية") may stand between the act and its state
            break
        entry = lookup_actor(row["actor"]) if row else None
        start = trigger.end + word.start()
        if entry is not None and _role_before(text, start, trigger.end) is None:
            # "هجوم على فرقاطة سعودية": after a preposition it names the target, not the actor
            return Mention(start, start + len(word.group()), word.group(), "actor",
                           entry.canonical, entry.kind, entry.country, source="pattern")
    return None


def _allied(text: str, m: Mention, actor1: Mention | None) -> bool:
    """"هيئة تحرير الشام والفصائل المتحالفة معها": a name joined to actor1 by و."""
    if actor1 is None or m.start < actor1.end:
        return False
    return text[actor1.end:m.start].strip() == "و"

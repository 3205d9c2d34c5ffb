"""Claims: who says what in an article, from reporting cues (قال، أعلن، بحسب، نقلا عن، نفى).

`find_claims(article)` reads `article.text`, its sentences and actor mentions and returns one
`Claim` per reporting cue that has a speaker: its content span, the speaker's canonical name,
the outlet it came through ("لرويترز"), and whether the speaker asserts or denies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from hadath.claims.lexicon import matcher
from hadath.claims.sources import Speaker, source_after, source_before, words_between
from hadath.record import Article, Claim, Sentence
from hadath.spans import ByStart
from hadath.text.normalize import normalize, normalize_key
from hadath.text.sentences import split_sentences

# Complementisers that open reported content: "قال إن ..."، "أعلن أنه ..."، "أكد بأن ...".
_COMPLEMENTISERS = frozenset({"ان", "بان", "انه", "انها", "انهم", "بانه", "بانها"})
_BARE_COMPLEMENTISERS = frozenset({"ان", "بان"})
_CONTENT_MARK = re.compile(r"[:\"“«]")
_LOOKAHEAD_WORDS = 4  # how far a complementiser may follow its cue and speaker
_CONTINUE_SENTENCES = 2  # "وأضاف" takes the speaker of a claim at most this many sentences back
# "أكدت تركيا عبر وزير خارجيتها عدم تورطها": a denial opens the content within a few words.
_DENIAL_WORDS = frozenset({"عدم", "نفي"})
_DENIAL_WINDOW = 5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    kind: str  # verb | adverbial | prep
    polarity: str
    continues: bool
    conjoined: bool  # written with و/ف: "وقالت" opens a new coordinated claim


def _cues(text: str) -> list[_Cue]:
    norm = normalize(text)
    cues = []
    for hit in matcher("claims", "cues.tsv").find(norm.text):
        row = hit.row
        if not norm.text[hit.start:hit.end].endswith(row["form"]):
            continue  # "نقلهم" (carried them), "تابعة" (belonging): a suffix makes another word
        start, end = norm.original_span(hit.start, hit.end)
        cues.append(_Cue(start, end, row["kind"], row["polarity"], row["continues"] == "yes",
                         norm.text[hit.start] in "وف" and not row["form"].startswith(("و", "ف"))))
    return cues


def reporting_cue_spans(text: str) -> list[tuple[int, int]]:
    """Where the reporting verbs and phrases of `text` are (original offsets)."""
    return [(cue.start, cue.end) for cue in _cues(text)]


def _opening(text: str, pos: int, limit: int) -> int | None:
    """Start of reported content after `pos`: past إن/أن/: within a few words, else None."""
    cursor = pos
    for i, match in enumerate(_WORD.finditer(text, pos, limit)):
        mark = _CONTENT_MARK.search(text, cursor, match.start())
        if mark:
            return mark.end()
        if i >= _LOOKAHEAD_WORDS:
            return None
        word = normalize_key(match.group())
        if word in _COMPLEMENTISERS:
            # bare "إن"/"أن" are dropped; "أنها ستدافع" keeps its pronoun subject
            return match.end() if word in _BARE_COMPLEMENTISERS else match.start()
        cursor = match.end()
    mark = _CONTENT_MARK.search(text, cursor, limit)
    return mark.end() if mark else None


def _words_before_content(text: str, start: int, end: int | None) -> int:
    """Words between a cue and its content other than إلى/أن ("أشارت إلى أن" has none)."""
    if end is None:
        return 0
    words = normalize_key(text[start:end]).split()
    return sum(1 for w in words if w not in _COMPLEMENTISERS and w != "الي")


def _skip_space(text: str, pos: int, limit: int) -> int:
    while pos < limit and (text[pos].isspace() or text[pos] in "،,:\"“”«»"):
        pos += 1
    return pos


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,.;:\"“”«»"):
        end -= 1
    return end


def _content_end(text: str, cue: _Cue, later: list[_Cue], sentence: Sentence) -> int:
    """Reported content runs to the sentence end, or to the next coordinated or added claim."""
    for other in later:
        if other.kind == "adverbial" or other.conjoined or "،" in text[cue.end:other.start][-3:]:
            return _trim_end(text, cue.end, other.start)
    return _trim_end(text, cue.end, sentence.end)


def _claim_of_prep(text: str, article: Article, cue: _Cue, sentence: Sentence,
                   later: list[_Cue]) -> Claim | None:
    speaker = source_after(text, article.mentions, cue.end, sentence.end)
    if speaker is None:
        return None
    if words_between(text, sentence.start, cue.start) <= 1:
        # "وبحسب المرصد، قتل ..." : the content follows the source.
        start = _skip_space(text, speaker.end, sentence.end)
        end = _content_end(text, cue, later, sentence)
    else:
        # "... قتل 5 أشخاص، بحسب المرصد" : the content precedes it.
        start, end = sentence.start, _trim_end(text, sentence.start, cue.start)
    return _claim(text, cue, speaker, start, end)


def _claim(text: str, cue: _Cue, speaker: Speaker | None, start: int, end: int) -> Claim | None:
    if end <= start:
        return None
    opening_words = normalize_key(text[start:end]).split()[:_DENIAL_WINDOW]
    deny = cue.polarity == "deny" or any(w in _DENIAL_WORDS for w in opening_words)
    return Claim(start=start, end=end,
                 source=speaker.canonical if speaker else None,
                 source_surface=speaker.surface if speaker else None,
                 cue=text[cue.start:cue.end], polarity="deny" if deny else "assert",
                 via=speaker.via if speaker else None, cue_start=cue.start, cue_end=cue.end)


def _relayed(text: str, article: Article, outlet: Speaker, sentence: Sentence) -> Speaker | None:
    """"نقلت وكالة رويترز عن مصادر أمنية": the sources speak, via the agency."""
    if outlet.mention is None or outlet.mention.kind != "media":
        return None
    following = _WORD.search(text, outlet.end, sentence.end)
    if following is None or normalize_key(following.group()) != "عن":
        return None
    source = source_after(text, article.mentions, following.end(), sentence.end)
    if source is None:
        return None
    return Speaker(source.start, source.end, source.surface, source.canonical, source.mention,
                   outlet.canonical)


def _speaker_of(text: str, article: Article, cue: _Cue, sentence: Sentence,
                previous: Speaker | None) -> tuple[Speaker | None, int]:
    """The speaker of a verb cue and where the words after it start."""
    after = source_after(text, article.mentions, cue.end, sentence.end)
    if after is not None:
        relayed = _relayed(text, article, after, sentence)
        if relayed is not None:
            return relayed, relayed.end
        if (previous is not None and after.mention is None and previous.canonical
                and previous.canonical.endswith(after.canonical or "\0")
                and normalize_key(after.surface).startswith("ال")):
            # "وقالت المصادر": the sources named before
            return Speaker(after.start, after.end, after.surface, previous.canonical, None,
                           previous.via), after.end
        return after, after.end
    before = source_before(text, article.mentions, cue.start, sentence.start)
    if before is not None and cue.kind == "verb":
        return before, cue.end
    return previous, cue.end


def _sentence_claims(text: str, article: Article, sentence: Sentence, cues: list[_Cue],
                     previous: Speaker | None) -> tuple[list[Claim], Speaker | None]:
    claims: list[Claim] = []
    for i, cue in enumerate(cues):
        later = cues[i + 1:]
        if cue.kind == "prep":
            claim = _claim_of_prep(text, article, cue, sentence, later)
            if claim is not None:
                claims.append(claim)
            continue
        speaker, pos = _speaker_of(text, article, cue, sentence, previous)
        opening = _opening(text, pos, sentence.end)
        explicit = speaker is not None and speaker is not previous
        if speaker is None or (opening is None and not explicit):
            continue  # "نقل الجرحى" (carried), "تابع" (followed): not reporting here
        if not explicit and cue.kind == "verb" and _words_before_content(text, cue.end, opening) > 0:
            continue  # "نفت حركة حسم أن ...": a subject we cannot name is not the last speaker
        start = _skip_space(text, opening if opening is not None else pos, sentence.end)
        claim = _claim(text, cue, speaker, start, _content_end(text, cue, later, sentence))
        if claim is not None:
            claims.append(claim)
            previous = speaker
    return claims, previous


def find_claims(article: Article) -> list[Claim]:
    """Every attributed statement of the article, in text order."""
    text = article.text
    sentences = article.sentences or split_sentences(text)
    cues = _cues(text)
    claims: list[Claim] = []
    previous: Speaker | None = None
    since_previous = 0
    by_start = ByStart(cues)
    for sentence in sentences:
        inside = by_start.starting_in(sentence.start, sentence.end)
        found, speaker = _sentence_claims(text, article, sentence, inside,
                                          previous if since_previous <= _CONTINUE_SENTENCES else None)
        claims.extend(found)
        if found:
            previous, since_previous = speaker, 0
        else:
            since_previous += 1
    return claims

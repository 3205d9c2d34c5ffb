"""The token features the learned event models read, the same at training and at run time.

`sentence_tokens(article, layers, start, end)` returns the sentence's tokens (clitics split) and,
for each, the string features of its word (form, stem, clitics, word clusters), its neighbours
and the layers earlier stages put on it: actor, place and person mentions with their kinds,
times, numbers, the events lexicons' cues (trigger types, figure words, modality cues) and
reporting cues. Role features add where a token stands relative to the event's trigger.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from hadath.events.cues import ArticleCues, Cue
from hadath.ner.caches import WORD_CACHE
from hadath.ner.clusters import word_clusters
from hadath.record import Article
from hadath.text.tokens import Token, tokenize

_WINDOW = 2
_DISTANCE_BUCKETS = (1, 2, 3, 5, 8, 13)
_CANDIDATE_TAGS = ("cue=", "fig=", "mod=", "say:", "rule=")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    tag: str  # the feature it gives every token it covers


@dataclass(frozen=True, slots=True)
class Reading:
    """The rule-based reading of one trigger: its characters, event type and modality."""

    start: int
    end: int
    type: str
    modality: str


class ArticleLayers:
    """The spans of an article's layers, sorted, for overlap lookups by offset."""

    def __init__(self, article: Article, cues: ArticleCues,
                 readings: list[Reading] | None = None) -> None:
        spans = [Span(m.start, m.end, f"m={m.label}:{m.kind or ''}") for m in article.mentions]
        spans += [Span(m.start, m.end, f"src={m.source}") for m in article.mentions
                  if m.source == "tagger"]
        spans += [Span(t.start, t.end, f"time:p{t.precision}") for t in article.times]
        spans += [Span(n.start, n.end, "num" + (":min" if n.min else "")) for n in article.numbers]
        spans += _cue_spans(cues.triggers, "cue")
        spans += _cue_spans(cues.figures, "fig")
        spans += _cue_spans(cues.modality, "mod")
        spans += _cue_spans(cues.victims, "victim")
        spans += _cue_spans(cues.manner, "manner")
        for r in readings or ():
            spans.append(Span(r.start, r.end, f"rule={r.type}"))
            spans.append(Span(r.start, r.end, f"rulemod={r.modality}"))
        for claim in article.claims:
            if claim.cue_start is not None and claim.cue_end is not None:
                spans.append(Span(claim.cue_start, claim.cue_end, f"say:{claim.polarity}"))
        self.spans = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in self.spans]
        self.longest = max((s.end - s.start for s in spans), default=0)

    def any_cue(self, start: int, end: int) -> bool:
        """Whether a lexicon cue (trigger, figure, modality) or a reporting verb lies in
        [start, end): the candidates the models decide on."""
        lo = bisect_left(self._starts, start)
        return any(span.tag.startswith(_CANDIDATE_TAGS)
                   for span in self.spans[lo:bisect_left(self._starts, end)])

    def tags(self, start: int, end: int) -> list[str]:
        """The tags of every span overlapping [start, end), with B/I for where it begins."""
        out = []
        for i in range(bisect_left(self._starts, start - self.longest),
                       bisect_left(self._starts, end)):
            span = self.spans[i]
            if span.end > start:
                out.append(("B" if span.start >= start else "I") + span.tag)
        return out


def _cue_spans(cues: list[Cue], name: str) -> list[Span]:
    return [Span(c.start, c.end, f"{name}={c.value}" + (f":{c.strength}" if c.strength else ""))
            for c in cues]


def word_tokens(text: str, start: int, end: int) -> list[Token]:
    """The words and numbers of the sentence text[start:end], offsets into the article text.
    Only the sentences the models are asked about are tokenised; their tokens are those of the
    whole article (sentences end at spaces or punctuation, and normalisation is per character)."""
    return [Token(t.start + start, t.end + start, t.text, t.norm, t.prefixes, t.stem, t.suffix,
                  t.stem_start + start, t.stem_end + start)
            for t in tokenize(text[start:end]) if t.is_word]


def _own(token: Token) -> list[str]:
    return list(_word_features(token.norm, token.stem, token.prefixes, token.suffix is not None))


@lru_cache(maxsize=WORD_CACHE)  # bounded: a crawl brings new words without end
def _word_features(norm: str, stem: str, prefixes: tuple[str, ...], suffix: bool
                   ) -> tuple[str, ...]:
    feats = ["w=" + norm, "s=" + stem]
    if prefixes:
        feats.append("p=" + "+".join(prefixes))
        if prefixes[-1] == "س":
            feats.append("future")
    if suffix:
        feats.append("suf")
    if norm[:1].isdigit():
        feats.append("digit")
    elif not ("\u0621" <= norm[:1] <= "\u064a"):
        feats.append("latin")
    clusters = word_clusters().get(norm) or word_clusters().get(stem)
    if clusters:
        feats.extend(f"c{i}={c}" for i, c in enumerate(clusters))
    if len(stem) > 3:
        feats.append("s3=" + stem[:3])
        feats.append("e3=" + stem[-3:])
    return tuple(feats)


def sentence_features(tokens: list[Token], layers: ArticleLayers, sentence_start: int,
                      headline: bool) -> list[list[str]]:
    """Per token: its own features, its layers, and its neighbours' stems and layers."""
    own = [_own(t) for t in tokens]
    tags = [layers.tags(t.start, t.end) for t in tokens]
    stems = [t.stem for t in tokens]
    out = []
    for i, _ in enumerate(tokens):
        feats = own[i] + tags[i]
        for d in range(1, _WINDOW + 1):
            for j, side in ((i - d, "-"), (i + d, "+")):
                if 0 <= j < len(tokens):
                    feats.append(f"{side}{d}s={stems[j]}")
                    if d == 1:
                        feats.extend(f"{side}1{t[1:]}" for t in tags[j])
                else:
                    feats.append(f"{side}{d}=edge")
        if i:
            feats.append(f"bi={stems[i - 1]}_{stems[i]}")
        if headline:
            feats.append("headline")
        if i == 0:
            feats.append("first")
        out.append(feats)
    return out


def role_features(base: list[list[str]], trigger: tuple[int, int], event_type: str) -> list[list[str]]:
    """`base` features plus where each token stands relative to the trigger tokens [a, b)."""
    a, b = trigger
    out = []
    for i, feats in enumerate(base):
        if a <= i < b:
            where, dist = "in", 0
        elif i < a:
            where, dist = "before", a - i
        else:
            where, dist = "after", i - b + 1
        bucket = next((str(x) for x in _DISTANCE_BUCKETS if dist <= x), "far")
        extra = [f"rel={where}", f"rel={where}:{bucket}", f"type={event_type}",
                 f"type={event_type}:{where}"]
        out.append(feats + extra + [f"{where}|{f}" for f in feats[:2]])
    return out


def token_range(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """The tokens a character span covers, as [first, last + 1), or None."""
    covered = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
    return (covered[0], covered[-1] + 1) if covered else None

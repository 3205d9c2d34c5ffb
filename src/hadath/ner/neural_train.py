"""Training the neural tagger with PyTorch (needed at training time only).

The network: each word is its vector (learned from unlabelled news, `cluster_build.word_vectors`,
then tuned), the vector of its stem, a character CNN over its normalised letters and small
embeddings of its shape, clitics, corpus and gazetteer memberships; a BiLSTM reads the sentence
and a CRF scores label sequences (Lample et al. 2016; Ma & Hovy 2016). The corpus input plays
the part feature augmentation plays in the CRF: the pooled corpora keep their conventions apart
and tagging asks for ANERcorp's. `train_default_neural` adds a round of self-training on ANT
news sentences (`silver_sentences`). Measurements behind the defaults: `data/ner/README.md`.
"""
from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from hadath.ner.cluster_build import word_vectors
from hadath.ner.context import ContextEncoder
from hadath.ner.corpora import (
    LABELS,
    TaggedSentence,
    hold_out_tenth,
    news_texts,
    training_corpora,
)
from hadath.ner.document import Consistency
from hadath.ner.gazetteers import available_gazetteers
from hadath.ner.model import (
    CONTEXT_FILE,
    CONTEXT_NETWORK_FILE,
    CONTEXT_NETWORK_META_FILE,
    NETWORK_FILE,
    NETWORK_META_FILE,
    NerModel,
)
from hadath.ner.neural import (
    PAD,
    UNKNOWN,
    ContextHead,
    Encoder,
    LstmDirection,
    NeuralWeights,
    feature_sizes,
    word_key,
)
from hadath.ner.scoring import score
from hadath.ner.train import LICENCES
from hadath.ner.words import word_strings
from hadath.text.sentences import split_sentences

TARGET = "anercorp_train"  # the corpus whose conventions tagging follows
SILVER = "ant_silver"
SILVER_NOTE = ("sentences of the ANT Corpus v1.1 (Apache-2.0) labelled by the first-round "
               "tagger (self-training)")

LABEL_NAMES = ("O", *(f"{p}-{k}" for k in LABELS for p in ("B", "I")))


@dataclass(frozen=True)
class NeuralParams:
    word_dims: int = 100
    char_dims: int = 32
    char_filters: int = 64
    feature_dims: int = 8
    hidden: int = 128
    dropout: float = 0.5
    word_dropout: float = 0.25  # a known word is shown as unknown now and then
    epochs: int = 8
    batch: int = 16
    learning_rate: float = 1e-3
    min_word_count: int = 2  # training words kept beside the pretrained vocabulary
    freeze_words: bool = False  # keep the pretrained word vectors as learned from news
    vector_min_count: int = 3  # how often a word must occur in the news to get a vector
    vector_vocab: int = 60_000
    context_layers: tuple[int, ...] = ()  # layers of the pretrained encoder read (none: fast)
    context_dims: int = 128
    context_window: int = 0  # pieces of neighbouring sentences the encoder reads together
    seed: int = 13


class Tagger(nn.Module):
    def __init__(self, encoder: Encoder, params: NeuralParams, vectors: np.ndarray | None,
                 context_width: int = 0):
        super().__init__()
        self.words = nn.Embedding(len(encoder.words), params.word_dims, padding_idx=PAD)
        if vectors is not None:
            with torch.no_grad():
                self.words.weight[: len(vectors)] = torch.from_numpy(vectors)
        self.words.weight.requires_grad = not params.freeze_words
        self.chars = nn.Embedding(len(encoder.chars), params.char_dims, padding_idx=PAD)
        self.conv = nn.Conv1d(params.char_dims, params.char_filters, 3, padding=1)
        self.features = nn.ModuleList(nn.Embedding(size, params.feature_dims)
                                      for size in feature_sizes(encoder))
        width = 2 * params.word_dims + params.char_filters + params.feature_dims * len(
            self.features)
        self.context: nn.Linear | None = None
        if params.context_layers:
            self.mix = nn.Parameter(torch.zeros(len(params.context_layers)))
            self.context = nn.Linear(context_width, params.context_dims)
            width += params.context_dims
        self.dropout = nn.Dropout(params.dropout)
        self.lstm = nn.LSTM(width, params.hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * params.hidden, len(LABEL_NAMES))
        n = len(LABEL_NAMES)
        self.transitions = nn.Parameter(torch.zeros(n, n))
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))

    def char_vectors(self, chars: torch.Tensor) -> torch.Tensor:
        """Word types × max characters → word types × filters (max over positions)."""
        hidden = self.conv(self.chars(chars).transpose(1, 2))
        hidden = hidden.masked_fill((chars == PAD).unsqueeze(1), -1e4)
        return hidden.max(dim=2).values

    def emissions(self, ids: torch.Tensor, chars: torch.Tensor, char_index: torch.Tensor,
                  features: torch.Tensor, lengths: torch.Tensor,
                  context: torch.Tensor | None = None) -> torch.Tensor:
        words = self.words(ids).flatten(2)  # word and stem vectors side by side
        spelled = self.char_vectors(chars)[char_index]
        extra = [table(features[..., k]) for k, table in enumerate(self.features)]
        if self.context is not None:
            assert context is not None  # sentences × words × layers × encoder width
            mixed = torch.einsum("bwlh,l->bwh", context, torch.softmax(self.mix, 0))
            extra.append(torch.relu(self.context(mixed)))
        inputs = self.dropout(torch.cat([words, spelled, *extra], dim=-1))
        packed = nn.utils.rnn.pack_padded_sequence(inputs, lengths, batch_first=True,
                                                   enforce_sorted=False)
        hidden, _ = self.lstm(packed)
        hidden, _ = nn.utils.rnn.pad_packed_sequence(hidden, batch_first=True,
                                                     total_length=ids.shape[1])
        return self.out(self.dropout(hidden))

    def loss(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor
             ) -> torch.Tensor:
        """The CRF's negative log-likelihood of the gold label paths, summed over the batch."""
        steps = emissions.shape[1]
        gold = self.start[tags[:, 0]] + emissions[:, 0].gather(1, tags[:, :1]).squeeze(1)
        alpha = self.start + emissions[:, 0]
        for t in range(1, steps):
            on = mask[:, t]
            step = self.transitions[tags[:, t - 1], tags[:, t]] + emissions[:, t].gather(
                1, tags[:, t: t + 1]).squeeze(1)
            gold = gold + step * on
            following = torch.logsumexp(alpha.unsqueeze(2) + self.transitions
                                        + emissions[:, t].unsqueeze(1), dim=1)
            alpha = torch.where(on.unsqueeze(1), following, alpha)
        last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        gold = gold + self.end[last]
        return (torch.logsumexp(alpha + self.end, dim=1) - gold).sum()


@dataclass
class Batch:
    ids: torch.Tensor  # sentences × words × 2 (word, stem)
    chars: torch.Tensor  # word types × characters
    char_index: torch.Tensor  # sentences × words → row of `chars`
    features: torch.Tensor  # sentences × words × feature columns
    lengths: torch.Tensor
    mask: torch.Tensor
    tags: torch.Tensor
    context: torch.Tensor | None = None  # sentences × words × layers × encoder width


def build_encoder(corpora: dict[str, list[TaggedSentence]], vocab: list[str],
                  gazetteers: tuple[str, ...], target_domain: str,
                  min_word_count: int) -> Encoder:
    """The pretrained vocabulary first (rows line up with its vectors), then training words."""
    counts: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    prefixes: Counter[str] = Counter()
    for corpus in corpora.values():
        for sentence in corpus:
            for word, _ in sentence:
                norm, prefix, _, _ = word_key(word)
                counts[norm] += 1
                chars.update(norm)
                prefixes[prefix] += 1
    words = ["<pad>", "<unk>", *vocab]
    known = set(words)
    words += [w for w, n in counts.most_common() if n >= min_word_count and w not in known]
    return Encoder({w: i for i, w in enumerate(words)},
                   {c: i for i, c in enumerate(["<pad>", "<unk>",
                                                *(c for c, n in chars.most_common() if n >= 2)])},
                   {p: i for i, p in enumerate(["<pad>", "<unk>", *sorted(prefixes)])},
                   tuple(corpora), gazetteers, target_domain)


# word and stem ids, normalised words, categorical features, label ids, contextual vectors
Encoded = tuple[np.ndarray, list[str], np.ndarray, np.ndarray, np.ndarray | None]


def encode_corpora(encoder: Encoder, corpora: dict[str, list[TaggedSentence]],
                   context: ContextEncoder | None = None, layers: tuple[int, ...] = (),
                   pack: int = 0) -> list[Encoded]:
    """Every sentence's inputs and labels; with `context`, also its words' vectors at
    `layers` of that encoder (consecutive sentences packed in windows of `pack` pieces, as
    a document's are when tagging)."""
    label_ids = {name: i for i, name in enumerate(LABEL_NAMES)}
    out: list[Encoded] = []
    for name, corpus in corpora.items():
        vectors: list[np.ndarray | None] = [None] * len(corpus)
        if context is not None and layers:
            vectors = list(context.word_vectors([[w for w, _ in s] for s in corpus], layers,
                                                pack=pack))
        for sentence, vector in zip(corpus, vectors):
            ids, norms, features = encoder.encode([w for w, _ in sentence], name)
            out.append((ids, norms, features,
                        np.array([label_ids[label] for _, label in sentence], dtype=np.int64),
                        vector))
    return out


def make_batch(encoder: Encoder, items: list[Encoded], word_dropout: float = 0.0,
               rng: random.Random | None = None) -> Batch:
    longest = max(len(item[1]) for item in items)
    n = len(items)
    ids = np.zeros((n, longest, 2), dtype=np.int64)
    features = np.zeros((n, longest, items[0][2].shape[1]), dtype=np.int64)
    tags = np.zeros((n, longest), dtype=np.int64)
    char_index = np.zeros((n, longest), dtype=np.int64)
    types: dict[str, int] = {"": 0}
    for k, (word_ids, norms, feats, labels, _) in enumerate(items):
        m = len(norms)
        ids[k, :m] = word_ids
        features[k, :m] = feats
        tags[k, :m] = labels
        for i, norm in enumerate(norms):
            char_index[k, i] = types.setdefault(norm, len(types))
    if word_dropout and rng is not None:
        drop = np.array([[rng.random() < word_dropout for _ in range(longest)]
                         for _ in range(n)])
        ids[..., 0][drop & (ids[..., 0] > UNKNOWN)] = UNKNOWN
    spelled = [encoder.char_ids(norm) for norm in types]  # in row order
    chars = np.zeros((len(types), max(map(len, spelled)) or 1), dtype=np.int64)
    for row, ids_of_word in enumerate(spelled):
        chars[row, : len(ids_of_word)] = ids_of_word
    lengths = torch.tensor([len(item[1]) for item in items])
    mask = torch.arange(longest).unsqueeze(0) < lengths.unsqueeze(1)
    context = None
    if items[0][4] is not None:
        shape = items[0][4].shape[1:]
        stacked = np.zeros((n, longest, *shape), dtype=np.float32)
        for k, item in enumerate(items):
            stacked[k, : len(item[1])] = item[4]
        context = torch.from_numpy(stacked)
    return Batch(torch.from_numpy(ids), torch.from_numpy(chars), torch.from_numpy(char_index),
                 torch.from_numpy(features), lengths, mask, torch.from_numpy(tags), context)


def _batches(items: list[Encoded], size: int, rng: random.Random) -> Iterator[list[Encoded]]:
    order = sorted(range(len(items)), key=lambda k: (len(items[k][1]), rng.random()))
    groups = [order[i: i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    for group in groups:
        yield [items[k] for k in group]


def train_network(encoder: Encoder, train: list[Encoded], vectors: np.ndarray | None,
                  params: NeuralParams,
                  evaluate: Callable[[Tagger], float] | None = None,
                  log: Callable[[str], None] = print) -> Tagger:
    """Train with Adam; with `evaluate` (a held-out F1), keep the best epoch's weights."""
    torch.manual_seed(params.seed)
    rng = random.Random(params.seed)
    context = train[0][4]
    model = Tagger(encoder, params, vectors, 0 if context is None else context.shape[-1])
    optimiser = torch.optim.Adam([p for p in model.parameters() if p.requires_grad],
                                 lr=params.learning_rate)
    best, best_state = -1.0, None
    for epoch in range(params.epochs):
        model.train()
        started, total = time.monotonic(), 0.0
        for items in _batches(train, params.batch, rng):
            batch = make_batch(encoder, items, params.word_dropout, rng)
            optimiser.zero_grad()
            emissions = model.emissions(batch.ids, batch.chars, batch.char_index,
                                        batch.features, batch.lengths, batch.context)
            loss = model.loss(emissions, batch.tags, batch.mask)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            total += float(loss.detach())
        line = f"epoch {epoch + 1}: loss {total:.0f} ({time.monotonic() - started:.0f} s)"
        if evaluate is not None:
            model.eval()
            score = evaluate(model)
            line += f", held-out F1 {score:.1f}"
            if score > best:
                best = score
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        log(line)
    if best_state is not None:
        model.load_state_dict(best_state)
    model.eval()
    return model


def export(model: Tagger, encoder: Encoder, context: ContextEncoder | None = None,
           layers: tuple[int, ...] = (), pack: int = 0) -> NeuralWeights:
    """The trained network's weights as numpy arrays, laid out for `NeuralWeights`."""
    state = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    head = None
    if model.context is not None:
        assert context is not None
        head = ContextHead(context, layers, np.exp(state["mix"]) / np.exp(state["mix"]).sum(),
                           np.ascontiguousarray(state["context.weight"].T),
                           state["context.bias"], pack)
    conv = state["conv.weight"]  # filters × char dims × width

    def direction(suffix: str) -> LstmDirection:
        return LstmDirection(np.ascontiguousarray(state[f"lstm.weight_ih_l0{suffix}"].T),
                          state[f"lstm.bias_ih_l0{suffix}"] + state[f"lstm.bias_hh_l0{suffix}"],
                          np.ascontiguousarray(state[f"lstm.weight_hh_l0{suffix}"].T))

    return NeuralWeights(
        encoder, LABEL_NAMES, state["words.weight"], state["chars.weight"],
        np.ascontiguousarray(conv.transpose(2, 1, 0).reshape(-1, conv.shape[0])),
        state["conv.bias"], tuple(state[f"features.{k}.weight"]
                                  for k in range(len(model.features))),
        direction(""), direction("_reverse"), np.ascontiguousarray(state["out.weight"].T),
        state["out.bias"], state["transitions"], state["start"], state["end"], head)


def train_default_neural(data_dir: Path, out_dir: Path, params: NeuralParams = NeuralParams(),
                         held_out: bool = False, log: Callable[[str], None] = print,
                         silver: int = 0, labeller: Callable[[], NerModel] | None = None
                         ) -> dict[str, Any]:
    """Train the shipped neural tagger from the public data in `data_dir` and save it.

    Word vectors come from the ANT news and the training gold's own text. With `silver` and
    a `labeller` (the models in `out_dir` once this network is saved there), a first round
    trains on the gold alone, the labeller then labels up to `silver` ANT sentences
    (`silver_sentences`) and a second round trains on gold and silver (self-training).
    With `held_out`, the last tenth of ANERcorp train is kept out and scored after every
    epoch (the best epoch is kept); without it every sentence trains for `params.epochs`
    epochs. (A labeller that was trained on the held-out tenth, such as the shipped CRF,
    leaks it into the silver sentences: hold it out there too for an honest score.) Never
    trains on the ANERcorp test split.
    """
    corpora = training_corpora(data_dir)
    context = ContextEncoder.load(out_dir / CONTEXT_FILE) if params.context_layers else None
    dev: list[TaggedSentence] = []
    if held_out:
        corpora, dev = hold_out_tenth(corpora)
    news = list(news_texts(data_dir))  # read once: word vectors, then silver sentences
    texts = news + [" ".join(word for word, _ in sentence)
                    for corpus in corpora.values() for sentence in corpus]
    if silver and labeller is not None:
        log("first round, on the gold alone")
        train_neural(corpora, texts, out_dir, params, dev, log, context)
        shuffled = list(news)
        random.Random(params.seed).shuffle(shuffled)
        corpora[SILVER] = silver_sentences(shuffled, labeller(), limit=silver)
        log(f"second round, with {len(corpora[SILVER])} silver sentences")
    meta = train_neural(corpora, texts, out_dir, params, dev, log, context)
    meta["corpora"] = {name: {"sentences": len(c), "tokens": sum(len(s) for s in c),
                              "licence": LICENCES.get(name, SILVER_NOTE)}
                       for name, c in corpora.items()}
    (out_dir / _files(params)[1]).write_text(json.dumps(meta, ensure_ascii=False, indent=1)
                                             + "\n", encoding="utf-8")
    return meta


def _files(params: NeuralParams) -> tuple[str, str]:
    """Where a network is saved: the accurate one (reading the encoder) beside the fast one."""
    if params.context_layers:
        return CONTEXT_NETWORK_FILE, CONTEXT_NETWORK_META_FILE
    return NETWORK_FILE, NETWORK_META_FILE


def train_neural(corpora: dict[str, list[TaggedSentence]], texts: Iterable[str], out_dir: Path,
                 params: NeuralParams = NeuralParams(), dev: list[TaggedSentence] | None = None,
                 log: Callable[[str], None] = print, context: ContextEncoder | None = None
                 ) -> dict[str, Any]:
    """Learn word vectors from `texts`, train on `corpora` (tagging follows the first one's
    conventions) and save the model in `out_dir`; with `dev`, keep the best epoch on it.
    With `params.context_layers`, the network also reads those layers of `context`."""
    if params.context_layers and context is None:
        raise ValueError("a network reading contextual vectors needs their encoder")
    started = time.monotonic()
    vocab, vectors = word_vectors(texts, min_count=params.vector_min_count,
                                  max_vocab=params.vector_vocab, dims=params.word_dims)
    log(f"word vectors: {len(vocab)} words")
    encoder = build_encoder(corpora, vocab, available_gazetteers(), next(iter(corpora)),
                            params.min_word_count)
    # rows 0 and 1 are padding and unknown; a small corpus may give fewer dimensions
    padded = np.zeros((len(vocab) + 2, params.word_dims), dtype=np.float32)
    padded[2:, : vectors.shape[1]] = vectors

    def evaluate(model: Tagger) -> float:
        assert dev
        predicted = NerModel(export(model, encoder, context, params.context_layers,
                                    params.context_window),
                             {}).tag_document([[w for w, _ in s] for s in dev])
        return 100 * score([[label for _, label in s] for s in dev], predicted)[-1].f1

    encoded = encode_corpora(encoder, corpora, context, params.context_layers,
                             params.context_window)
    log(f"inputs of {len(encoded)} sentences ({time.monotonic() - started:.0f} s)")
    model = train_network(encoder, encoded, padded, params, evaluate if dev else None, log)
    out_dir.mkdir(parents=True, exist_ok=True)
    network_file, meta_file = _files(params)
    export(model, encoder, context, params.context_layers, params.context_window).save(
        out_dir / network_file)
    meta: dict[str, Any] = {
        "kind": "neural",
        "model": "BiLSTM-CRF over word vectors, a character CNN and gazetteer memberships"
                 + (f", and layers {list(params.context_layers)} of a pretrained encoder"
                    f" ({context.meta['source']})" if context is not None and
                    params.context_layers else "")
                 + "; trained with PyTorch, run in numpy",
        "params": asdict(params), "held_out_sentences": len(dev or []),
        "sentences": sum(len(c) for c in corpora.values()),
        "tokens": sum(len(s) for c in corpora.values() for s in c),
        "vocabulary": len(encoder.words),
        "word_vectors": "PPMI-SVD of the ANT news (Apache-2.0) and the training gold's text",
        "consistency": asdict(Consistency()),
        "train_seconds": round(time.monotonic() - started, 1),
    }
    (out_dir / meta_file).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")
    return meta


def silver_sentences(texts: Iterable[str], model: NerModel, *, min_probability: float = 0.9,
                     limit: int = 6000, min_words: int = 6, max_words: int = 60
                     ) -> list[TaggedSentence]:
    """Sentences of unlabelled news labelled by `model` (self-training): only those with a
    name and every name sure to `min_probability`, at most `limit` of them."""
    found: list[TaggedSentence] = []
    for text in texts:
        sentences = [words for s in split_sentences(text)
                     if min_words <= len(words := word_strings(text[s.start: s.end])) <= max_words]
        for words, entities in zip(sentences, model.tag_document_entities(sentences)):
            if entities and all(p >= min_probability for *_, p in entities):
                labels = ["O"] * len(words)
                for kind, first, last, _ in entities:
                    labels[first: last] = [f"B-{kind}"] + [f"I-{kind}"] * (last - first - 1)
                found.append(list(zip(words, labels)))
                if len(found) >= limit:
                    return found
    return found

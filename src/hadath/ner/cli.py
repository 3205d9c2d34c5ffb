"""Commands of the NER stage: `hadath ner tag FILE.conll`, `hadath train ner` and
`hadath build ner-clusters`. Thin shells over `hadath.ner`."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from hadath.cli_output import fail
from hadath.ner.clusters import clusters_path
from hadath.ner.conll import read_conll_file
from hadath.ner.corpora import default_data_dir, news_texts
from hadath.ner.model import load_model, model_dir
from hadath.ner.train import CrfParams, train_default

ner_app = typer.Typer(no_args_is_help=True, help="The statistical named-entity tagger.")




_ModelDir = Annotated[Path | None, typer.Option(help="model folder (default: the packaged one)")]
_DataDir = Annotated[Path | None, typer.Option(help="the public data folder (../shared/data)")]


def tag_conll(path: Annotated[Path, typer.Argument(help="`token label` lines, blank between "
                                                        "sentences")],
              model: _ModelDir = None) -> None:
    """Print `token<TAB>gold<TAB>predicted` for every token, blank line between sentences."""
    try:
        sentences = read_conll_file(path)
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {path}: {exc}")
    tagger = load_model(model)
    predictions = tagger.tag_document([[token for token, _ in s] for s in sentences])
    out: list[str] = []
    for sentence, predicted in zip(sentences, predictions, strict=True):
        out += [f"{token}\t{gold}\t{label}" for (token, gold), label in zip(sentence, predicted)]
        out.append("")
    typer.echo("\n".join(out), nl=False)


class Kind(str, Enum):
    both = "both"
    neural = "neural"
    crf = "crf"


def train_ner(data: _DataDir = None, out: _ModelDir = None,
              kind: Annotated[Kind, typer.Option(
                  help="which of the two summed models to (re)train: the feature CRF, the "
                       "BiLSTM-CRF (needs PyTorch: pip install 'hadath[build]') or both")
              ] = Kind.both,
              epochs: Annotated[int | None, typer.Option(help="BiLSTM-CRF: epochs")] = None,
              held_out: Annotated[bool, typer.Option(
                  help="BiLSTM-CRF: keep the last tenth of ANERcorp train out, score it "
                       "every epoch and keep the best epoch")] = False,
              silver: Annotated[int, typer.Option(
                  help="BiLSTM-CRF: self-training: ANT sentences the first round's pair of "
                       "models labels for a second round (0: gold only)")] = 5_000,
              max_iterations: Annotated[int, typer.Option(help="CRF: L-BFGS iterations")]
              = CrfParams.max_iterations) -> None:
    """Retrain the tagger from NewsFANE, AQMAR and ANERcorp train (never ANERcorp test).

    The tagger sums the models found in its folder."""
    data = data or default_data_dir()
    if not (data / "anercorp").is_dir():
        fail(f"no public data at {data}; pass --data")
    out = out or model_dir()
    if kind is not Kind.crf:
        try:
            from hadath.ner.neural_train import NeuralParams, train_default_neural
        except ImportError as exc:
            fail(f"the BiLSTM-CRF needs PyTorch to train ({exc}): pip install 'hadath[build]'")
    if kind is not Kind.neural:
        meta = train_default(data, out, params=CrfParams(max_iterations=max_iterations))
        typer.echo(f"CRF: trained on {meta['sentences']} sentences, {meta['tokens']} tokens "
                   f"in {meta['train_seconds']} s")
    if kind is not Kind.crf:
        params = NeuralParams() if epochs is None else NeuralParams(epochs=epochs)
        meta = train_default_neural(data, out, params, held_out,
                                    log=lambda line: typer.echo(line, err=True), silver=silver,
                                    labeller=lambda: load_model(out, fresh=True))
        typer.echo(f"BiLSTM-CRF: trained on {meta['sentences']} sentences, {meta['tokens']} "
                   f"tokens in {meta['train_seconds']} s")


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

"""What `hadath bench` measures, each in a fresh child process so that its peak memory is its
own: the pipeline stage by stage on text, the whole pipeline on HTML pages, trafilatura alone
on the same pages (the ratio's base), and the start-up of the command line.

Speeds are articles per CPU second of the measuring process (`time.process_time`: user + sys
of every thread), so they are per core whatever else the machine runs; each is the best of
`repeat` passes after a warm-up pass, start-up excluded (it is measured on its own).
"""
from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STAGES = ("ingest", "sentences", "numbers", "mentions", "tagger", "times", "claims", "events")
# An article wrapped as a news site serves it: a menu, a headline, the body, related links
# and a footer (the furniture trafilatura and hadath must leave out).
PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | الأخبار</title>
<meta property="og:site_name" content="الأخبار"><meta property="article:published_time"
content="2016-05-{day:02d}T10:00:00+00:00"></head>
<body><header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
<li><a href="/world">العالم</a></li><li><a href="/economy">اقتصاد</a></li><li><a href="/sport">
رياضة</a></li><li><a href="/contact">اتصل بنا</a></li></ul></nav></header>
<main><article><h1>{title}</h1><div class="meta">منذ ساعتين</div>
{paragraphs}
</article><aside><h3>مقالات ذات صلة</h3><ul><li><a href="/a/1">أسعار النفط ترتفع في الأسواق
العالمية</a></li><li><a href="/a/2">منتخب الشباب يتأهل إلى النهائي</a></li></ul></aside></main>
<footer><p>جميع الحقوق محفوظة © الأخبار 2016</p><a href="#top">زر الذهاب إلى الأعلى</a>
<p>من نحن | سياسة الخصوصية | شروط الاستخدام</p></footer></body></html>
"""


@dataclass(frozen=True)
class Corpus:
    """Articles to measure on: ANT corpus files (`<TITLE>`, `<TEXT>`) or JSON Lines."""

    path: Path

    def articles(self, limit: int) -> list[tuple[str, str, str]]:
        """(id, title, body) of the first `limit` articles, in a stable order."""
        if self.path.is_file():
            return self._jsonl(limit)
        found: list[tuple[str, str, str]] = []
        for file in sorted(self.path.rglob("*.txt")):
            raw = file.read_text(encoding="utf-8", errors="replace")
            body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
            title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.DOTALL)
            if body and body.group(1).strip():
                found.append((file.stem, (title.group(1) if title else "").strip(),
                              body.group(1).strip()))
            if len(found) >= limit:
                break
        return found

    def _jsonl(self, limit: int) -> list[tuple[str, str, str]]:
        found = []
        with self.path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    row = json.loads(line)
                    text = row.get("text", "")
                    title, _, body = text.partition("\n")
                    found.append((str(row.get("id", len(found))), row.get("title") or title,
                                  body if not row.get("title") else text))
                if len(found) >= limit:
                    break
        return found


def write_inputs(articles: list[tuple[str, str, str]], folder: Path) -> tuple[Path, Path]:
    """The articles as JSON Lines (text input) and as HTML pages (one file each)."""
    folder.mkdir(parents=True, exist_ok=True)
    jsonl = folder / "articles.jsonl"
    pages = folder / "pages"
    pages.mkdir(exist_ok=True)
    with jsonl.open("w", encoding="utf-8") as out:
        for k, (article_id, title, body) in enumerate(articles):
            out.write(json.dumps({"id": f"{article_id}-{k}", "title": title,
                                  "text": f"{title}\n\n{body}", "published": "2016-05-10",
                                  "outlet": "ANT"}, ensure_ascii=False) + "\n")
            paragraphs = "\n".join(f"<p>{_escape(p)}</p>" for p in body.split("\n") if p.strip())
            (pages / f"{k:06d}.html").write_text(
                PAGE.format(title=_escape(title), paragraphs=paragraphs, day=1 + k % 28),
                encoding="utf-8")
    return jsonl, pages


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- what runs in the child processes --------------------------------------------------------

def _best(passes: int, run: Callable[[], dict[str, float]]) -> dict[str, float]:
    best: dict[str, float] = {}
    for _ in range(passes):
        for key, value in run().items():
            best[key] = min(best.get(key, value), value)
    return best


def _stage_times(metas: list[Any], tagger: bool) -> dict[str, float]:
    """CPU seconds per stage over `metas`, as `hadath.pipeline.process` runs them."""
    from hadath.claims import find_claims
    from hadath.events import extract_events
    from hadath.pipeline import candidate_spans, find_mentions, reference_date
    from hadath.record import Article
    from hadath.text.numbers import find_numbers
    from hadath.text.sentences import split_sentences
    from hadath.time import find_times

    totals = dict.fromkeys(STAGES[1:], 0.0)
    clock = time.process_time
    for meta in metas:
        article = Article(article=meta)
        text = meta.text
        t0 = clock()
        article.sentences = split_sentences(text)
        t1 = clock()
        article.numbers = find_numbers(text)
        t2 = clock()
        gazetteer = find_mentions(text, tagger=False)
        t3 = clock()
        article.mentions = find_mentions(text, tagger=tagger,
                                         tagged=candidate_spans(text)) if tagger else gazetteer
        t4 = clock()
        article.times = find_times(text, reference_date(meta))
        t5 = clock()
        article.claims = find_claims(article)
        t6 = clock()
        article.events = extract_events(article)
        t7 = clock()
        for stage, spent in zip(STAGES[1:], (t1 - t0, t2 - t1, t3 - t2, (t4 - t3) - (t3 - t2),
                                             t5 - t4, t6 - t5, t7 - t6), strict=True):
            totals[stage] += spent
    return totals


def child_text(jsonl: str, repeat: int, tagger: bool) -> dict[str, Any]:
    """Per stage and end to end on text input (JSON Lines)."""
    from hadath.ingest import IngestDefaults, read_inputs
    from hadath.pipeline import process

    def ingest() -> list[Any]:
        return [m for m in read_inputs([jsonl], IngestDefaults()) if hasattr(m, "text")]

    metas = ingest()
    for meta in metas:  # loads the models and fills the word caches: start-up is measured apart
        process(meta, tagger=tagger)

    def one_pass() -> dict[str, float]:
        started = time.process_time()
        again = ingest()
        times = {"ingest": time.process_time() - started, **_stage_times(again, tagger)}
        started = time.process_time()
        for meta in again:
            process(meta, tagger=tagger)
        times["end to end"] = times["ingest"] + time.process_time() - started
        return times

    return {"articles": len(metas), "cpu": _best(repeat, one_pass), "peak_mb": _peak_mb()}


def child_html(pages: str, repeat: int, tagger: bool) -> dict[str, Any]:
    """The whole pipeline on HTML pages: read, boilerplate removal, every stage."""
    from hadath.ingest import IngestDefaults, read_inputs
    from hadath.pipeline import process

    for meta in read_inputs([pages], IngestDefaults()):  # the warm-up pass, as for text
        if hasattr(meta, "text"):
            process(meta, tagger=tagger)
    count = [0]

    def one_pass() -> dict[str, float]:
        started = time.process_time()
        count[0] = 0
        ingest = 0.0
        for meta in _timed_items(read_inputs([pages], IngestDefaults())):
            if isinstance(meta, float):
                ingest += meta
                continue
            process(meta, tagger=tagger)
            count[0] += 1
        return {"end to end": time.process_time() - started, "ingest": ingest}

    best = _best(repeat, one_pass)
    return {"articles": count[0], "cpu": best, "peak_mb": _peak_mb()}


def _timed_items(items: Iterator[Any]) -> Iterator[Any]:
    """The items, each preceded by the CPU seconds its reading took."""
    while True:
        started = time.process_time()
        try:
            item = next(items)
        except StopIteration:
            return
        yield time.process_time() - started
        if hasattr(item, "text"):
            yield item


def child_trafilatura(pages: str, repeat: int) -> dict[str, Any]:
    """trafilatura's main-text extraction alone on the same pages (files read and decoded)."""
    import trafilatura

    files = sorted(Path(pages).glob("*.html"))
    for file in files:  # the warm-up pass, as for hadath
        trafilatura.extract(file.read_bytes().decode("utf-8"))

    def one_pass() -> dict[str, float]:
        started = time.process_time()
        for file in files:
            trafilatura.extract(file.read_bytes().decode("utf-8"))
        return {"end to end": time.process_time() - started}

    return {"articles": len(files), "cpu": _best(repeat, one_pass), "peak_mb": _peak_mb()}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "text": child_text, "html": child_html, "trafilatura": child_trafilatura,
}


def in_child(kind: str, *args: Any) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return what it printed."""
    code = ("import json, sys; from hadath.benchmark.measure import CHILDREN; "
            "print(json.dumps(CHILDREN[sys.argv[1]](*json.loads(sys.argv[2]))))")
    done = subprocess.run([sys.executable, "-c", code, kind, json.dumps(list(args))],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench {kind} failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def startup(example: Path, repeat: int) -> dict[str, dict[str, float]]:
    """Wall and CPU seconds and peak memory of `hadath --help` and of `hadath extract` on one
    article, best of `repeat` runs each after one untimed run (which fills the caches)."""
    exe = [sys.executable, "-m", "hadath"]
    runs = {"hadath --help": [*exe, "--help"],
            "hadath extract (one article)": [*exe, "extract", str(example.resolve()), "--published",
                                             "2024-11-30"]}
    found: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, command in runs.items():
            best: dict[str, float] = {}
            for attempt in range(repeat + 1):
                measured = _run_measured(command, Path(scratch))
                if attempt:
                    best = {k: min(best.get(k, v), v) for k, v in measured.items()}
            found[name] = best
    return found


def _run_measured(command: list[str], scratch: Path) -> dict[str, float]:
    script = ("import resource, subprocess, sys, time; started = time.perf_counter(); "
              "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
              "stderr=subprocess.DEVNULL).returncode; "
              "wall = time.perf_counter() - started; r = resource.getrusage(resource.RUSAGE_CHILDREN); "
              "print(wall, r.ru_utime + r.ru_stime, r.ru_maxrss / 1024, code)")
    # compiled bytecode is one of the caches the untimed run fills, as on a user's machine
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run([sys.executable, "-c", script, *command], capture_output=True,
                          text=True, check=True, cwd=scratch, env=env)
    wall, cpu, peak, code = map(float, done.stdout.split())
    if code:
        raise RuntimeError(f"{' '.join(command)} exited {code:.0f}")
    return {"wall": wall, "cpu": cpu, "peak_mb": peak}

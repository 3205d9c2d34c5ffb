"""A real server for the API tests: uvicorn on a free loopback port, in a thread of the test
process, over a real store — a SQLite file always, PostgreSQL when HADATH_TEST_PG_URL names
one — filled with articles saved (and so fused) by the real store."""
from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import text

from hadath.api import create_app
from hadath.record import Article, ArticleMeta
from hadath.store import schema
from hadath.store.db import Store

PG_URL = os.environ.get("HADATH_TEST_PG_URL")
TOKEN = "s3cret-token-for-tests"

# "The Syrian Observatory reported that 155 members of Hayat Tahrir al-Sham were killed in
# clashes with the Syrian army in Aleppo."
ALEPPO_SOHR = "أفاد المرصد السوري بمقتل 155 عنصرا من هيئة تحرير الشام في اشتباكات مع الجيش السوري في حلب."
# "The Syrian army said it killed 150 fighters in Aleppo."
ALEPPO_ARMY = "قال الجيش السوري إنه قتل 150 مسلحا في حلب."
# "Demonstrators gathered in Tahrir Square in central Baghdad today."
BAGHDAD = "تظاهر مئات الأشخاص في ساحة التحرير وسط بغداد اليوم."
# "An air strike killed 27 people in Gaza, according to the governor; the ministry said 30."
GAZA = "قتل 27 شخصا في غارة جوية على غزة بحسب المحافظ، فيما قالت الوزارة إن العدد 30."
# A headline and text that carry markup: they must come back as JSON strings, never as a page.
XSS = '<script>alert("x")</script>'
MARKUP = f'قال المتحدث {XSS} إن <img src=x onerror=alert(1)> القوات انسحبت من حمص.'


class LiveServer:
    """uvicorn serving `app` on 127.0.0.1 at a port the system chose; stopped by `stop()`."""

    def __init__(self, app: Any) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", server_header=False)
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self.server.run,
                                        kwargs={"sockets": [self._socket]}, daemon=True)
        self._thread.start()
        for _ in range(300):  # bounded wait for startup (30 s at most)
            if self.server.started or not self._thread.is_alive():
                break
            time.sleep(0.1)
        if not self.server.started:
            raise RuntimeError("the test server did not start")

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(timeout=30)
        self._socket.close()


def reset_pg(url: str) -> None:
    store = Store(url)
    with store.engine.begin() as conn:
        for table in reversed(schema.metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{table.name}"'))  # test reset, fixed names
    store.close()


def db_url(backend: str, folder: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / 'events.db'}"
    if not PG_URL:
        pytest.skip("HADATH_TEST_PG_URL is not set: no PostgreSQL server to test against")
    reset_pg(PG_URL)
    return PG_URL


def _event(article_id: str, text_: str, number: int = 1, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": f"{article_id}-e{number}", "modality": "asserted", "time_precision": 1,
        "date_end": None, "assoc_actors": [], "fatalities": [], "injured": [], "detained": [],
        "sources": [], "confidence": 0.8,
        "evidence": [{"article_id": article_id, "sentence": 0, "start": 0, "end": len(text_),
                      "text": text_}],
    }
    record.update(fields)
    return record


def _article(article_id: str, text_: str, outlet: str, published: str, *events: dict[str, Any],
             title: str | None = None) -> Article:
    return Article(article=ArticleMeta(id=article_id, text=text_, outlet=outlet,
                                       title=title or text_[:30],
                                       url=f"https://example.org/{article_id}",
                                       published=published, language="ar"),
                   sentences=[], events=list(events))


ALEPPO = {"canonical": "Aleppo", "surface": "حلب", "country": "SY", "admin1": "Aleppo",
          "lat": 36.20124, "lon": 37.16117, "geo_precision": 1}
HTS = {"canonical": "Hayat Tahrir al-Sham", "surface": "هيئة تحرير الشام", "kind": "armed_group",
       "country": "SYR"}
ARMY = {"canonical": "Military Forces of Syria", "surface": "الجيش السوري",
        "kind": "state_forces", "country": "SYR"}


def sample_articles() -> list[Article]:
    """Two outlets' reports of one clash in Aleppo (with their conflicting figures), a protest
    in Baghdad, an air strike in Gaza, and an article whose text and title carry markup."""
    return [
        _article("aleppo-enab", ALEPPO_SOHR, "عنب بلدي", "2024-11-30", _event(
            "aleppo-enab", ALEPPO_SOHR, type="armed_clash", date="2024-11-30",
            actor1=HTS, actor2=ARMY, location=ALEPPO,
            sources=["Syrian Observatory for Human Rights"],
            summary_en="Clashes between HTS and the Syrian army in Aleppo.",
            fatalities=[{"count": 155, "source": "Syrian Observatory for Human Rights",
                         "side": "Hayat Tahrir al-Sham", "article_id": "aleppo-enab"}])),
        _article("aleppo-jazeera", ALEPPO_ARMY, "الجزيرة نت", "2024-11-30", _event(
            "aleppo-jazeera", ALEPPO_ARMY, type="armed_clash", date="2024-11-30",
            modality="claimed", actor1=ARMY, actor2=HTS, location=ALEPPO,
            sources=["Military Forces of Syria"],
            fatalities=[{"count": 150, "source": "Military Forces of Syria",
                         "article_id": "aleppo-jazeera"}])),
        _article("baghdad", BAGHDAD, "الجزيرة نت", "2024-12-01", _event(
            "baghdad", BAGHDAD, type="protest", date="2024-12-01", confidence=0.6,
            actor1={"canonical": "Protesters (Iraq)", "kind": "protesters", "country": "IRQ"},
            location={"canonical": "Baghdad", "surface": "بغداد", "country": "IQ",
                      "admin1": "Baghdad", "lat": 33.34058, "lon": 44.40088, "geo_precision": 1},
            summary_en="Protest in Tahrir Square, Baghdad (50% of them students).")),
        _article("gaza", GAZA, "العربي الجديد", "2024-10-10", _event(
            "gaza", GAZA, type="air_strike", date="2024-10-10",
            actor1={"canonical": "Military Forces of Israel", "kind": "state_forces",
                    "country": "ISR"},
            location={"canonical": "Gaza", "surface": "غزة", "country": "PS",
                      "admin1": "Gaza Strip", "lat": 31.50161, "lon": 34.46672,
                      "geo_precision": 1},
            sources=["Governor of Gaza", "Ministry of Health (Gaza)"],
            fatalities=[{"count": 27, "source": "Governor of Gaza", "article_id": "gaza"},
                        {"count": 30, "source": "Ministry of Health (Gaza)",
                         "article_id": "gaza"}])),
        _article("homs-markup", MARKUP, "موقع <b>مجهول</b>", "2023-05-02", _event(
            "homs-markup", MARKUP, type="withdrawal", date="2023-05-02", actor1=ARMY,
            location={"canonical": "Homs", "surface": "حمص", "country": "SY", "admin1": "Homs",
                      "lat": 34.72682, "lon": 36.72339, "geo_precision": 1},
            summary_en=f"Forces withdrew from Homs {XSS}."), title=XSS),
    ]


def fill(url: str) -> None:
    store = Store(url)
    for article in sample_articles():
        store.save(article)
    store.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def api(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A client of a read-only server over the sample store."""
    url = db_url(backend, tmp_path_factory.mktemp("store"))
    fill(url)
    server = LiveServer(create_app(url))
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client
    server.stop()


@pytest.fixture(scope="module")
def writable(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A client of a server started with a token, over an empty store."""
    url = db_url(backend, tmp_path_factory.mktemp("writable"))
    server = LiveServer(create_app(url, token=TOKEN))
    with httpx.Client(base_url=server.url, timeout=120) as client:
        yield client
    server.stop()
